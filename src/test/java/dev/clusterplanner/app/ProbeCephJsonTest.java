package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.adapters.ceph.CephReadException;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveNic;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.validation.CephStorageMapping;
import dev.clusterplanner.core.validation.CephValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Ceph part of {@code probe --json}: written, documented fields present, and read back for a later check. */
class ProbeCephJsonTest {

    static final long GIB = 1L << 30;
    static final ObjectMapper JSON = new ObjectMapper();

    static LiveSnapshot snapshot() {
        return snapshot(Instant.parse("2026-11-25T21:00:00Z"));
    }

    static LiveSnapshot snapshot(Instant takenAt) {
        List<LiveMember> members = new ArrayList<>();
        for (String name : List.of("node1", "node2", "node3")) {
            var r = new LiveResources("cpu", 1, 8, 16, 64 * GIB, 8 * GIB, List.of(), List.of(new LiveNic("eth0", "x", 10_000L, true)), List.of());
            members.add(new LiveMember(name, "https://" + name + ":8443", MemberStatus.ONLINE, "", List.of(), "default", r, ""));
        }
        var remote = new LivePool("remote", "ceph", "Created", true, List.of(new LivePool.PoolSpace("", 100 * GIB, 2 * GIB, "")),
                Map.of("ceph.osd.pool_name", "incus-rbd", "ceph.cluster_name", "ceph"));
        var web = new LiveInstance("web-1", "default", "container", "node1", "Running", Map.of(), 2.0, 4 * GIB, 10 * GIB, "remote", 0, null);
        return new LiveSnapshot(takenAt, "https://node1:8443", "node1", "6.0.4", true, "", members,
                List.of(web), List.of(remote), List.of(), List.of(), 12);
    }

    /** Three hosts (upper-case FQDNs, as some Ceph installs report them), one 100 GiB OSD each, 6 GiB used on each. */
    static CephCluster cluster() {
        List<CephOsd> osds = List.of(new CephOsd(0, "NODE1.lab", "ssd", true, true, 100 * GIB, 6 * GIB),
                new CephOsd(1, "NODE2.lab", "ssd", true, true, 100 * GIB, 6 * GIB),
                new CephOsd(2, "NODE3.lab", "ssd", true, true, 100 * GIB, 6 * GIB));
        List<CephPool> pools = List.of(new CephPool(1, "incus-rbd", false, 3, 2, 0, 0, "", 42, 5 * GIB, 15 * GIB, 70 * GIB),
                new CephPool(2, "archive", true, 3, 3, 2, 1, "ec21", 7, 2 * GIB, 3 * GIB, 140 * GIB));
        return new CephCluster("ceph CLI", Instant.parse("2026-11-25T21:00:01Z"), "16.2.15", CephHealth.OK, List.of(), osds, pools,
                300 * GIB, 18 * GIB, 282 * GIB, 0.85, 0.95, List.of());
    }

    static ProbeService.Result probe(CephProbeService.Source source) throws Exception {
        return probe(source, snapshot());
    }

    static ProbeService.Result probe(CephProbeService.Source source, LiveSnapshot snapshot) throws Exception {
        ProbeService service = new ProbeService();
        ProbeService.Result incus = service.check(snapshot, null, null);
        CephProbeService.Result ceph = new CephProbeService(new CatalogService(), Duration.ofSeconds(1))
                .probe(List.of(source), List.of("http://mgr:9283/metrics"), null, null, ProbeService.nicGbpsByMember(snapshot()));
        return incus.withCeph(ceph);
    }

