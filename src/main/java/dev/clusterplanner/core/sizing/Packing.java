package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.FailureHeadroom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One placement attempt: the instances first-fit (or round-robin) onto a row of hosts, and the failure check on the result.
 * <p>
 * Instances of a workload are identical, so they are placed in groups: first fit puts as many as fit on the first host
 * with room, then continues after it (exactly what one-by-one first fit does with identical instances); round-robin
 * deals one instance per host per round, cyclically, which is computed per host as a water level. The placement is a
 * list of runs "instances first..first+count-1 of workload w on host h" (h = -1: not placed).
 * <p>
 * Failure check (the evacuation model, what Incus cluster healing does): after the loss of a set F of k hosts,
 * the instances on the survivors stay where they are and the instances of F are re-placed, largest first,
 * first-fit onto the survivors, honouring capacity and anti-affinity. The placement tolerates k failures when
 * this succeeds for every F. Success is a constructed re-placement, so a pass is never optimistic.
 * <ul>
 *   <li>Hosts with the same capacity and the same instances per workload are interchangeable: swapping two of them maps
 *       any placement, and any re-placement after a loss, onto another valid one. So only one failure set per class of
 *       interchangeable hosts is evacuated (for k = 1: one host per distinct host content); the others heal alike.</li>
 *   <li>When the number of sets C(n,k) and the work C(n-1,k-1) x runs are small
 *       ({@link #MAX_ENUMERATED_SETS}, {@link #MAX_ENUMERATION_WORK}), every set is covered this way: exact for this model.</li>
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
    /** Runs: instances runFirst..runFirst+runCount-1 of workload runW on host runH (-1 = not placed). */
    final int[] runW;
    final int[] runH;
    final int[] runFirst;
    final int[] runCount;
    final int runs;
    final int unplaced;
    /** Evacuees move in this order of their workloads (anti-affine first, then largest), whatever order placed them. */
    int[] evacRank;

    // per-host content, built on first use: host h holds contW/contN[contStart[h] .. contStart[h+1]) sorted by workload
    private int[] contStart;
    private int[] contW;
    private int[] contN;
    // classes of interchangeable hosts: cls[h], and rank of h among its class's hosts in index order
    private int[] cls;
    private int[] rankInClass;
    private int classes = -1;

    private Packing(Instances inst, double[][] caps, Packer packer, Runs r, int unplaced) {
        this.inst = inst;
        this.evacRank = inst.workloadRank();
        this.caps = caps;
        this.packer = packer;
        this.runW = Arrays.copyOf(r.w, r.n);
        this.runH = Arrays.copyOf(r.h, r.n);
        this.runFirst = Arrays.copyOf(r.first, r.n);
        this.runCount = Arrays.copyOf(r.count, r.n);
        this.runs = r.n;
        this.unplaced = unplaced;
    }

    /** A growable list of runs. */
    static final class Runs {
        int[] w;
        int[] h;
        int[] first;
        int[] count;
        int n;

        Runs() {
            this(16);
        }

        Runs(int capacity) {
            int c = Math.max(4, capacity);
            w = new int[c];
            h = new int[c];
            first = new int[c];
            count = new int[c];
        }

        void add(int wl, int host, int from, int c) {
            if (c <= 0) {
                return;
            }
            if (n > 0 && w[n - 1] == wl && h[n - 1] == host && first[n - 1] + count[n - 1] == from) {
                count[n - 1] += c;
                return;
            }
            if (n == w.length) {
                int m = n * 2;
                w = Arrays.copyOf(w, m);
                h = Arrays.copyOf(h, m);
                first = Arrays.copyOf(first, m);
                count = Arrays.copyOf(count, m);
            }
            w[n] = wl;
            h[n] = host;
            first[n] = from;
            count[n] = c;
            n++;
        }
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
        int n = caps.length;
        Packer p = new Packer(caps, inst.antiAffine);
        for (int s = 0; s < spares && s < n; s++) {
            p.setDisabledQuiet(n - 1 - s, true);
        }
        if (spares > 0) {
            p.rebuild();
        }
        Runs r = new Runs(inst.order.length + Math.min(n, inst.size) + 4);
        int un = 0;
        int[] next = {0};
        int[] room = roundRobin ? new int[n] : null;
        for (int w : inst.order) {
            int c = inst.cnt[w];
            double[] dem = inst.wDem[w];
            int placed = roundRobin ? roundRobin(p, w, c, dem, inst.antiAffine[w], r, next, room) : firstFit(p, w, c, dem, inst.antiAffine[w], r);
            if (placed < c) {
                r.add(w, -1, placed + 1, c - placed);
                un += c - placed;
            }
        }
        if (roundRobin) {
            for (int s = 0; s < spares && s < n; s++) {
                p.setDisabled(n - 1 - s, false);
            }
            p.rebuild();
        } else {
            for (int s = 0; s < spares && s < n; s++) {
                p.setDisabled(n - 1 - s, false);
            }
        }
        return new Packing(inst, caps, p, r, un);
    }

    /**
     * First fit of {@code c} identical instances: as many as fit on the first host with room, then on the next one after
     * it (earlier hosts had no room for one, and free capacity only shrinks). Returns how many were placed.
     */
    private static int firstFit(Packer p, int w, int c, double[] dem, boolean aa, Runs r) {
        int placed = 0;
        int h = 0;
        while (placed < c) {
            h = p.findAtOrAfter(dem, w, h);
            if (h < 0) {
                break;
            }
            int m = aa ? 1 : Math.min(c - placed, p.room(h, dem));
            p.place(h, dem, w, m);
            r.add(w, h, placed + 1, m);
            placed += m;
        }
        return placed;
    }

    /**
     * Round-robin of {@code c} identical instances from host {@code next[0]}: in every round each host with room, in
     * cyclic order, takes one. Computed per host: with room(h) the instances h can take (1 for an anti-affine workload),
     * host h gets min(room(h), L) for the largest L with sum_h min(room(h), L) <= c, and the rest go one each to the
     * hosts with room(h) > L in cyclic order. The tree is not refreshed (callers rebuild it). Returns how many were placed.
     */
    private static int roundRobin(Packer p, int w, int c, double[] dem, boolean aa, Runs r, int[] next, int[] room) {
        int n = room.length;
        int start = next[0];
        // first round: one each, cyclically, until c are dealt or every host was offered one
        int dealt = 0;
        int last = -1;
        int ord = 1;
        int visited = 0;
        for (; visited < n && dealt < c; visited++) {
            int h = start + visited;
            if (h >= n) {
                h -= n;
            }
            if (!p.disabled(h) && p.fits(h, dem)) {
                p.placeQuiet(h, dem, w, 1);
                r.add(w, h, ord++, 1);
                dealt++;
                last = h;
            }
        }
        if (dealt < c && visited == n) {
            // further rounds over what is left: water level L, then the remainder cyclically
            int want = c - dealt;
            long total = 0;
            int maxRoom = 0;
            for (int h = 0; h < n; h++) {
                room[h] = p.disabled(h) || aa ? 0 : p.room(h, dem);
                total += room[h];
                maxRoom = Math.max(maxRoom, room[h]);
            }
            int level;
            int rem;
            if (total <= want) {
                level = maxRoom;
                rem = 0;
            } else {
                int lo = 0;
                int hi = maxRoom;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    long s = 0;
                    for (int h = 0; h < n && s <= want; h++) {
                        s += Math.min(room[h], mid);
                    }
                    if (s <= want) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                level = lo;
                long s = 0;
                for (int h = 0; h < n; h++) {
                    s += Math.min(room[h], level);
                }
                rem = (int) (want - s);
            }
            for (int v = 0; v < n; v++) {
                int h = start + v;
                if (h >= n) {
                    h -= n;
                }
                int m = Math.min(room[h], level);
                if (rem > 0 && room[h] > level) {
                    m++;
                    rem--;
                }
                if (m > 0) {
                    p.placeQuiet(h, dem, w, m);
                    r.add(w, h, ord, m);
                    ord += m;
                    dealt += m;
                    last = h;
                }
            }
        }
        if (last >= 0) {
            next[0] = last + 1 == n ? 0 : last + 1;
        }
        return dealt;
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
        Runs r = new Runs();
        int un = 0;
        for (int w : inst.order) {
            double[] dem = inst.wDem[w];
            for (int j = 1; j <= inst.cnt[w]; j++) {
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
                if (best < 0) {
                    r.add(w, -1, j, inst.cnt[w] - j + 1);
                    un += inst.cnt[w] - j + 1;
                    break;
                }
                p.place(best, dem, w, 1);
                r.add(w, best, j, 1);
            }
        }
        return new Packing(inst, caps, p, r, un);
    }

    /** A packing of instances already placed: host of instance j of workload w at {@code hostOf[w][j - 1]} (-1 = unplaced). */
    static Packing of(Instances inst, double[][] caps, int[][] hostOf) {
        Packer p = new Packer(caps, inst.antiAffine);
        Runs r = new Runs();
        int un = 0;
        for (int w : inst.order) {
            for (int j = 1; j <= inst.cnt[w]; j++) {
                int h = hostOf[w][j - 1];
                r.add(w, h, j, 1);
                if (h < 0) {
                    un++;
                } else {
                    p.placeQuiet(h, inst.wDem[w], w, 1);
                }
            }
        }
        p.rebuild();
        return new Packing(inst, caps, p, r, un);
    }

    /**
     * The same placement on another row of hosts (e.g. the same first fit with empty hosts added): every run's host must
     * exist in {@code other} with the same capacity.
     */
    Packing onHosts(double[][] other) {
        Packer p = new Packer(other, inst.antiAffine);
        for (int i = 0; i < runs; i++) {
            if (runH[i] >= 0) {
                p.placeQuiet(runH[i], inst.wDem[runW[i]], runW[i], runCount[i]);
            }
        }
        p.rebuild();
        Runs r = new Runs();
        r.w = runW;
        r.h = runH;
        r.first = runFirst;
        r.count = runCount;
        r.n = runs;
        return new Packing(inst, other, p, r, unplaced);
    }

    /** The number of hosts used (one past the highest host with an instance). */
    int hostsUsed() {
        int m = 0;
        for (int i = 0; i < runs; i++) {
            m = Math.max(m, runH[i] + 1);
        }
        return m;
    }

    /** Outcome of the failure check. {@code failedSet}/{@code strandedW}/{@code strandedOrd} name the first set that cannot heal. */
    record Outcome(int k, String method, long setsChecked, long setsEvacuated, boolean holds, int[] failedSet, int strandedW, int strandedOrd) {
        static Outcome notChecked(int k) {
            return new Outcome(k, "none", 0, 0, false, null, -1, -1);
        }
    }

    // ------------------------------------------------------------------ host content and classes

    private void content() {
        if (contStart != null) {
            return;
        }
        int n = caps.length;
        int[] start = new int[n + 1];
        for (int i = 0; i < runs; i++) {
            if (runH[i] >= 0) {
                start[runH[i] + 1]++;
            }
        }
        for (int h = 0; h < n; h++) {
            start[h + 1] += start[h];
        }
        int[] idx = new int[start[n]];
        int[] pos = Arrays.copyOf(start, n);
        for (int i = 0; i < runs; i++) {
            if (runH[i] >= 0) {
                idx[pos[runH[i]]++] = i;
            }
        }
        int[] cs = new int[n + 1];
        int[] cw = new int[idx.length];
        int[] cn = new int[idx.length];
        int e = 0;
        for (int h = 0; h < n; h++) {
            // sort the host's runs by workload (insertion sort when it has few), then merge equal workloads
            if (start[h + 1] - start[h] > 16) {
                long[] keys = new long[start[h + 1] - start[h]];
                for (int a = start[h]; a < start[h + 1]; a++) {
                    keys[a - start[h]] = ((long) runW[idx[a]] << 32) | idx[a];
                }
                Arrays.sort(keys);
                for (int a = start[h]; a < start[h + 1]; a++) {
                    idx[a] = (int) keys[a - start[h]];
                }
            }
            for (int a = start[h] + 1; a < start[h + 1]; a++) {
                int x = idx[a];
                int b = a - 1;
                while (b >= start[h] && runW[idx[b]] > runW[x]) {
                    idx[b + 1] = idx[b];
                    b--;
                }
                idx[b + 1] = x;
            }
            cs[h] = e;
            for (int a = start[h]; a < start[h + 1]; a++) {
                int i = idx[a];
                if (e > cs[h] && cw[e - 1] == runW[i]) {
                    cn[e - 1] += runCount[i];
                } else {
                    cw[e] = runW[i];
                    cn[e] = runCount[i];
                    e++;
                }
            }
        }
        cs[n] = e;
        contStart = cs;
        contW = Arrays.copyOf(cw, e);
        contN = Arrays.copyOf(cn, e);
    }

    /** Groups the hosts into classes of interchangeable hosts (same capacity, same instances per workload). */
    private void classes() {
        if (classes >= 0) {
            return;
        }
        content();
        int n = caps.length;
        cls = new int[n];
        rankInClass = new int[n];
        Map<HostKey, int[]> seen = new HashMap<>();
        int c = 0;
        for (int h = 0; h < n; h++) {
            HostKey key = key(h);
            int[] v = seen.get(key);
            if (v == null) {
                v = new int[]{c++, 0};
                seen.put(key, v);
            }
            cls[h] = v[0];
            rankInClass[h] = v[1]++;
        }
        classes = c;
    }

    private HostKey key(int h) {
        return new HostKey(caps[h], Arrays.copyOfRange(contW, contStart[h], contStart[h + 1]),
                Arrays.copyOfRange(contN, contStart[h], contStart[h + 1]));
    }

    private record HostKey(double[] cap, int[] w, int[] n) {
        @Override
        public boolean equals(Object o) {
            return o instanceof HostKey k && Arrays.equals(cap, k.cap) && Arrays.equals(w, k.w) && Arrays.equals(n, k.n);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(cap) * 31 + Arrays.hashCode(w)) * 31 + Arrays.hashCode(n);
        }
    }

    /** Distinct classes of interchangeable hosts (for reports). */
    int hostClasses() {
        classes();
        return classes;
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

    // ------------------------------------------------------------------ failure check

    Outcome checkFailures(int k) {
        int n = caps.length;
        if (k <= 0) {
            return new Outcome(0, "none", 0, 0, true, null, -1, -1);
        }
        if (!FailureHeadroom.canLose(n, k)) {
            return new Outcome(k, "none", 0, 0, false, null, -1, -1);
        }
        long sets = choose(n, k);
        long perHost = choose(n - 1, k - 1);
        boolean enumerate = sets <= MAX_ENUMERATED_SETS && perHost != Long.MAX_VALUE
                && perHost <= MAX_ENUMERATION_WORK / Math.max(1, runs);
        if (!enumerate) {
            return slotBound(k);
        }
        int f = necessaryConditionFails();
        if (f >= 0) {
            int[] set = {f};
            return new Outcome(k, "enumerated", 1, 0, false, set, -1, -1);
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
        Arrays.fill(max1, Double.NEGATIVE_INFINITY);
        Arrays.fill(max2, Double.NEGATIVE_INFINITY);
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
        for (int i = 0; i < runs; i++) {
            int h = runH[i];
            if (h < 0) {
                continue;
            }
            double[] dem = inst.wDem[runW[i]];
            for (int d = 0; d < dims; d++) {
                load[h * dims + d] += runCount[i] * dem[d];
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

    /** Every set of k hosts, one per class of interchangeable sets: those made of the first hosts of their classes. */
    private Outcome enumerate(int k, long sets) {
        int n = caps.length;
        if (k == 1) {
            // one host per class, found as they come (a failing check usually stops at the first host)
            content();
            Scratch s = new Scratch(n);
            java.util.Set<HostKey> seen = new java.util.HashSet<>();
            long evacuated = 0;
            int[] one = new int[1];
            for (int h = 0; h < n; h++) {
                if (n > 8 && !seen.add(key(h))) {
                    continue; // (a few hosts are evacuated one by one without looking for identical ones)
                }
                evacuated++;
                one[0] = h;
                int[] stranded = evacuate(one, s, null);
                if (stranded != null) {
                    return new Outcome(k, "enumerated", sets, evacuated, false, one.clone(), stranded[0], stranded[1]);
                }
            }
            return new Outcome(k, "enumerated", sets, evacuated, true, null, -1, -1);
        }
        classes();
        int[] comb = new int[k];
        for (int i = 0; i < k; i++) {
            comb[i] = i;
        }
        Scratch s = new Scratch(n);
        long evacuated = 0;
        int[] perClass = new int[classes];
        while (true) {
            if (canonical(comb, perClass)) {
                evacuated++;
                int[] stranded = evacuate(comb, s, null);
                if (stranded != null) {
                    return new Outcome(k, "enumerated", sets, evacuated, false, comb.clone(), stranded[0], stranded[1]);
                }
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
        return new Outcome(k, "enumerated", sets, evacuated, true, null, -1, -1);
    }

    /** Whether the (ascending) set takes, from every class, its first hosts in index order. */
    private boolean canonical(int[] comb, int[] perClass) {
        boolean ok = true;
        for (int h : comb) {
            if (rankInClass[h] != perClass[cls[h]]) {
                ok = false;
            }
            perClass[cls[h]]++;
        }
        for (int h : comb) {
            perClass[cls[h]] = 0;
        }
        return ok;
    }

    /** Reusable buffers of an evacuation. */
    private static final class Scratch {
        final double[] saved;
        final int[] savedCount;
        final boolean[] touched;
        final int[] touchedList;

        Scratch(int n) {
            saved = new double[n * Packer.D];
            savedCount = new int[n];
            touched = new boolean[n];
            touchedList = new int[n];
        }
    }

    /**
     * Evacuates the hosts in {@code failed} and undoes it. Evacuees go by workload (in {@link #evacRank} order), each
     * workload's as a group, first fit onto the survivors. Returns null when all find a host, else {workload, ordinal}
     * of the first that does not. When {@code moves} is given it receives (workload, host, count) per move, in order.
     */
    private int[] evacuate(int[] failed, Scratch s, List<int[]> moves) {
        content();
        // evacuee groups: (workload, count), merged over the failed hosts
        int groups = 0;
        for (int f : failed) {
            groups += contStart[f + 1] - contStart[f];
        }
        long[] keys = new long[groups];
        int g = 0;
        for (int f : failed) {
            for (int j = contStart[f]; j < contStart[f + 1]; j++) {
                keys[g++] = ((long) evacRank[contW[j]] << 32) | contW[j];
            }
        }
        Arrays.sort(keys);
        for (int f : failed) {
            packer.setDisabled(f, true);
        }
        int nt = 0;
        int[] strandedAt = null;
        List<int[]> aaSet = null;
        for (int gi = 0; gi < groups && strandedAt == null; gi++) {
            if (gi > 0 && keys[gi] == keys[gi - 1]) {
                continue;
            }
            int w = (int) keys[gi];
            int cnt = 0;
            for (int f : failed) {
                cnt += countOn(f, w);
            }
            double[] dem = inst.wDem[w];
            boolean aa = packer.aaHosts[w] != null;
            int moved = 0;
            int h = 0;
            while (moved < cnt) {
                h = packer.findAtOrAfter(dem, w, h);
                if (h < 0) {
                    strandedAt = new int[]{w, evacueeOrdinal(failed, w, moved)};
                    break;
                }
                if (!s.touched[h]) {
                    s.touched[h] = true;
                    s.touchedList[nt++] = h;
                    System.arraycopy(packer.free, h * Packer.D, s.saved, h * Packer.D, Packer.D);
                    s.savedCount[h] = packer.count[h];
                }
                int m = aa ? 1 : Math.min(cnt - moved, packer.room(h, dem));
                if (aa) {
                    if (aaSet == null) {
                        aaSet = new ArrayList<>();
                    }
                    aaSet.add(new int[]{w, h});
                }
                packer.place(h, dem, w, m);
                if (moves != null) {
                    moves.add(new int[]{w, h, m});
                }
                moved += m;
            }
        }
        // undo
        if (aaSet != null) {
            for (int[] x : aaSet) {
                packer.aaHosts[x[0]].clear(x[1]);
            }
        }
        double[] buf = new double[Packer.D];
        for (int t = 0; t < nt; t++) {
            int h = s.touchedList[t];
            System.arraycopy(s.saved, h * Packer.D, buf, 0, Packer.D);
            packer.restore(h, buf, s.savedCount[h]);
            s.touched[h] = false;
        }
        for (int f : failed) {
            packer.setDisabled(f, false);
        }
        return strandedAt;
    }

    private int countOn(int h, int w) {
        for (int j = contStart[h]; j < contStart[h + 1]; j++) {
            if (contW[j] == w) {
                return contN[j];
            }
        }
        return 0;
    }

    /** The ordinals of workload w's instances on the failed hosts, ascending (the order they are evacuated in). */
    private int[] evacueeOrdinals(int[] failed, int w) {
        boolean[] dead = new boolean[caps.length];
        for (int f : failed) {
            dead[f] = true;
        }
        int total = 0;
        for (int i = 0; i < runs; i++) {
            if (runW[i] == w && runH[i] >= 0 && dead[runH[i]]) {
                total += runCount[i];
            }
        }
        int[] out = new int[total];
        int p = 0;
        for (int i = 0; i < runs; i++) {
            if (runW[i] == w && runH[i] >= 0 && dead[runH[i]]) {
                for (int j = 0; j < runCount[i]; j++) {
                    out[p++] = runFirst[i] + j;
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    private int evacueeOrdinal(int[] failed, int w, int index) {
        int[] ords = evacueeOrdinals(failed, w);
        return index < ords.length ? ords[index] : -1;
    }

    /**
     * The host of every instance after losing {@code failed} (evacuation model): {@code [w][j - 1]} for instance j of
     * workload w, or null if some instance finds no host. When the direct evacuation of this set strands an instance but
     * the set is interchangeable with the one the failure check evacuated (identical hosts swapped), that set's
     * re-placement is used, mapped through the swap.
     */
    int[][] evacuate(int[] failed) {
        int[] sorted = failed.clone();
        Arrays.sort(sorted);
        List<int[]> moves = new ArrayList<>();
        if (evacuate(sorted, new Scratch(caps.length), moves) == null) {
            return after(sorted, moves, null);
        }
        return evacuateBySwap(sorted);
    }

    /**
     * The re-placement after losing {@code failed}, taken from the interchangeable set made of the first hosts of each
     * class (the one the failure check evacuates) and mapped back through the swap of identical hosts; null if that set
     * strands an instance too.
     */
    int[][] evacuateBySwap(int[] failed) {
        int[] sorted = failed.clone();
        Arrays.sort(sorted);
        classes();
        int[] perm = swapToCanonical(sorted);
        int[] canon = sorted.clone();
        if (perm != null) {
            for (int i = 0; i < sorted.length; i++) {
                canon[i] = perm[sorted[i]];
            }
            Arrays.sort(canon);
        }
        List<int[]> moves = new ArrayList<>();
        if (evacuate(canon, new Scratch(caps.length), moves) != null) {
            return null;
        }
        return after(sorted, moves, perm);
    }

    /** Every instance's host after the moves: the evacuees of each workload on {@code failed}, in ordinal order, take the moves' hosts (through {@code perm}) in order. */
    private int[][] after(int[] failed, List<int[]> moves, int[] perm) {
        int[][] out = new int[inst.cnt.length][];
        for (int w = 0; w < out.length; w++) {
            out[w] = new int[inst.cnt[w]];
            Arrays.fill(out[w], -1);
        }
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < runCount[i]; j++) {
                out[runW[i]][runFirst[i] + j - 1] = runH[i];
            }
        }
        Map<Integer, int[]> ords = new HashMap<>();
        Map<Integer, Integer> used = new HashMap<>();
        for (int[] mv : moves) {
            int w = mv[0];
            int[] o = ords.computeIfAbsent(w, x -> evacueeOrdinals(failed, x));
            int at = used.getOrDefault(w, 0);
            int host = perm == null ? mv[1] : perm[mv[1]];
            for (int j = 0; j < mv[2]; j++) {
                out[w][o[at + j] - 1] = host;
            }
            used.put(w, at + mv[2]);
        }
        return out;
    }

    /**
     * The swap of interchangeable hosts that maps the set onto the canonical one (the first hosts of each class), as a
     * permutation of host indices (an involution); null when the set already is canonical.
     */
    private int[] swapToCanonical(int[] set) {
        int n = caps.length;
        int[] perm = new int[n];
        for (int h = 0; h < n; h++) {
            perm[h] = h;
        }
        Map<Integer, List<Integer>> inSet = new HashMap<>();
        for (int h : set) {
            inSet.computeIfAbsent(cls[h], x -> new ArrayList<>()).add(h);
        }
        boolean changed = false;
        for (Map.Entry<Integer, List<Integer>> e : inSet.entrySet()) {
            int c = e.getKey();
            List<Integer> chosen = e.getValue();
            List<Integer> firsts = new ArrayList<>();
            for (int h = 0; h < n && firsts.size() < chosen.size(); h++) {
                if (cls[h] == c) {
                    firsts.add(h);
                }
            }
            List<Integer> out = new ArrayList<>(chosen);
            out.removeAll(firsts);
            List<Integer> in = new ArrayList<>(firsts);
            in.removeAll(chosen);
            for (int i = 0; i < out.size(); i++) {
                perm[out.get(i)] = in.get(i);
                perm[in.get(i)] = out.get(i);
                changed = true;
            }
        }
        return changed ? perm : null;
    }

    private Outcome slotBound(int k) {
        int n = caps.length;
        double[] dmax = new double[Packer.D];
        int[] replicas = new int[inst.wDem.length];
        for (int i = 0; i < runs; i++) {
            if (runH[i] < 0) {
                continue;
            }
            double[] dem = inst.wDem[runW[i]];
            for (int d = 0; d < Packer.D; d++) {
                dmax[d] = Math.max(dmax[d], dem[d]);
            }
            replicas[runW[i]] += runCount[i];
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
        return new Outcome(k, "bound", 0, 0, holds, null, -1, -1);
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
