package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CephValidatorTest {

    static final long GIB = 1024L * 1024 * 1024;
    static final long TIB = 1024 * GIB;

    /** {@code hosts} hosts with {@code osdsPerHost} OSDs of {@code osdBytes}, each filled to {@code fill}. */
    static CephCluster cluster(int hosts, int osdsPerHost, long osdBytes, double fill, String deviceClass, List<CephPool> pools) {
        List<CephOsd> osds = new ArrayList<>();
        int id = 0;
        for (int h = 1; h <= hosts; h++) {
            for (int i = 0; i < osdsPerHost; i++) {
                osds.add(new CephOsd(id++, "node" + h, deviceClass, true, true, osdBytes, Math.round(osdBytes * fill)));
            }
        }
        long total = (long) hosts * osdsPerHost * osdBytes;
        long used = Math.round(total * fill);
        return new CephCluster("test", Instant.EPOCH, "", CephHealth.OK, List.of(), osds, pools, total, used, total - used,
                0.85, 0.95, List.of());
    }

    static CephPool replicated(String name, int size, Integer minSize) {
        return new CephPool(1, name, false, size, minSize, 0, 0, "", 1, GIB, size * GIB, 10 * GIB);
    }

    static CephPool erasure(String name, int k, int m) {
        return new CephPool(2, name, true, k + m, k + 1, k, m, "p", 1, GIB, GIB * (k + m) / k, 10 * GIB);
    }

    static Site site(double diskGibEach, int count, double growthPct) {
        Workload w = new Workload("vm", WorkloadKind.VM, count, 2, 4, diskGibEach, 0, false, 0, 0, 0, 0.3, growthPct, "default");
        return new Site("prod", SiteKind.CLUSTER, List.of(w), List.of(), null, null);
    }

    static Hardware hardware(int dataDisks, double diskGb, double nicGbps) {
        return new Hardware("test-host", "Test host", HardwareCategory.RACK, "v", "cpu", 1, 8, 16, 3.0, 1.0, 64,
                null, null, null, 0, 500, dataDisks, diskGb, DiskType.NVME, 2, nicGbps, null, 0, 0, 0, 1, null, null,
                "", "test", null, false);
    }

    static List<String> rules(CephValidation v, Severity atLeast) {
        return v.findings().stream().filter(f -> f.severity().atLeast(atLeast)).map(Finding::rule).toList();
    }

    @Test
    void aPlanNeedingMoreThanTheLiveUsableCapacityIsAnError() {
        // 3 hosts x 1 OSD x 1 TiB = 3 TiB raw; usable = 3 TiB x 0.85 / 3 = 0.85 TiB = 870.4 GiB
        CephCluster live = cluster(3, 1, TIB, 0.01, "ssd", List.of(replicated("rbd", 3, 2)));
        CephValidation tooBig = CephValidator.validate(live, CephPlanContext.of(site(100, 9, 0)));   // 900 GiB
        assertEquals(Severity.ERROR, tooBig.withRule(CephValidator.RULE_USABLE_BELOW_PLAN).get(0).severity());
        assertEquals(0.85, tooBig.figure("liveCapacityTiB").value(), 1e-9);
        CephValidation fits = CephValidator.validate(live, CephPlanContext.of(site(100, 8, 0)));     // 800 GiB
        assertTrue(fits.withRule(CephValidator.RULE_USABLE_BELOW_PLAN).isEmpty());
    }

    @Test
    void theReserveRuleUsesTheLargestHost() {
        // 4 hosts x 1 TiB: usable 4 x 0.85 / 3 = 1.1333 TiB; after losing one host (4 - 1) x 0.85 / 3 = 0.85 TiB
        CephCluster live = cluster(4, 1, TIB, 0.01, "ssd", List.of(replicated("rbd", 3, 2)));
        CephValidation v = CephValidator.validate(live, CephPlanContext.of(site(100, 10, 0)));     // 1000 GiB = 0.977 TiB
        assertEquals(0.85, v.figure("liveUsableTiB").value(), 1e-9);
        assertTrue(v.withRule(CephValidator.RULE_USABLE_BELOW_PLAN).isEmpty());
        assertEquals(1, v.withRule(CephValidator.RULE_CANNOT_HEAL).size(), () -> v.findings().toString());
        CephValidation small = CephValidator.validate(live, CephPlanContext.of(site(100, 8, 0)));  // 800 GiB < 870.4 GiB
        assertTrue(small.withRule(CephValidator.RULE_CANNOT_HEAL).isEmpty(), () -> small.findings().toString());
    }

    @Test
    void threeHostsCannotHealASizeThreePoolAfterAHostLossButFourCan() {
        CephValidation three = CephValidator.validate(cluster(3, 1, TIB, 0.01, "ssd", List.of(replicated("rbd", 3, 2))),
                CephPlanContext.of(site(1, 1, 0)));
        assertTrue(three.withRule(CephValidator.RULE_CANNOT_HEAL).get(0).text().contains("stays degraded"));
        CephValidation four = CephValidator.validate(cluster(4, 1, TIB, 0.01, "ssd", List.of(replicated("rbd", 3, 2))),
                CephPlanContext.of(site(1, 1, 0)));
        assertTrue(four.withRule(CephValidator.RULE_CANNOT_HEAL).isEmpty(), () -> four.findings().toString());
    }

    @Test
    void usedSpaceThatDoesNotFitOnTheSurvivorsCannotBeReReplicated() {
        // 4 hosts x 1 TiB at 70 %: used 2.8 TiB; survivors 3 TiB x 0.85 = 2.55 TiB < 2.8
        CephValidation full = CephValidator.validate(cluster(4, 1, TIB, 0.70, "ssd", List.of()), CephPlanContext.of(site(1, 1, 0)));
        assertTrue(full.withRule(CephValidator.RULE_CANNOT_HEAL).stream().anyMatch(f -> f.text().contains("re-replication would stop")));
        // at 60 %: used 2.4 TiB <= 2.55 TiB
        CephValidation ok = CephValidator.validate(cluster(4, 1, TIB, 0.60, "ssd", List.of()), CephPlanContext.of(site(1, 1, 0)));
        assertTrue(ok.withRule(CephValidator.RULE_CANNOT_HEAL).isEmpty(), () -> ok.findings().toString());
    }

    @Test
    void allOsdsOnOneHostIsAnError() {
        CephValidation v = CephValidator.validate(cluster(1, 3, 10 * GIB, 0.03, "hdd", List.of()), CephPlanContext.of(site(1, 1, 0)));
        assertEquals(Severity.ERROR, v.withRule(CephValidator.RULE_SINGLE_HOST).get(0).severity());
        assertTrue(CephValidator.validate(cluster(2, 1, 10 * GIB, 0.03, "hdd", List.of()), CephPlanContext.of(site(1, 1, 0)))
                .withRule(CephValidator.RULE_SINGLE_HOST).isEmpty());
    }

    @Test
    void poolProtectionIsComparedWithThePlan() {
        List<CephPool> pools = List.of(replicated("ok", 3, 2), replicated("two-copies", 2, 1), replicated("low-min", 3, 1),
                erasure("ec", 2, 1), replicated("device_health_metrics", 1, 1));
        CephValidation v = CephValidator.validate(cluster(5, 1, TIB, 0.01, "ssd", pools), CephPlanContext.of(site(1, 1, 0)));
        List<String> pool = v.withRule(CephValidator.RULE_POOL_PROTECTION).stream().map(Finding::text).toList();
        assertEquals(3, pool.size(), pool::toString);
        assertTrue(pool.get(0).startsWith("pool two-copies is replicated size 2/min_size 1"), pool.get(0));
        assertTrue(pool.get(1).startsWith("pool low-min"), pool.get(1));
        assertTrue(pool.get(2).startsWith("pool ec is EC 2+1"), pool.get(2));
        assertEquals(2, v.withRule(CephValidator.RULE_MIN_SIZE_1).size(), "two-copies and low-min; the manager's pool is skipped");
        assertEquals(1, v.withRule(CephValidator.RULE_EC_M1).size());
    }

    @Test
    void anErasureCodedPlanAcceptsItsOwnProfileOnly() {
        CephLayout plan = CephLayout.erasure(4, 2);
        assertEquals(null, CephValidator.differs(erasure("a", 4, 2), plan));
        assertTrue(CephValidator.differs(erasure("b", 4, 1), plan).contains("m=1"));
        assertTrue(CephValidator.differs(replicated("c", 3, 2), plan).contains("3x raw instead of 1.5x"));
    }

    @Test
    void minSizeFromMetricsIsUnknownNotGuessed() {
        CephValidation v = CephValidator.validate(cluster(3, 1, TIB, 0.01, "ssd", List.of(replicated("rbd", 3, null))),
                CephPlanContext.of(site(1, 1, 0)));
        assertEquals(1, v.withRule(CephValidator.RULE_MIN_SIZE_UNKNOWN).size());
        assertTrue(v.withRule(CephValidator.RULE_POOL_PROTECTION).isEmpty());
    }

    @Test
    void nearfullIsCrossedInTheMonthTheGrowthGives() {
        // fill 0.425 doubling every year: 0.425 x 2^(t/12) = 0.85 at t = 12 months; 2026-11 + 12 = 2027-11
        CephPlanContext ctx = CephPlanContext.of(site(1, 1, 100)).withToday(LocalDate.of(2026, 11, 25), 5);
        CephValidation v = CephValidator.validate(cluster(3, 1, TIB, 0.425, "ssd", List.of()), ctx);
        assertEquals(12, v.figure("monthsToNearfull").value());
        Finding f = v.withRule(CephValidator.RULE_NEARFULL_GROWTH).get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.text().contains("in 12 month(s) (2027-11)"), f.text());
        // at 10 % a year: 12 x ln 2 / ln 1.1 = 87.27, so month 88, beyond 5 years: info only
        CephValidation slow = CephValidator.validate(cluster(3, 1, TIB, 0.425, "ssd", List.of()),
                CephPlanContext.of(site(1, 1, 10)).withToday(LocalDate.of(2026, 11, 25), 5));
        assertEquals(88, slow.figure("monthsToNearfull").value());
        assertEquals(Severity.INFO, slow.withRule(CephValidator.RULE_NEARFULL_GROWTH).get(0).severity());
    }

    @Test
    void fillAboveNearfullOrFullIsReportedNow() {
        CephValidation near = CephValidator.validate(cluster(3, 1, TIB, 0.90, "ssd", List.of()), CephPlanContext.of(site(1, 1, 0)));
        assertEquals(Severity.WARNING, near.withRule(CephValidator.RULE_NEARFULL_NOW).get(0).severity());
        CephValidation full = CephValidator.validate(cluster(3, 1, TIB, 0.96, "ssd", List.of()), CephPlanContext.of(site(1, 1, 0)));
        assertEquals(Severity.ERROR, full.withRule(CephValidator.RULE_NEARFULL_NOW).get(0).severity());
        CephValidation low = CephValidator.validate(cluster(3, 1, TIB, 0.80, "ssd", List.of()), CephPlanContext.of(site(1, 1, 0)));
        assertTrue(low.withRule(CephValidator.RULE_NEARFULL_NOW).isEmpty());
    }

    @Test
    void recoveryAfterAHostLossIsBoundByTheSurvivorsNics() {
        // 3 hosts x 2 NVMe OSDs of 1e12 bytes at 50 %: a host holds 1e12 bytes used.
        CephCluster live = cluster(3, 2, 1_000_000_000_000L, 0.5, "nvme", List.of(replicated("rbd", 3, 2)));
        Map<String, Double> nics = Map.of("node1", 10.0, "node2", 10.0, "node3", 10.0);
        CephValidation v = CephValidator.validate(live, CephPlanContext.of(site(1, 1, 0)).withNics(nics));
        // network: 1e12 x 8 / (2 hosts x 10e9 x 0.7) = 571.4 s = 0.1587 h
        // throttle: 1e12 / (4 OSDs x 2000e6 B/s) / 0.5 = 250 s: the network binds
        assertEquals(1e12 * 8 / (2 * 10e9 * 0.7) / 3600, v.figure("recoveryHoursHostLoss").value(), 1e-9);
        assertTrue(v.withRule(CephValidator.RULE_NIC_BELOW_10G).isEmpty());
        // at 1 Gb/s: 5,714 s = 1.59 h, and a warning
        CephValidation slow = CephValidator.validate(live, CephPlanContext.of(site(1, 1, 0))
                .withNics(Map.of("node1", 1.0, "node2", 1.0, "node3", 1.0)));
        assertEquals(1e12 * 8 / (2 * 1e9 * 0.7) / 3600, slow.figure("recoveryHoursHostLoss").value(), 1e-9);
        Finding nic = slow.withRule(CephValidator.RULE_NIC_BELOW_10G).get(0);
        assertTrue(nic.text().contains("1.6 h"), nic.text());
        // HDDs at 150 MB/s: 1e12 / (4 x 150e6) / 0.5 = 3,333 s = 0.93 h beats the 10 Gb/s network's 0.16 h
        CephCluster hdd = cluster(3, 2, 1_000_000_000_000L, 0.5, "hdd", List.of(replicated("rbd", 3, 2)));
        CephValidation hv = CephValidator.validate(hdd, CephPlanContext.of(site(1, 1, 0)).withNics(nics));
        assertEquals(1e12 / (4 * 150e6) / 0.5 / 3600, hv.figure("recoveryHoursHostLoss").value(), 1e-9);
    }

    @Test
    void withoutANicSpeedTheRecoveryTimeStaysMissing() {
        CephValidation v = CephValidator.validate(cluster(3, 1, TIB, 0.5, "ssd", List.of()), CephPlanContext.of(site(1, 1, 0)));
        assertTrue(Double.isNaN(v.figure("recoveryHoursHostLoss").value()));
        assertTrue(v.withRule(CephValidator.RULE_RECOVERY).isEmpty());
    }

    @Test
    void hostsOsdsAndRawAreComparedWithThePlanHardware() {
        // plan: 4 hosts x 2 disks x 1,000 GB = 8 TB raw; live: 3 hosts x 1 OSD x 1 TiB = 3.3 TB
        CephPlanContext ctx = CephPlanContext.of(site(1, 1, 0)).withHardware(hardware(2, 1000, 25), 4);
        CephValidation v = CephValidator.validate(cluster(3, 1, TIB, 0.1, "nvme", List.of()), ctx);
        assertEquals(1, v.withRule(CephValidator.RULE_HOSTS_BELOW_PLAN).size());
        assertEquals(3, v.withRule(CephValidator.RULE_OSDS_PER_HOST).size(), "each of the 3 hosts has 1 OSD, not 2");
        assertEquals(1, v.withRule(CephValidator.RULE_RAW_BELOW_PLAN).size());
        // planned usable: (8e12 - 2e12) / 3 x 0.85 = 1.7e12 bytes; live (3 - 1) x 1 TiB / 3 x 0.85 = 0.62e12
        assertEquals(1.7e12 / TIB, v.figure("plannedUsableTiB").value(), 1e-9);
        assertEquals(1, v.withRule(CephValidator.RULE_USABLE_BELOW_PLANNED).size());
        // live matching the plan: 4 hosts x 2 OSDs of 1e12 bytes = 8 TB
        CephValidation same = CephValidator.validate(cluster(4, 2, 1_000_000_000_000L, 0.1, "nvme", List.of()), ctx);
        assertTrue(same.withRule(CephValidator.RULE_HOSTS_BELOW_PLAN).isEmpty());
        assertTrue(same.withRule(CephValidator.RULE_OSDS_PER_HOST).isEmpty());
        assertTrue(same.withRule(CephValidator.RULE_RAW_BELOW_PLAN).isEmpty());
        assertTrue(same.withRule(CephValidator.RULE_USABLE_BELOW_PLANNED).isEmpty());
        // the plan hardware's 25 Gb/s NIC is used when no probe gave NIC speeds
        assertTrue(same.figure("recoveryHoursHostLoss").formula().contains("25 Gb/s [the plan hardware's NIC]"),
                same.figure("recoveryHoursHostLoss").formula());
    }

    @Test
    void healthAndDownOsdsAreFindings() {
        CephCluster base = cluster(3, 1, TIB, 0.1, "ssd", List.of());
        List<CephOsd> osds = new ArrayList<>(base.osds());
        osds.set(1, new CephOsd(1, "node2", "ssd", false, false, TIB, 0));
        CephCluster live = new CephCluster("t", Instant.EPOCH, "", CephHealth.WARN, List.of("OSD_DOWN: 1 osds down"), osds, List.of(),
                base.totalBytes(), base.usedRawBytes(), base.availBytes(), 0.85, 0.95, List.of());
        CephValidation v = CephValidator.validate(live, CephPlanContext.of(site(1, 1, 0)));
        assertTrue(v.withRule(CephValidator.RULE_HEALTH).get(0).text().contains("OSD_DOWN"));
        assertEquals(1, v.withRule(CephValidator.RULE_OSD_DOWN).size());
        assertEquals(1, v.withRule(CephValidator.RULE_OSD_OUT).size());
        assertTrue(CephValidator.validate(base, CephPlanContext.of(site(1, 1, 0))).withRule(CephValidator.RULE_HEALTH).isEmpty());
    }

    @Test
    void aPlanWithLocalStorageIsNotedButStillCompared() {
        Site local = site(1, 1, 0);
        local = local.withPolicy(local.policy().withStorage(StorageMode.LOCAL, CephLayout.DEFAULT));
        CephValidation v = CephValidator.validate(cluster(3, 1, TIB, 0.1, "ssd", List.of()), CephPlanContext.of(local));
        assertEquals(1, v.withRule(CephValidator.RULE_PLAN_NOT_CEPH).size());
    }
}
