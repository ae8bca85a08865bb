package dev.clusterplanner.adapters.incus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterplanner.core.live.FingerprintPrompt;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.live.ProbeSettings;
import dev.clusterplanner.lab.IncusLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe against the real three-member Incus lab ({@code src/test/lab/incus-lab.sh}). The
 * instances are created here with known limits by the real incus client; the probe must read
 * back exactly those.
 */
class IncusLabProbeTest {

    static IncusLab lab;
    static final List<String> CREATED = List.of("pt-web-1", "pt-web-2", "pt-db-1", "pt-idle-1");

    @BeforeAll
    static void createInstances() {
        lab = IncusLab.requireEmpty();
        lab.incus("launch", "tiny", "pt-web-1", "--target", "node1", "-c", "limits.cpu=1", "-c", "limits.memory=256MiB");
        lab.incus("launch", "tiny", "pt-web-2", "--target", "node2", "-c", "limits.cpu=1", "-c", "limits.memory=256MiB");
        lab.incus("launch", "tiny", "pt-db-1", "--target", "node3", "-c", "limits.cpu=2", "-c", "limits.memory=512MiB",
                "-d", "root,size=1GiB");
        // created, never started: a pinned CPU set and a memory limit in percent of its member
        lab.incus("init", "tiny", "pt-idle-1", "--target", "node2", "-c", "limits.cpu=0-1", "-c", "limits.memory=10%");
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

    static IncusClient client() throws ProbeException {
        return IncusConnector.https(lab.url(), lab.cert(), lab.key(), lab.fingerprint(), FingerprintPrompt.REFUSE, ProbeSettings.DEFAULT);
    }

    @Test
    void probeReportsTheThreeMembersOnlineWithTheirResources() throws Exception {
        LiveSnapshot s;
        try (IncusClient c = client()) {
            s = c.snapshot();
        }
        assertTrue(s.clustered());
        assertEquals("6.0.4", s.serverVersion().substring(0, 5));
        assertEquals(List.of("node1", "node2", "node3"), s.members().stream().map(LiveMember::name).toList());
        int cpuinfoThreads = (int) Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
        for (LiveMember m : s.members()) {
            assertEquals(MemberStatus.ONLINE, m.status(), m.name());
            assertTrue(m.readable(), m.name() + " " + m.readError());
            // all members share this machine's kernel: each reports the machine's threads
            assertEquals(cpuinfoThreads, m.resources().threads(), m.name());
            // the memory total, as the real incus client reads it for this member
            JsonNode res = IncusJson.MAPPER.readTree(lab.incus("query", "/1.0/resources?target=" + m.name()));
            assertEquals(res.path("memory").path("total").asLong(), m.resources().memoryBytes(), m.name());
            assertTrue(m.resources().memoryBytes() > 0);
            // every disk's size as the kernel states it: 512-byte sectors in /sys/block/<id>/size
            assertFalse(m.resources().disks().isEmpty());
            for (var d : m.resources().disks()) {
                Path sectors = Path.of("/sys/block", d.id(), "size");
                if (Files.exists(sectors)) {
                    assertEquals(Long.parseLong(Files.readString(sectors).trim()) * 512, d.sizeBytes(), d.id());
                }
            }
        }
        assertEquals("https://127.0.0.2:8443", s.member("node2").orElseThrow().url());
        assertEquals(lab.fingerprint(), s.fingerprint());
        assertTrue(s.problems().isEmpty(), s.problems().toString());
    }

    @Test
    void probeReadsEveryInstanceWithItsLimitsExactlyAsCreated() throws Exception {
        LiveSnapshot s;
        try (IncusClient c = client()) {
            s = c.snapshot();
        }
        LiveInstance web1 = s.instance("pt-web-1").orElseThrow();
        assertEquals("node1", web1.location());
        assertEquals("container", web1.type());
        assertEquals("Running", web1.status());
        assertEquals("1", web1.limits().get("limits.cpu"));
        assertEquals("256MiB", web1.limits().get("limits.memory"));
        assertEquals(1.0, web1.cpuLimit());
        assertEquals(256L * 1024 * 1024, web1.memoryLimitBytes());
        assertNull(web1.rootDiskBytes(), "the default profile's root disk has no size");
        assertEquals("default", web1.rootPool());
        assertNotNull(web1.usage(), "a running instance has its state read");
        assertTrue(web1.usage().memoryBytes() > 0 && web1.usage().processes() >= 1, web1.usage().toString());

        LiveInstance web2 = s.instance("pt-web-2").orElseThrow();
        assertEquals("node2", web2.location());
        assertEquals(256L * 1024 * 1024, web2.memoryLimitBytes());

        LiveInstance db = s.instance("pt-db-1").orElseThrow();
        assertEquals("node3", db.location());
        assertEquals(2.0, db.cpuLimit());
        assertEquals(512L * 1024 * 1024, db.memoryLimitBytes());
        assertEquals(1L << 30, db.rootDiskBytes(), "root,size=1GiB = 1073741824 bytes");

        LiveInstance idle = s.instance("pt-idle-1").orElseThrow();
        assertEquals("Stopped", idle.status());
        assertEquals("0-1", idle.limits().get("limits.cpu"));
        assertEquals(2.0, idle.cpuLimit(), "CPUs 0 and 1 pinned = 2 CPUs");
        long node2Memory = s.member("node2").orElseThrow().resources().memoryBytes();
        assertEquals(Math.round(node2Memory * 10 / 100.0), idle.memoryLimitBytes(), "10% of node2's memory");
        assertNull(idle.usage(), "a stopped instance has no usage");
    }

    @Test
    void probeReadsTheDirPoolOfEveryMember() throws Exception {
        LiveSnapshot s;
        try (IncusClient c = client()) {
            s = c.snapshot();
        }
        LivePool pool = s.pools().stream().filter(p -> p.name().equals("default")).findFirst().orElseThrow();
        assertEquals("dir", pool.driver());
        assertFalse(pool.shared());
        assertEquals(3, pool.space().size());
        for (LivePool.PoolSpace sp : pool.space()) {
            assertTrue(sp.read(), sp.error());
            JsonNode real = IncusJson.MAPPER.readTree(lab.incus("query", "/1.0/storage-pools/default/resources?target=" + sp.member()));
            assertEquals(real.path("space").path("total").asLong(), sp.totalBytes(), sp.member());
        }
    }

    @Test
    void clientSendsNothingButGet() throws Exception {
        AtomicReference<RecordingHttpClient> recorder = new AtomicReference<>();
        try (IncusClient c = IncusConnector.https(lab.url(), lab.cert(), lab.key(), lab.fingerprint(), FingerprintPrompt.REFUSE,
                ProbeSettings.DEFAULT, real -> {
                    RecordingHttpClient r = new RecordingHttpClient(real);
                    recorder.set(r);
                    return r;
                })) {
            c.snapshot();
        }
        List<String> requests = recorder.get().requests;
        // /1.0, members, 3 x resources, instances, pools, networks, 3 running states, 3 x pool resources
        assertEquals(14, requests.size(), requests.toString());
        assertTrue(requests.stream().allMatch(r -> r.startsWith("GET ")), requests.toString());
    }

    @Test
    void memberStoppedMidProbeIsReportedOfflineWhileTheOthersAreRead() throws Exception {
        LiveSnapshot s;
        try (IncusClient c = client()) {
            s = c.snapshot(names -> lab.script("stop-member", "node3"));
        } finally {
            lab.script("start-member", "node3");
            awaitNode3BackInTheCluster();
        }
        LiveMember node3 = s.member("node3").orElseThrow();
        assertFalse(node3.readable());
        assertTrue(node3.status() == MemberStatus.UNREACHABLE || node3.status() == MemberStatus.SLOW, node3.status().toString());
        assertFalse(node3.readError().isEmpty());
        assertTrue(s.member("node1").orElseThrow().online());
        assertTrue(s.member("node2").orElseThrow().online());
        assertTrue(s.problems().stream().anyMatch(p -> p.startsWith("member node3")), s.problems().toString());
        // the instances are still listed (from the cluster database); node3's has no usage
        LiveInstance db = s.instance("pt-db-1").orElseThrow();
        assertEquals("node3", db.location());
        assertNull(db.usage());
        assertNotNull(s.instance("pt-web-2").orElseThrow().usage());
    }

    /** After a restart the other members need a moment to see node3 again; later tests expect the whole cluster. */
    static void awaitNode3BackInTheCluster() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (IncusClient c = client()) {
                LiveSnapshot s = c.snapshot();
                if (s.member("node3").orElseThrow().online() && s.instance("pt-db-1").map(i -> i.usage() != null && i.cpuLimit() != null).orElse(false)) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node3 did not come back into the cluster within 60 s");
    }

    @Test
    void wrongFingerprintIsRefusedWithBothFingerprintsInTheMessage() {
        String wrong = "00".repeat(32);
        ProbeException e = assertThrows(ProbeException.class, () -> {
            try (IncusClient c = IncusConnector.https(lab.url(), lab.cert(), lab.key(), wrong, FingerprintPrompt.REFUSE, ProbeSettings.DEFAULT)) {
                c.snapshot();
            }
        });
        assertEquals(ProbeException.Kind.FINGERPRINT_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains(lab.fingerprint()) && e.getMessage().contains(wrong), e.getMessage());
        assertTrue(e.describe().startsWith("TLS error"), e.describe());
    }

    @Test
    void trustOnFirstUseAsksExactlyOnceAndShowsTheFingerprint() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AtomicReference<String> shown = new AtomicReference<>();
        LiveSnapshot s;
        try (IncusClient c = IncusConnector.https(lab.url(), lab.cert(), lab.key(), null, (fp, subject) -> {
            asked.incrementAndGet();
            shown.set(fp);
            return true;
        }, ProbeSettings.DEFAULT)) {
            s = c.snapshot();
        }
        assertEquals(1, asked.get(), "asked once although the probe opens several connections");
        assertEquals(lab.fingerprint(), shown.get());
        assertEquals(3, s.readableMembers().size());
    }