    @Test
    void theProbeJsonCarriesTheCephPictureTheFiguresAndTheMapping(@TempDir Path dir) throws Exception {
        ProbeService.Result r = probe(ProbeCephJsonTest::cluster);
        Path file = dir.resolve("probe.json");
        new ProbeService().save(r, file);
        JsonNode root = JSON.readTree(file.toFile());

        JsonNode c = root.path("ceph").path("cluster");
        assertTrue(root.path("ceph").path("read").asBoolean());
        assertEquals("HEALTH_OK", c.path("health").asText());
        assertEquals(300 * GIB, c.path("totalBytes").asLong());
        assertEquals(3, c.path("hosts").asInt());
        assertEquals(3, c.path("osds").size());
        assertEquals("NODE2.lab", c.path("osds").get(1).path("host").asText());
        assertEquals(6 * GIB, c.path("osds").get(1).path("usedBytes").asLong());
        JsonNode rbd = c.path("pools").get(0);
        assertEquals("incus-rbd", rbd.path("name").asText());
        assertEquals("replicated", rbd.path("type").asText());
        assertEquals(2, rbd.path("minSize").asInt());
        assertEquals(5 * GIB, rbd.path("storedBytes").asLong());
        JsonNode ec = c.path("pools").get(1);
        assertEquals("erasure", ec.path("type").asText());
        assertEquals(2, ec.path("k").asInt());
        assertEquals(1, ec.path("m").asInt());

        // figures: raw 300 GiB = 300 / 1024 TiB; usable = (300 - 100) / 3 x 0.85 GiB (the largest host is held in reserve)
        Map<String, Double> figures = new java.util.HashMap<>();
        root.path("ceph").path("figures").forEach(f -> figures.put(f.path("figure").asText(), f.path("value").isNull() ? null : f.path("value").asDouble()));
        assertEquals(300.0 / 1024, figures.get("liveRawTiB"), 1e-12);
        assertEquals((300.0 - 100) / 3 * 0.85 / 1024, figures.get("liveUsableTiB"), 1e-12);
        assertEquals(7.0 / 1024, figures.get("liveStoredTiB"), 1e-12, "5 GiB + 2 GiB stored");
        assertTrue(figures.get("recoveryHoursHostLoss") != null && figures.get("recoveryHoursHostLoss") > 0,
                "NODE1.lab etc. matched node1.. so the members' 10 Gb/s NICs give a recovery time");

        // the Ceph findings are in the Ceph part and in the one list
        List<String> cephRules = new ArrayList<>();
        root.path("ceph").path("findings").forEach(f -> cephRules.add(f.path("rule").asText()));
        List<String> allRules = new ArrayList<>();
        root.path("findings").forEach(f -> allRules.add(f.path("rule").asText()));
        assertTrue(cephRules.contains(CephValidator.RULE_EC_M1), cephRules.toString());
        assertTrue(allRules.containsAll(cephRules), allRules.toString());

        JsonNode mapped = root.path("cephStorage").path("pools").get(0);
        assertEquals("remote", mapped.path("incusPool").asText());
        assertEquals("incus-rbd", mapped.path("cephPools").get(0).asText());
        assertTrue(mapped.path("found").get(0).asBoolean());
        assertEquals("web-1", mapped.path("instances").get(0).asText());
        assertEquals(10 * GIB, mapped.path("rootDiskBytes").asLong());
        assertEquals(5 * GIB, mapped.path("storedBytes").asLong());
        JsonNode host = root.path("cephStorage").path("hosts").get(0);
        assertEquals("NODE1.lab", host.path("cephHost").asText());
        assertEquals("node1", host.path("member").asText());
        assertEquals("short name", host.path("how").asText());
    }

    @Test
    void aSavedProbeReadsBackWithItsCephClusterAndChecksTheSame(@TempDir Path dir) throws Exception {
        ProbeService.Result r = probe(ProbeCephJsonTest::cluster);
        Path file = dir.resolve("probe.json");
        ProbeService service = new ProbeService();
        service.save(r, file);
        ProbeService.Result again = service.recheck(file, null, null);
        assertEquals(cluster(), again.ceph().cluster(), "every field of the cluster is saved");
        assertEquals(r.storage(), again.storage());
        assertEquals(r.ceph().validation(), again.ceph().validation());
        assertEquals(r.findings(), again.findings());
    }

    @Test
    void aSavedProbeCheckedLaterCountsTheMonthsToNearfullFromTheDayItWasTaken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.json");
        ProbeService service = new ProbeService();
        service.save(probe(ProbeCephJsonTest::cluster, snapshot(Instant.parse("2025-01-15T08:00:00Z"))), file);
        // the meerkat plan's workloads grow, so the fullest OSD (6 %) crosses nearfull in some month m
        ProbeService.Result r = service.recheck(file, ExamplePlans.load("meerkat-cluster.plan.json"), null);
        var months = r.ceph().validation().figure("monthsToNearfull");
        int m = (int) months.value();
        assertTrue(m > 0);
        String when = java.time.YearMonth.of(2025, 1).plusMonths(m).toString();
        assertTrue(months.formula().endsWith("so month " + m + " (" + when + ")"), months.formula());
    }

    @Test
    void anUnreachableCephIsSavedAsSuchAndStaysAFindingWhenReadBack(@TempDir Path dir) throws Exception {
        ProbeService.Result r = probe(() -> {
            throw new CephReadException("connection refused");
        });
        Path file = dir.resolve("probe.json");
        new ProbeService().save(r, file);
        JsonNode root = JSON.readTree(file.toFile());
        assertFalse(root.path("ceph").path("read").asBoolean());
        assertTrue(root.path("ceph").path("cluster").isNull());
        assertTrue(root.path("snapshot").path("members").size() == 3, "the Incus part is kept");
        ProbeService.Result again = new ProbeService().recheck(file, null, null);
        assertNull(again.ceph().cluster());
        List<Finding> unreachable = again.findings().stream().filter(f -> f.rule().equals(CephValidator.RULE_UNREACHABLE)).toList();
        assertEquals(1, unreachable.size());
        assertTrue(unreachable.get(0).text().contains("connection refused"), unreachable.get(0).text());
        // Ceph unread: the Incus pool on Ceph is still listed, unjudged
        assertEquals(List.of("incus-rbd"), again.storage().pool("remote").orElseThrow().cephPools());
        assertTrue(again.findings().stream().noneMatch(f -> f.rule().equals(CephStorageMapping.RULE_POOL_NOT_IN_CEPH)));
    }

    @Test
    void aProbeSavedWithoutCephHasNoCephPart(@TempDir Path dir) throws Exception {
        ProbeService service = new ProbeService();
        Path file = dir.resolve("probe.json");
        service.save(service.check(snapshot(), null, null), file);
        JsonNode root = JSON.readTree(file.toFile());
        assertTrue(root.path("ceph").isMissingNode());
        assertTrue(root.path("cephStorage").isMissingNode());
        assertNull(service.recheck(file, null, null).ceph());
    }
}
