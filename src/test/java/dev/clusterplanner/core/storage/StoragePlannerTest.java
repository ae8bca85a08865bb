package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.SiteKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.clusterplanner.core.storage.Fixtures.cephSite;
import static dev.clusterplanner.core.storage.Fixtures.disks;
import static dev.clusterplanner.core.storage.Fixtures.get;
import static dev.clusterplanner.core.storage.Fixtures.has;
import static dev.clusterplanner.core.storage.Fixtures.localSite;
import static dev.clusterplanner.core.storage.Fixtures.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoragePlannerTest {

    static final double TB = 1e12;
    static final double TIB = 1024.0 * 1024 * 1024 * 1024;
    static final double GIB = 1024.0 * 1024 * 1024;

    static StorageAnalysis ceph(CephLayout layout, int hosts, Hardware hw, List<dev.clusterplanner.core.model.Workload> w) {
        return StoragePlanner.analyse(cephSite(layout, w), hw, hosts, 5);
    }

    @Test
    void threeHostsOf15_36TbAtSize3Give10_24TbSafeAfterTheLargestHostsReserve() {
        // 4 x 3.84 TB NVMe per host = 15.36 TB per host; 3 hosts = 46.08 TB raw.
        Hardware hw = server(4, 3840, DiskType.NVME, 2, 25);
        StorageAnalysis s = ceph(CephLayout.DEFAULT, 3, hw, List.of());
        assertEquals(46.08 * TB, s.rawBytes(), 1e3);
        // (46.08 - 15.36) / 3 = 30.72 / 3 = 10.24 TB
        assertEquals(10.24 * TB, s.safeBytes(), 1e3);
        // x nearfull 0.85 = 8.704 TB = 8.704e12 / 1.099511627776e12 = 7.9162 TiB
        assertEquals(8.704 * TB, s.usableBytes(), 1e3);
        assertEquals(7.9162, s.usableTiB(), 1e-3);
        // 46.08e12 / 1.099511627776e12 = 41.910 TiB
        assertEquals(41.910, s.rawTiB(), 1e-3);
        assertEquals(4, s.osdsPerHost());
        assertTrue(s.explanations().stream().anyMatch(e -> e.figure().equals("safeTiB") && e.formula().contains("10.24 TB")),
                s.explanations().toString());
    }

    @Test
    void erasureCoding4Plus2HasAOnePointFiveRawOverhead() {
        // 7 hosts x 10 TB: raw 70 TB; (4+2)/4 = 1.5; safe (70 - 10) / 1.5 = 40 TB; usable 40 x 0.85 = 34 TB
        Hardware hw = server(1, 10_000, DiskType.HDD, 2, 10);
        StorageAnalysis s = ceph(CephLayout.erasure(4, 2), 7, hw, List.of());
        assertEquals(1.5, s.rawOverhead(), 1e-12);
        assertEquals(70 * TB / 1.5, s.protectedBytes(), 1e3);
        assertEquals(40 * TB, s.safeBytes(), 1e3);
        assertEquals(34 * TB, s.usableBytes(), 1e3);
        // against size 3 on the same hosts: (70 - 10) / 3 = 20 TB safe, half of EC 4+2
        assertEquals(20 * TB, ceph(CephLayout.DEFAULT, 7, hw, List.of()).safeBytes(), 1e3);
    }

    @Test
    void aSize3PoolOnThreeHostsCannotHealAfterAHostLoss() {
        StorageAnalysis s = ceph(CephLayout.DEFAULT, 3, server(2, 2000, DiskType.NVME, 2, 10), List.of());
        Finding f = get(s.findings(), StoragePlanner.RULE_CANNOT_HEAL);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.text().contains("stays degraded"), f.text());
        assertFalse(s.healsAfterHostLoss());
    }

    @Test
    void aSize3PoolOnFourHostsHealsAfterAHostLoss() {
        StorageAnalysis s = ceph(CephLayout.DEFAULT, 4, server(2, 2000, DiskType.NVME, 2, 10), List.of());
        assertFalse(has(s.findings(), StoragePlanner.RULE_CANNOT_HEAL), s.findings().toString());
        assertTrue(s.healsAfterHostLoss());
    }

    @Test
    void erasureCodingOnFewerThanKPlusMHostsIsAnError() {
        StorageAnalysis s = ceph(CephLayout.erasure(4, 2), 5, server(1, 4000, DiskType.HDD, 2, 10), List.of());
        assertEquals(Severity.ERROR, get(s.findings(), StoragePlanner.RULE_EC_TOO_FEW_HOSTS).severity());
    }

    @Test
    void erasureCodingOnExactlyKPlusMHostsWorksButCannotHeal() {
        StorageAnalysis s = ceph(CephLayout.erasure(4, 2), 6, server(1, 4000, DiskType.HDD, 2, 10), List.of());
        assertFalse(has(s.findings(), StoragePlanner.RULE_EC_TOO_FEW_HOSTS));
        assertTrue(get(s.findings(), StoragePlanner.RULE_CANNOT_HEAL).text().contains("k+m+1 = 7"));
    }

    @Test
    void erasureCodingOnKPlusMPlusOneHostsRaisesNoPlacementFinding() {
        StorageAnalysis s = ceph(CephLayout.erasure(4, 2), 7, server(1, 4000, DiskType.HDD, 2, 10), List.of());
        assertFalse(has(s.findings(), StoragePlanner.RULE_EC_TOO_FEW_HOSTS));
        assertFalse(has(s.findings(), StoragePlanner.RULE_CANNOT_HEAL));
        assertTrue(s.healsAfterHostLoss());
    }

    @Test
    void erasureCodingWithOneCodingChunkIsDiscouraged() {
        assertTrue(has(ceph(CephLayout.erasure(2, 1), 4, server(1, 4000, DiskType.HDD, 2, 10), List.of()).findings(),
                StoragePlanner.RULE_EC_M1));
        assertFalse(has(ceph(CephLayout.erasure(2, 2), 5, server(1, 4000, DiskType.HDD, 2, 10), List.of()).findings(),
                StoragePlanner.RULE_EC_M1));
    }

    @Test
    void moreCopiesThanHostsIsAnError() {
        Hardware hw = server(1, 4000, DiskType.NVME, 2, 10);
        assertEquals(Severity.ERROR, get(ceph(CephLayout.DEFAULT, 2, hw, List.of()).findings(),
                StoragePlanner.RULE_REPLICAS_EXCEED_HOSTS).severity());
        assertFalse(has(ceph(CephLayout.DEFAULT, 3, hw, List.of()).findings(), StoragePlanner.RULE_REPLICAS_EXCEED_HOSTS));
    }

    @Test
    void sizeTwoAndMinSizeOneAreWarnedAbout() {
        Hardware hw = server(1, 4000, DiskType.NVME, 2, 10);
        List<Finding> two = ceph(CephLayout.replicated(2, 1), 3, hw, List.of()).findings();
        assertTrue(has(two, StoragePlanner.RULE_SIZE_BELOW_3));
        assertTrue(has(two, StoragePlanner.RULE_MIN_SIZE_1));
        List<Finding> three = ceph(CephLayout.DEFAULT, 4, hw, List.of()).findings();
        assertFalse(has(three, StoragePlanner.RULE_SIZE_BELOW_3));
        assertFalse(has(three, StoragePlanner.RULE_MIN_SIZE_1));
    }

    @Test
    void growthThatPassesTheUsableCapacityIsANearfullBreachInTheYearItHappens() {
        // 4 hosts x 1 x 1000 GB, size 3: safe (4000 - 1000) / 3 = 1000 GB, usable 850 GB = 791.6 GiB
        Hardware hw = server(1, 1000, DiskType.NVME, 2, 10);
        // 10 x 50 GiB = 500 GiB today, +20 % a year: 600, 720, 864 GiB in year 3 (> 791.6), so year 3
        StorageAnalysis s = ceph(CephLayout.DEFAULT, 4, hw, List.of(disks(10, 50, 20)));
        assertEquals(850e9 / GIB, s.usableBytes() / GIB, 1e-6);
        Finding f = get(s.findings(), StoragePlanner.RULE_NEARFULL_AFTER_GROWTH);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.text().contains("year 3"), f.text());
        assertFalse(has(s.findings(), StoragePlanner.RULE_OVER_CAPACITY));
    }

    @Test
    void noGrowthWithinTheUsableCapacityIsNoBreach() {
        Hardware hw = server(1, 1000, DiskType.NVME, 2, 10);
        StorageAnalysis s = ceph(CephLayout.DEFAULT, 4, hw, List.of(disks(10, 50, 0)));
        assertFalse(has(s.findings(), StoragePlanner.RULE_NEARFULL_AFTER_GROWTH));
        assertFalse(has(s.findings(), StoragePlanner.RULE_OVER_CAPACITY));
        // 5 years at 5 %: 500 x 1.05^5 = 638.1 GiB < 791.6: still no breach
        assertFalse(has(ceph(CephLayout.DEFAULT, 4, hw, List.of(disks(10, 50, 5))).findings(),
                StoragePlanner.RULE_NEARFULL_AFTER_GROWTH));
    }

    @Test
    void dataBeyondTheUsableCapacityTodayIsAnError() {
        Hardware hw = server(1, 1000, DiskType.NVME, 2, 10);
        // 10 x 80 GiB = 800 GiB > 791.6 GiB usable
        assertEquals(Severity.ERROR, get(ceph(CephLayout.DEFAULT, 4, hw, List.of(disks(10, 80, 0))).findings(),
                StoragePlanner.RULE_OVER_CAPACITY).severity());
    }

    @Test
    void cephWithoutDataDisksIsAnError() {
        assertEquals(Severity.ERROR, get(ceph(CephLayout.DEFAULT, 3, server(0, 0, null, 2, 10), List.of()).findings(),
                StoragePlanner.RULE_NO_DATA_DISKS).severity());
    }

    @Test
    void twoLocalDisksAreAMirrorOfOneDisk() {
        StorageAnalysis s = StoragePlanner.analyse(localSite(SiteKind.SINGLE_SERVER, List.of()),
                server(2, 2000, DiskType.NVME, 1, 10), 1, 5);
        assertTrue(s.description().contains("mirror"), s.description());
        assertEquals(4000e9, s.rawBytes(), 1);
        assertEquals(2.0, s.rawOverhead(), 1e-12);
        // 2000 GB x fill limit 0.85 = 1700 GB
        assertEquals(1700e9, s.usableBytes(), 1);
        assertFalse(has(s.findings(), StoragePlanner.RULE_SINGLE_DISK));
    }

    @Test
    void oneLocalDiskIsStatedAsASingleDiskWithoutRedundancy() {
        StorageAnalysis s = StoragePlanner.analyse(localSite(SiteKind.DESKTOP, List.of()),
                server(1, 4000, DiskType.SATA_SSD, 1, 2.5), 1, 5);
        assertTrue(s.description().contains("single disk"), s.description());
        assertEquals(4000e9 * 0.85, s.usableBytes(), 1);
        assertEquals(Severity.WARNING, get(s.findings(), StoragePlanner.RULE_SINGLE_DISK).severity());
    }

    @Test
    void mixedHostsReserveTheLargestHost() {
        // 2 hosts x 10 TB + 2 hosts x 4 TB = 28 TB raw; size 3: (28 - 10) / 3 = 6 TB safe; x 0.85 = 5.1 TB usable
        Hardware big = server(1, 10_000, DiskType.HDD, 2, 10);
        Hardware small = Fixtures.hardware("small", dev.clusterplanner.core.model.HardwareCategory.RACK, 16, 1.0, 1, 4000,
                DiskType.NVME, 2, 10, 0, 0, 1, 50.0, 150.0);
        StorageAnalysis s = StoragePlanner.analyse(cephSite(CephLayout.DEFAULT, List.of()), List.of(big, big, small, small), 5);
        assertEquals(28 * TB, s.rawBytes(), 1e3);
        assertEquals(10 * TB, s.largestHostBytes(), 1e3);
        assertEquals(6 * TB, s.safeBytes(), 1e3);
        assertEquals(5.1 * TB, s.usableBytes(), 1e3);
        assertEquals(DiskType.HDD, s.diskType(), "the slowest disk sets recovery");
        assertTrue(s.healsAfterHostLoss());
    }

    @Test
    void noLocalDataDiskMeansTheOsDiskWithAnInfoFinding() {
        // server fixture: 500 GB OS disk; x 0.85 = 425 GB
        StorageAnalysis s = StoragePlanner.analyse(localSite(SiteKind.DESKTOP, List.of()), server(0, 0, null, 1, 1), 1, 5);
        assertEquals(Severity.INFO, get(s.findings(), StoragePlanner.RULE_NO_DATA_DISKS).severity());
        assertEquals(425e9, s.usableBytes(), 1);
        assertFalse(has(StoragePlanner.analyse(localSite(SiteKind.DESKTOP, List.of()), server(1, 1000, DiskType.NVME, 1, 1), 1, 5)
                .findings(), StoragePlanner.RULE_NO_DATA_DISKS));
    }

    @Test
    void cloudHostsWithoutLocalDisksUseEbsVolumesSizedToTheData() {
        // 3 cloud hosts, Ceph size 3: 10 x 100 GiB = 1000 GiB of data; EBS raw = 1000 GiB x 3 / 0.85 = 3529.41 GiB,
        // one volume (one OSD) per host; usable = the data itself (volumes sized to it); no "no data disks" error.
        Hardware ec2 = new Hardware("ec2", "ec2", dev.clusterplanner.core.model.HardwareCategory.CLOUD, "aws", "cpu", 1, 8, 16, 3.0, 1.0,
                64, null, null, 0.8, 0, 0, 0, 0, null, 1, 10, null, 0, 0, 0, 0, null, null, "us-east-1", "test", null, false);
        StorageAnalysis s = StoragePlanner.analyse(cephSite(CephLayout.DEFAULT, List.of(disks(10, 100, 0))), List.of(ec2, ec2, ec2), 0);
        double gib = Math.pow(1024, 3);
        assertEquals(1000 * gib * 3 / 0.85, s.rawBytes(), 1);
        assertEquals(1000 * gib, s.usableBytes(), 1);
        assertEquals(3, s.osds());
        assertFalse(has(s.findings(), StoragePlanner.RULE_NO_DATA_DISKS));
        assertFalse(has(s.findings(), StoragePlanner.RULE_OVER_CAPACITY));
        assertEquals(Severity.INFO, get(s.findings(), StoragePlanner.RULE_EBS).severity());
        assertTrue(has(s.findings(), StoragePlanner.RULE_CANNOT_HEAL), "3 hosts for size 3: no spare host");
    }
}
