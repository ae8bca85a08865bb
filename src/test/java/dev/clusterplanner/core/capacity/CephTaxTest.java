package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CephTaxTest {

    // defaults: 4 GiB and 1 thread per OSD, 2 GiB for a monitor and a manager
    static final Policy CEPH = Policy.defaultsFor(SiteKind.CLUSTER);
    static final Policy LOCAL = CEPH.withStorage(StorageMode.LOCAL, CephLayout.DEFAULT);

    @Test
    void everyDataDiskIsAnOsdWithItsMemoryAndThread() {
        Hardware h = CephCapacityTest.host("h", HardwareCategory.RACK, 2, 1920);
        assertEquals(2, CephTax.osds(h, CEPH));
        // 2 OSDs x 1 thread = 2
        assertEquals(2, CephTax.threads(h, CEPH), 1e-12);
        // host 4 (index 3) runs no monitor: 2 x 4 = 8 GiB
        assertEquals(8, CephTax.memoryGib(h, CEPH, 3), 1e-12);
    }

    @Test
    void onlyTheFirstThreeHostsRunAMonitorAndAManager() {
        Hardware h = CephCapacityTest.host("h", HardwareCategory.RACK, 2, 1920);
        // 2 x 4 + 2 = 10 GiB on hosts 1 to 3
        assertEquals(10, CephTax.memoryGib(h, CEPH, 0), 1e-12);
        assertEquals(10, CephTax.memoryGib(h, CEPH, 2), 1e-12);
        assertEquals(8, CephTax.memoryGib(h, CEPH, 3), 1e-12);
        assertTrue(CephTax.runsMonMgr(CEPH, 2));
        assertFalse(CephTax.runsMonMgr(CEPH, 3));
    }

    @Test
    void anEbsCloudHostRunsOneOsdAndLocalStorageNone() {
        Hardware ebs = CephCapacityTest.host("c", HardwareCategory.CLOUD, 0, 0);
        assertEquals(1, CephTax.osds(ebs, CEPH));
        // 1 x 4 = 4 GiB past the monitors
        assertEquals(4, CephTax.memoryGib(ebs, CEPH, 5), 1e-12);
        Hardware h = CephCapacityTest.host("h", HardwareCategory.RACK, 2, 1920);
        assertEquals(0, CephTax.osds(h, LOCAL));
        assertEquals(0, CephTax.threads(h, LOCAL), 0);
        assertEquals(0, CephTax.memoryGib(h, LOCAL, 0), 0);
    }
}
