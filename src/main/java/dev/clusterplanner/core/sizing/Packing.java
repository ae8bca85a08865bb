package dev.clusterplanner.core.sizing;

import java.util.Arrays;

/**
 * One placement attempt: the instances first-fit onto a row of hosts, and the failure check on the result.
 * <p>
 * Failure check (the evacuation model, what Incus cluster healing does): after the loss of a set F of k hosts,
 * the instances on the survivors stay where they are and the instances of F are re-placed, largest first,
 * first-fit onto the survivors, honouring capacity and anti-affinity. The placement tolerates k failures when
 * this succeeds for every F. Success is a constructed re-placement, so a pass is never optimistic.
 * <ul>
 *   <li>When the number of sets C(n,k) and the work C(n-1,k-1) x instances are small
 *       ({@link #MAX_ENUMERATED_SETS}, {@link #MAX_ENUMERATION_WORK}), every set is evacuated: exact for this model.</li>
 *   <li>Otherwise a sound sufficient condition ("slots") is used: with D_max the largest demand per dimension,
 *       a host with free >= D_max in every dimension takes any one evacuee, and slots(h) = min_d floor(free_d / D_max_d).
 *       Placing one evacuee lowers the total slots by at most one, so every F is safe when
 *       sum(slots) - max_F sum_{h in F}(slots(h) + count(h)) >= 0, and, when some workload is anti-affine with r
 *       replicas, when (hosts with a slot) - max_F sum_{h in F}([slots(h) >= 1] + count(h)) >= r - 1
 *       (an anti-affine evacuee needs a host with a slot that none of its r - 1 siblings occupies).
 *       The worst F is the k hosts with the largest terms, found by sorting. Conservative: it may ask for a host more
 *       than the exact check would.</li>
 * </ul>
 */
final class Packing {

    static final long MAX_ENUMERATED_SETS = 20_000;
    static final long MAX_ENUMERATION_WORK = 4_000_000;

    final Instances inst;
    final double[][] caps;
    final Packer packer;
    final int[] hostOf;
    final int unplaced;
    /** Evacuees move in this order of their workloads (anti-affine first, then largest), whatever order placed them. */
    int[] evacRank;

    private Packing(Instances inst, double[][] caps, Packer packer, int[] hostOf, int unplaced) {
        this.inst = inst;
        this.evacRank = inst.workloadRank();
        this.caps = caps;
        this.packer = packer;
        this.hostOf = hostOf;
        this.unplaced = unplaced;
    }

    static Packing pack(Instances inst, double[][] caps) {
        return pack(inst, caps, false);
    }

    /**
     * @param roundRobin false: first fit (lowest host with room); true: next fit round the row, starting after the host
     *                   that took the previous instance, which spreads the load evenly (as Incus' placement does)
     */
    static Packing pack(Instances inst, double[][] caps, boolean roundRobin) {
        return pack(inst, caps, roundRobin, 0);
    }

    /**
     * @param spares keep the last {@code spares} hosts empty (hot spares): with k spares, the instances of any one lost
     *               host fit together on an empty spare, so a single failure always heals
     */
    static Packing pack(Instances inst, double[][] caps, boolean roundRobin, int spares) {
        Packer p = new Packer(caps, inst.antiAffine);
        for (int s = 0; s < spares && s < caps.length; s++) {
            p.setDisabled(caps.length - 1 - s, true);
        }
        int[] hostOf = new int[inst.size];
        int un = 0;
        int next = 0;
        int n = caps.length;
        // Instances of a workload are identical and consecutive, and during packing free capacity only shrinks and
        // anti-affinity exclusions only grow: so once one instance of a workload finds no host, the rest cannot either,
        // and (first fit) the next one cannot fit any host before the one the previous took.
        int prevW = -1;
        int prevH = 0;
        boolean wFailed = false;
        for (int i = 0; i < inst.size; i++) {
            double[] dem = inst.dem(i);
            int w = inst.wl[i];
            if (w != prevW) {
                prevW = w;
                prevH = 0;
                wFailed = false;
            }
            int h = wFailed ? -1 : roundRobin ? p.findFrom(dem, w, next) : p.findAtOrAfter(dem, w, prevH);
            if (h >= 0) {
                next = h + 1 == n ? 0 : h + 1;
                prevH = h;
            } else {
                wFailed = true;
            }
            hostOf[i] = h;
            if (h < 0) {
                un++;
            } else {
                p.place(h, dem, inst.wl[i]);
            }
        }
        for (int s = 0; s < spares && s < caps.length; s++) {
            p.setDisabled(caps.length - 1 - s, false);
        }
        return new Packing(inst, caps, p, hostOf, un);
    }

