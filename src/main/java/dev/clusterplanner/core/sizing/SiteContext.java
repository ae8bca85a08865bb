package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.capacity.FailureHeadroom;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static dev.clusterplanner.core.sizing.SizingText.GIB;
import static dev.clusterplanner.core.sizing.SizingText.failures;
import static dev.clusterplanner.core.sizing.SizingText.gib;
import static dev.clusterplanner.core.sizing.SizingText.num;
import static dev.clusterplanner.core.sizing.SizingText.tib;

/**
 * What the sizing of one site shares: the policy and workloads with each instance's demand, the failures to tolerate,
 * the host floors, each hardware's capacity rows, and the Ceph capacity a set of instances needs; the sizing's parts
 * ({@link LowerBound}, {@link Attempts}, {@link HostCountSearch}, {@link MixedSearch}, {@link PlacementAssembly},
 * {@link SizingText}) reach each other through it.
 */
final class SiteContext {
    final Site site;
    final Policy p;
    final List<Workload> ws;
    final double[][] wDem;
    final boolean[] aa;
    final int k;
    final boolean cluster;
    final int minHosts;
    final int cephFloor;
    /** Whether some workload has a bandwidth: only then is the network a limit (else it is left out, as GPU with none). */
    final boolean network;
    final LowerBound bounds;
    final Attempts attempts;
    final HostCountSearch search;
    final MixedSearch mixes;
    final PlacementAssembly assembly;
    final SizingText text;
    final StockLimit stock;

    SiteContext(Site site) {
        this.site = site;
        this.p = site.policy();
        this.ws = site.workloads();
        this.wDem = new double[ws.size()][];
        this.aa = new boolean[ws.size()];
        for (int i = 0; i < ws.size(); i++) {
            wDem[i] = CapacityModel.demand(ws.get(i), p);
            aa[i] = ws.get(i).antiAffinity() && ws.get(i).count() > 1;
        }
        boolean net = false;
        for (double[] d : wDem) {
            net |= d[Dimension.NETWORK.ordinal()] > 0;
        }
        this.network = net;
        this.cluster = site.kind() == SiteKind.CLUSTER;
        this.k = cluster ? p.failuresTolerated() : 0;
        this.minHosts = cluster ? Math.max(1, p.minHosts()) : 1;
        this.cephFloor = cluster && p.storageMode() == StorageMode.CEPH ? CephCapacity.protectionWidth(p.ceph()) : 0;
        this.bounds = new LowerBound(this);
        this.attempts = new Attempts(this);
        this.search = new HostCountSearch(this);
        this.mixes = new MixedSearch(this);
        this.assembly = new PlacementAssembly(this);
        this.text = new SizingText(this);
        this.stock = new StockLimit(site);
    }

    int[] counts() {
        int[] c = new int[ws.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = ws.get(i).count();
        }
        return c;
    }

    /** Capacity rows per hardware: [0] for the first three hosts (monitors), [1] for the others. Rows are never written. */
    private final Map<Hardware, double[][]> capRows = new java.util.IdentityHashMap<>();

    double[][] caps(Hardware[] hosts) {
        double[][] caps = new double[hosts.length][];
        Hardware prev = null;
        double[][] rows = null;
        for (int i = 0; i < hosts.length; i++) {
            if (hosts[i] != prev) {
                prev = hosts[i];
                rows = capRows(prev);
            }
            caps[i] = rows[i < CapacityModel.MON_MGR_HOSTS ? 0 : 1];
        }
        return caps;
    }

