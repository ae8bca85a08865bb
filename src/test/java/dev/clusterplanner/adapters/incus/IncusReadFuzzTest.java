package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.fuzz.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Incus readers behind a probe, fed through a fake server whose answers after {@code /1.0} are mutated
 * recordings or random text: a probe returns a snapshot (a bad part is a read problem) or throws the probe's own
 * exception with a message. Plus the hand-made cases of the hostile-input report.
 */
class IncusReadFuzzTest {

    static final String SERVER = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":{\"auth\":\"trusted\",\"environment\":"
            + "{\"server_name\":\"h1\",\"server_version\":\"6.0\",\"server_clustered\":false}}}";
    static final String INSTANCES = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":[{\"name\":\"web-1\",\"project\":\"default\","
            + "\"type\":\"container\",\"location\":\"none\",\"status\":\"Running\",\"expanded_config\":{\"limits.cpu\":\"2\",\"limits.memory\":\"2GiB\"},"
            + "\"expanded_devices\":{\"root\":{\"type\":\"disk\",\"path\":\"/\",\"pool\":\"default\",\"size\":\"10GiB\"}}},"
            + "{\"name\":\"db-1\",\"project\":\"default\",\"type\":\"virtual-machine\",\"location\":\"none\",\"status\":\"Running\","
            + "\"expanded_config\":{\"limits.cpu\":\"4\"},\"expanded_devices\":{}}]}";
    static final String POOLS = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":[{\"name\":\"default\",\"driver\":\"zfs\",\"status\":\"Created\",\"config\":{}}]}";
    static final String POOL_SPACE = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":{\"space\":{\"total\":1000000,\"used\":1000}}}";
    static final String NETWORKS = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":[{\"name\":\"incusbr0\",\"type\":\"bridge\",\"managed\":true,\"status\":\"Created\"}]}";
    static final String STATE = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":{\"memory\":{\"usage\":1000,\"usage_peak\":2000},\"cpu\":{\"usage\":5},\"processes\":3}}";

    static String resources() {
        try (InputStream in = IncusReadFuzzTest.class.getResourceAsStream("/incus-recorded/resources-node2.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fake Incus: answers by path prefix; what is not listed is a 404 error answer. */
    static final class FakeIncus implements Transport {
        final Map<String, String> answers = new HashMap<>();

        FakeIncus() {
            answers.put("/1.0", SERVER);
            answers.put("/1.0/resources", resources());
            answers.put("/1.0/instances?", INSTANCES);
            answers.put("/1.0/storage-pools?", POOLS);
            answers.put("/1.0/storage-pools/default/resources", POOL_SPACE);
            answers.put("/1.0/networks?", NETWORKS);
            answers.put("/1.0/instances/web-1/state", STATE);
            answers.put("/1.0/instances/db-1/state", STATE);
        }

        @Override
        public HttpReply get(String pathAndQuery) {
            String best = null;
            for (String k : answers.keySet()) {
                if ((pathAndQuery.equals(k) || pathAndQuery.startsWith(k) && !k.equals("/1.0")) && (best == null || k.length() > best.length())) {
                    best = k;
                }
            }
            if (best == null) {
                return new HttpReply(404, "{\"type\":\"error\",\"error\":\"not found\",\"error_code\":404}".getBytes(StandardCharsets.UTF_8));
            }
            return new HttpReply(200, answers.get(best).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "https://fake:8443";
        }

        @Override
        public void close() {
        }
    }

    static LiveSnapshot probe(FakeIncus fake) throws ProbeException {
        try (IncusClient c = new IncusClient(fake, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))) {
            return c.snapshot();
        }
    }

    record Damage(String part, String body) {
    }

    @Provide
    Arbitrary<Damage> damages() {
        Arbitrary<String> part = Arbitraries.of("/1.0/resources", "/1.0/instances?", "/1.0/storage-pools?",
                "/1.0/storage-pools/default/resources", "/1.0/networks?", "/1.0/instances/web-1/state");
        Arbitrary<String> body = Mutations.inputs(List.of(INSTANCES, POOLS, POOL_SPACE, NETWORKS, STATE,
                resources().substring(0, Math.min(resources().length(), 4000))), 200);
        return Combinators.combine(part, body).as(Damage::new);
    }

    @Property
    void oneDamagedAnswerGivesASnapshotOrAProbeErrorNeverACrash(@ForAll("damages") Damage d) {
        FakeIncus fake = new FakeIncus();
        fake.answers.put(d.part(), d.body());
        try {
            LiveSnapshot s = probe(fake);
            assertNotNull(s.members());
        } catch (ProbeException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void aNonJsonAnswerForOneMembersResourcesIsAReadProblemAndTheRestComesBack() throws ProbeException {
        FakeIncus fake = new FakeIncus();
        fake.answers.put("/1.0/resources", "<html>gateway error</html>");
        LiveSnapshot s = probe(fake);
        assertEquals(1, s.members().size());
        assertFalse(s.members().get(0).readable());
        assertEquals(2, s.instances().size(), "the instances still come back");
        assertEquals(1, s.pools().size());
    }

    @Test
    void aNonJsonAnswerForTheStoragePoolsOrOneInstancesStateIsAReadProblem() throws ProbeException {
        FakeIncus fake = new FakeIncus();
        fake.answers.put("/1.0/storage-pools?", "not json at all");
        fake.answers.put("/1.0/instances/web-1/state", "\u0000\u0001garbage");
        LiveSnapshot s = probe(fake);
        assertTrue(s.pools().isEmpty());
        assertTrue(s.problems().stream().anyMatch(p -> p.startsWith("storage pools not read")), s.problems().toString());
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("web-1")), s.problems().toString());
        assertEquals(2, s.instances().size());
        assertTrue(s.members().get(0).readable());
    }

    @Test
    void aHugeCpuLimitIsAReadProblemNotACrash() throws ProbeException {
        FakeIncus fake = new FakeIncus();
        fake.answers.put("/1.0/instances?", INSTANCES.replace("\"limits.cpu\":\"2\"", "\"limits.cpu\":\"99999999999999999999\""));
        LiveSnapshot s = probe(fake);
        assertEquals(2, s.instances().size());
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("web-1") && p.contains("limits.cpu")), s.problems().toString());
    }
}
