package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.live.HostNames;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveNic;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incus pools and members mapped onto a Ceph cluster, on hand-written snapshots. */
class CephStorageMappingTest {

    static final long GIB = 1L << 30;

    static LiveMember member(String name, long nicMbps) {
        var r = new LiveResources("cpu", 1, 8, 16, 64 * GIB, 8 * GIB, List.of(), List.of(new LiveNic("eth0", "x", nicMbps, true)), List.of());
        return new LiveMember(name, "https://" + name + ":8443", MemberStatus.ONLINE, "", List.of(), "default", r, "");
    }

    static LiveInstance instance(String name, String project, String pool, Long rootBytes) {
        return new LiveInstance(name, project, "container", "node1", "Running", Map.of(), 1.0, GIB, rootBytes, pool, 0, null);
    }

    static LiveSnapshot snapshot(List<String> members, List<LivePool> pools, List<LiveInstance> instances) {
        List<LiveMember> ms = new ArrayList<>();
        for (String m : members) {
            ms.add(member(m, 25_000));
        }
        return new LiveSnapshot(Instant.EPOCH, "test", members.get(0), "6.0.4", true, "", ms, instances, pools, List.of(), List.of(), 1);
    }

    static LivePool pool(String name, String driver, Map<String, String> config) {
        return new LivePool(name, driver, "Created", LivePool.sharedDriver(driver), List.of(), config);
    }

    static CephPool cephPool(String name, long stored, long maxAvail) {
        return new CephPool(1, name, false, 3, 2, 0, 0, "", 10, stored, 3 * stored, maxAvail);
    }