    /** Why an instance of workload w fits no host of hardware h (even an empty one past the monitors), or null if it fits. */
    String tooBig(int w, Hardware h) {
        double[] cap = capacity(h, CapacityModel.MON_MGR_HOSTS);
        double[] d = wDem[w];
        Workload wl = ws.get(w);
        List<String> why = new ArrayList<>();
        if (d[Dimension.GPU.ordinal()] > cap[Dimension.GPU.ordinal()] + Packer.EPS) {
            why.add("needs " + wl.gpu() + " GPU" + (wl.gpu() == 1 ? "" : "s") + "; " + h.id() + " has " + h.gpuCount());
        }
        if (d[Dimension.MEMORY.ordinal()] > cap[Dimension.MEMORY.ordinal()] + Packer.EPS) {
            why.add("needs " + gib(d[Dimension.MEMORY.ordinal()]) + " memory"
                    + (wl.kind().isVirtualMachine() ? " (with the VM overhead)" : "") + "; " + h.id() + " offers "
                    + gib(cap[Dimension.MEMORY.ordinal()]) + " after reserves" + (p.storageMode() == StorageMode.CEPH ? " and the Ceph tax" : ""));
        }
        if (d[Dimension.CPU.ordinal()] > cap[Dimension.CPU.ordinal()] + Packer.EPS) {
            why.add("needs " + num(d[Dimension.CPU.ordinal()]) + " reference threads after overcommit; " + h.id() + " offers "
                    + num(cap[Dimension.CPU.ordinal()]));
        }
        if (d[Dimension.DISK.ordinal()] > cap[Dimension.DISK.ordinal()] + Packer.EPS) {
            why.add("needs " + gib(d[Dimension.DISK.ordinal()]) + " local disk; " + h.id() + " has " + gib(cap[Dimension.DISK.ordinal()]));
        }
        int net = Dimension.NETWORK.ordinal();
        if (d[net] > cap[net] + Packer.EPS) {
            why.add("needs " + num(d[net]) + " Mbit/s of bandwidth; " + h.id() + " offers " + num(cap[net]) + " Mbit/s ("
                    + dev.clusterplanner.core.capacity.NicCapacity.formula(h, p) + ")");
        }
        if (cluster && p.storageMode() == StorageMode.CEPH && wl.diskGib() > 0 && !CapacityModel.isCloud(h) && hostRawBytes(h) <= 0) {
            why.add("needs " + gib(wl.diskGib()) + " of disk in Ceph; " + h.id() + " has no data disks, so no OSD and no Ceph capacity");
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** Total demand of the included instances per dimension. */
    double[] total(int[] include) {
        double[] t = new double[Packer.D];
        for (int w = 0; w < include.length; w++) {
            for (int d = 0; d < Packer.D; d++) {
                t[d] += include[w] * wDem[w][d];
            }
        }
        return t;
    }

    /** The per-dimension volume test: the hosts minus their k largest (in that dimension) hold the total. */
    boolean volumeHolds(double[][] caps, double[] t, int[] bindingOut) {
        return FailureHeadroom.holds(caps, t, k, bindingOut);
    }

    int aaBound(int[] include, String[] who) {
        int best = 0;
        for (int w = 0; w < include.length; w++) {
            if (aa[w] && include[w] + k > best) {
                best = include[w] + k;
                who[0] = ws.get(w).name();
            }
        }
        return best;
    }

    // -------------------------------------------------------------- Ceph capacity

    /** Bytes of instance disks the included instances keep in Ceph (year 0, as the storage analysis counts them). */
    double cephStoredBytes(int[] include) {
        double gib = 0;
        for (int w = 0; w < include.length; w++) {
            gib += include[w] * ws.get(w).diskGib();
        }
        return gib * GIB;
    }

    static double hostRawBytes(Hardware h) {
        return CephCapacity.hostRawBytes(h);
    }

    /** Ceph usable bytes of a row of hosts: {@link CephCapacity#usableBytes(Hardware[], dev.clusterplanner.core.model.CephLayout)}. */
    double cephUsableBytes(Hardware[] hosts) {
        return CephCapacity.usableBytes(hosts, p.ceph());
    }

    /** Whether Ceph capacity limits this hardware: a Ceph cluster, local disks (not EBS), and instance disks to store. */
    boolean cephCapacityApplies(Hardware h, int[] include) {
        return cluster && p.storageMode() == StorageMode.CEPH && !CapacityModel.isCloud(h) && hostRawBytes(h) > 0
                && cephStoredBytes(include) > 0;
    }

    /**
     * The fewest hosts of h whose Ceph usable capacity holds the instance disks (0 when Ceph capacity does not apply):
     * (N - 1) x raw per host / overhead x nearfull >= stored, so N = 1 + ceil(stored x overhead / (nearfull x raw per host)).
     */
    int cephCapacityHosts(Hardware h, int[] include) {
        if (!cephCapacityApplies(h, include)) {
            return 0;
        }
        return CephCapacity.hostsNeeded(cephStoredBytes(include), hostRawBytes(h), p.ceph());
    }

    String cephCapacityText(int[] include) {
        return tib(cephStoredBytes(include)) + " TiB of instance disks x " + num(CephCapacity.overhead(p.ceph())) + " ("
                + p.ceph().describe() + ") / (nearfull " + num(p.ceph().nearfullRatio())
                + " x raw per host), + 1 host: the largest host's data must fit on the others";
    }

    int placed(int[] include) {
        int n = 0;
        for (int c : include) {
            n += c;
        }
        return n;
    }

    /** The two placement orders: anti-affine first, then by dominant share alone. */
    Instances[] orders(int[] include, double[] ref) {
        return new Instances[]{new Instances(wDem, aa, include, ref, true), new Instances(wDem, aa, include, ref, false)};
    }

    static Hardware[] repeat(Hardware h, int n) {
        Hardware[] a = new Hardware[n];
        Arrays.fill(a, h);
        return a;
    }

    int[] countsOf(Instances inst) {
        return inst.includeCounts();
    }

    double[][] capRows(Hardware h) {
        return capRows.computeIfAbsent(h, x -> new double[][]{
                capacity(x, 0), capacity(x, CapacityModel.MON_MGR_HOSTS)});
    }

    /** What host number {@code hostIndex} of h offers at this site (the network a limit only when some workload has a bandwidth). */
    double[] capacity(Hardware h, int hostIndex) {
        return CapacityModel.capacity(h, p, hostIndex, network);
    }

    Double costOf(Map<String, Integer> byHw, Map<String, Hardware> hw, HostCost cost) {
        double sum = 0;
        for (Map.Entry<String, Integer> e : byHw.entrySet()) {
            OptionalDouble c = cost.perHost(hw.get(e.getKey()));
            if (c.isEmpty()) {
                return null;
            }
            sum += c.getAsDouble() * e.getValue();
        }
        return sum;
    }
}
