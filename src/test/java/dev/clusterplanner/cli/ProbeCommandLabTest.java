package dev.clusterplanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.lab.IncusLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code probe} end to end against the real Incus lab: exit codes 0, 3 and 1 and what is printed and saved. */
class ProbeCommandLabTest {

    static IncusLab lab;
    static final List<String> CREATED = List.of("web-1", "web-2", "db-1");
    static double memberGib;

    @BeforeAll
    static void createInstances() throws Exception {
        lab = IncusLab.requireEmpty();
        lab.incus("launch", "tiny", "web-1", "--target", "node1", "-c", "limits.cpu=1", "-c", "limits.memory=256MiB");
        lab.incus("launch", "tiny", "web-2", "--target", "node2", "-c", "limits.cpu=1", "-c", "limits.memory=256MiB");
        lab.incus("launch", "tiny", "db-1", "--target", "node3", "-c", "limits.cpu=1", "-c", "limits.memory=512MiB");
        JsonNode res = new ObjectMapper().readTree(lab.incus("query", "/1.0/resources?target=node1"));
        memberGib = res.path("memory").path("total").asLong() / (double) (1L << 30);
    }

    @AfterAll
    static void deleteCreated() {
        if (lab == null) {
            return;
        }
        String existing = lab.incus("list", "--format", "csv", "-c", "n");
        for (String name : CREATED) {
            if (existing.lines().anyMatch(name::equals)) {
                lab.incus("delete", "--force", name);
            }
        }
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    String[] url(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("probe", "--url", lab.url(), "--cert", lab.cert().toString(), "--key", lab.key().toString(),
                "--fingerprint", lab.fingerprint()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static Path plan(Path dir, String name, String extraWorkloads) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, """
                {"format": 1, "name": "lab", "sites": [{"name": "lab", "kind": "cluster", "hardware": [],
                  "policy": {"storage": "local"},
                  "workloads": [
                    {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 0.25},
                    {"name": "db", "kind": "container", "count": 1, "vcpu": 1, "memoryGib": 0.5}%s
                  ]}]}
                """.formatted(extraWorkloads));
        return f;
    }

    @Test
    void aPlanThatMatchesTheClusterExitsZero(@TempDir Path dir) throws Exception {
        // demand per host thread: 3 containers x 1 vCPU / overcommit 4 = 0.75 of one thread; 1 GiB of memory:
        // one member holds it all, minHosts 3 asks for three, the lab has three online
        Result r = run(url("--plan", plan(dir, "ok.plan.json", "").toString()));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Result: the cluster matches the plan"), r.out());
        assertTrue(r.out().contains("live.hosts-enough: the plan needs 3 host(s)"), r.out());
        assertTrue(r.out().contains("live.heals-after-member-loss"), r.out());
    }

    @Test
    void aPlanThatNeedsMoreHostsYieldsFindingsAndExitThree(@TempDir Path dir) throws Exception {
        // four containers of 60 % of a member's memory after the 2 GiB reserve: one per member, so 4 members,
        // plus 1 tolerated failure = 5 hosts; the lab has 3
        double big = Math.floor((memberGib - 2) * 0.6 * 100) / 100;
        String extra = String.format(Locale.ROOT, ",%n{\"name\": \"big\", \"kind\": \"container\", \"count\": 4, \"vcpu\": 1, \"memoryGib\": %.2f}", big);
        Result r = run(url("--plan", plan(dir, "big.plan.json", extra).toString()));
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("ERROR   live.hosts-below-plan: the plan needs 5 hosts like"), r.out());
        assertTrue(r.out().contains("and the cluster has 3 online"), r.out());
        assertTrue(r.out().contains("live.instance-missing: workload 'big': 4 of 4 planned instance(s) not found live"), r.out());
    }

    @Test
    void aWrongFingerprintIsATlsErrorWithExitOne() {
        Result r = run("probe", "--url", lab.url(), "--cert", lab.cert().toString(), "--key", lab.key().toString(), "--fingerprint", "ab".repeat(32));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("TLS error: server certificate changed"), r.err());
        assertTrue(r.err().contains(lab.fingerprint()), r.err());
    }

    @Test
    void anUnreachableServerIsAConnectionErrorWithExitOne() {
        Result r = run("probe", "--url", "https://127.0.0.1:1", "--cert", lab.cert().toString(), "--key", lab.key().toString(), "--fingerprint", lab.fingerprint());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("connection error: cannot connect to https://127.0.0.1:1"), r.err());
    }

    @Test
    void withoutAPinnedFingerprintAndNoTerminalTheProbeRefusesAndSaysHowToPin() {
        Result r = run("probe", "--url", lab.url(), "--cert", lab.cert().toString(), "--key", lab.key().toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--fingerprint " + lab.fingerprint()), r.err());
        Result accepted = run("probe", "--url", lab.url(), "--cert", lab.cert().toString(), "--key", lab.key().toString(), "--accept-fingerprint");
        assertEquals(0, accepted.code(), accepted.out() + accepted.err());
        assertTrue(accepted.err().contains("SHA-256 fingerprint " + lab.fingerprint()), accepted.err());
    }

    @Test
    void aRemoteOfTheIncusClientConfigWorksAndTheSnapshotIsSavedWithoutTheKey(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("snap.json");
        Path imported = dir.resolve("live.plan.json");
        Result r = run("probe", "--remote", "lab", "--config-dir", lab.clientConfigDir().toString(), "--json", json.toString(),
                "--import-plan", imported.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        for (String m : lab.members()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(m + " ") && l.contains("online")), r.out());
        }
        String text = Files.readString(json);
        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals(1, root.path("format").asInt());
        assertTrue(root.path("takenAt").asText().endsWith("Z"), root.path("takenAt").asText());
        assertEquals(3, root.path("snapshot").path("members").size());
        assertEquals(512L << 20, root.path("snapshot").path("instances").findParents("name").stream()
                .filter(n -> n.path("name").asText().equals("db-1")).findFirst().orElseThrow().path("memoryLimitBytes").asLong());
        String key = Files.readString(lab.key());
        String keyBody = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertFalse(text.contains("PRIVATE KEY") || text.contains(keyBody), "the snapshot must not hold the private key");

        Plan plan = new PlanService().open(imported);
        Workload web = plan.sites().get(0).workloads().stream().filter(w -> w.name().equals("web")).findFirst().orElseThrow();
        assertEquals(2, web.count());
        assertEquals(0.25, web.memoryGib(), 1e-9, "256 MiB = 0.25 GiB");
        assertEquals(1.0, web.vcpu());
    }
}
