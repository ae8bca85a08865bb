package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.capacity.FailureHeadroom;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.storage.StoragePlanner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The sizing engine: for every hardware candidate the smallest homogeneous cluster that places every instance
 * and still places them after the loss of any {@code failuresTolerated} hosts, plus a cheaper mix of candidates
 * when one exists; ranked, each with a one-line explanation. Pure and deterministic.
 * <p>
 * Host count search (homogeneous): one unbounded first-fit pass per order gives the fewest hosts on which first fit
 * heals (its placement is the same on every count it fits); below that count, from the lower bound upward by galloping
 * (lb, lb+1, lb+3, lb+7, ...) then a binary search between the last failing and the first passing count; each try is a
 * few group placements (round-robin, with spares) plus the failure check of {@link Packing}.
 */
public final class Sizer {

    /** Largest number of pack attempts spent looking for a cheaper mix per site. */
    static final int MIXED_ATTEMPT_BUDGET = 24;

    /** Largest instances x workloads for which first fit by the binding dimension is tried as a third order. */
    static final long MAX_THIRD_ORDER_WORK = 2_000_000;

    /** Instances x hosts above which a host count skips first fit by total share (mixes) and the iterated-greedy retry. */
    static final long LARGE_PROBLEM = 1_000_000;

    private Sizer() {
    }

    // ------------------------------------------------------------------ validation

