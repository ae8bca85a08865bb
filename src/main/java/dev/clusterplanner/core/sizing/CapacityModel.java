package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.capacity.CephTax;
import dev.clusterplanner.core.capacity.InstanceDemand;
import dev.clusterplanner.core.capacity.NicCapacity;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.List;

/**
 * What a host offers and what an instance takes, per {@link Dimension}, assembled from the rules of
 * {@code core.capacity} ({@link InstanceDemand}, {@link CephTax}, {@link CephCapacity}):
 * <ul>
 *   <li>CPU capacity = (threads - reserveThreads - cephThreadsPerOsd x OSDs) x cpuScore, in reference threads;
 *       demand = vcpu / cpuOvercommitContainers for a container or OCI application, and
 *       vcpu x (1 + vmCpuOverheadPct/100) / cpuOvercommitVms for a VM.</li>
 *   <li>Memory capacity = memoryGib - reserveMemoryGib - cephMemoryPerOsdGib x OSDs
 *       - cephMonMgrMemoryGib (on each of the first three hosts); demand = memoryGib (+ vmMemoryOverheadGib for a VM).</li>
 *   <li>Disk (local storage only) capacity = data disks in GiB (the OS disk when there are none); demand = diskGib.
 *       With Ceph, disk is pooled across hosts and is not a per-host limit.</li>
 *   <li>GPU capacity = gpuCount whole devices; demand = gpu.</li>
 *   <li>Network capacity = nic_ports x nic_gbps x 1000 Mbit/s less Ceph's share of the ports ({@link NicCapacity});
 *       demand = bandwidthMbps. A site none of whose workloads has a bandwidth gets no network limit
 *       ({@link #capacity(Hardware, Policy, int, boolean)}), so the dimension does not apply there.</li>
 * </ul>
 * With Ceph, every data disk of a host is one OSD.
 * <p>
 * Cloud instances (category {@code cloud}, e.g. AWS EC2) have no local disks in the catalog: their disks are EBS volumes
 * attached on demand and priced by the cost model (EBS gp3), so disk is not a per-host limit for them, and under Ceph
 * each cloud host runs one OSD on its EBS volume (the cost model's "one gp3 volume per host holding its share").
 */
public final class CapacityModel {

    /** Bytes per GB (drives are sold in decimal GB) over bytes per GiB. */
    public static final double GIB_PER_GB = 1e9 / (1024.0 * 1024 * 1024);

    /** Ceph monitors and managers run on the first this many hosts: {@link CephTax#MON_MGR_HOSTS}. */
    public static final int MON_MGR_HOSTS = CephTax.MON_MGR_HOSTS;

    private CapacityModel() {
    }

    /** Number of Ceph OSDs on a host under the policy: its data disks when storage is Ceph, else 0. */
    public static int osds(Hardware h, Policy p) {
        return CephTax.osds(h, p);
    }

    /** A cloud instance whose disks are EBS volumes attached on demand: {@link CephCapacity#onEbs}. */
    public static boolean isCloud(Hardware h) {
        return CephCapacity.onEbs(h);
    }

    /** What host number {@code hostIndex} (0-based) of hardware {@code h} offers, indexed by {@link Dimension#ordinal()}. */
    public static double[] capacity(Hardware h, Policy p, int hostIndex) {
        return capacity(h, p, hostIndex, true);
    }

    /**
     * As {@link #capacity(Hardware, Policy, int)}; with {@code network} false (no instance of the site has a bandwidth)
     * the network is no limit (infinite), as disk under Ceph, so it stays out of utilisation and binding.
     */
    public static double[] capacity(Hardware h, Policy p, int hostIndex, boolean network) {
        double[] c = new double[Dimension.COUNT];
        c[Dimension.CPU.ordinal()] = Math.max(0, h.threads() - p.reserveThreads() - CephTax.threads(h, p)) * h.cpuScore();
        c[Dimension.MEMORY.ordinal()] = Math.max(0, h.memoryGib() - p.reserveMemoryGib() - CephTax.memoryGib(h, p, hostIndex));
        c[Dimension.DISK.ordinal()] = p.storageMode() == StorageMode.CEPH || isCloud(h) ? Double.POSITIVE_INFINITY : localDiskGib(h);
        c[Dimension.GPU.ordinal()] = Math.max(0, h.gpuCount());
        c[Dimension.NETWORK.ordinal()] = network ? NicCapacity.instanceMbps(h, p) : Double.POSITIVE_INFINITY;
        return c;
    }

    /** Local storage of a host in GiB: its data disks, or its OS disk when it has none. */
    public static double localDiskGib(Hardware h) {
        double gb = h.dataDisks() > 0 ? h.rawDataGb() : h.osDiskGb();
        return Math.max(0, gb) * GIB_PER_GB;
    }

    /** What one instance of {@code w} takes, indexed by {@link Dimension#ordinal()}; independent of the host. */
    public static double[] demand(Workload w, Policy p) {
        double[] d = new double[Dimension.COUNT];
        d[Dimension.CPU.ordinal()] = InstanceDemand.cpu(w, p);
        d[Dimension.MEMORY.ordinal()] = InstanceDemand.memoryGib(w, p);
        d[Dimension.DISK.ordinal()] = InstanceDemand.localDiskGib(w, p);
        d[Dimension.GPU.ordinal()] = InstanceDemand.gpu(w);
        d[Dimension.NETWORK.ordinal()] = InstanceDemand.bandwidthMbps(w);
        return d;
    }

