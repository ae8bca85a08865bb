package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterplanner.adapters.ceph.CephReadException;
import dev.clusterplanner.contract.JsonSchemas;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved probes ({@code probe --json}, the window's Save snapshot: both go through {@link ProbeService#save}) conform to
 * the published snapshot schema: with Ceph read, with Ceph unreachable, without Ceph, and checked against a plan.
 */
class ProbeSnapshotSchemaTest {

    static String saved(ProbeService.Result r, Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        new ProbeService().save(r, file);
        return Files.readString(file);
    }

    @Test
    void aProbeWithCephReadConforms(@TempDir Path dir) throws Exception {
        String json = saved(ProbeCephJsonTest.probe(ProbeCephJsonTest::cluster), dir, "ceph.json");
        assertTrue(json.contains("\"cephStorage\""), "the fixture exercises the Ceph parts");
        JsonSchemas.assertConforms(JsonSchemas.SNAPSHOT, json, "a probe with Ceph");
    }

    @Test
    void aProbeWhoseCephWasUnreachableConforms(@TempDir Path dir) throws Exception {
        String json = saved(ProbeCephJsonTest.probe(() -> {
            throw new CephReadException("connection refused");
        }), dir, "unreachable.json");
        JsonSchemas.assertConforms(JsonSchemas.SNAPSHOT, json, "a probe with Ceph unreachable");
    }

    @Test
    void aProbeCheckedAgainstAPlanConforms(@TempDir Path dir) throws Exception {
        Plan plan = ExamplePlans.load("meerkat-cluster.plan.json");
        ProbeService.Result checked = new ProbeService().check(ProbeCephJsonTest.snapshot(), plan, null);
        String json = saved(checked, dir, "checked.json");
        assertTrue(json.contains("\"validation\""), "the fixture exercises the validation part");
        JsonSchemas.assertConforms(JsonSchemas.SNAPSHOT, json, "a probe checked against the Meerkat plan");
    }

    @Test
    void aProbeWithAWatchThatTookNoSampleYetConforms() throws Exception {
        ProbeService.Result probe = ProbeCephJsonTest.probe(ProbeCephJsonTest::cluster);
        var summary = new dev.clusterplanner.core.usage.UsageSummary(null, null, java.time.Duration.ofSeconds(10), 0, List.of(), List.of(),
                List.of());
        var watch = new WatchService.Result(probe, new WatchService.Settings(java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(10), 20),
                List.of(), summary, List.of(), null, true, List.of("stopped before the first sample"));
        String json = new WatchService().toJson(watch, null);
        assertTrue(json.contains("\"watch\"") && json.contains("\"cephStorage\""), "the watch comes after the Ceph parts");
        JsonSchemas.assertConforms(JsonSchemas.SNAPSHOT, json, "a probe with a watch");
    }

    @Test
    void theSnapshotSchemaRejectsAWrongTypeAndAnUnknownField(@TempDir Path dir) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(saved(ProbeCephJsonTest.probe(ProbeCephJsonTest::cluster), dir, "p.json"));

        ObjectNode wrongType = doc.deepCopy();
        ((ObjectNode) wrongType.get("snapshot").get("members").get(0).get("resources")).put("memoryBytes", "64 GiB");
        assertFalse(JsonSchemas.errors(JsonSchemas.SNAPSHOT, wrongType).isEmpty(), "memory as text must be rejected");

        ObjectNode unknown = doc.deepCopy();
        ((ObjectNode) unknown.get("snapshot")).put("password", "secret");
        assertTrue(JsonSchemas.errors(JsonSchemas.SNAPSHOT, unknown).toString().contains("password"),
                "a field the snapshot does not have must be rejected");

        ObjectNode health = doc.deepCopy();
        ((ObjectNode) health.get("ceph").get("cluster")).put("health", "fine");
        assertFalse(JsonSchemas.errors(JsonSchemas.SNAPSHOT, health).isEmpty());
    }
}
