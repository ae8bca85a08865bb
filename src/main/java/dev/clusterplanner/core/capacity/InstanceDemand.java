package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;

/**
 * What one instance of a workload takes, per dimension, in one place (docs/user/sizing.md; decision 0100):
 * <ul>
 *   <li>CPU, reference threads: container or OCI application vcpu / cpuOvercommitContainers; VM
 *       vcpu x (1 + vmCpuOverheadPct/100) / cpuOvercommitVms.</li>
 *   <li>memory, GiB: memoryGib, + vmMemoryOverheadGib for a VM (memory is never overcommitted).</li>
 *   <li>disk, GiB: diskGib on local storage; 0 as a per-host demand under Ceph (the pool holds it).</li>
 *   <li>GPU: whole devices.</li>
 *   <li>network, Mbit/s: bandwidthMbps, what the instance sends and receives on its host's ports.</li>
 * </ul>
 */
public final class InstanceDemand {

    private InstanceDemand() {
    }

    /** The VM CPU overhead factor: 1 + vmCpuOverheadPct/100 for a VM, 1 for a container or OCI application. */
    public static double vmCpuFactor(Workload w, Policy p) {
        return w.kind().isVirtualMachine() ? 1 + p.vmCpuOverheadPct() / 100.0 : 1.0;
    }

    /** Host threads an instance keeps busy at full load, before overcommit: vcpu x the VM CPU overhead factor. */
    public static double vcpuWithOverhead(Workload w, Policy p) {
        return w.vcpu() * vmCpuFactor(w, p);
    }

    /** CPU in reference threads after overcommit. */
    public static double cpu(Workload w, Policy p) {
        double overcommit = w.kind().isVirtualMachine() ? p.cpuOvercommitVms() : p.cpuOvercommitContainers();
        return vcpuWithOverhead(w, p) / overcommit;
    }

    /** Memory in GiB: the instance's memory, plus the VM memory overhead for a VM. */
    public static double memoryGib(Workload w, Policy p) {
        return w.memoryGib() + (w.kind().isVirtualMachine() ? p.vmMemoryOverheadGib() : 0);
    }

    /** Disk in GiB a host must hold locally: diskGib on local storage, 0 under Ceph (pooled across hosts). */
    public static double localDiskGib(Workload w, Policy p) {
        return p.storageMode() == StorageMode.CEPH ? 0 : w.diskGib();
    }

    /** Whole GPUs. */
    public static double gpu(Workload w) {
        return w.gpu();
    }

    /** Mbit/s the instance sends and receives on its host's network ports (not the internet transfer {@code netMbps}). */
    public static double bandwidthMbps(Workload w) {
        return Math.max(0, w.bandwidthMbps());
    }
}
