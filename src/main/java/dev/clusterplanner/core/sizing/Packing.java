package dev.clusterplanner.core.sizing;

import java.util.Arrays;

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
 * This class packs (first fit, round-robin, spread) and holds the result; its parts do the rest: {@link HostClasses}
 * (interchangeable hosts), {@link FailureEnumeration} (which sets to check), {@link Evacuation} (re-placing a lost
 * host's instances) and {@link SlotBound} (the bound for many sets).
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
    final HostClasses classesOf = new HostClasses(this);
    final FailureEnumeration failureSets = new FailureEnumeration(this);
    final Evacuation evacuation = new Evacuation(this);
    final SlotBound slots = new SlotBound(this);
    /** Evacuees move in this order of their workloads (anti-affine first, then largest), whatever order placed them. */
    int[] evacRank;

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

    // ------------------------------------------------------------------ the parts' entry points

    /** The failure check: whether every set of k failed hosts heals ({@link FailureEnumeration}). */
    Outcome checkFailures(int k) {
        return failureSets.checkFailures(k);
    }

    /** Every instance's host after losing {@code failed}, or null when some instance finds no host ({@link Evacuation}). */
    int[][] evacuate(int[] failed) {
        return evacuation.evacuate(failed);
    }

    /** The what-if re-placement of {@code failed} through its interchangeable set ({@link Evacuation}). */
    int[][] evacuateBySwap(int[] failed) {
        return evacuation.evacuateBySwap(failed);
    }

    /** Distinct classes of interchangeable hosts (for reports; {@link HostClasses}). */
    int hostClasses() {
        return classesOf.hostClasses();
    }

}