    /**
     * The problems that stop a site from being sized, with paths relative to the site
     * ({@code workloads/1/antiAffinity}, {@code policy/failuresTolerated}, {@code hardware/0}). Empty when it can be sized.
     */
    public static List<FieldProblem> check(Site site, List<Hardware> candidates) {
        List<FieldProblem> out = new ArrayList<>(ModelRules.check(site));
        Policy p = site.policy();
        boolean cluster = site.kind() == SiteKind.CLUSTER;
        String what = "site '" + site.name() + "' is a " + site.kind().id() + ": it has exactly one host";
        if (!cluster && p.failuresTolerated() > 0) {
            out.add(new FieldProblem("policy/failuresTolerated", what + ", so it cannot tolerate " + p.failuresTolerated()
                    + " host failure" + (p.failuresTolerated() == 1 ? "" : "s") + " (that needs at least " + (p.failuresTolerated() + 1)
                    + " hosts; rule: k failures need k+1 hosts). Set failuresTolerated to 0 or make the site a cluster."));
        }
        if (!cluster && p.minHosts() > 1) {
            out.add(new FieldProblem("policy/minHosts", what + ", so minHosts " + p.minHosts() + " cannot be met. Set minHosts to 1 or make the site a cluster."));
        }
        for (int i = 0; i < site.workloads().size(); i++) {
            Workload w = site.workloads().get(i);
            if (!cluster && w.antiAffinity() && w.count() > 1) {
                out.add(new FieldProblem("workloads/" + i + "/antiAffinity", "workload '" + w.name() + "': " + w.count()
                        + " anti-affine replicas need " + w.count() + " distinct hosts, but " + what
                        + " (rule: anti-affinity). Lower count to 1, drop antiAffinity or make the site a cluster."));
            }
        }
        if (candidates.isEmpty()) {
            out.add(new FieldProblem("hardware", "site '" + site.name() + "' lists no hardware candidates to size for; add a catalog id"));
        }
        for (int j = 0; j < candidates.size(); j++) {
            Hardware h = candidates.get(j);
            String who = "hardware '" + h.id() + "': ";
            if (h.threads() < 1) {
                out.add(new FieldProblem("hardware/" + j, who + "threads must be 1 or more, got " + h.threads()));
            }
            if (!(h.memoryGib() > 0)) {
                out.add(new FieldProblem("hardware/" + j, who + "memoryGib must be greater than 0, got " + h.memoryGib()));
            }
            if (!(h.cpuScore() > 0) || Double.isInfinite(h.cpuScore())) {
                out.add(new FieldProblem("hardware/" + j, who + "cpuScore must be greater than 0, got " + h.cpuScore()));
            }
            if (h.gpuCount() < 0 || h.dataDisks() < 0) {
                out.add(new FieldProblem("hardware/" + j, who + "gpuCount and dataDisks must be 0 or more"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ sizing

    /**
     * Sizes a site for the given candidates (in the order the site lists them).
     *
     * @throws IllegalArgumentException when {@link #check} reports problems (callers check first and report them as input problems)
     */
    public static SizingResult size(Site site, List<Hardware> candidates, HostCost cost) {
        List<FieldProblem> problems = check(site, candidates);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("site '" + site.name() + "' cannot be sized: " + problems.get(0).field() + ": " + problems.get(0).message());
        }
        Context c = new Context(site);
        List<SizingOption> options = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Hardware h : candidates) {
            options.add(c.homogeneous(h, cost));
        }
        c.mixed(candidates, options, cost).ifPresent(options::add);

        // findings: workloads no candidate can hold
        for (int w = 0; w < c.ws.size(); w++) {
            boolean fitsSome = false;
            String why = null;
            for (Hardware h : candidates) {
                String r = c.tooBig(w, h);
                if (r == null) {
                    fitsSome = true;
                    break;
                }
                why = why == null ? r : why;
            }
            if (!fitsSome) {
                findings.add(Finding.error("sizing.too-big", "workload '" + c.ws.get(w).name() + "' fits none of the "
                        + candidates.size() + " hardware candidate(s): " + why + ". Its instances are listed as unplaced.", ""));
            }
        }
        List<String> cloud = new ArrayList<>();
        for (Hardware h : candidates) {
            if (CapacityModel.isCloud(h)) {
                cloud.add(h.id());
            } else if (c.p.storageMode() == StorageMode.CEPH && h.dataDisks() < 1) {
                findings.add(Finding.warning("sizing.ceph-no-osd", "'" + h.id() + "' has no data disks, so it would run no Ceph OSD:"
                        + " Ceph has no capacity on it, and instances with disks cannot be placed on it", ""));
            }
        }
        if (!cloud.isEmpty()) {
            boolean ceph = c.p.storageMode() == StorageMode.CEPH;
            findings.add(Finding.info("sizing.cloud-ebs", String.join(", ", cloud) + (cloud.size() == 1 ? " has" : " have")
                    + " no local disks in the catalog: " + (ceph
                    ? "each such host is assumed to run one Ceph OSD on an EBS gp3 volume sized to its share of the data (its Ceph tax"
                    + " is counted: " + CapacityModel.fmt(c.p.cephMemoryPerOsdGib()) + " GiB and " + CapacityModel.fmt(c.p.cephThreadsPerOsd())
                    + " thread per host)"
                    : "instance disks are assumed to be EBS gp3 volumes attached on demand")
                    + ", so disk does not limit how many of these hosts are needed; the volumes are priced by the cost model (EBS gp3)",
                    "assumption of this planner: cloud hosts keep their data on EBS gp3 volumes"));
        }
        if (options.stream().noneMatch(SizingOption::feasible)) {
            findings.add(Finding.error("sizing.no-feasible-option", "no option places every instance of site '" + site.name()
                    + "'" + (c.k > 0 ? " with " + c.k + " host failure(s) tolerated" : "") + "; see the unplaced instances", ""));
        }

        Map<SizingOption, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            position.put(options.get(i), i);
        }
        List<SizingOption> ranked = new ArrayList<>(options);
        ranked.sort(Comparator.comparing((SizingOption o) -> !o.feasible())
                .thenComparing(o -> o.costUsd() == null)
                .thenComparingDouble(o -> o.costUsd() == null ? 0 : o.costUsd())
                .thenComparingInt(SizingOption::hosts)
                .thenComparingInt(o -> position.get(o)));
        List<SizingOption> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(ranked.get(i).withRank(i + 1));
        }
        List<Explanation> formulas = new ArrayList<>();
        for (Workload w : c.ws) {
            formulas.add(CapacityModel.explainCpuDemand(w, c.p));
        }
        return new SizingResult(site.name(), site.kind(), c.p.storageMode(), c.k, site.instanceCount(), out, findings, formulas);
    }

    /**
     * Re-places the instances of an option after the loss of the hosts at {@code failed} (0-based positions in its
     * placement), by the same evacuation the failure check uses: instances on surviving hosts stay, those of failed
     * hosts move first-fit, largest first. Empty when some instance finds no host.
     *
     * @param candidates the hardware the option's hosts use (looked up by id)
     */
    public static Optional<Placement> evacuate(Site site, List<Hardware> candidates, SizingOption option, int[] failed) {
        Context c = new Context(site);
        Map<String, Hardware> byId = new HashMap<>();
        candidates.forEach(h -> byId.put(h.id(), h));
        List<PlacedHost> hosts = option.placement().hosts();
        Hardware[] hw = new Hardware[hosts.size()];
        for (int i = 0; i < hw.length; i++) {
            hw[i] = byId.get(hosts.get(i).hardwareId());
        }
        double[][] caps = c.caps(hw);
        Instances inst = new Instances(c.wDem, c.aa, c.counts(), maxCap(caps), true);
        Map<String, int[]> index = new HashMap<>();
        int[][] hostOf = new int[c.ws.size()][];
        for (int w = 0; w < c.ws.size(); w++) {
            hostOf[w] = new int[c.ws.get(w).count()];
            Arrays.fill(hostOf[w], -1);
            for (int j = 1; j <= c.ws.get(w).count(); j++) {
                index.put(c.ws.get(w).instanceName(j), new int[]{w, j});
            }
        }
        for (int h = 0; h < hosts.size(); h++) {
            for (String name : hosts.get(h).instances()) {
                int[] wj = index.get(name);
                hostOf[wj[0]][wj[1] - 1] = h;
            }
        }
        int[][] after = Packing.of(inst, caps, hostOf).evacuate(failed);
        if (after == null) {
            return Optional.empty();
        }
        Packing.Runs runs = new Packing.Runs();
        for (int w = 0; w < after.length; w++) {
            for (int j = 1; j <= after[w].length; j++) {
                runs.add(w, after[w][j - 1], j, 1);
            }
        }
        return Optional.of(c.placement(hw, caps, runs.w, runs.h, runs.first, runs.count, runs.n, new ArrayList<>()));
    }

    static double[] maxCap(double[][] caps) {
        double[] m = new double[Packer.D];
        for (double[] c : caps) {
            for (int d = 0; d < Packer.D; d++) {
                m[d] = Math.max(m[d], c[d]);
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ the per-site context

    private static final class Context {
        final Site site;
        final Policy p;
        final List<Workload> ws;
        final double[][] wDem;
        final boolean[] aa;
        final int k;
        final boolean cluster;
        final int minHosts;
        final int cephFloor;

        Context(Site site) {
            this.site = site;
            this.p = site.policy();
            this.ws = site.workloads();
            this.wDem = new double[ws.size()][];
            this.aa = new boolean[ws.size()];
            for (int i = 0; i < ws.size(); i++) {
                wDem[i] = CapacityModel.demand(ws.get(i), p);
                aa[i] = ws.get(i).antiAffinity() && ws.get(i).count() > 1;
            }
            this.cluster = site.kind() == SiteKind.CLUSTER;
            this.k = cluster ? p.failuresTolerated() : 0;
            this.minHosts = cluster ? Math.max(1, p.minHosts()) : 1;
            this.cephFloor = cluster && p.storageMode() == StorageMode.CEPH ? CephCapacity.protectionWidth(p.ceph()) : 0;
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
            double[] cap = CapacityModel.capacity(h, p, CapacityModel.MON_MGR_HOSTS);
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
            if (cluster && p.storageMode() == StorageMode.CEPH && wl.diskGib() > 0 && !CapacityModel.isCloud(h) && hostRawBytes(h) <= 0) {
                why.add("needs " + gib(wl.diskGib()) + " of disk in Ceph; " + h.id() + " has no data disks, so no OSD and no Ceph capacity");
            }
            return why.isEmpty() ? null : String.join("; ", why);
        }

        // -------------------------------------------------------------- bounds

        record Bound(int value, int volume, Dimension volumeDim, int antiAffinity, String aaWorkload, String formula, int cephCapacity) {
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

        /** Lower bound for a homogeneous cluster of h. */
        Bound bound(Hardware h, int[] include) {
            double[] t = total(include);
            double[] small = CapacityModel.capacity(h, p, 0);
            double[] big = CapacityModel.capacity(h, p, CapacityModel.MON_MGR_HOSTS);
            int limit = placed(include) + k + CapacityModel.MON_MGR_HOSTS + 1;
            int vol = 0;
            Dimension volDim = null;
            if (placed(include) > 0) {
                for (int d = 0; d < Packer.D; d++) {
                    if (t[d] <= 0 || Double.isInfinite(big[d])) {
                        continue;
                    }
                    int n = k + 1;
                    double[] shapes = {big[d], small[d]};
                    int[] counts = new int[2];
                    while (n < limit) {
                        counts[0] = Math.max(0, n - CapacityModel.MON_MGR_HOSTS);
                        counts[1] = n - counts[0];
                        if (FailureHeadroom.covers(FailureHeadroom.afterLosingLargest(shapes, counts, k), t[d])) {
                            break;
                        }
                        n++;
                    }
                    if (n > vol) {
                        vol = n;
                        volDim = Dimension.values()[d];
                    }
                }
            }
            // Martello-Toth L2 per dimension: after losing any k hosts the other n - k hold every instance, so
            // n >= L2 + k. Uses the larger (non-monitor) host shape, which keeps the bound valid.
            if (placed(include) > 0) {
                for (int d = 0; d < Packer.D; d++) {
                    if (Double.isInfinite(big[d]) || big[d] <= 0) {
                        continue;
                    }
                    int l2 = martelloTothL2(include, d, big[d]) + k;
                    if (l2 > vol) {
                        vol = l2;
                        volDim = Dimension.values()[d];
                    }
                }
            }
            return finishBound(include, vol, volDim, t, big, cephCapacityHosts(h, include));
        }

        /**
         * The L2 lower bound of Martello and Toth (1990) for one-dimensional bin packing of dimension d into bins of
         * capacity c: for a threshold a in {0} and every item size <= c/2, items larger than c - a each need their own
         * bin, items in (c/2, c - a] too, and items in [a, c/2] fill what those leave before opening more bins.
         */
        int martelloTothL2(int[] include, int d, double c) {
            double eps = Packer.EPS * Math.max(1, c);
            double[] thresholds = new double[include.length + 1];
            int nt = 1;
            for (int w = 0; w < include.length; w++) {
                double s = wDem[w][d];
                if (include[w] > 0 && s > 0 && s <= c / 2 + eps) {
                    thresholds[nt++] = s;
                }
            }
            int best = 0;
            for (int ti = 0; ti < nt; ti++) {
                double a = thresholds[ti];
                long j1 = 0;
                long j2 = 0;
                double j2Free = 0;
                double j3Sum = 0;
                for (int w = 0; w < include.length; w++) {
                    double s = wDem[w][d];
                    int cnt = include[w];
                    if (cnt == 0 || s <= 0) {
                        continue;
                    }
                    if (s > c - a + eps) {
                        j1 += cnt;
                    } else if (s > c / 2 + eps) {
                        j2 += cnt;
                        j2Free += cnt * (c - s);
                    } else if (s + eps >= a) {
                        j3Sum += cnt * s;
                    }
                }
                long extra = (long) Math.max(0, Math.ceil((j3Sum - j2Free) / c - 1e-9));
                best = (int) Math.max(best, j1 + j2 + extra);
            }
            return best;
        }

        Bound finishBound(int[] include, int vol, Dimension volDim, double[] t, double[] refCap, int cephCap) {
            String[] who = new String[1];
            int aab = aaBound(include, who);
            int value = Math.max(Math.max(Math.max(minHosts, cephFloor), Math.max(vol, aab)), cephCap);
            StringBuilder f = new StringBuilder("max(minHosts " + minHosts);
            if (cephFloor > 0) {
                f.append(", Ceph ").append(p.ceph().describe()).append(" ").append(cephFloor);
            }
            if (volDim != null) {
                f.append(", ").append(volDim.id()).append(" volume ").append(vol).append(" (")
                        .append(num(t[volDim.ordinal()])).append(" ").append(volDim.unit()).append(" on hosts of ")
                        .append(num(refCap[volDim.ordinal()])).append(", ").append(k).append(" lost)");
            }
            if (aab > 0) {
                f.append(", anti-affinity ").append(aab).append(" (").append(who[0]).append(" replicas + ").append(k).append(")");
            }
            if (cephCap > 0) {
                f.append(", Ceph usable capacity ").append(cephCap).append(" (").append(cephCapacityText(include)).append(")");
            }
            f.append(") = ").append(value);
            return new Bound(value, vol, volDim, aab, who[0], f.toString(), cephCap);
        }

        // -------------------------------------------------------------- attempts

        /** @param placedAll some strategy placed every instance (whether or not it healed) */
        record Attempt(Packing packing, Packing.Outcome outcome, boolean placedAll) {
            Attempt(Packing packing, Packing.Outcome outcome) {
                this(packing, outcome, packing.unplaced == 0);
            }

            boolean ok() {
                return packing.unplaced == 0 && outcome.holds();
            }
        }

        /** One host count of any row of hosts (e.g. a mix): see {@link #attempt(Hardware[], Instances[], FirstFit[])}. */
        Attempt attempt(Hardware[] hosts, Instances[] orders) {
            return attempt(hosts, orders, null);
        }

        /**
         * First fit of one order onto a row of identical hosts: first fit never reaches past the n0 hosts it needs, so the
         * placement is the same on every count n >= n0 (and fails below), and whether it heals can only improve with n
         * (evacuees find the same hosts, or the added empty ones). So one pass serves every count.
         */
        static final class FirstFit {
            final Packing unbounded;
            final int n0;
            /** Smallest count known to pass the failure check (MAX_VALUE: none known); counts in [n0, passFrom) fail. */
            int passFrom = Integer.MAX_VALUE;

            FirstFit(Packing unbounded) {
                this.unbounded = unbounded;
                this.n0 = unbounded.unplaced == 0 ? unbounded.hostsUsed() : Integer.MAX_VALUE;
            }
        }

        /**
         * One host count: tries, in order, round-robin with anti-affine workloads first (spreads load and failure
         * headroom), first fit with anti-affine first, first fit by dominant share, then (k > 0) round-robin onto n - k
         * hosts keeping k empty spares (first fit with spares is the same placement as without, when it places everything);
         * the first that places everything and heals wins, else the last is returned. On small problems of identical
         * hosts, first fit and round-robin (with and without spares) in the order of the dimension that binds follow. Then,
         * when some instance found no host, first fit once more with those workloads first (iterated greedy). With
         * {@code ff} (identical hosts), first fit is not packed again: its placement and healing per count are known from
         * one pass.
         */
        Attempt attempt(Hardware[] hosts, Instances[] orders, FirstFit[] ff) {
            double[][] caps = caps(hosts);
            int n = hosts.length;
            Attempt last = null;
            int[] evacRank = orders[0].workloadRank();
            Packing fewest = null;
            boolean placedAll = false;
            boolean large = (long) orders[0].size * n > LARGE_PROBLEM;
            int strategies = 4 + (ff == null ? 0 : Math.max(0, ff.length - 2));
            for (int s = 0; s < strategies; s++) {
                if (s == 2 && large && ff == null) {
                    continue; // large problems: round-robin and first fit (anti-affine first), round-robin with spares
                }
                if (s == 3 && (k == 0 || k >= n)) {
                    continue;
                }
                Packing pk;
                Packing.Outcome out = null;
                if ((s == 1 || s == 2 || s >= 4) && ff != null) {
                    FirstFit f = ff[s >= 4 ? s - 2 : s - 1];
                    if (f == null || n < f.n0) {
                        continue; // first fit needs n0 hosts
                    }
                    placedAll = true;
                    if (n < f.passFrom && f.passFrom != Integer.MAX_VALUE) {
                        continue; // known not to heal on this count
                    }
                    pk = f.unbounded.onHosts(caps);
                    pk.evacRank = evacRank;
                    out = pk.checkFailures(k);
                    if (out.holds()) {
                        f.passFrom = Math.min(f.passFrom, n);
                    }
                } else {
                    pk = Packing.pack(orders[s == 2 ? 1 : 0], caps, s == 0 || s == 3, s == 3 ? k : 0);
                    pk.evacRank = evacRank;
                    out = pk.unplaced == 0 ? pk.checkFailures(k) : Packing.Outcome.notChecked(k);
                }
                placedAll |= pk.unplaced == 0;
                last = new Attempt(pk, out, placedAll);
                if (last.ok()) {
                    return last;
                }
                if (s != 3 && s < 4 && (fewest == null || pk.unplaced < fewest.unplaced)) {
                    fewest = pk;
                }
            }
            // small problems: round-robin (and round-robin with spares) in the binding dimension's order, which spreads
            // the dimension that fills first evenly and often heals a host or two sooner
            if (ff != null && ff.length > 2 && ff[2] != null) {
                for (int spare = 0; spare < (k > 0 && k < n ? 2 : 1); spare++) {
                    Packing rr = Packing.pack(ff[2].unbounded.inst, caps, true, spare == 1 ? k : 0);
                    rr.evacRank = evacRank;
                    Packing.Outcome out = rr.unplaced == 0 ? rr.checkFailures(k) : Packing.Outcome.notChecked(k);
                    placedAll |= rr.unplaced == 0;
                    Attempt a = new Attempt(rr, out, placedAll);
                    if (a.ok()) {
                        return a;
                    }
                }
            }
            // iterated greedy: the workloads that found no host go first, then the rest as before
            if (!large && fewest != null && fewest.unplaced > 0) {
                boolean[] priority = new boolean[ws.size()];
                for (int i = 0; i < fewest.runs; i++) {
                    if (fewest.runH[i] < 0) {
                        priority[fewest.runW[i]] = true;
                    }
                }
                Instances retry = new Instances(wDem, aa, orders[0].includeCounts(), maxCap(caps), true, priority);
                Packing pk = Packing.pack(retry, caps, false, 0);
                pk.evacRank = evacRank;
                Packing.Outcome out = pk.unplaced == 0 ? pk.checkFailures(k) : Packing.Outcome.notChecked(k);
                placedAll |= pk.unplaced == 0;
                Attempt a = new Attempt(pk, out, placedAll);
                if (a.ok()) {
                    return a;
                }
            }
            if (last == null) {
                // only first fit was possible and it is known to fail here: show its placement
                FirstFit f = ff[0];
                Packing pk = f.n0 <= n ? f.unbounded.onHosts(caps) : Packing.pack(orders[0], caps, false, 0);
                pk.evacRank = evacRank;
                last = new Attempt(pk, pk.unplaced == 0 ? pk.checkFailures(k) : Packing.Outcome.notChecked(k), placedAll);
            }
            return new Attempt(last.packing(), last.outcome(), placedAll);
        }

        /** First fit of {@code inst} onto as many hosts of h as it needs (starting from about twice the bound). */
        FirstFit firstFit(Hardware h, Instances inst, int lo, int upper) {
            int m = Math.min(upper, 2 * lo + 16);
            while (true) {
                Packing pk = Packing.pack(inst, caps(repeat(h, m)), false);
                if (pk.unplaced == 0 || m >= upper) {
                    return new FirstFit(pk);
                }
                m = (int) Math.min(upper, 2L * m);
            }
        }

        /** Whether some strategy places every instance on these hosts (failures aside). */
        boolean placesAll(Hardware[] hosts, Instances[] orders) {
            double[][] caps = caps(hosts);
            return Packing.pack(orders[0], caps, true).unplaced == 0 || Packing.pack(orders[0], caps, false).unplaced == 0
                    || Packing.pack(orders[1], caps, false).unplaced == 0;
        }

        /** The two placement orders: anti-affine first, then by dominant share alone. */
        Instances[] orders(int[] include, double[] ref) {
            return new Instances[]{new Instances(wDem, aa, include, ref, true), new Instances(wDem, aa, include, ref, false)};
        }

        /** The spread placement on the same hosts when it too places everything and heals; else the first-fit one. */
        Attempt balanced(Attempt ffd) {
            Packing sp = Packing.spread(ffd.packing().inst, ffd.packing().caps);
            if (sp == null || sp.unplaced > 0) {
                return ffd;
            }
            sp.evacRank = ffd.packing().evacRank;
            Packing.Outcome o = sp.checkFailures(k);
            return o.holds() ? new Attempt(sp, o) : ffd;
        }

        static Hardware[] repeat(Hardware h, int n) {
            Hardware[] a = new Hardware[n];
            Arrays.fill(a, h);
            return a;
        }

        // -------------------------------------------------------------- homogeneous

        SizingOption homogeneous(Hardware h, HostCost cost) {
            int[] include = new int[ws.size()];
            List<UnplacedInstance> unplaced = new ArrayList<>();
            for (int w = 0; w < ws.size(); w++) {
                String why = tooBig(w, h);
                if (why == null) {
                    include[w] = ws.get(w).count();
                } else {
                    for (int j = 1; j <= ws.get(w).count(); j++) {
                        unplaced.add(new UnplacedInstance(ws.get(w).instanceName(j), ws.get(w).name(), "capacity.too-big", why));
                    }
                }
            }
            double[] big = CapacityModel.capacity(h, p, CapacityModel.MON_MGR_HOSTS);
            Instances[] inst = orders(include, big);
            Bound lb = bound(h, include);
            int lo = cluster ? Math.max(1, lb.value()) : 1;
            int upper = cluster ? lo + inst[0].size + k + CapacityModel.MON_MGR_HOSTS : 1;
            Attempt good = null;
            Attempt first = null;
            int goodN = -1;
            int bad = lo - 1;
            int n = lo;
            int step = 1;
            Map<Integer, Attempt> tried = new HashMap<>();
            FirstFit[] ff = null;
            int known = -1;
            Attempt knownAttempt = null;
            if (cluster && inst[0].size > 0) {
                // first fit of each order, unbounded: the count without failures, n0, and the fewest hosts on which that
                // placement heals (n0 .. n0 + k + 1 tried); round-robin and the other strategies then only need trying below
                boolean small = (long) inst[0].size * inst[0].order.length <= MAX_THIRD_ORDER_WORK;
                ff = new FirstFit[small ? 3 : 2];
                Instances byBinding = null;
                if (small) {
                    // the dimension the total load fills most (largest total / host capacity)
                    double[] t = total(include);
                    int bd = 0;
                    double most = -1;
                    for (int d = 0; d < Packer.D; d++) {
                        if (big[d] > 0 && !Double.isInfinite(big[d]) && t[d] / big[d] > most) {
                            most = t[d] / big[d];
                            bd = d;
                        }
                    }
                    byBinding = new Instances(wDem, aa, include, big, true, null, bd);
                }
                for (int o = 0; o < ff.length; o++) {
                    if (known == lo) {
                        break; // no count below the bound can do
                    }
                    ff[o] = firstFit(h, o < 2 ? inst[o] : byBinding, lo, upper);
                    FirstFit f = ff[o];
                    if (f.n0 == Integer.MAX_VALUE) {
                        continue;
                    }
                    int[] evacRank = inst[0].workloadRank();
                    for (int m = Math.max(lo, f.n0); m <= Math.min(upper, f.n0 + k + 1); m++) {
                        if (known >= 0 && m >= known) {
                            break;
                        }
                        Packing pk = f.unbounded.onHosts(caps(repeat(h, m)));
                        pk.evacRank = evacRank;
                        Packing.Outcome out = pk.checkFailures(k);
                        if (out.holds()) {
                            f.passFrom = m;
                            if (known < 0 || m < known) {
                                known = m;
                                knownAttempt = new Attempt(pk, out, true);
                            }
                            break;
                        }
                    }
                }
                n = known >= 0 ? known : Math.max(lo, Math.min(upper, Math.min(ff[0].n0, ff[1] == null ? ff[0].n0 : ff[1].n0) + k));
            }
            if (known >= 0 && known == lo && (long) lo * inst[0].size <= Packing.MAX_SPREAD_WORK) {
                // first fit heals on the bound itself: nothing can do better, and a small placement is re-spread below
                good = knownAttempt;
                goodN = known;
                first = good;
                tried.put(known, good);
            } else if (known >= 0) {
                // counts from `known` up heal by first fit; below it, gallop up from the bound (the answer is usually
                // within a few hosts of it), then binary-search between the last count that failed and the first that passed
                int fail = lo - 1;
                int pass = known;
                int gap = 1;
                for (int m = lo; m < known; m = Math.min(known, fail + gap)) {
                    Attempt a = attempt(repeat(h, m), inst, ff);
                    tried.put(m, a);
                    if (first == null) {
                        first = a;
                    }
                    if (a.ok()) {
                        good = a;
                        goodN = m;
                        pass = m;
                        break;
                    }
                    fail = m;
                    gap *= 2;
                }
                int fewest = fewestThatHold(h, fail + 1, pass - 1, inst, ff, tried);
                if (fewest >= 0) {
                    good = tried.get(fewest);
                    goodN = fewest;
                }
                if (good == null) {
                    good = attempt(repeat(h, known), inst, ff);
                    goodN = known;
                    tried.put(known, good);
                }
            } else {
                while (true) {
                    Attempt a = attempt(repeat(h, n), inst, ff);
                    tried.put(n, a);
                    if (first == null) {
                        first = a;
                    }
                    if (a.ok()) {
                        good = a;
                        goodN = n;
                        break;
                    }
                    bad = n;
                    if (n >= upper) {
                        break;
                    }
                    n = Math.min(upper, n + step);
                    step *= 2;
                }
                if (good != null) {
                    int fewest = fewestThatHold(h, Math.max(lo, bad + 1), goodN - 1, inst, ff, tried);
                    if (fewest >= 0) {
                        good = tried.get(fewest);
                        goodN = fewest;
                    }
                }
            }
            boolean feasible = good != null && unplaced.isEmpty();
            Attempt chosen = good != null ? balanced(good) : first;
            int hosts = chosen.packing().caps.length;
            Hardware[] hw = repeat(h, hosts);
            Placement placement = placement(hw, chosen.packing(), unplaced);
            Map<Dimension, Double> util = utilisation(placement);
            Dimension binding = binding(util);
            FailureCheck fc = failureCheck(chosen, placement);
            String reason;
            if (good == null) {
                reason = cluster && placement.unplaced().size() == unplaced.size()
                        ? "no cluster of up to " + hosts + " hosts survives " + k + " host failure(s)"
                        : placement.unplaced().size() + " instance(s) do not fit (see unplaced)";
            } else {
                reason = whyNotFewer(h, hosts, lb, inst, tried);
                if (!unplaced.isEmpty()) {
                    reason = (reason.isEmpty() ? "" : reason + "; ") + unplaced.size() + " instance(s) do not fit " + h.id() + " (see unplaced)";
                }
            }
            String binds = binding == null ? "" : ": " + binding.id() + " binds at " + pct(util.get(binding));
            Explanation cephCap = null;
            int[] included = countsOf(inst[0]);
            if (cephCapacityApplies(h, included)) {
                double usable = cephUsableBytes(hw);
                double stored = cephStoredBytes(included);
                double share = usable > 0 ? stored / usable : Double.POSITIVE_INFINITY;
                cephCap = new Explanation("Ceph usable capacity", usable / TIB, "TiB",
                        "(" + hosts + " hosts x " + num(hostRawBytes(h) / 1e12) + " TB raw - largest host " + num(hostRawBytes(h) / 1e12)
                                + " TB) / " + num(CephCapacity.overhead(p.ceph())) + " (" + p.ceph().describe() + ") x nearfull "
                                + num(p.ceph().nearfullRatio()) + " = " + tib(usable) + " TiB; instance disks " + tib(stored)
                                + " TiB = " + pct(share), StoragePlanner.CITE_RESERVE + "; " + StoragePlanner.CITE_FULL);
                if (binding == null || share > util.get(binding)) {
                    binds = ": Ceph usable capacity binds at " + pct(share) + " (" + tib(stored) + " of " + tib(usable) + " TiB)";
                }
            }
            String explanation = hosts + " host" + (hosts == 1 ? "" : "s") + binds + (reason.isEmpty() ? "" : "; " + reason);
            List<Explanation> formulas = new ArrayList<>(CapacityModel.explainCapacity(h, p));
            if (cephCap != null) {
                formulas.add(cephCap);
            }
            formulas.add(new Explanation("hostsLowerBound", lb.value(), "hosts", lb.formula(),
                    "per-dimension volume after losing the k largest hosts; anti-affine replicas need distinct hosts"));
            if (binding != null) {
                formulas.add(utilFormula(placement, binding));
            }
            Map<String, Integer> byHw = new LinkedHashMap<>();
            byHw.put(h.id(), hosts);
            return new SizingOption(false, byHw, hosts, lb.value(), feasible, placement, util, binding, fc, explanation,
                    formulas, costOf(byHw, Map.of(h.id(), h), cost), 0);
        }

        /** The reason for the last host: why one fewer would not do. */
        /**
         * Binary search over host counts {@code l..r} (a count that holds implies every larger one does): the fewest that
         * holds, or -1 when none in the range does. Every attempt is recorded in {@code tried}.
         */
        int fewestThatHold(Hardware h, int l, int r, Instances[] inst, FirstFit[] ff, Map<Integer, Attempt> tried) {
            int fewest = -1;
            while (l <= r) {
                int mid = (l + r) >>> 1;
                Attempt a = attempt(repeat(h, mid), inst, ff);
                tried.put(mid, a);
                if (a.ok()) {
                    fewest = mid;
                    r = mid - 1;
                } else {
                    l = mid + 1;
                }
            }
            return fewest;
        }

        String whyNotFewer(Hardware h, int n, Bound lb, Instances[] orders, Map<Integer, Attempt> tried) {
            Instances inst = orders[0];
            if (n <= 1) {
                return "";
            }
            int fewer = n - 1;
            if (fewer < minHosts) {
                return "the policy minimum is " + minHosts + " hosts (Incus and Ceph quorum)";
            }
            if (fewer < cephFloor) {
                return "Ceph " + p.ceph().describe() + " needs " + cephFloor + " hosts";
            }
            if (fewer < lb.cephCapacity()) {
                int[] include = countsOf(orders[0]);
                return fewer + " would leave " + tib(cephUsableBytes(repeat(h, fewer))) + " TiB usable in Ceph for "
                        + tib(cephStoredBytes(include)) + " TiB of instance disks";
            }
            if (fewer < lb.antiAffinity()) {
                return lb.aaWorkload() + " keeps " + (lb.antiAffinity() - k) + " replicas on distinct hosts"
                        + (k > 0 ? ", plus " + k + " for " + failures(k) : "");
            }
            boolean holds = tried.containsKey(fewer) ? tried.get(fewer).placedAll() : placesAll(repeat(h, fewer), orders);
            if (!holds) {
                Map<Dimension, Double> need = new EnumMap<>(Dimension.class);
                double[] t = total(countsOf(inst));
                double[][] caps = caps(repeat(h, fewer));
                String over = "";
                for (Dimension d : Dimension.values()) {
                    double sum = 0;
                    for (double[] c : caps) {
                        sum += c[d.ordinal()];
                    }
                    if (t[d.ordinal()] > 0 && !Double.isInfinite(sum) && sum > 0 && t[d.ordinal()] / sum > 1) {
                        need.put(d, t[d.ordinal()] / sum);
                    }
                }
                if (!need.isEmpty()) {
                    Dimension worst = need.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
                    over = " (" + worst.id() + " would need " + pct(need.get(worst)) + ")";
                }
                return fewer + " would not hold the load" + over;
            }
            if (k > 0) {
                return fewer + " would hold the load but not after " + failures(k);
            }
            return "";
        }

        int[] countsOf(Instances inst) {
            return inst.includeCounts();
        }

        FailureCheck failureCheck(Attempt a, Placement placement) {
            Packing.Outcome o = a.outcome();
            int n = a.packing().caps.length;
            if (k == 0) {
                return new FailureCheck(0, "none", 0, true, "no host failure is planned for (failuresTolerated 0)");
            }
            if (a.packing().unplaced > 0) {
                return new FailureCheck(k, "none", 0, false, "not checked: some instances are not placed");
            }
            if ("bound".equals(o.method())) {
                return new FailureCheck(k, "bound", 0, o.holds(), o.holds()
                        ? "holds by the slot bound (" + Packing.choose(n, k) + " failure sets are too many to evacuate one by one)"
                        : "the slot bound cannot show that every set of " + k + " failed hosts heals");
            }
            if (o.holds()) {
                String how = o.setsEvacuated() == o.setsChecked() ? " (each evacuated onto the survivors)"
                        : " (" + o.setsEvacuated() + " evacuated onto the survivors; the rest lose hosts identical to those, so they heal alike)";
                return new FailureCheck(k, "enumerated", o.setsChecked(), true, k == 1
                        ? "all " + o.setsChecked() + " single-host failures heal" + how
                        : "all " + o.setsChecked() + " sets of " + k + " failed hosts heal" + how);
            }
            StringBuilder lost = new StringBuilder();
            if (o.failedSet() != null) {
                for (int f : o.failedSet()) {
                    lost.append(lost.length() == 0 ? "" : " and ").append(placement.hosts().get(f).name());
                }
            }
            Instances inst = a.packing().inst;
            String stranded = o.strandedW() >= 0 && o.strandedOrd() >= 1 ? ws.get(o.strandedW()).instanceName(o.strandedOrd()) : "an instance";
            return new FailureCheck(k, "enumerated", o.setsChecked(), false, "losing " + lost + " leaves " + stranded + " without a host");
        }

        // -------------------------------------------------------------- mixed

        Optional<SizingOption> mixed(List<Hardware> candidates, List<SizingOption> homogeneous, HostCost cost) {
            if (!cluster || candidates.size() < 2) {
                return Optional.empty();
            }
            int baseIdx = -1;
            for (int i = 0; i < homogeneous.size(); i++) {
                SizingOption o = homogeneous.get(i);
                if (o.feasible() && o.costUsd() != null && (baseIdx < 0 || o.costUsd() < homogeneous.get(baseIdx).costUsd())) {
                    baseIdx = i;
                }
            }
            if (baseIdx < 0) {
                return Optional.empty();
            }
            Hardware a = candidates.get(baseIdx);
            int nA = homogeneous.get(baseIdx).hosts();
            double cA = cost.perHost(a).getAsDouble();
            double best = homogeneous.get(baseIdx).costUsd();
            int budget = MIXED_ATTEMPT_BUDGET;
            Hardware[] bestHosts = null;
            Attempt bestAttempt = null;
            Instances[] bestInst = null;
            int bestLb = 0;
            int[] all = counts();
            for (Hardware b : candidates) {
                OptionalDouble cb = cost.perHost(b);
                if (b == a || cb.isEmpty() || b.id().equals(a.id())) {
                    continue;
                }
                for (int j = 1; j < nA && budget > 0; j = j < 4 ? j + 1 : j + j / 2) {
                    int keep = nA - j;
                    int m0 = minMixed(a, keep, b, all);
                    if (m0 < 0 || m0 == 0) {
                        continue;
                    }
                    for (int m = m0; m <= m0 + 1 && budget > 0; m++) {
                        double c = keep * cA + m * cb.getAsDouble();
                        if (c >= best - 1e-6) {
                            break;
                        }
                        Hardware[] hosts = mixOrder(a, keep, b, m);
                        Instances[] inst = orders(all, maxCap(caps(hosts)));
                        budget--;
                        Attempt at = attempt(hosts, inst);
                        if (at.ok()) {
                            best = c;
                            bestHosts = hosts;
                            bestAttempt = at;
                            bestInst = inst;
                            bestLb = keep + m0;
                            break;
                        }
                    }
                }
            }
            if (bestHosts == null) {
                return Optional.empty();
            }
            bestAttempt = balanced(bestAttempt);
            Placement placement = placement(bestHosts, bestAttempt.packing(), List.of());
            Map<Dimension, Double> util = utilisation(placement);
            Dimension binding = binding(util);
            Map<String, Integer> byHw = new LinkedHashMap<>();
            Map<String, Hardware> hwById = new LinkedHashMap<>();
            for (Hardware h : bestHosts) {
                byHw.merge(h.id(), 1, Integer::sum);
                hwById.put(h.id(), h);
            }
            Double total = costOf(byHw, hwById, cost);
            double saved = homogeneous.get(baseIdx).costUsd() - (total == null ? 0 : total);
            StringBuilder mix = new StringBuilder();
            byHw.forEach((id, cnt) -> mix.append(mix.length() == 0 ? "" : " + ").append(cnt).append(" x ").append(id));
            String explanation = bestHosts.length + " hosts (" + mix + "): " + (binding == null ? "" : binding.id() + " binds at " + pct(util.get(binding)) + "; ")
                    + "saves " + usd(saved) + " USD over " + nA + " x " + a.id();
            List<Explanation> formulas = new ArrayList<>();
            for (Hardware h : hwById.values()) {
                formulas.addAll(CapacityModel.explainCapacity(h, p));
            }
            formulas.add(new Explanation("hostsLowerBound", bestLb, "hosts", "fewest hosts of this mix whose volume after losing the "
                    + k + " largest holds the load, at least max(minHosts, Ceph size, anti-affinity replicas + k)", ""));
            if (binding != null) {
                formulas.add(utilFormula(placement, binding));
            }
            return Optional.of(new SizingOption(true, byHw, bestHosts.length, bestLb, true, placement, util, binding,
                    failureCheck(bestAttempt, placement), explanation, formulas, total, 0));
        }

        /** Hosts of a mix in order: the type with more memory first, so the Ceph monitors land on the larger hosts. */
        Hardware[] mixOrder(Hardware a, int na, Hardware b, int nb) {
            double ma = CapacityModel.capacity(a, p, CapacityModel.MON_MGR_HOSTS)[Dimension.MEMORY.ordinal()];
            double mb = CapacityModel.capacity(b, p, CapacityModel.MON_MGR_HOSTS)[Dimension.MEMORY.ordinal()];
            Hardware[] out = new Hardware[na + nb];
            boolean aFirst = ma >= mb;
            for (int i = 0; i < out.length; i++) {
                if (aFirst) {
                    out[i] = i < na ? a : b;
                } else {
                    out[i] = i < nb ? b : a;
                }
            }
            return out;
        }

        /** The fewest b hosts to add to {@code na} a hosts so floors and volume hold; -1 if none up to the limit. */
        int minMixed(Hardware a, int na, Hardware b, int[] include) {
            String[] who = new String[1];
            int floor = Math.max(Math.max(minHosts, cephFloor), aaBound(include, who));
            double[] t = total(include);
            int lo = Math.max(0, floor - na);
            int hi = lo + placed(include) + k + CapacityModel.MON_MGR_HOSTS;
            double ma = capRows(a)[1][Dimension.MEMORY.ordinal()];
            double mb = capRows(b)[1][Dimension.MEMORY.ordinal()];
            boolean aFirst = ma >= mb;
            double[][] rx = capRows(aFirst ? a : b);
            double[][] ry = capRows(aFirst ? b : a);
            double stored = cluster && p.storageMode() == StorageMode.CEPH ? cephStoredBytes(include) : 0;
            if (!mixVolumeHolds(rx, ry, aFirst ? na : hi, aFirst ? hi : na, t) || !mixCephHolds(a, na, b, hi, stored)) {
                return -1;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (mixVolumeHolds(rx, ry, aFirst ? na : mid, aFirst ? mid : na, t) && mixCephHolds(a, na, b, mid, stored)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** Whether na hosts of a and nb of b hold {@code stored} bytes of instance disks in Ceph (always, without Ceph or disks to store). */
        boolean mixCephHolds(Hardware a, int na, Hardware b, int nb, double stored) {
            if (stored <= 0 || CapacityModel.isCloud(a) || CapacityModel.isCloud(b)) {
                return true;
            }
            return CephCapacity.holds(a, na, b, nb, stored, p.ceph());
        }

        /**
         * {@link #volumeHolds} for the row of {@link #mixOrder}: nx hosts of capacity rows rx, then ny of ry, without building
         * it: the row has at most four distinct capacities (each type on and past the three monitor hosts), so the sums and
         * the k largest come from counts.
         */
        private final double[][] mixVals = new double[4][];
        private final int[] mixCnt = new int[4];
        private final double[] mixColumn = new double[4];

        boolean mixVolumeHolds(double[][] rx, double[][] ry, int nx, int ny, double[] t) {
            int mon = CapacityModel.MON_MGR_HOSTS;
            int xMon = Math.min(mon, nx);
            int yMon = Math.min(mon - xMon, ny);
            double[][] vals = mixVals;
            vals[0] = rx[0];
            vals[1] = rx[1];
            vals[2] = ry[0];
            vals[3] = ry[1];
            int[] cnt = mixCnt;
            cnt[0] = xMon;
            cnt[1] = nx - xMon;
            cnt[2] = yMon;
            cnt[3] = ny - yMon;
            double[] column = mixColumn;
            for (int d = 0; d < Packer.D; d++) {
                if (t[d] <= 0) {
                    continue;
                }
                for (int i = 0; i < 4; i++) {
                    column[i] = vals[i][d];
                }
                if (!FailureHeadroom.covers(FailureHeadroom.afterLosingLargest(column, cnt, k), t[d])) {
                    return false;
                }
            }
            return true;
        }

        double[][] capRows(Hardware h) {
            return capRows.computeIfAbsent(h, x -> new double[][]{
                    CapacityModel.capacity(x, p, 0), CapacityModel.capacity(x, p, CapacityModel.MON_MGR_HOSTS)});
        }

        // -------------------------------------------------------------- results

        Placement placement(Hardware[] hw, Packing pk, List<UnplacedInstance> already) {
            return placement(hw, pk.caps, pk.runW, pk.runH, pk.runFirst, pk.runCount, pk.runs, already);
        }

        /** The placement of runs (instances first..first+count-1 of workload w on host h, h = -1 unplaced). */
        Placement placement(Hardware[] hw, double[][] caps, int[] runW, int[] runH, int[] runFirst, int[] runCount, int runs,
                            List<UnplacedInstance> already) {
            int n = hw.length;
            double[][] used = new double[n][Packer.D];
            int[] perHost = new int[n + 1];
            for (int i = 0; i < runs; i++) {
                int h = runH[i];
                if (h < 0) {
                    continue;
                }
                perHost[h + 1]++;
                double[] d = wDem[runW[i]];
                for (int x = 0; x < Packer.D; x++) {
                    used[h][x] += runCount[i] * d[x];
                }
            }
            for (int h = 0; h < n; h++) {
                perHost[h + 1] += perHost[h];
            }
            long[] keys = new long[perHost[n]];
            int[] pos = Arrays.copyOf(perHost, n);
            for (int i = 0; i < runs; i++) {
                if (runH[i] >= 0) {
                    // host, then workload, then first instance: the sort key of the host's name list
                    keys[pos[runH[i]]++] = i;
                }
            }
            List<UnplacedInstance> unplaced = new ArrayList<>(already);
            for (int i = 0; i < runs; i++) {
                if (runH[i] < 0) {
                    unplaced.addAll(unplacedReasons(runW[i], runFirst[i], runCount[i], caps, used));
                }
            }
            unplaced.sort(Comparator.comparingInt((UnplacedInstance u) -> workloadIndex(u.workload())).thenComparing(u -> instanceNumber(u.instance())));
            String[] names = new String[ws.size()];
            for (int w = 0; w < names.length; w++) {
                names[w] = ws.get(w).name();
            }
            int maxFirst = inst(runFirst, runs);
            List<PlacedHost> hosts = new ArrayList<>(n);
            Map<double[], Map<Dimension, Double>> capMaps = new java.util.IdentityHashMap<>();
            for (int h = 0; h < n; h++) {
                int from = perHost[h];
                int m = perHost[h + 1] - from;
                int[] idx = new int[m];
                for (int j = 0; j < m; j++) {
                    idx[j] = (int) keys[from + j];
                }
                // by workload, then first instance (insertion sort: a host has few runs; a sort when it has many)
                if (m > 32) {
                    long[] sk = new long[m];
                    for (int j = 0; j < m; j++) {
                        sk[j] = ((long) runW[idx[j]] << 40) | ((long) runFirst[idx[j]] << 20) | j;
                    }
                    if (m < (1 << 20) && maxFirst < (1 << 20)) {
                        Arrays.sort(sk);
                        int[] sorted = new int[m];
                        for (int j = 0; j < m; j++) {
                            sorted[j] = idx[(int) (sk[j] & 0xfffff)];
                        }
                        idx = sorted;
                    } else {
                        Integer[] boxed = new Integer[m];
                        for (int j = 0; j < m; j++) {
                            boxed[j] = idx[j];
                        }
                        Arrays.sort(boxed, Comparator.<Integer>comparingInt(i -> runW[i]).thenComparingInt(i -> runFirst[i]));
                        for (int j = 0; j < m; j++) {
                            idx[j] = boxed[j];
                        }
                    }
                } else {
                    for (int a = 1; a < m; a++) {
                        int x = idx[a];
                        int b = a - 1;
                        while (b >= 0 && (runW[idx[b]] > runW[x] || (runW[idx[b]] == runW[x] && runFirst[idx[b]] > runFirst[x]))) {
                            idx[b + 1] = idx[b];
                            b--;
                        }
                        idx[b + 1] = x;
                    }
                }
                int[] w = new int[m];
                int[] first = new int[m];
                int[] count = new int[m];
                int e = 0;
                for (int j = 0; j < m; j++) {
                    int i = idx[j];
                    if (e > 0 && w[e - 1] == runW[i] && first[e - 1] + count[e - 1] == runFirst[i]) {
                        count[e - 1] += runCount[i];
                    } else {
                        w[e] = runW[i];
                        first[e] = runFirst[i];
                        count[e] = runCount[i];
                        e++;
                    }
                }
                List<String> list = new InstanceNames(names, Arrays.copyOf(w, e), Arrays.copyOf(first, e), Arrays.copyOf(count, e));
                Map<Dimension, Double> c = capMaps.computeIfAbsent(caps[h], DimensionMap::new);
                hosts.add(new PlacedHost("host-" + (h + 1), hw[h].id(), list, new DimensionMap(used[h]), c));
            }
            return new Placement(hosts, unplaced);
        }

        private static int inst(int[] first, int runs) {
            int m = 0;
            for (int i = 0; i < runs; i++) {
                m = Math.max(m, first[i]);
            }
            return m;
        }

        private final Map<String, Integer> wIndex = new HashMap<>();

        int workloadIndex(String name) {
            if (wIndex.isEmpty()) {
                for (int i = 0; i < ws.size(); i++) {
                    wIndex.put(ws.get(i).name(), i);
                }
            }
            return wIndex.getOrDefault(name, Integer.MAX_VALUE);
        }

        static int instanceNumber(String instance) {
            int dash = instance.lastIndexOf('-');
            try {
                return Integer.parseInt(instance.substring(dash + 1));
            } catch (RuntimeException e) {
                return 0;
            }
        }

        /** Why instances first..first+count-1 of workload wi (identical, so one reason) found no host. */
        List<UnplacedInstance> unplacedReasons(int wi, int first, int count, double[][] caps, double[][] used) {
            Workload w = ws.get(wi);
            double[] dem = wDem[wi];
            boolean fitsIgnoringAa = false;
            double[] maxFree = new double[Packer.D];
            Arrays.fill(maxFree, Double.NEGATIVE_INFINITY);
            for (int h = 0; h < caps.length; h++) {
                boolean fits = true;
                for (int d = 0; d < Packer.D; d++) {
                    double f = caps[h][d] - used[h][d];
                    maxFree[d] = Math.max(maxFree[d], f);
                    fits &= f + Packer.EPS >= dem[d];
                }
                fitsIgnoringAa |= fits;
            }
            String where = cluster ? "the " + caps.length + " host" + (caps.length == 1 ? "" : "s") : "the single host of " + site.kind().id() + " site '" + site.name() + "'";
            String rule;
            String reason;
            if (fitsIgnoringAa && aa[wi]) {
                rule = "anti-affinity";
                reason = "every host of " + where + " with room already runs a replica of " + w.name();
            } else {
            List<String> lacks = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                if (maxFree[d.ordinal()] + Packer.EPS < dem[d.ordinal()]) {
                    lacks.add(amount(d, dem[d.ordinal()]) + " " + d.id() + " needed, at most " + amount(d, Math.max(0, maxFree[d.ordinal()])) + " free");
                }
            }
            reason = lacks.isEmpty() ? "no host of " + where + " has room in every dimension at once"
                    : where + " are full: " + String.join("; ", lacks);
            rule = "capacity.full";
            reason = cluster ? reason : reason.replace(" are full", " is full");
            }
            List<UnplacedInstance> out = new ArrayList<>(count);
            for (int j = first; j < first + count; j++) {
                out.add(new UnplacedInstance(w.instanceName(j), w.name(), rule, reason));
            }
            return out;
        }

        Map<Dimension, Double> utilisation(Placement placement) {
            Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                double u = 0;
                double c = 0;
                for (PlacedHost h : placement.hosts()) {
                    u += h.used().get(d);
                    c += h.capacity().get(d);
                }
                if (Double.isInfinite(c) || (c <= 0 && u <= 0)) {
                    continue;
                }
                out.put(d, c <= 0 ? Double.POSITIVE_INFINITY : u / c);
            }
            return out;
        }

        static Dimension binding(Map<Dimension, Double> util) {
            Dimension best = null;
            for (Map.Entry<Dimension, Double> e : util.entrySet()) {
                if (best == null || e.getValue() > util.get(best)) {
                    best = e.getKey();
                }
            }
            return best;
        }

        Explanation utilFormula(Placement placement, Dimension d) {
            double u = 0;
            double c = 0;
            for (PlacedHost h : placement.hosts()) {
                u += h.used().get(d);
                c += h.capacity().get(d);
            }
            return new Explanation(d.id() + " utilisation", c > 0 ? u / c : 0, "fraction",
                    "placed " + num(u) + " " + d.unit() + " / capacity of " + placement.hosts().size() + " hosts " + num(c) + " " + d.unit()
                            + " = " + pct(c > 0 ? u / c : 0), "binding dimension: the highest utilisation");
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

    // ------------------------------------------------------------------ formatting

    static String failures(int k) {
        return k == 1 ? "a host failure" : k + " host failures";
    }

    static String pct(double f) {
        return Double.isInfinite(f) ? "infinite %" : Math.round(f * 100) + " %";
    }

    static String num(double v) {
        return CapacityModel.fmt(v);
    }

    static String gib(double v) {
        return CapacityModel.fmt(v) + " GiB";
    }

    static final double GIB = 1024.0 * 1024 * 1024;
    static final double TIB = GIB * 1024;

    static String tib(double bytes) {
        return CapacityModel.fixed2(bytes / TIB);
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String amount(Dimension d, double v) {
        return num(v) + (d == Dimension.CPU ? " reference threads of" : d == Dimension.GPU ? "" : " GiB");
    }
}
