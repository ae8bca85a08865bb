package dev.clusterplanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.contract.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plan --fleet SECONDS}: the cheapest fleet as one more option of every site, judged like the others. */
class PlanFleetCommandTest {

    static final Path EXAMPLES = Path.of("catalogs/examples");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> fleetOptions(JsonNode site) {
        List<JsonNode> out = new ArrayList<>();
        site.get("scenarios").forEach(s -> {
            if (s.has("fleet")) {
                out.add(s);
            }
        });
        return out;
    }

    @Test
    void theFleetIsOneMoreOptionOfEverySiteWithItsBoundGapAndStatus(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        CliTest.Result r = CliTest.run("plan", EXAMPLES.resolve("hybrid.plan.json").toString(), "--fleet", "0.2", "--json", out.toString());
        assertTrue(r.code() == 0 || r.code() == 3, r.err());
        String text = Files.readString(out);
        JsonSchemas.assertConforms(JsonSchemas.RESULT, text, "plan --fleet --json");
        JsonNode result = JSON.readTree(text);
        for (JsonNode site : result.get("sites")) {
            List<JsonNode> fleets = fleetOptions(site);
            assertEquals(1, fleets.size(), "one fleet option in site " + site.get("name"));
            JsonNode o = fleets.get(0);
            JsonNode f = o.get("fleet");
            assertEquals("mixed", o.get("kind").asText());
            assertTrue(f.get("lowerBoundUsd").asDouble() <= f.get("costUsd").asDouble() + 1e-6, f.toString());
            double cost = f.get("costUsd").asDouble();
            double gap = cost <= 0 ? 0 : (cost - f.get("lowerBoundUsd").asDouble()) / cost;
            assertEquals(gap, f.get("gap").asDouble(), 1e-9);
            assertTrue(Set.of("optimal", "budget-spent", "cancelled", "infeasible").contains(f.get("status").asText()));
            assertEquals(0.2, f.get("timeLimitSeconds").asDouble(), 1e-9);
            assertTrue(f.get("summary").asText().startsWith("no fleet costs less than "), f.get("summary").asText());
            // the option's own cost for ranking is the fleet's
            int hosts = 0;
            for (JsonNode h : o.get("placement")) {
                hosts++;
            }
            assertEquals(o.get("hosts").asInt(), hosts);
        }
        assertTrue(r.err().contains("Searching for the cheapest fleet of site"), r.err());
    }