    /** The capacity formulas of one host with its numbers, for reports (the network line when some instance has a bandwidth). */
    public static List<Explanation> explainCapacity(Hardware h, Policy p, boolean network) {
        List<Explanation> out = explainCapacity(h, p);
        if (network) {
            out.add(new Explanation("network per host (" + h.id() + ")", NicCapacity.instanceMbps(h, p), Dimension.NETWORK.unit(),
                    NicCapacity.formula(h, p), "catalog nic_ports, nic_gbps; Ceph's share of the ports: decision 0280"));
        }
        return out;
    }

    /** The capacity formulas of one host with its numbers, for reports. */
    public static List<Explanation> explainCapacity(Hardware h, Policy p) {
        List<Explanation> out = new ArrayList<>();
        int osds = osds(h, p);
        double[] c = capacity(h, p, MON_MGR_HOSTS);
        out.add(new Explanation("cpu capacity per host (" + h.id() + ")", c[Dimension.CPU.ordinal()], Dimension.CPU.unit(),
                "(threads " + fmt(h.threads()) + " - reserve " + fmt(p.reserveThreads())
                        + (osds > 0 ? " - " + osds + " OSD" + (isCloud(h) ? " (EBS)" : "") + " x " + fmt(p.cephThreadsPerOsd()) : "")
                        + ") x cpuScore " + fmt(h.cpuScore()) + " = " + fmt(c[Dimension.CPU.ordinal()]),
                "policy reserveThreads, cephThreadsPerOsd (Ceph docs: about 1 core per OSD)"));
        String mem = "memory " + fmt(h.memoryGib()) + " - reserve " + fmt(p.reserveMemoryGib())
                + (osds > 0 ? " - " + osds + " OSD x " + fmt(p.cephMemoryPerOsdGib()) : "")
                + " = " + fmt(c[Dimension.MEMORY.ordinal()])
                + (p.storageMode() == StorageMode.CEPH
                ? " (" + fmt(c[Dimension.MEMORY.ordinal()] - p.cephMonMgrMemoryGib()) + " on the first three hosts, which run a Ceph monitor and manager using "
                + fmt(p.cephMonMgrMemoryGib()) + ")" : "");
        out.add(new Explanation("memory capacity per host (" + h.id() + ")", c[Dimension.MEMORY.ordinal()], "GiB", mem,
                "policy reserveMemoryGib, cephMemoryPerOsdGib (Ceph osd_memory_target 4 GiB), cephMonMgrMemoryGib"));
        if (isCloud(h)) {
            out.add(new Explanation("disk per host (" + h.id() + ")", Double.POSITIVE_INFINITY, "GiB",
                    p.storageMode() == StorageMode.CEPH
                            ? "no local disks: the host's Ceph OSD is an EBS gp3 volume sized to its share of the data, so disk sets no host limit"
                            : "no local disks: instance disks are EBS gp3 volumes attached on demand, so disk sets no host limit",
                    "assumption; EBS is priced by the cost model (EBS gp3 per GB-month, IOPS and throughput above the included baseline)"));
        } else if (p.storageMode() == StorageMode.LOCAL) {
            out.add(new Explanation("local disk per host (" + h.id() + ")", c[Dimension.DISK.ordinal()], "GiB",
                    (h.dataDisks() > 0 ? h.dataDisks() + " x " + fmt(h.dataDiskGb()) + " GB" : "OS disk " + h.osDiskGb() + " GB")
                            + " x 0.9313 GiB/GB = " + fmt(c[Dimension.DISK.ordinal()]), "drives are sold in decimal GB"));
        }
        return out;
    }

    /** The demand formula of one workload's instances, for reports. */
    public static Explanation explainCpuDemand(Workload w, Policy p) {
        double[] d = demand(w, p);
        String f = w.kind().isVirtualMachine()
                ? "vcpu " + fmt(w.vcpu()) + " x (1 + VM overhead " + fmt(p.vmCpuOverheadPct()) + " %) / VM overcommit " + fmt(p.cpuOvercommitVms())
                : "vcpu " + fmt(w.vcpu()) + " / container overcommit " + fmt(p.cpuOvercommitContainers());
        return new Explanation("cpu per instance (" + w.name() + ")", d[Dimension.CPU.ordinal()], Dimension.CPU.unit(),
                f + " = " + fmt(d[Dimension.CPU.ordinal()]), "policy cpuOvercommitContainers, cpuOvercommitVms, vmCpuOverheadPct");
    }

    /** As {@code String.format(Locale.ROOT, "%.2f", v)}, faster (always two decimals). */
    static String fixed2(double v) {
        if (v >= 0 && v < 1e13) {
            long c = Math.round(v * 100);
            if (c / 100.0 == v) {
                long frac = c % 100;
                return (c / 100) + (frac < 10 ? ".0" : ".") + frac;
            }
            if (v > 0) {
                return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            }
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        if (v > 0 && v < 1e13) {
            // a value with at most two decimals (0.25, 26.5): its digits directly, padded to two decimals as %.2f pads them
            long c = Math.round(v * 100);
            if (c / 100.0 == v) {
                long frac = c % 100;
                return (c / 100) + (frac < 10 ? ".0" : ".") + frac;
            }
        }
        if (v > 0 && !Double.isInfinite(v) && !Double.isNaN(v)) {
            // the same digits as %.2f (half up on the shortest decimal form), without the Formatter's cost
            return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
