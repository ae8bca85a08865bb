package dev.clusterplanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.app.ExamplePlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two commands a user compares: {@code simulate} (every uncertainty off) gives each option exactly the total
 * {@code plan} prints for it, and simulates the option {@code plan} recommends, on every example plan.
 */
class PlanSimulateAgreementTest {

    static List<String> examples() {
        return ExamplePlans.NAMES;
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void simulateGivesEveryOptionThePlansTotal(String example) throws Exception {
        String file = Path.of(System.getProperty("project.basedir", "."), "catalogs/examples/" + example).toString();
        String[] plan = run("plan", file);
        assertTrue(plan[0].equals("0") || plan[0].equals("3"), plan[2]);
        String[] sim = run("simulate", file, "--trials", "20", "--seed", "1", "--no-growth", "--no-failures", "--no-price-drift",
                "--json", "-");
        assertEquals("0", sim[0], sim[2]);
        JsonNode json = new ObjectMapper().readTree(sim[1]);
        int options = 0;
        for (JsonNode site : json.get("sites")) {
            // plan's line "Recommended: N hosts: ..." (or "Recommended: keep 2 owned ... + add 1 ..., N hosts: ...") is the
            // simulated option's host count
            int hosts = site.get("hosts").asInt();
            assertTrue(plan[1].lines().anyMatch(l -> l.startsWith("Recommended: ")
                            && (l.startsWith("Recommended: " + hosts + " host") || l.contains(", " + hosts + " host"))),
                    example + " " + site.get("name"));
            for (JsonNode o : site.get("options")) {
                String label = PlanCommand.trim(o.get("name").asText(), 58);
                String total = String.format(Locale.ROOT, "%,.2f", o.get("deterministicUsd").asDouble());
                // the cost table line of that option in plan's output carries the same total
                boolean found = plan[1].lines().anyMatch(l -> l.contains(label) && l.contains(" " + total + " "));
                assertTrue(found, example + ": plan prints " + label + " at " + total);
                options++;
            }
        }
        assertTrue(options > 0, example);
    }
}