    @Test
    void everyInstanceIsPlacedOnceNoHostIsOverCapacityAndTheFailureCheckIsTheSizers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        Path plan = EXAMPLES.resolve("thelio-gpu-cluster.plan.json");
        CliTest.Result r = CliTest.run("plan", plan.toString(), "--fleet", "0.2", "--json", out.toString());
        assertTrue(r.code() == 0 || r.code() == 3, r.err());
        JsonNode site = JSON.readTree(Files.readString(out)).get("sites").get(0);
        JsonNode o = fleetOptions(site).get(0);
        // the instances the plan asks for, named as the sizing engine names them
        Set<String> expected = new HashSet<>();
        for (JsonNode w : JSON.readTree(plan.toFile()).get("sites").get(0).get("workloads")) {
            for (int i = 1; i <= w.get("count").asInt(); i++) {
                expected.add(w.get("name").asText() + "-" + i);
            }
        }
        List<String> placed = new ArrayList<>();
        for (JsonNode h : o.get("placement")) {
            h.get("instances").forEach(i -> placed.add(i.asText()));
            for (String d : List.of("cpu", "memory", "disk", "gpu", "network")) {
                JsonNode cap = h.get("capacity").get(d);
                JsonNode used = h.get("used").get(d);
                if (cap != null && cap.isNumber() && used != null && used.isNumber()) {
                    assertTrue(used.asDouble() <= cap.asDouble() + 1e-6, h.get("host") + " " + d + " " + used + " > " + cap);
                }
            }
        }
        assertEquals(placed.size(), new HashSet<>(placed).size(), "no instance placed twice: " + placed);
        assertEquals(expected, new HashSet<>(placed));
        assertEquals(0, o.get("unplaced").size());
        // two anti-affine replicas per workload: never on one host
        for (JsonNode h : o.get("placement")) {
            List<String> names = new ArrayList<>();
            h.get("instances").forEach(i -> names.add(i.asText()));
            assertFalse(names.contains("gpu-inference-1") && names.contains("gpu-inference-2"), h.toString());
            assertFalse(names.contains("postgres-1") && names.contains("postgres-2"), h.toString());
        }
        JsonNode check = o.get("failureCheck");
        assertEquals(1, check.get("failuresTolerated").asInt());
        assertTrue(Set.of("enumerated", "bound").contains(check.get("method").asText()), check.toString());
        assertEquals(o.get("feasible").asBoolean(), check.get("holds").asBoolean(), "all placed: feasible exactly when the failure check holds");
        JsonNode f = o.get("fleet");
        assertTrue(f.get("lowerBoundUsd").asDouble() <= f.get("costUsd").asDouble() + 1e-6);
        // the table lists it, marked as the fleet
        assertTrue(r.out().contains("fleet: "), r.out());
    }

    @Test
    void withoutTheOptionOrWithZeroThereIsNoFleetOption(@TempDir Path dir) throws Exception {
        for (String[] extra : List.of(new String[0], new String[]{"--fleet", "0"})) {
            Path out = dir.resolve("r" + extra.length + ".json");
            List<String> args = new ArrayList<>(List.of("plan", EXAMPLES.resolve("meerkat-cluster.plan.json").toString(), "--json", out.toString()));
            args.addAll(List.of(extra));
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            JsonNode site = JSON.readTree(Files.readString(out)).get("sites").get(0);
            assertTrue(fleetOptions(site).isEmpty());
            assertNull(site.get("scenarios").get(0).get("fleet"));
            assertFalse(r.err().contains("cheapest fleet"), r.err());
        }
    }

    @Test
    void aBadTimeLimitIsAUsageErrorNamingTheOption() {
        for (String bad : List.of("-1", "3601", "NaN", "soon")) {
            CliTest.Result r = CliTest.run("plan", EXAMPLES.resolve("meerkat-cluster.plan.json").toString(), "--fleet", bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--fleet"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void thePdfListsTheFleetAmongTheOptionsAndSaysWhatItIsWithItsBoundAndGap(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("r.pdf");
        Path json = dir.resolve("r.json");
        CliTest.Result r = CliTest.run("plan", EXAMPLES.resolve("supermicro-cluster.plan.json").toString(), "--fleet", "0.2",
                "--pdf", pdf.toString(), "--json", json.toString());
        assertTrue(r.code() == 0 || r.code() == 3, r.err());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        JsonNode f = fleetOptions(JSON.readTree(Files.readString(json)).get("sites").get(0)).get(0).get("fleet");
        assertTrue(text.contains("Cheapest fleet: "), "the options table names the fleet");
        assertTrue(text.contains("is the cheapest fleet the optimiser found across all of this site's hardware candidates"), text);
        String bound = String.format(java.util.Locale.ROOT, "%,.0f", f.get("lowerBoundUsd").asDouble());
        assertTrue(text.contains("No fleet of these candidates costs less than " + bound + " USD"), bound);
        String gap = String.format(java.util.Locale.ROOT, "%.1f %%", f.get("gap").asDouble() * 100);
        assertTrue(text.contains("at most " + gap + " above the cheapest possible"), gap);
    }

    @Test
    void theCsvFilesListTheFleetItsCostOptionAndItsBoundAndGap(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        CliTest.Result r = CliTest.run("plan", EXAMPLES.resolve("thelio-gpu-cluster.plan.json").toString(), "--fleet", "0.2",
                "--csv", dir.resolve("csv").toString(), "--json", json.toString());
        assertTrue(r.code() == 0 || r.code() == 3, r.err());
        JsonNode o = fleetOptions(JSON.readTree(Files.readString(json)).get("sites").get(0)).get(0);
        List<String> fleet = Files.readAllLines(dir.resolve("csv/fleet.csv"));
        assertEquals(2, fleet.size(), fleet.toString());
        assertTrue(fleet.get(0).startsWith("site,scenario_rank,recommended,feasible,hosts,hosts_by_hardware,cost_usd,lower_bound_usd,gap,status"));
        String[] cells = fleet.get(1).split(",");
        assertEquals("production", cells[0]);
        assertEquals(o.get("rank").asText(), cells[1]);
        assertEquals(o.get("fleet").get("lowerBoundUsd").asDouble(), Double.parseDouble(cells[7]), 0.005);
        // the fleet's cost option is in the comparison (kind mixed, id fleet) and its monthly series in monthly.csv
        assertTrue(Files.readAllLines(dir.resolve("csv/comparison.csv")).stream().anyMatch(l -> l.startsWith("production,fleet,")),
                "comparison.csv has the fleet");
        assertTrue(Files.readAllLines(dir.resolve("csv/monthly.csv")).stream().filter(l -> l.startsWith("production,fleet,")).count() == 60);
        assertEquals("fleet", o.get("cost").get("id").asText());
        assertEquals(o.get("tcoUsd").asDouble(), o.get("cost").get("tcoUsd").asDouble(), 0.005);
    }

    @Test
    void aFleetOfTheRecommendedHostsIsSaidToCostAsMuchNotZeroLess() {
        // the Supermicro example's cheapest fleet is its recommended option's hosts (3 x the 8224P, proven cheapest):
        // the same month-by-month costs, so the summary says "as much as" and the break-even "the same in each month"
        CliTest.Result r = CliTest.run("plan", EXAMPLES.resolve("supermicro-cluster.plan.json").toString(), "--fleet", "1");
        assertTrue(r.code() == 0 || r.code() == 3, r.err());
        assertTrue(r.out().contains("is cheapest over 60 months at 44,416.80 USD, as much as cheapest fleet: 3 x rack-supermicro-as1115sv-8224p."),
                r.out());
        assertTrue(r.out().contains("cheapest fleet: 3 x rack-supermicro-as1115sv-8224p cost the same in each of the 60 months"), r.out());
        assertFalse(r.out().contains("0.00 USD less than"), r.out());
    }
}