    /** Largest hosts x instances for which {@link #spread} is tried (it scans every host per instance). */
    static final long MAX_SPREAD_WORK = 200_000;

    /**
     * Balanced placement, as Incus spreads instances: each instance (in the same largest-first order) goes to the host
     * where the highest utilisation of any dimension after placing it is lowest (ties: lowest index), among hosts with
     * room and without a replica of an anti-affine workload. Null when the work would exceed {@link #MAX_SPREAD_WORK}.
     */
    static Packing spread(Instances inst, double[][] caps) {
        int n = caps.length;
        if ((long) n * inst.size > MAX_SPREAD_WORK) {
            return null;
        }
        Packer p = new Packer(caps, inst.antiAffine);
        int[] hostOf = new int[inst.size];
        int un = 0;
        for (int i = 0; i < inst.size; i++) {
            double[] dem = inst.dem(i);
            int w = inst.wl[i];
            int best = -1;
            double bestKey = Double.POSITIVE_INFINITY;
            for (int h = 0; h < n; h++) {
                if (!p.fits(h, dem) || (p.aaHosts[w] != null && p.aaHosts[w].get(h))) {
                    continue;
                }
                double key = 0;
                for (int d = 0; d < Packer.D; d++) {
                    double c = caps[h][d];
                    if (c > 0 && !Double.isInfinite(c)) {
                        key = Math.max(key, (c - p.free(h, d) + dem[d]) / c);
                    }
                }
                if (key < bestKey) {
                    bestKey = key;
                    best = h;
                }
            }
            hostOf[i] = best;
            if (best < 0) {
                un++;
            } else {
                p.place(best, dem, w);
            }
        }
        return new Packing(inst, caps, p, hostOf, un);
    }

    /** A packing of instances already placed at {@code hostOf} (-1 = unplaced), e.g. rebuilt from a reported placement. */
    static Packing of(Instances inst, double[][] caps, int[] hostOf) {
        Packer p = new Packer(caps, inst.antiAffine);
        int un = 0;
        for (int i = 0; i < inst.size; i++) {
            if (hostOf[i] < 0) {
                un++;
            } else {
                p.place(hostOf[i], inst.dem(i), inst.wl[i]);
            }
        }
        return new Packing(inst, caps, p, hostOf.clone(), un);
    }

    /** Outcome of the failure check. {@code failedSet}/{@code stranded} name the first set that cannot heal (null when it holds). */
    record Outcome(int k, String method, long setsChecked, boolean holds, int[] failedSet, int stranded) {
    }

    /** Instances on each host, in placement order: host h's are items[start[h] .. start[h+1]). */
    private int[][] byHost() {
        int n = caps.length;
        int[] start = new int[n + 1];
        for (int h : hostOf) {
            if (h >= 0) {
                start[h + 1]++;
            }
        }
        for (int h = 0; h < n; h++) {
            start[h + 1] += start[h];
        }
        int[] items = new int[start[n]];
        int[] pos = Arrays.copyOf(start, n);
        for (int i = 0; i < hostOf.length; i++) {
            if (hostOf[i] >= 0) {
                items[pos[hostOf[i]]++] = i;
            }
        }
        return new int[][]{start, items};
    }

