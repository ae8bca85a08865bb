package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NicCapacityTest {

    static final Policy CEPH = Policy.defaultsFor(SiteKind.CLUSTER);
    static final Policy LOCAL = CEPH.withStorage(StorageMode.LOCAL, CephLayout.DEFAULT);

    static Hardware nic(int ports, double gbps) {
        return new Hardware("h", "h", HardwareCategory.RACK, "test", "cpu", 1, 8, 16, 3.0, 1.0, 64.0,
                1000.0, null, null, 0, 500, 2, 1920, DiskType.NVME, ports, gbps, null, 0, 0,
                0, 1, null, null, "us", "test", null, false);
    }

    @Test
    void withLocalStorageTheInstancesHaveEveryPort() {
        // 2 x 10 Gbit/s x 1000 = 20,000 Mbit/s; no Ceph, no share
        assertEquals(20_000, NicCapacity.portsMbps(nic(2, 10)), 1e-9);
        assertEquals(0, NicCapacity.cephShareMbps(nic(2, 10), LOCAL), 1e-9);
        assertEquals(20_000, NicCapacity.instanceMbps(nic(2, 10), LOCAL), 1e-9);
    }

    @Test
    void withCephAndTwoOrMorePortsOneWholePortIsTheClusterNetwork() {
        // 2 x 10: Ceph 10,000, instances 20,000 - 10,000 = 10,000
        assertEquals(10_000, NicCapacity.cephShareMbps(nic(2, 10), CEPH), 1e-9);
        assertEquals(10_000, NicCapacity.instanceMbps(nic(2, 10), CEPH), 1e-9);
        // 4 x 25: Ceph 25,000, instances 100,000 - 25,000 = 75,000
        assertEquals(75_000, NicCapacity.instanceMbps(nic(4, 25), CEPH), 1e-9);
        assertTrue(NicCapacity.separateClusterNetwork(2));
        assertFalse(NicCapacity.separateClusterNetwork(1));
    }

    @Test
    void withCephOnOneSharedPortHalfOfItIsKeptForCeph() {
        // 1 x 10: Ceph 0.5 x 10,000 = 5,000, instances 5,000; 1 x 25: 12,500 each
        assertEquals(5_000, NicCapacity.cephShareMbps(nic(1, 10), CEPH), 1e-9);
        assertEquals(5_000, NicCapacity.instanceMbps(nic(1, 10), CEPH), 1e-9);
        assertEquals(12_500, NicCapacity.instanceMbps(nic(1, 25), CEPH), 1e-9);
    }

    @Test
    void aHostWithoutPortsOffersNothing() {
        assertEquals(0, NicCapacity.instanceMbps(nic(0, 10), CEPH), 1e-9);
        assertEquals(0, NicCapacity.instanceMbps(nic(2, 0), LOCAL), 1e-9);
    }

    @Test
    void theFormulaShowsPortsAndCephShareWithTheirNumbers() {
        assertEquals("2 x 10 Gbit/s x 1000 - one port for the Ceph cluster network 10000 = 10000", NicCapacity.formula(nic(2, 10), CEPH));
        assertEquals("1 x 2.5 Gbit/s x 1000 - half the shared port for Ceph 1250 = 1250", NicCapacity.formula(nic(1, 2.5), CEPH));
        assertEquals("1 x 10 Gbit/s x 1000 = 10000", NicCapacity.formula(nic(1, 10), LOCAL));
    }
}
