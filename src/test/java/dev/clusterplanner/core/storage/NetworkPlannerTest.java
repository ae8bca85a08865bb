package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.clusterplanner.core.storage.Fixtures.cephSite;
import static dev.clusterplanner.core.storage.Fixtures.disks;
import static dev.clusterplanner.core.storage.Fixtures.get;
import static dev.clusterplanner.core.storage.Fixtures.has;
import static dev.clusterplanner.core.storage.Fixtures.server;
import static dev.clusterplanner.core.storage.Fixtures.writers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkPlannerTest {

    static final double GIB = 1024.0 * 1024 * 1024;

    static NetworkAnalysis network(CephLayout layout, int hosts, Hardware hw, List<Workload> w) {
        Site site = cephSite(layout, w);
        return NetworkPlanner.analyse(site, hw, hosts, StoragePlanner.analyse(site, hw, hosts, 5));
    }

    @Test
    void replicatingOneTerabyteTakesAboutThreeHoursAtOneGigabit() {
        // Ceph docs: ~3 h. Line rate alone: 8,000 Gb / 1 Gb/s = 8,000 s = 2.22 h; at efficiency 0.7: 11,429 s = 3.17 h
        double h = Recovery.transferHours(1e12, 1);
        assertEquals(8000 / 0.7 / 3600, h, 1e-9);
        assertEquals(3.0, h, 0.3, "within 10 % of the documented 3 h");
    }

    @Test
    void replicatingOneTerabyteTakesAboutTwentyMinutesAtTenGigabit() {
        // Ceph docs: ~20 min. 800 s at line rate; at efficiency 0.7: 1,142.9 s = 19.0 min
        double minutes = Recovery.transferHours(1e12, 10) * 60;
        assertEquals(800 / 0.7 / 60, minutes, 1e-9);
        assertEquals(20.0, minutes, 2.0, "within 10 % of the documented 20 min");
    }

    @Test
    void theEfficiencyFactorLiesBetweenTheTwoThatTheReferencePointsImply() {
        double at1G = 8000.0 / (3 * 3600);   // 0.741
        double at10G = 800.0 / (20 * 60);    // 0.667
        assertTrue(Recovery.NETWORK_EFFICIENCY <= at1G && Recovery.NETWORK_EFFICIENCY >= at10G);
    }

    @Test
    void aFullRecoveryOfOneTerabyteOntoAFastDiskAtTenGigabitIsBoundByTheNetwork() {
        // 1 TB onto one NVMe OSD: throttle 1 x 1 x 2000 MB/s x 0.5 = 1000 MB/s -> 1,000 s; network 1,142.9 s binds
        Recovery r = Recovery.estimate(1e12, 1, 1, 1, 10, 2000);
        assertEquals("network", r.binding());
        assertEquals(1000.0 / 3600, r.throttleHours(), 1e-9);
        assertEquals(19.05, r.hours() * 60, 0.01);
    }

    @Test
    void aSlowDiskBoundsRecoveryThroughTheBackfillThrottle() {
        // 1 TB onto one HDD OSD at 150 MB/s x share 0.5 = 75 MB/s -> 13,333 s = 3.70 h, slower than the 10 Gb/s network
        Recovery r = Recovery.estimate(1e12, 1, 1, 1, 10, 150);
        assertEquals("backfill throttle", r.binding());
        assertEquals(1e12 / 75e6 / 3600, r.hours(), 1e-9);
    }

    @Test
    void steadyReplicationTrafficIsClientWritesTimesSizeMinusOne() {
        // 6 writers x 10 MB/s = 60 MB/s; x (3-1) = 120 MB/s = 0.96 Gb/s over 3 hosts = 0.32 Gb/s each
        NetworkAnalysis n = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 2, 10), List.of(writers(6, 10, 0)));
        assertEquals(0.32, n.replicationGbps(), 1e-9);
        assertEquals(60, n.writeMBps(), 1e-9);
    }

    @Test
    void cephTrafficAboveTheShareKeptForItWhenBandwidthWasSizedIsAWarning() {
        // 6 writers x 200 MB/s = 1,200 MB/s; replication 1,200 x 2 x 8 / 1000 / 3 hosts = 6.4 Gb/s per host, writes into
        // Ceph 1,200 x 8 / 1000 / 3 = 3.2 Gb/s: 9.6 Gb/s on one shared 10 Gb/s port, whose half (5 Gb/s) was kept for Ceph
        Workload busy = writers(6, 200, 0).withBandwidthMbps(100);
        NetworkAnalysis shared = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 1, 10), List.of(busy));
        assertEquals(6.4, shared.replicationGbps(), 1e-9);
        Finding f = get(shared.findings(), NetworkPlanner.RULE_CEPH_SHARE);
        assertTrue(f.text().contains("9.6 Gb/s of Ceph traffic steady, more than the 5 Gb/s half of the shared port"), f.text());
        // with a second port the cluster network carries the 6.4 Gb/s of replication alone, within its 10 Gb/s
        NetworkAnalysis separate = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 2, 10), List.of(busy));
        assertFalse(has(separate.findings(), NetworkPlanner.RULE_CEPH_SHARE));
        // no workload has a bandwidth: nothing was sized against the share, so nothing to warn about
        NetworkAnalysis none = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 1, 10), List.of(writers(6, 200, 0)));
        assertFalse(has(none.findings(), NetworkPlanner.RULE_CEPH_SHARE));
    }

    @Test
    void erasureCodedReplicationTrafficIsTheChunksSentToOtherHosts() {
        // 60 MB/s x (4+2-1)/4 = 75 MB/s = 0.6 Gb/s over 7 hosts = 0.0857 Gb/s each
        NetworkAnalysis n = network(CephLayout.erasure(4, 2), 7, server(1, 4000, DiskType.HDD, 2, 10), List.of(writers(6, 10, 0)));
        assertEquals(0.6 / 7, n.replicationGbps(), 1e-9);
    }

    @Test
    void aDesktops2_5GbeIsAllowedWithAWarningThatGivesItsRecoveryTime() {
        // 3 hosts x 1 x 4000 GB SATA SSD, size 3: stored 10 x 300 GiB = 3000 GiB; each host holds one copy = 3,221 GB.
        // No spare host: a replacement is backfilled through its own 2.5 Gb/s port:
        // 3.2212e12 x 8 / (2.5e9 x 0.7) = 14,725 s = 4.09 h (throttle 3.2212e12 / 250 MB/s = 12,885 s = 3.58 h)
        Hardware desktop = server(1, 4000, DiskType.SATA_SSD, 2, 2.5);
        NetworkAnalysis n = network(CephLayout.DEFAULT, 3, desktop, List.of(disks(10, 300, 0)));
        double expected = 3000 * GIB * 8 / (2.5e9 * 0.7) / 3600;
        assertEquals(expected, n.recoveryHoursHostLoss(), 1e-9);
        assertEquals(4.09, n.recoveryHoursHostLoss(), 0.01);
        Finding f = get(n.findings(), NetworkPlanner.RULE_NIC_BELOW_REQUIRED);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.text().contains("4.1 h"), f.text());
        assertTrue(f.text().contains("10 Gb/s"), f.text());
        assertFalse(has(n.findings(), NetworkPlanner.RULE_NIC_SATURATED));
        assertEquals(10, n.nicGbpsRequired());
    }

    @Test
    void aTenGigabitNicMeetsTheCephMinimumWithoutAFinding() {
        NetworkAnalysis n = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 2, 10), List.of(disks(10, 300, 0)));
        assertFalse(has(n.findings(), NetworkPlanner.RULE_NIC_BELOW_REQUIRED), n.findings().toString());
    }

    @Test
    void recoveryAfterAHostLossSpreadsOverTheSurvivors() {
        // 4 hosts x 1 x 3840 GB NVMe, 10 Gb/s, size 3, stored 3000 GiB: raw stored 9000 GiB, 2250 GiB per host.
        // 3 survivors receive in parallel: 2250 GiB x 8 / (3 x 10e9 x 0.7) = 920.4 s;
        // throttle 2250 GiB / (3 OSDs x 1000 MB/s) = 805.3 s; so the network binds at 0.2557 h
        NetworkAnalysis n = network(CephLayout.DEFAULT, 4, server(1, 3840, DiskType.NVME, 2, 10), List.of(disks(10, 300, 0)));
        double bytes = 2250 * GIB;
        assertEquals(bytes * 8 / (3 * 10e9 * 0.7) / 3600, n.recoveryHoursHostLoss(), 1e-9);
        // one disk = one host here, but spread over the 3 other hosts' OSDs as well
        assertEquals(bytes * 8 / (3 * 10e9 * 0.7) / 3600, n.recoveryHoursDiskLoss(), 1e-9);
        assertTrue(n.riskWindow().contains("a second failure leaves 1 copy: no data is lost"), n.riskWindow());
    }

    @Test
    void withTwoCopiesASecondFailureDuringRecoveryLosesData() {
        NetworkAnalysis n = network(CephLayout.replicated(2, 1), 3, server(1, 3840, DiskType.NVME, 2, 10), List.of(disks(1, 10, 0)));
        assertTrue(n.riskWindow().contains("loses data"), n.riskWindow());
    }

    @Test
    void steadyTrafficBeyondThePortIsAnError() {
        // 10 x 100 MB/s = 1000 MB/s x 2 = 2000 MB/s = 16 Gb/s over 3 hosts = 5.33 Gb/s > 2.5 x 0.7 = 1.75
        NetworkAnalysis slow = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 2, 2.5), List.of(writers(10, 100, 0)));
        assertEquals(Severity.ERROR, get(slow.findings(), NetworkPlanner.RULE_NIC_SATURATED).severity());
        // required: 5.33 / 0.5 = 10.67 -> 25 Gb/s
        assertEquals(25, slow.nicGbpsRequired());
        NetworkAnalysis fast = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 2, 25), List.of(writers(10, 100, 0)));
        assertFalse(has(fast.findings(), NetworkPlanner.RULE_NIC_SATURATED));
        assertFalse(has(fast.findings(), NetworkPlanner.RULE_NIC_BELOW_REQUIRED));
    }

    @Test
    void oneSharedPortCarriesClientTrafficToo() {
        // one port: replication 0.32 + client 300 Mbit x 3 / 1000 / 3 = 0.3 + writes into Ceph 60 MB/s x 8 / 1000 / 3 = 0.16
        NetworkAnalysis n = network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 1, 10), List.of(writers(6, 10, 150)));
        assertEquals(0.32 + 0.3 + 0.16, n.portLoadGbps(), 1e-9);
        assertTrue(has(n.findings(), NetworkPlanner.RULE_SHARED_PORT));
        assertFalse(has(network(CephLayout.DEFAULT, 3, server(1, 4000, DiskType.NVME, 2, 10), List.of()).findings(),
                NetworkPlanner.RULE_SHARED_PORT));
    }

    @Test
    void requiredSpeedsRoundUpToPortsThatAreSold() {
        assertEquals(2.5, NetworkPlanner.standardSpeedAtLeast(1.2));
        assertEquals(10, NetworkPlanner.standardSpeedAtLeast(10));
        assertEquals(25, NetworkPlanner.standardSpeedAtLeast(10.01));
    }

    @Test
    void anUnknownNicSpeedSkipsRecoveryWithAnInfoFinding() {
        NetworkAnalysis unknown = network(CephLayout.DEFAULT, 4, server(1, 4000, DiskType.NVME, 2, 0), List.of(disks(1, 10, 0)));
        assertEquals(Severity.INFO, get(unknown.findings(), NetworkPlanner.RULE_NIC_UNKNOWN).severity());
        assertTrue(Double.isNaN(unknown.recoveryHoursHostLoss()));
        NetworkAnalysis known = network(CephLayout.DEFAULT, 4, server(1, 4000, DiskType.NVME, 2, 10), List.of(disks(1, 10, 0)));
        assertFalse(has(known.findings(), NetworkPlanner.RULE_NIC_UNKNOWN));
        assertFalse(Double.isNaN(known.recoveryHoursHostLoss()));
    }

    @Test
    void localStorageNeedsNoCephNetwork() {
        Site site = Fixtures.localSite(dev.clusterplanner.core.model.SiteKind.SINGLE_SERVER, List.of(writers(2, 50, 200)));
        Hardware hw = server(2, 2000, DiskType.NVME, 1, 1);
        NetworkAnalysis n = NetworkPlanner.analyse(site, hw, 1, StoragePlanner.analyse(site, hw, 1, 5));
        assertEquals(0, n.replicationGbps());
        // client 2 x 200 Mbit = 0.4 Gb/s / 0.5 = 0.8 -> 1 Gb/s; no Ceph minimum
        assertEquals(1, n.nicGbpsRequired());
        assertFalse(has(n.findings(), NetworkPlanner.RULE_NIC_BELOW_REQUIRED));
        assertFalse(has(n.findings(), NetworkPlanner.RULE_SHARED_PORT));
        assertTrue(Double.isNaN(n.recoveryHoursHostLoss()));
    }

    @Test
    void erasureCodedRecoveryReadsKChunksPerLostChunk() {
        // 7 hosts x 1 x 4000 GB NVMe, 10 Gb/s, EC 4+2; stored 600 GiB x 1.5 = 900 GiB raw, 900/7 GiB per host.
        // 6 survivors: network 4 x (900/7 GiB) x 8 / (6 x 10e9 x 0.7) = 105.2 s; throttle (900/7 GiB) / (6 x 1000 MB/s) = 23 s
        NetworkAnalysis n = network(CephLayout.erasure(4, 2), 7, server(1, 4000, DiskType.NVME, 2, 10), List.of(disks(6, 100, 0)));
        double perHost = 900 * GIB / 7;
        assertEquals(4 * perHost * 8 / (6 * 10e9 * 0.7) / 3600, n.recoveryHoursHostLoss(), 1e-12);
        assertTrue(n.riskWindow().contains("I/O to the affected placement groups pauses"), n.riskWindow());
    }
}