    /** One OSD of 1 TiB per host, 10 % used. */
    static CephCluster ceph(List<String> hosts, List<CephPool> pools) {
        List<CephOsd> osds = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            osds.add(new CephOsd(i, hosts.get(i), "ssd", true, true, 1024 * GIB, 102 * GIB));
        }
        long total = hosts.size() * 1024 * GIB;
        return new CephCluster("http://mgr:9283/metrics", Instant.EPOCH, "", CephHealth.OK, List.of(), osds, pools, total,
                hosts.size() * 102 * GIB, total - hosts.size() * 102 * GIB, 0.85, 0.95, List.of());
    }

    static List<String> rules(CephStorageMapping m) {
        return m.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void anRbdPoolMapsToTheCephPoolItNamesAndListsTheInstancesWhoseRootDiskIsOnIt() {
        LiveSnapshot s = snapshot(List.of("node1", "node2", "node3"), List.of(
                pool("default", "dir", Map.of()),
                pool("remote", "ceph", Map.of("ceph.osd.pool_name", "incus-rbd", "ceph.cluster_name", "ceph")),
                pool("fast", "ceph", Map.of())),
                List.of(instance("web-1", "default", "remote", 10 * GIB), instance("db-1", "shop", "remote", 20 * GIB),
                        instance("cache", "default", "default", 5 * GIB), instance("tmp", "default", "fast", null)));
        CephCluster c = ceph(List.of("node1", "node2", "node3"),
                List.of(cephPool("incus-rbd", 4 * GIB, 100 * GIB), cephPool("fast", GIB, 50 * GIB)));
        CephStorageMapping m = CephStorageMapping.of(s, c);

        assertEquals(2, m.pools().size(), "the dir pool is not Ceph-backed");
        var remote = m.pool("remote").orElseThrow();
        assertEquals("ceph", remote.cephCluster());
        assertEquals(List.of("incus-rbd"), remote.cephPools());
        assertEquals(List.of(true), remote.found());
        assertEquals(List.of("web-1", "shop/db-1"), remote.instances());
        assertEquals(30 * GIB, remote.rootDiskBytes(), "10 GiB + 20 GiB");
        assertEquals(4 * GIB, remote.storedBytes());
        assertEquals(100 * GIB, remote.maxAvailBytes());
        // no ceph.osd.pool_name: Incus names the Ceph pool after its own pool
        var fast = m.pool("fast").orElseThrow();
        assertEquals(List.of("fast"), fast.cephPools());
        assertEquals(List.of("tmp"), fast.instances());
        assertEquals(0, fast.rootDiskBytes(), "a root disk without a size counts 0");
        assertTrue(m.findings().isEmpty(), () -> m.findings().toString());
    }

    @Test
    void anIncusPoolNamingACephPoolThatCephDoesNotHaveIsAWarningThatNamesBoth() {
        LiveSnapshot s = snapshot(List.of("node1"), List.of(pool("remote", "ceph", Map.of("ceph.osd.pool_name", "gone",
                "ceph.cluster_name", "backup"))), List.of());
        CephStorageMapping m = CephStorageMapping.of(s, ceph(List.of("node1"), List.of(cephPool("rbd", GIB, GIB))));
        var remote = m.pool("remote").orElseThrow();
        assertEquals(List.of(false), remote.found());
        assertNull(remote.storedBytes());
        List<Finding> missing = m.findings().stream().filter(f -> f.rule().equals(CephStorageMapping.RULE_POOL_NOT_IN_CEPH)).toList();
        assertEquals(1, missing.size());
        assertEquals(Severity.WARNING, missing.get(0).severity());
        assertTrue(missing.get(0).text().contains("Ceph pool gone"), missing.get(0).text());
        assertTrue(missing.get(0).text().contains("its pools: rbd"), missing.get(0).text());
        assertTrue(missing.get(0).text().contains("names the Ceph cluster 'backup'"), missing.get(0).text());
    }

    @Test
    void withoutACephReadThePoolsAreListedButNothingIsJudged() {
        LiveSnapshot s = snapshot(List.of("node1"), List.of(pool("remote", "ceph", Map.of("source", "rbdpool"))), List.of());
        CephStorageMapping m = CephStorageMapping.of(s, null);
        assertEquals(List.of("rbdpool"), m.pool("remote").orElseThrow().cephPools(), "source names the pool when ceph.osd.pool_name is absent");
        assertTrue(m.pool("remote").orElseThrow().found().isEmpty());
        assertTrue(m.findings().isEmpty());
        assertTrue(m.hosts().isEmpty());
    }

    @Test
    void aCephFsPoolMapsToItsDataAndMetadataPoolsOrSaysTheyAreUnknown() {
        LiveSnapshot s = snapshot(List.of("node1"), List.of(
                pool("shared", "cephfs", Map.of("source", "fs1", "cephfs.data_pool", "fs1_data", "cephfs.meta_pool", "fs1_meta")),
                pool("other", "cephfs", Map.of("source", "fs2/sub"))), List.of());
        CephStorageMapping m = CephStorageMapping.of(s, ceph(List.of("node1"),
                List.of(cephPool("fs1_data", 3 * GIB, 90 * GIB), cephPool("fs1_meta", GIB, 30 * GIB))));
        var shared = m.pool("shared").orElseThrow();
        assertEquals(List.of("fs1_data", "fs1_meta"), shared.cephPools());
        assertEquals(List.of(true, true), shared.found());
        assertEquals(4 * GIB, shared.storedBytes(), "3 GiB + 1 GiB");
        assertEquals(30 * GIB, shared.maxAvailBytes(), "the smaller of the two");
        assertTrue(m.pool("other").orElseThrow().cephPools().isEmpty());
        assertEquals(List.of(CephStorageMapping.RULE_CEPHFS_POOLS), rules(m));
        assertTrue(m.findings().get(0).text().contains("CephFS filesystem fs2/sub"), m.findings().get(0).text());
    }

    @Test
    void osdHostsMatchMembersIgnoringCaseAndDomainAndTheRestIsReported() {
        LiveSnapshot s = snapshot(List.of("node1", "node2", "node3", "compute4"), List.of(), List.of());
        CephStorageMapping m = CephStorageMapping.of(s, ceph(List.of("node1", "NODE2", "node3.dc1.example.org", "stor9"), List.of()));
        assertEquals("node1", m.memberOf("node1").orElseThrow());
        assertEquals("node2", m.memberOf("NODE2").orElseThrow());
        assertEquals("node3", m.memberOf("node3.dc1.example.org").orElseThrow());
        assertTrue(m.memberOf("stor9").isEmpty());
        assertEquals("short name", m.hosts().stream().filter(h -> h.cephHost().startsWith("node3")).findFirst().orElseThrow().how());
        assertEquals(List.of("compute4"), m.membersWithoutOsds());
        assertEquals(List.of(CephStorageMapping.RULE_HOST_UNMATCHED, CephStorageMapping.RULE_MEMBER_WITHOUT_OSDS), rules(m));
        assertTrue(m.findings().stream().allMatch(f -> f.severity() == Severity.INFO), "storage-only or compute-only hosts are normal");
        assertTrue(m.findings().get(0).text().contains("stor9"), m.findings().get(0).text());
    }

    @Test
    void whenNoOsdHostIsAMemberItIsAWarning() {
        LiveSnapshot s = snapshot(List.of("node1", "node2"), List.of(), List.of());
        CephStorageMapping m = CephStorageMapping.of(s, ceph(List.of("ceph-a", "ceph-b"), List.of()));
        assertEquals(List.of(CephStorageMapping.RULE_NO_HOST_MATCHES), rules(m));
        assertEquals(Severity.WARNING, m.findings().get(0).severity());
        assertEquals(List.of("node1", "node2"), m.membersWithoutOsds());
    }

    @Test
    void anAmbiguousShortNameMatchesNothingAndIpAddressesAreNotShortened() {
        assertTrue(HostNames.match("node1", List.of("node1.a.example", "node1.b.example")).isEmpty());
        assertEquals("node1.a.example", HostNames.match("NODE1.A.EXAMPLE", List.of("node1.a.example", "node1.b.example")).orElseThrow().candidate());
        assertEquals("10.0.0.1", HostNames.shortName("10.0.0.1"));
        assertTrue(HostNames.match("10.0.0.1", List.of("10.0.0.2")).isEmpty(), "10.0.0.1 is not 10 of anything");
        assertEquals("node1", HostNames.shortName("Node1.Example.org."));
    }

    @Test
    void rootDisksPromisedBeyondWhatTheCephPoolCanHoldAreAWarning() {
        // 3 x 40 GiB root disks = 120 GiB; the pool stores 10 GiB and can take 100 GiB more: 110 GiB < 120 GiB
        LiveSnapshot s = snapshot(List.of("node1"), List.of(pool("remote", "ceph", Map.of())),
                List.of(instance("a", "default", "remote", 40 * GIB), instance("b", "default", "remote", 40 * GIB),
                        instance("c", "default", "remote", 40 * GIB)));
        CephStorageMapping over = CephStorageMapping.of(s, ceph(List.of("node1"), List.of(cephPool("remote", 10 * GIB, 100 * GIB))));
        assertEquals(List.of(CephStorageMapping.RULE_ROOT_DISKS_ABOVE_POOL), rules(over));
        // 10 + 110 = 120 GiB: exactly enough is no finding
        CephStorageMapping fits = CephStorageMapping.of(s, ceph(List.of("node1"), List.of(cephPool("remote", 10 * GIB, 110 * GIB))));
        assertTrue(fits.findings().isEmpty(), () -> fits.findings().toString());
    }

    @Test
    void theRecoveryEstimateUsesTheNicOfAMemberWhoseNameDiffersOnlyInCaseAndDomain() {
        // Ceph knows the hosts by FQDN in upper case; Incus reports 25 Gb/s for node1..node3
        List<CephOsd> osds = List.of(new CephOsd(0, "NODE1.lab", "ssd", true, true, 1024 * GIB, 100 * GIB),
                new CephOsd(1, "NODE2.lab", "ssd", true, true, 1024 * GIB, 100 * GIB),
                new CephOsd(2, "NODE3.lab", "ssd", true, true, 1024 * GIB, 100 * GIB));
        CephCluster c = new CephCluster("t", Instant.EPOCH, "", CephHealth.OK, List.of(), osds, List.of(), 3072 * GIB, 300 * GIB,
                2772 * GIB, 0.85, 0.95, List.of());
        Site site = new Site("lab", SiteKind.CLUSTER, List.of(), List.of(), null, null);
        CephValidation v = CephValidator.validate(c, CephPlanContext.of(site).withNics(Map.of("node1", 25.0, "node2", 25.0, "node3", 25.0)));
        assertTrue(v.figure("recoveryHoursHostLoss").formula().contains("NIC 25 Gb/s"), v.figure("recoveryHoursHostLoss").formula());
        assertFalse(Double.isNaN(v.figure("recoveryHoursHostLoss").value()));
    }
}