    static long choose(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
            if (r > Long.MAX_VALUE / (n + 1)) {
                return Long.MAX_VALUE;
            }
        }
        return r;
    }

    Outcome checkFailures(int k) {
        int n = caps.length;
        if (k <= 0) {
            return new Outcome(0, "none", 0, true, null, -1);
        }
        if (k >= n) {
            return new Outcome(k, "none", 0, false, null, -1);
        }
        int placed = inst.size - unplaced;
        long sets = choose(n, k);
        long work = sets == Long.MAX_VALUE ? Long.MAX_VALUE : choose(n - 1, k - 1);
        boolean enumerate = sets <= MAX_ENUMERATED_SETS
                && (work == Long.MAX_VALUE ? false : work <= MAX_ENUMERATION_WORK / Math.max(1, placed));
        if (!enumerate) {
            return slotBound(k);
        }
        int f = necessaryConditionFails();
        if (f >= 0) {
            return new Outcome(k, "enumerated", 1, false, new int[]{f}, -1);
        }
        return enumerate(k, sets);
    }

    /**
     * A host whose loss cannot heal by volume alone (cheap, O(n) per dimension), or -1: every set of k >= 1 failed hosts
     * containing host f must move f's load into the others' free capacity, so load(f) <= total free - free(f) is
     * necessary in every dimension, and f's largest instance (per dimension) must fit the largest free amount elsewhere.
     */
    private int necessaryConditionFails() {
        int n = caps.length;
        int dims = Packer.D;
        double[] totalFree = new double[dims];
        double[] max1 = new double[dims];
        double[] max2 = new double[dims];
        int[] arg1 = new int[dims];
        java.util.Arrays.fill(max1, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(max2, Double.NEGATIVE_INFINITY);
        for (int h = 0; h < n; h++) {
            for (int d = 0; d < dims; d++) {
                double f = packer.free(h, d);
                totalFree[d] += f;
                if (f > max1[d]) {
                    max2[d] = max1[d];
                    max1[d] = f;
                    arg1[d] = h;
                } else if (f > max2[d]) {
                    max2[d] = f;
                }
            }
        }
        double[] load = new double[n * dims];
        double[] largest = new double[n * dims];
        for (int i = 0; i < inst.size; i++) {
            int h = hostOf[i];
            if (h < 0) {
                continue;
            }
            double[] dem = inst.dem(i);
            for (int d = 0; d < dims; d++) {
                load[h * dims + d] += dem[d];
                largest[h * dims + d] = Math.max(largest[h * dims + d], dem[d]);
            }
        }
        for (int h = 0; h < n; h++) {
            for (int d = 0; d < dims; d++) {
                if (Double.isInfinite(totalFree[d])) {
                    continue;
                }
                double others = totalFree[d] - packer.free(h, d);
                double tol = Packer.EPS * Math.max(1, load[h * dims + d]);
                if (load[h * dims + d] > others + tol) {
                    return h;
                }
                double bestElsewhere = arg1[d] == h ? max2[d] : max1[d];
                if (largest[h * dims + d] > bestElsewhere + Packer.EPS) {
                    return h;
                }
            }
        }
        return -1;
    }

    private Outcome enumerate(int k, long sets) {
        int n = caps.length;
        int[][] bh = byHost();
        int[] start = bh[0];
        int[] items = bh[1];
        int[] comb = new int[k];
        for (int i = 0; i < k; i++) {
            comb[i] = i;
        }
        double[] saved = new double[n * Packer.D];
        int[] savedCount = new int[n];
        boolean[] touched = new boolean[n];
        int[] touchedList = new int[n];
        long checked = 0;
        while (true) {
            checked++;
            int stranded = evacuate(comb, start, items, saved, savedCount, touched, touchedList, null);
            if (stranded >= 0) {
                return new Outcome(k, "enumerated", checked, false, comb.clone(), stranded);
            }
            // next combination in lexicographic order
            int i = k - 1;
            while (i >= 0 && comb[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            comb[i]++;
            for (int j = i + 1; j < k; j++) {
                comb[j] = comb[j - 1] + 1;
            }
        }
        return new Outcome(k, "enumerated", checked, true, null, -1);
    }

    /**
     * Evacuates the hosts in {@code failed} and undoes it. Returns the first instance that finds no host, or -1.
     * When {@code result} is given, it receives the host of every instance after the evacuation.
     */
    private int evacuate(int[] failed, int[] start, int[] items, double[] saved, int[] savedCount,
                         boolean[] touched, int[] touchedList, int[] result) {
        int evac = 0;
        for (int f : failed) {
            evac += start[f + 1] - start[f];
        }
        int[] ev = new int[evac];
        int e = 0;
        for (int f : failed) {
            for (int j = start[f]; j < start[f + 1]; j++) {
                ev[e++] = items[j];
            }
        }
        sortEvacuees(ev);
        int nt = 0;
        for (int f : failed) {
            packer.setDisabled(f, true);
        }
        int stranded = -1;
        int[] movedW = new int[evac];
        int[] movedH = new int[evac];
        int moved = 0;
        for (int x : ev) {
            double[] dem = inst.dem(x);
            int w = inst.wl[x];
            int h = packer.find(dem, w);
            if (h < 0) {
                stranded = x;
                break;
            }
            if (!touched[h]) {
                touched[h] = true;
                touchedList[nt++] = h;
                System.arraycopy(packer.free, h * Packer.D, saved, h * Packer.D, Packer.D);
                savedCount[h] = packer.count[h];
            }
            boolean hadBit = packer.aaHosts[w] != null && packer.aaHosts[w].get(h);
            packer.place(h, dem, w);
            if (!hadBit && packer.aaHosts[w] != null) {
                movedW[moved] = w;
                movedH[moved] = h;
                moved++;
            }
            if (result != null) {
                result[x] = h;
            }
        }
        // undo
        for (int m = 0; m < moved; m++) {
            packer.aaHosts[movedW[m]].clear(movedH[m]);
        }
        double[] buf = new double[Packer.D];
        for (int t = 0; t < nt; t++) {
            int h = touchedList[t];
            System.arraycopy(saved, h * Packer.D, buf, 0, Packer.D);
            packer.restore(h, buf, savedCount[h]);
            touched[h] = false;
        }
        for (int f : failed) {
            packer.setDisabled(f, false);
        }
        return stranded;
    }

    /** The hosts of every instance after losing {@code failed} (evacuation model), or null if some instance finds no host. */
    int[] evacuate(int[] failed) {
        int n = caps.length;
        int[][] bh = byHost();
        int[] result = hostOf.clone();
        int stranded = evacuate(failed, bh[0], bh[1], new double[n * Packer.D], new int[n], new boolean[n], new int[n], result);
        return stranded >= 0 ? null : result;
    }

    /** Sorts evacuees by workload rank, then index (within a workload, index order is instance-number order): a primitive sort of packed keys. */
    private void sortEvacuees(int[] ev) {
        if (ev.length < 2) {
            return;
        }
        long[] keys = new long[ev.length];
        for (int i = 0; i < ev.length; i++) {
            int x = ev[i];
            // instances of one workload keep their relative order (index order = instance number order within a workload)
            keys[i] = ((long) evacRank[inst.wl[x]] << 32) | (x & 0xffffffffL);
        }
        Arrays.sort(keys);
        for (int i = 0; i < ev.length; i++) {
            ev[i] = (int) keys[i];
        }
    }

    private Outcome slotBound(int k) {
        int n = caps.length;
        double[] dmax = new double[Packer.D];
        int[] replicas = new int[inst.wDem.length];
        for (int i = 0; i < inst.size; i++) {
            if (hostOf[i] < 0) {
                continue;
            }
            double[] dem = inst.dem(i);
            for (int d = 0; d < Packer.D; d++) {
                dmax[d] = Math.max(dmax[d], dem[d]);
            }
            replicas[inst.wl[i]]++;
        }
        int rmax = 0;
        for (int w = 0; w < replicas.length; w++) {
            if (inst.antiAffine[w]) {
                rmax = Math.max(rmax, replicas[w]);
            }
        }
        long totalSlots = 0;
        long withSlot = 0;
        long[] termS = new long[n];
        long[] termG = new long[n];
        for (int h = 0; h < n; h++) {
            long slots = Long.MAX_VALUE / 4;
            for (int d = 0; d < Packer.D; d++) {
                if (dmax[d] > 0) {
                    double f = packer.free(h, d);
                    if (!Double.isInfinite(f)) {
                        slots = Math.min(slots, (long) Math.floor((f + Packer.EPS) / dmax[d]));
                    }
                }
            }
            slots = Math.max(0, Math.min(slots, 1_000_000));
            totalSlots += slots;
            withSlot += slots >= 1 ? 1 : 0;
            termS[h] = slots + packer.count[h];
            termG[h] = (slots >= 1 ? 1 : 0) + packer.count[h];
        }
        boolean holds = totalSlots - topK(termS, k) >= 0
                && (rmax == 0 || withSlot - topK(termG, k) >= rmax - 1);
        return new Outcome(k, "bound", 0, holds, null, -1);
    }

    private static long topK(long[] v, int k) {
        long[] c = v.clone();
        Arrays.sort(c);
        long s = 0;
        for (int i = 0; i < k && i < c.length; i++) {
            s += c[c.length - 1 - i];
        }
        return s;
    }
}
