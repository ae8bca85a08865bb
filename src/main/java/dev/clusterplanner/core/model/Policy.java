package dev.clusterplanner.core.model;

/**
 * The rules a site is planned by. Every factor is a named setting with a documented default
 * (README, "Policy settings").
 *
 * @param failuresTolerated        hosts that may fail while every instance still runs (k)
 * @param minHosts                 smallest cluster allowed (3 for Incus/Ceph quorum)
 * @param cpuOvercommitContainers  schedulable container vCPU per host thread
 * @param cpuOvercommitVms         schedulable VM vCPU per host thread
 * @param vmCpuOverheadPct         extra CPU a VM needs over a container for the same work (the chuck-stack Incus guide: 10-20 %)
 * @param vmMemoryOverheadGib      memory each VM costs beyond its limit (QEMU, firmware, page tables)
 * @param reserveMemoryGib         memory kept per host for the OS and Incus
 * @param reserveThreads           host threads kept for the OS and Incus
 * @param storageMode              local disks or Ceph
 * @param ceph                     pool protection when the storage mode is Ceph
 * @param cephMemoryPerOsdGib      RAM per OSD daemon (Ceph's osd_memory_target default 4 GiB)
 * @param cephThreadsPerOsd        threads per OSD daemon (Ceph docs: 1 core per OSD, light use)
 * @param cephMonMgrMemoryGib      RAM for a monitor plus manager, on each of the first three hosts
 */
public record Policy(
        int failuresTolerated,
        int minHosts,
        double cpuOvercommitContainers,
        double cpuOvercommitVms,
        double vmCpuOverheadPct,
        double vmMemoryOverheadGib,
        double reserveMemoryGib,
        double reserveThreads,
        StorageMode storageMode,
        CephLayout ceph,
        double cephMemoryPerOsdGib,
        double cephThreadsPerOsd,
        double cephMonMgrMemoryGib) {

    public static final double DEFAULT_CPU_OVERCOMMIT_CONTAINERS = 4.0;
    public static final double DEFAULT_CPU_OVERCOMMIT_VMS = 2.0;
    public static final double DEFAULT_VM_CPU_OVERHEAD_PCT = 15.0;
    public static final double DEFAULT_VM_MEMORY_OVERHEAD_GIB = 0.25;
    public static final double DEFAULT_RESERVE_MEMORY_GIB = 2.0;
    public static final double DEFAULT_RESERVE_THREADS = 1.0;
    public static final double DEFAULT_CEPH_MEMORY_PER_OSD_GIB = 4.0;
    public static final double DEFAULT_CEPH_THREADS_PER_OSD = 1.0;
    public static final double DEFAULT_CEPH_MON_MGR_MEMORY_GIB = 2.0;

    public Policy {
        storageMode = storageMode == null ? StorageMode.LOCAL : storageMode;
        ceph = ceph == null ? CephLayout.DEFAULT : ceph;
    }

    /** The defaults for a kind of site: a cluster tolerates one failure, has at least 3 members and uses Ceph. */
    public static Policy defaultsFor(SiteKind kind) {
        boolean cluster = kind == SiteKind.CLUSTER;
        return new Policy(cluster ? 1 : 0, cluster ? 3 : 1,
                DEFAULT_CPU_OVERCOMMIT_CONTAINERS, DEFAULT_CPU_OVERCOMMIT_VMS,
                DEFAULT_VM_CPU_OVERHEAD_PCT, DEFAULT_VM_MEMORY_OVERHEAD_GIB,
                DEFAULT_RESERVE_MEMORY_GIB, DEFAULT_RESERVE_THREADS,
                cluster ? StorageMode.CEPH : StorageMode.LOCAL, CephLayout.DEFAULT,
                DEFAULT_CEPH_MEMORY_PER_OSD_GIB, DEFAULT_CEPH_THREADS_PER_OSD, DEFAULT_CEPH_MON_MGR_MEMORY_GIB);
    }

    public Policy withFailuresTolerated(int k) {
        return new Policy(k, minHosts, cpuOvercommitContainers, cpuOvercommitVms, vmCpuOverheadPct, vmMemoryOverheadGib,
                reserveMemoryGib, reserveThreads, storageMode, ceph, cephMemoryPerOsdGib, cephThreadsPerOsd, cephMonMgrMemoryGib);
    }

    public Policy withMinHosts(int n) {
        return new Policy(failuresTolerated, n, cpuOvercommitContainers, cpuOvercommitVms, vmCpuOverheadPct, vmMemoryOverheadGib,
                reserveMemoryGib, reserveThreads, storageMode, ceph, cephMemoryPerOsdGib, cephThreadsPerOsd, cephMonMgrMemoryGib);
    }

    public Policy withCpuOvercommit(double containers, double vms) {
        return new Policy(failuresTolerated, minHosts, containers, vms, vmCpuOverheadPct, vmMemoryOverheadGib,
                reserveMemoryGib, reserveThreads, storageMode, ceph, cephMemoryPerOsdGib, cephThreadsPerOsd, cephMonMgrMemoryGib);
    }

    public Policy withReserveMemoryGib(double gib) {
        return new Policy(failuresTolerated, minHosts, cpuOvercommitContainers, cpuOvercommitVms, vmCpuOverheadPct, vmMemoryOverheadGib,
                gib, reserveThreads, storageMode, ceph, cephMemoryPerOsdGib, cephThreadsPerOsd, cephMonMgrMemoryGib);
    }

    public Policy withStorage(StorageMode mode, CephLayout layout) {
        return new Policy(failuresTolerated, minHosts, cpuOvercommitContainers, cpuOvercommitVms, vmCpuOverheadPct, vmMemoryOverheadGib,
                reserveMemoryGib, reserveThreads, mode, layout, cephMemoryPerOsdGib, cephThreadsPerOsd, cephMonMgrMemoryGib);
    }
}
