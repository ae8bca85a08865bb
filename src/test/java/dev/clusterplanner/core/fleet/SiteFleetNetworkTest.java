package dev.clusterplanner.core.fleet;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fleet problem's network line reads the sizing engine's rule (NicCapacity): ports less Ceph's share. */
class SiteFleetNetworkTest {

    static Hardware nic(int ports, double gbps) {
        return new Hardware("h", "h", HardwareCategory.RACK, "test", "cpu", 1, 8, 16, 3.0, 1.0, 64.0,
                1000.0, null, null, 0, 500, 2, 1920, DiskType.NVME, ports, gbps, null, 0, 0,
                0, 1, null, null, "us", "test", null, false);
    }

    @Test
    void aHostsNetworkIsItsPortsLessCephsShare() {
        Policy ceph = Policy.defaultsFor(SiteKind.CLUSTER);
        Policy local = ceph.withStorage(StorageMode.LOCAL, CephLayout.DEFAULT);
        // local: 2 x 10 x 1000 = 20,000 Mbit/s; Ceph: one port is the cluster network, 10,000 left; one port: half, 5,000
        assertEquals(20_000, SiteFleet.capacity(nic(2, 10), local)[SiteFleet.NETWORK], 1e-9);
        assertEquals(10_000, SiteFleet.capacity(nic(2, 10), ceph)[SiteFleet.NETWORK], 1e-9);
        assertEquals(5_000, SiteFleet.capacity(nic(1, 10), ceph)[SiteFleet.NETWORK], 1e-9);
    }
}