    @Test
    void declinedFingerprintIsRefused() {
        ProbeException e = assertThrows(ProbeException.class, () -> {
            try (IncusClient c = IncusConnector.https(lab.url(), lab.cert(), lab.key(), null, FingerprintPrompt.REFUSE, ProbeSettings.DEFAULT)) {
                c.snapshot();
            }
        });
        assertEquals(ProbeException.Kind.FINGERPRINT_REJECTED, e.kind());
        assertTrue(e.getMessage().contains("--fingerprint " + lab.fingerprint()), e.getMessage());
    }

    @Test
    void aClientCertificateTheClusterDoesNotTrustIsTold(@TempDir Path dir) throws Exception {
        Path crt = dir.resolve("stranger.crt");
        Path key = dir.resolve("stranger.key");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp384r1", "-nodes",
                "-days", "1", "-subj", "/CN=stranger", "-keyout", key.toString(), "-out", crt.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        ProbeException e = assertThrows(ProbeException.class, () -> {
            try (IncusClient c = IncusConnector.https(lab.url(), crt, key, lab.fingerprint(), FingerprintPrompt.REFUSE, ProbeSettings.DEFAULT)) {
                c.snapshot();
            }
        });
        assertEquals(ProbeException.Kind.NOT_TRUSTED, e.kind());
        assertTrue(e.getMessage().contains("incus config trust add-certificate"), e.getMessage());
    }

