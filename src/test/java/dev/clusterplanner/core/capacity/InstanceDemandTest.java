package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstanceDemandTest {

    // cluster defaults: containers 4:1, VMs 2:1, VM CPU overhead 15 %, VM memory overhead 0.25 GiB, Ceph
    static final Policy CLUSTER = Policy.defaultsFor(SiteKind.CLUSTER);

    @Test
    void aContainerTakesVcpuOverTheContainerOvercommit() {
        Workload web = Workload.of("web", WorkloadKind.CONTAINER, 4, 2, 4, 20);
        // 2 / 4 = 0.5 reference threads
        assertEquals(0.5, InstanceDemand.cpu(web, CLUSTER), 1e-12);
        assertEquals(4, InstanceDemand.memoryGib(web, CLUSTER), 1e-12);
        assertEquals(1.0, InstanceDemand.vmCpuFactor(web, CLUSTER), 1e-12);
        Workload oci = Workload.of("app", WorkloadKind.OCI, 1, 3, 1, 0);
        // 3 / 4 = 0.75
        assertEquals(0.75, InstanceDemand.cpu(oci, CLUSTER), 1e-12);
    }

    @Test
    void aVmPaysTheCpuAndMemoryOverheadAndTheVmOvercommit() {
        Workload db = Workload.of("db", WorkloadKind.VM, 1, 4, 16, 100);
        // 4 x 1.15 / 2 = 2.3 reference threads
        assertEquals(2.3, InstanceDemand.cpu(db, CLUSTER), 1e-12);
        // 4 x 1.15 = 4.6 busy threads before overcommit (the power model)
        assertEquals(4.6, InstanceDemand.vcpuWithOverhead(db, CLUSTER), 1e-12);
        // 16 + 0.25 = 16.25 GiB
        assertEquals(16.25, InstanceDemand.memoryGib(db, CLUSTER), 1e-12);
    }

    @Test
    void diskIsAPerHostDemandOnlyOnLocalStorage() {
        Workload w = Workload.of("w", WorkloadKind.CONTAINER, 1, 1, 1, 50).withGpu(1);
        assertEquals(0, InstanceDemand.localDiskGib(w, CLUSTER), 0);
        Policy local = CLUSTER.withStorage(StorageMode.LOCAL, CephLayout.DEFAULT);
        assertEquals(50, InstanceDemand.localDiskGib(w, local), 0);
        assertEquals(1, InstanceDemand.gpu(w), 0);
    }
}
