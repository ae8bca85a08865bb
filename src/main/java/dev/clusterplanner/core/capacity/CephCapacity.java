package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;

import java.util.List;

/**
 * The Ceph capacity rule, in one place (docs/user/storage-network-power.md, Capacity; decision 0100):
 * <pre>
 *   overhead = size (replicated) or (k+m)/k (erasure coding)
 *   usable   = (raw of all hosts - raw of the largest host) / overhead x nearfull
 * </pre>
 * The largest host is the reserve: after losing it, the survivors can re-create every copy and still stay below the
 * nearfull ratio. Every figure that says how much a Ceph cluster holds, how many hosts or how much raw disk a load needs,
 * is computed here: the sizing engine, the storage analysis, the live Ceph check and the cost model call these methods.
 * Drives are sold in decimal units: bytes = GB x 10^9.
 */
public final class CephCapacity {

    /** Bytes per decimal GB (drives are sold in GB). */
    public static final double BYTES_PER_GB = 1e9;

    private CephCapacity() {
    }

    /** Failure domains (hosts) one object's copies or chunks need: size when replicated, k+m for erasure coding. */
    public static int protectionWidth(CephLayout layout) {
        return protectionWidth(layout.size(), layout.k(), layout.m());
    }

    /** As {@link #protectionWidth(CephLayout)} for a pool's numbers ({@code k == 0}: replicated). */
    public static int protectionWidth(int size, int k, int m) {
        return k > 0 ? k + m : size;
    }

    /** Raw bytes written per byte stored: size when replicated, (k+m)/k for erasure coding. */
    public static double overhead(CephLayout layout) {
        return overhead(layout.size(), layout.k(), layout.m());
    }

    /** As {@link #overhead(CephLayout)} for a pool's numbers ({@code k == 0}: replicated). */
    public static double overhead(int size, int k, int m) {
        return k > 0 ? (double) (k + m) / k : size;
    }

    /**
     * A cloud host whose disks are EBS volumes attached on demand: category {@code cloud} and no local data disks in the
     * catalog (docs/user/sizing.md, cloud hosts). Its one OSD sits on an EBS volume sized to the data, so it adds no fixed raw
     * capacity and no host reserve.
     */
    public static boolean onEbs(Hardware h) {
        return h.category() == HardwareCategory.CLOUD && h.dataDisks() <= 0;
    }

    /**
     * Raw bytes of a host's data disks (its OSDs): dataDisks x dataDiskGb x 10^9; 0 for a host without data disks, and so
     * 0 for an EBS cloud host (its volume is sized to the need, not a fixed capacity).
     */
    public static double hostRawBytes(Hardware h) {
        return onEbs(h) ? 0 : Math.max(0, h.dataDisks()) * h.dataDiskGb() * BYTES_PER_GB;
    }

    /** (raw - largest host) / overhead: what the survivors can still hold every copy of after the largest host is lost. */
    public static double safeBytes(double rawBytes, double largestHostBytes, double overhead) {
        return Math.max(0, rawBytes - largestHostBytes) / overhead;
    }

    /** Usable bytes: (raw - largest host) / overhead x nearfull. */
    public static double usableBytes(double rawBytes, double largestHostBytes, CephLayout layout) {
        return safeBytes(rawBytes, largestHostBytes, overhead(layout)) * layout.nearfullRatio();
    }

    /** Usable bytes of these hosts (one entry per host): (sum of raw - the largest host's raw) / overhead x nearfull. */
    public static double usableBytes(List<Hardware> hosts, CephLayout layout) {
        return usableBytes(hosts.toArray(new Hardware[0]), layout);
    }

    /** As {@link #usableBytes(List, CephLayout)}. */
    public static double usableBytes(Hardware[] hosts, CephLayout layout) {
        double raw = 0;
        double largest = 0;
        for (Hardware h : hosts) {
            double r = hostRawBytes(h);
            raw += r;
            largest = Math.max(largest, r);
        }
        return usableBytes(raw, largest, layout);
    }

    /** Usable bytes of {@code na} hosts of a and {@code nb} hosts of b (a mixed cluster), without building the row. */
    public static double usableBytes(Hardware a, int na, Hardware b, int nb, CephLayout layout) {
        double ra = hostRawBytes(a);
        double rb = hostRawBytes(b);
        double largest = Math.max(na > 0 ? ra : 0, nb > 0 ? rb : 0);
        return usableBytes(na * ra + nb * rb, largest, layout);
    }

    /**
     * Raw bytes a store of {@code storedBytes} takes when it may fill up to nearfull and no host reserve is kept (EBS
     * volumes, which outlive their instance and are re-attached): stored x overhead / nearfull.
     */
    public static double rawNeededBytes(double storedBytes, CephLayout layout) {
        return storedBytes * overhead(layout) / layout.nearfullRatio();
    }

    /**
     * Raw bytes {@code hosts} equal hosts need in total so that their usable capacity holds {@code storedBytes}, the
     * largest host (1/hosts of the raw) kept as the reserve: stored x overhead / nearfull x hosts / (hosts - 1).
     * Infinite for one host (it has no survivor to re-protect onto).
     */
    public static double rawNeededBytes(double storedBytes, CephLayout layout, int hosts) {
        if (storedBytes <= 0) {
            return 0;
        }
        return hosts <= 1 ? Double.POSITIVE_INFINITY : rawNeededBytes(storedBytes, layout) * hosts / (hosts - 1);
    }

    /**
     * The fewest hosts with {@code rawPerHostBytes} each whose usable capacity holds {@code storedBytes}:
     * (N - 1) x raw per host / overhead x nearfull >= stored, so N = 1 + ceil(stored x overhead / (nearfull x raw per host)).
     * 0 when nothing is stored; {@code Integer.MAX_VALUE} when a host has no raw capacity.
     */
    public static int hostsNeeded(double storedBytes, double rawPerHostBytes, CephLayout layout) {
        if (storedBytes <= 0) {
            return 0;
        }
        if (rawPerHostBytes <= 0) {
            return Integer.MAX_VALUE;
        }
        double need = storedBytes * overhead(layout) / (layout.nearfullRatio() * rawPerHostBytes);
        return 1 + (int) Math.ceil(need - 1e-9);
    }

    /** Whether {@code na} hosts of a plus {@code nb} of b hold {@code storedBytes} in Ceph. */
    public static boolean holds(Hardware a, int na, Hardware b, int nb, double storedBytes, CephLayout layout) {
        return usableBytes(a, na, b, nb, layout) + 1e-6 >= storedBytes;
    }
}
