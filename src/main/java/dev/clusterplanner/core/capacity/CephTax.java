package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.StorageMode;

/**
 * What Ceph's own daemons take from each host, in one place (docs/user/sizing.md; decision 0100):
 * <ul>
 *   <li>one OSD per data disk (an EBS cloud host: one OSD on its EBS volume);</li>
 *   <li>threads: cephThreadsPerOsd x OSDs;</li>
 *   <li>memory: cephMemoryPerOsdGib x OSDs, + cephMonMgrMemoryGib on each of the first {@link #MON_MGR_HOSTS} hosts,
 *       which run a monitor and a manager (quorum of three).</li>
 * </ul>
 * Nothing under local storage.
 */
public final class CephTax {

    /** Ceph monitors and managers run on the first this many hosts (Incus and Ceph quorum of three). */
    public static final int MON_MGR_HOSTS = 3;

    private CephTax() {
    }

    /** OSDs on a host under the policy: its data disks under Ceph (1 for an EBS cloud host), else 0. */
    public static int osds(Hardware h, Policy p) {
        if (p.storageMode() != StorageMode.CEPH) {
            return 0;
        }
        return CephCapacity.onEbs(h) ? 1 : Math.max(0, h.dataDisks());
    }

    /** Threads the OSDs take: cephThreadsPerOsd x OSDs. */
    public static double threads(Hardware h, Policy p) {
        return p.cephThreadsPerOsd() * osds(h, p);
    }

    /** Whether host number {@code hostIndex} (0-based) runs a monitor and a manager: one of the first three, under Ceph. */
    public static boolean runsMonMgr(Policy p, int hostIndex) {
        return p.storageMode() == StorageMode.CEPH && hostIndex < MON_MGR_HOSTS;
    }

    /** Memory in GiB Ceph takes on host number {@code hostIndex}: OSDs x per-OSD, + monitor and manager on the first three. */
    public static double memoryGib(Hardware h, Policy p, int hostIndex) {
        return p.cephMemoryPerOsdGib() * osds(h, p) + (runsMonMgr(p, hostIndex) ? p.cephMonMgrMemoryGib() : 0);
    }
}