    @Test
    void remoteFromTheUsersIncusConfigIsPinnedByItsServerCert() throws Exception {
        LiveSnapshot s;
        try (IncusClient c = IncusConnector.remote(lab.clientConfigDir(), "lab", null, FingerprintPrompt.REFUSE, ProbeSettings.DEFAULT)) {
            s = c.snapshot();
        }
        assertEquals(3, s.readableMembers().size());
        assertEquals(lab.fingerprint(), s.fingerprint());
    }

    @Test
    void localUnixSocketReadsTheSameCluster() throws Exception {
        LiveSnapshot s;
        try (IncusClient c = IncusConnector.socket(lab.socket(), ProbeSettings.DEFAULT)) {
            s = c.snapshot();
        }
        assertEquals(List.of("node1", "node2", "node3"), s.members().stream().map(LiveMember::name).toList());
        assertEquals(3, s.readableMembers().size());
        assertEquals(512L * 1024 * 1024, s.instance("pt-db-1").orElseThrow().memoryLimitBytes());
        assertTrue(s.source().startsWith("unix:"));
    }

    @Test
    void refusedConnectionIsAConnectionError() {
        ProbeException e = assertThrows(ProbeException.class, () -> {
            try (IncusClient c = IncusConnector.https("https://127.0.0.1:1", lab.cert(), lab.key(), lab.fingerprint(), FingerprintPrompt.REFUSE,
                    ProbeSettings.DEFAULT)) {
                c.snapshot();
            }
        });
        assertEquals(ProbeException.Kind.CONNECTION, e.kind());
        assertTrue(e.describe().startsWith("connection error: cannot connect to https://127.0.0.1:1"), e.describe());
    }
}
