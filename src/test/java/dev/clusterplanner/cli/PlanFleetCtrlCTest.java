package dev.clusterplanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.Launcher;
import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl+C during {@code plan --fleet} keeps the best fleet found so far: the command still prints and saves everything,
 * the fleet says it was cancelled and is not claimed reproducible. The CLI runs as its own process and gets a real
 * SIGINT (the native solver must not take the signal: it used to abort the process).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PlanFleetCtrlCTest {

    @Test
    void ctrlCDuringTheSearchKeepsTheBestFleetAndWritesTheOutputs(@TempDir Path dir) throws Exception {
        // the Supermicro example with 8 times the instances (no anti-affinity) and five candidates: a search of minutes
        Plan example = ExamplePlans.load("supermicro-cluster.plan.json");
        Site s = example.sites().get(0);
        List<Workload> ws = s.workloads().stream().map(w -> w.withCount(w.count() * 8).withAntiAffinity(false)).toList();
        Site big = s.withWorkloads(ws).withHardware(List.of("rack-supermicro-as1115sv-8224p", "desktop-meerkat-tall-i5",
                "baremetal-phoenixnap-s3.c1.medium", "aws-m7i.2xlarge", "aws-m7i.8xlarge"));
        Path planFile = dir.resolve("big.plan.json");
        new PlanService().save(example.withSites(List.of(big)), planFile);
        Path json = dir.resolve("result.json");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "plan", planFile.toString(), "--fleet", "300", "--json", json.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(dir.resolve("err.txt")).contains("Searching for the cheapest fleet") && System.nanoTime() < until) {
                assertTrue(p.isAlive(), "the command ended before its search: " + Files.readString(dir.resolve("err.txt")));
                Thread.sleep(100);
            }
            Thread.sleep(2000); // inside the search
            assertTrue(p.isAlive(), "a 300 s search is still running");
            Process kill = new ProcessBuilder("sh", "-c", "kill -INT " + p.pid()).start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ends soon after Ctrl+C");
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("err.txt"));
        assertFalse(err.contains("bad_function_call") || err.contains("terminate called"), err);
        assertTrue(err.contains("stopped: cancelled (the best answer so far)"), err);
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("fleet: "), "the table lists the fleet");
        JsonNode fleet = null;
        for (JsonNode sc : new ObjectMapper().readTree(Files.readString(json)).get("sites").get(0).get("scenarios")) {
            if (sc.hasNonNull("fleet")) {
                fleet = sc.get("fleet");
            }
        }
        assertNotNull(fleet, "the saved result has the fleet");
        assertEquals("cancelled", fleet.get("status").asText());
        assertFalse(fleet.get("reproducible").asBoolean(), "a cancelled search is not reproducible");
        assertTrue(fleet.get("lowerBoundUsd").asDouble() <= fleet.get("costUsd").asDouble());
    }
}
