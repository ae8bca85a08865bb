package dev.clusterplanner.core.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bin-oriented start: Minimum Bin Slack (Gupta and Ho 1999, in the MBS' form of Fleszar and Hindi 2002), for
 * several dimensions and several host types. Hosts are opened one at a time; each new host takes the largest
 * instance left and then the subset of the instances left that leaves the least slack, found by a bounded
 * depth-first search over kinds of instance (instances with the same demand are one choice with a count). Slack is measured in
 * normalised capacity: per dimension the room left over the largest capacity of any type, weighted by the share of
 * the whole demand in that dimension ({@link Greedy#weights}), so a dimension that binds counts more. When several
 * types could take the largest instance, the host is the type with the lowest cost per unit of normalised load it
 * takes. Then, as after first fit decreasing, every host moves to the cheapest type its load fits and the fleet grows
 * to its fewest hosts and failure headroom ({@link Greedy#finish}).
 * <p>
 * Deterministic: the search visits a fixed number of choices per host ({@link #NODES_IN_ALL} shared by the hosts
 * the load needs by volume, between {@link #MIN_NODES_PER_HOST} and {@link #NODES_PER_HOST}), in a fixed order.
 */
final class MinimumSlack {

    /** Search nodes per new host at most, shared by the types tried for it. */
    static final long NODES_PER_HOST = 20_000;
    /** Search nodes of the whole construction, shared by the hosts it is expected to open (at least {@link #MIN_NODES_PER_HOST} each). */
    static final double NODES_IN_ALL = 10_000_000;
    static final long MIN_NODES_PER_HOST = 1_000;
    /** Search nodes counted as one unit of the budget's work (measured: about as long as one CP-SAT work unit here). */
    static final double NODES_PER_WORK = 2e7;
    /** Types tried for one host at most (the cheapest per useful capacity for what is left). */
    static final int TYPES_TRIED = 8;

    private final Flat f;
    private final double[] ref;
    private final double[] w;
    /** workloads in decreasing normalised size; kind = workload index */
    private final int[] ord;
    private final double[] kdem;
    private final double[] kval;
    private final boolean[] aa;
    /** instances of each kind, placed in order; next[k] is the first not yet placed */
    private final int[][] members;
    private final int[] next;
    private final int[] left;
    private final long nodesPerHost;
    private final int dims;

    // search state
    private final int[] avail;
    private final int[] take;
    private final int[] bestTake;
    private final double[] load;
    private double[] rem;
    /** per position, the smallest demand per dimension of the kinds from there on that are still available */
    private double[] minDem;
    private double bestVal;
    private long nodes;
    private long limit;
    private int type;

    private MinimumSlack(Flat f, java.util.SplittableRandom rnd, double noise) {
        this.f = f;
        this.dims = f.dims;
        this.ref = Greedy.refCap(f);
        this.w = Greedy.weights(f, ref);
        // kinds: instances with the same demand are one kind (an anti-affine workload is a kind of its own)
        java.util.Map<String, Integer> kindOf = new java.util.HashMap<>();
        int[] kindOfInstance = new int[f.n];
        List<Integer> firstInstance = new ArrayList<>();
        for (int i = 0; i < f.n; i++) {
            String key = f.group[i] >= 0 ? "g" + f.group[i] : Arrays.toString(Arrays.copyOfRange(f.dem, i * dims, (i + 1) * dims));
            Integer k = kindOf.get(key);
            if (k == null) {
                k = firstInstance.size();
                kindOf.put(key, k);
                firstInstance.add(i);
            }
            kindOfInstance[i] = k;
        }
        int nk = firstInstance.size();
        kdem = new double[nk * dims];
        kval = new double[nk];
        aa = new boolean[nk];
        left = new int[nk];
        for (int i = 0; i < f.n; i++) {
            left[kindOfInstance[i]]++;
        }
        members = new int[nk][];
        next = new int[nk];
        for (int k = 0; k < nk; k++) {
            members[k] = new int[left[k]];
        }
        int[] fillc = new int[nk];
        for (int i = 0; i < f.n; i++) {
            int k = kindOfInstance[i];
            members[k][fillc[k]++] = i;
        }
        Integer[] ks = new Integer[nk];
        for (int k = 0; k < nk; k++) {
            int i = firstInstance.get(k);
            aa[k] = f.group[i] >= 0;
            for (int d = 0; d < dims; d++) {
                kdem[k * dims + d] = f.dem[i * dims + d];
                kval[k] += w[d] * kdem[k * dims + d] / ref[d];
            }
            ks[k] = k;
        }
        double[] key = new double[nk];
        for (int k = 0; k < nk; k++) {
            key[k] = rnd == null ? kval[k] : kval[k] * (1 + noise * (2 * rnd.nextDouble() - 1));
        }
        Arrays.sort(ks, (a, b) -> key[a] != key[b] ? Double.compare(key[b], key[a]) : Integer.compare(a, b));
        ord = Arrays.stream(ks).mapToInt(Integer::intValue).toArray();
        avail = new int[nk];
        take = new int[nk];
        bestTake = new int[nk];
        load = new double[dims];
        // hosts by volume, to share the search budget among them
        double hosts = 1;
        for (int d = 0; d < dims; d++) {
            double tot = 0;
            for (int i = 0; i < f.n; i++) {
                tot += f.dem[i * dims + d];
            }
            if (f.limited[d]) {
                hosts = Math.max(hosts, tot / ref[d]);
            }
        }
        nodesPerHost = (long) Math.max(MIN_NODES_PER_HOST, Math.min(NODES_PER_HOST, NODES_IN_ALL / hosts));
    }

    /** The start; instances no type with stock can take are left unplaced. */
    static Fleet start(Flat f) {
        return new MinimumSlack(f, null, 0).build();
    }

    /**
     * The same with the order of the kinds perturbed (each size times 1 + a draw in [-noise, noise]): the largest is
     * no longer always the anchor, so another packing comes out (Fleszar and Hindi's perturbation MBS').
     */
    static Fleet perturbed(Flat f, java.util.SplittableRandom rnd, double noise) {
        return new MinimumSlack(f, rnd, noise).build();
    }

    /** Search nodes visited by the last construction on this thread (for the work count). */
    static long lastNodes() {
        return LAST_NODES.get();
    }

    private static final ThreadLocal<Long> LAST_NODES = ThreadLocal.withInitial(() -> 0L);
    private long totalNodes;

    private Fleet build() {
        Fleet fl = new Fleet(f);
        int firstPos = 0;
        double[] remaining = new double[dims];
        for (int i = 0; i < f.n; i++) {
            for (int d = 0; d < dims; d++) {
                remaining[d] += f.dem[i * dims + d];
            }
        }
        rem = new double[(ord.length + 1) * dims];
        minDem = new double[(ord.length + 1) * dims];
        while (true) {
            while (firstPos < ord.length && left[ord[firstPos]] == 0) {
                firstPos++;
            }
            if (firstPos == ord.length) {
                break;
            }
            int anchor = ord[firstPos];
            int[] types = typesFor(fl, anchor, remaining);
            if (types.length == 0) {
                left[anchor] = 0; // fits no type with stock: stays unplaced (the solver then places by CP-SAT or says infeasible)
                continue;
            }
            // what each kind may still add beside the anchor, and the suffix sums bounding the search
            for (int p = firstPos; p < ord.length; p++) {
                int k = ord[p];
                int a = left[k] - (k == anchor ? 1 : 0);
                avail[k] = aa[k] ? (k == anchor ? 0 : Math.min(1, a)) : a;
            }
            Arrays.fill(rem, ord.length * dims, (ord.length + 1) * dims, 0);
            Arrays.fill(minDem, ord.length * dims, (ord.length + 1) * dims, Double.POSITIVE_INFINITY);
            for (int p = ord.length - 1; p >= firstPos; p--) {
                int k = ord[p];
                for (int d = 0; d < dims; d++) {
                    rem[p * dims + d] = rem[(p + 1) * dims + d] + avail[k] * kdem[k * dims + d];
                    double m = minDem[(p + 1) * dims + d];
                    minDem[p * dims + d] = avail[k] > 0 ? Math.min(m, kdem[k * dims + d]) : m;
                }
            }
            int bestType = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            int[] chosen = null;
            for (int t : types) {
                fill(t, anchor, firstPos, Math.max(MIN_NODES_PER_HOST, nodesPerHost / types.length));
                double ratio = bestVal > 0 ? f.cost[t] / bestVal : f.cost[t] * 1e12;
                if (ratio < bestRatio - 1e-12) {
                    bestRatio = ratio;
                    bestType = t;
                    chosen = bestTake.clone();
                }
            }
            int h = fl.open(bestType);
            place(fl, h, anchor, remaining);
            for (int p = firstPos; p < ord.length; p++) {
                int k = ord[p];
                for (int c = 0; c < chosen[k]; c++) {
                    place(fl, h, k, remaining);
                }
            }
        }
        Greedy.finish(f, fl, ref, w);
        LAST_NODES.set(totalNodes);
        return fl;
    }

    private void place(Fleet fl, int h, int k, double[] remaining) {
        int i = members[k][next[k]++];
        left[k]--;
        fl.place(i, h);
        for (int d = 0; d < dims; d++) {
            remaining[d] -= f.dem[i * dims + d];
        }
    }

    /** Types with stock that take the anchor alone, the cheapest per useful capacity first, at most {@link #TYPES_TRIED}. */
    private int[] typesFor(Fleet fl, int anchor, double[] remaining) {
        int i = members[anchor][next[anchor]];
        List<Integer> ok = new ArrayList<>();
        double[] ratio = new double[f.types];
        for (int t = 0; t < f.types; t++) {
            if (!fl.stockLeft(t) || !f.fitsEmpty(i, t)) {
                continue;
            }
            double value = 0;
            for (int d = 0; d < dims; d++) {
                if (f.limited[d]) {
                    value += w[d] * Math.min(f.cap[t * dims + d], Math.max(remaining[d], kdem[anchor * dims + d])) / ref[d];
                }
            }
            ratio[t] = value > 0 ? f.cost[t] / value : f.cost[t] * 1e12;
            ok.add(t);
        }
        ok.sort((a, b) -> ratio[a] != ratio[b] ? Double.compare(ratio[a], ratio[b]) : Integer.compare(a, b));
        return ok.stream().limit(TYPES_TRIED).mapToInt(Integer::intValue).toArray();
    }

    /** Bounded search for the subset (beside the anchor) of the largest normalised load that fits type t; into bestTake/bestVal. */
    private void fill(int t, int anchor, int firstPos, long nodeLimit) {
        type = t;
        nodes = 0;
        limit = nodeLimit;
        for (int d = 0; d < dims; d++) {
            load[d] = kdem[anchor * dims + d];
        }
        Arrays.fill(take, 0);
        Arrays.fill(bestTake, 0);
        bestVal = kval[anchor];
        dfs(firstPos, kval[anchor], bound(firstPos, kval[anchor]));
    }

    /** The normalised load at most reachable from position p with the current load. */
    private double bound(int p, double val) {
        double ub = val;
        for (int d = 0; d < dims; d++) {
            if (w[d] > 0) {
                double room = f.pooled[d] ? Double.POSITIVE_INFINITY : f.cap[type * dims + d] - load[d];
                ub += w[d] * Math.max(0, Math.min(room, rem[p * dims + d])) / ref[d];
            }
        }
        return ub;
    }

    private void dfs(int p, double val, double rootBound) {
        if (++nodes > limit) {
            return;
        }
        totalNodes++;
        if (val > bestVal + 1e-12) {
            bestVal = val;
            System.arraycopy(take, 0, bestTake, 0, take.length);
            if (bestVal >= rootBound - 1e-12) {
                nodes = limit; // no subset can leave less slack
                return;
            }
        }
        if (p < ord.length && nothingFitsFrom(p)) {
            p = ord.length;
        }
        while (p < ord.length && maxFit(ord[p]) == 0) {
            p++;
            nodes++; // a kind looked at counts as a node, so that the limit bounds the work with many kinds
            totalNodes++;
        }
        if (nodes > limit) {
            return;
        }
        if (p == ord.length || bound(p, val) <= bestVal + 1e-12) {
            return;
        }
        int k = ord[p];
        for (int c = maxFit(k); c >= 0 && nodes < limit; c--) {
            for (int d = 0; d < dims; d++) {
                load[d] += c * kdem[k * dims + d];
            }
            take[k] = c;
            dfs(p + 1, val + c * kval[k], rootBound);
            take[k] = 0;
            for (int d = 0; d < dims; d++) {
                load[d] -= c * kdem[k * dims + d];
            }
        }
    }

    /** Whether no kind from position p on fits: some dimension has less room than the smallest demand there. */
    private boolean nothingFitsFrom(int p) {
        for (int d = 0; d < dims; d++) {
            if (!f.pooled[d] && f.cap[type * dims + d] - load[d] + Flat.EPS < minDem[p * dims + d]) {
                return true;
            }
        }
        return false;
    }

    /** How many instances of kind k still fit beside the current load (anti-affine: at most one). */
    private int maxFit(int k) {
        int m = avail[k];
        for (int d = 0; d < dims && m > 0; d++) {
            double dm = kdem[k * dims + d];
            if (dm > 0 && !f.pooled[d]) {
                double room = f.cap[type * dims + d] - load[d] + Flat.EPS;
                m = (int) Math.min(m, Math.floor(room / dm));
            }
        }
        return Math.max(0, m);
    }
}
