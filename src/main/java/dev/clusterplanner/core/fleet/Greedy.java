package dev.clusterplanner.core.fleet;

import java.util.Arrays;

/**
 * The starting answer: first fit decreasing for hosts of several types and prices. Instances in decreasing size
 * (demand over the largest finite capacity, each dimension weighted by how much of it all instances need), each on the
 * first open host it fits; when none fits, a new host of the type with the lowest cost per unit of useful capacity
 * (capacity counted up to what the unplaced instances still need). Then every host is moved to the cheapest type
 * its load fits, the fleet grown to its fewest hosts and to the failure headroom.
 */
final class Greedy {

    private Greedy() {
    }

    /** Reference capacity per dimension: the largest finite capacity of any type (1 when none). */
    static double[] refCap(Flat f) {
        double[] r = new double[f.dims];
        for (int d = 0; d < f.dims; d++) {
            for (int t = 0; t < f.types; t++) {
                double c = f.cap[t * f.dims + d];
                if (!Double.isInfinite(c)) {
                    r[d] = Math.max(r[d], c);
                }
            }
            if (r[d] <= 0) {
                r[d] = 1;
            }
        }
        return r;
    }

    /** Weight per dimension: total demand over reference capacity, normalised to sum 1; dimensions no type limits weigh 0. */
    static double[] weights(Flat f, double[] ref) {
        double[] w = new double[f.dims];
        double sum = 0;
        for (int d = 0; d < f.dims; d++) {
            if (!f.limited[d]) {
                continue;
            }
            double tot = 0;
            for (int i = 0; i < f.n; i++) {
                tot += f.dem[i * f.dims + d];
            }
            w[d] = tot / ref[d];
            sum += w[d];
        }
        for (int d = 0; d < f.dims; d++) {
            w[d] = sum > 0 ? w[d] / sum : 1.0 / f.dims;
        }
        return w;
    }

    /** Size of each instance: weighted demand over reference capacity. */
    static double[] sizes(Flat f) {
        double[] ref = refCap(f);
        double[] w = weights(f, ref);
        double[] s = new double[f.n];
        for (int i = 0; i < f.n; i++) {
            for (int d = 0; d < f.dims; d++) {
                s[i] += w[d] * f.dem[i * f.dims + d] / ref[d];
            }
        }
        return s;
    }

    static Fleet start(Flat f) {
        double[] ref = refCap(f);
        double[] w = weights(f, ref);
        double[] size = sizes(f);
        Integer[] order = new Integer[f.n];
        for (int i = 0; i < f.n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Double.compare(size[b], size[a]) : Integer.compare(a, b));
        double[] remaining = new double[f.dims];
        for (int i = 0; i < f.n; i++) {
            for (int d = 0; d < f.dims; d++) {
                remaining[d] += f.dem[i * f.dims + d];
            }
        }
        Fleet fl = new Fleet(f);
        int firstOpen = 0;
        for (int i : order) {
            int h = -1;
            for (int x = firstOpen; x < fl.hosts.size(); x++) {
                if (fl.hosts.get(x).fits(i, f)) {
                    h = x;
                    break;
                }
            }
            if (h < 0) {
                int t = bestNewType(f, fl, i, remaining, ref, w);
                if (t >= 0) {
                    h = fl.open(t);
                }
            }
            if (h >= 0) {
                fl.place(i, h);
            }
            for (int d = 0; d < f.dims; d++) {
                remaining[d] -= f.dem[i * f.dims + d];
            }
            // hosts that cannot take even the smallest instance left are closed to the scan (keeps 50,000 instances fast)
            while (firstOpen < fl.hosts.size() && fl.hosts.get(firstOpen).utilisation(f) > 1 - 1e-12) {
                firstOpen++;
            }
        }
        finish(f, fl, ref, w);
        return fl;
    }

    /** After a construction: the fewest hosts and failure headroom, every host on the cheapest type its load fits, and again. */
    static void finish(Flat f, Fleet fl, double[] ref, double[] w) {
        grow(f, fl, ref, w);
        rightSize(f, fl);
        grow(f, fl, ref, w);
    }

    /** The type with stock that fits instance i at the lowest cost per unit of useful capacity; -1 when none. */
    static int bestNewType(Flat f, Fleet fl, int i, double[] remaining, double[] ref, double[] w) {
        int best = -1;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int t = 0; t < f.types; t++) {
            if (!fl.stockLeft(t) || !f.fitsEmpty(i, t)) {
                continue;
            }
            double value = 0;
            for (int d = 0; d < f.dims; d++) {
                if (!f.limited[d]) {
                    continue;
                }
                double useful = Math.min(f.cap[t * f.dims + d], Math.max(remaining[d], f.dem[i * f.dims + d]));
                value += w[d] * useful / ref[d];
            }
            double ratio = value > 0 ? f.cost[t] / value : f.cost[t] * 1e12;
            if (ratio < bestRatio - 1e-12) {
                bestRatio = ratio;
                best = t;
            }
        }
        return best;
    }

    /** Moves every host to the cheapest type with stock that its load and instances fit. */
    static void rightSize(Flat f, Fleet fl) {
        for (int h = 0; h < fl.hosts.size(); h++) {
            Fleet.Host x = fl.hosts.get(h);
            int best = x.type;
            for (int t = 0; t < f.types; t++) {
                if (f.cost[t] < f.cost[best] - 1e-9 && (f.poolOf[t] == f.poolOf[x.type] || fl.stockLeft(t)) && loadFits(f, x.load, t)) {
                    best = t;
                }
            }
            if (best != x.type) {
                int old = x.type;
                fl.retype(h, best);
                if (fl.headroomShort() >= 0) {
                    fl.retype(h, old); // a smaller host would break a fleet-wide rule (pool, failure headroom)
                }
            }
        }
    }

    static boolean loadFits(Flat f, double[] load, int t) {
        for (int d = 0; d < f.dims; d++) {
            if (!f.pooled[d] && load[d] > f.cap[t * f.dims + d] + Flat.EPS) {
                return false;
            }
        }
        return true;
    }

    /** Adds empty hosts until the fleet has its fewest hosts and its failure headroom; false when stock runs out. */
    static boolean grow(Flat f, Fleet fl, double[] ref, double[] w) {
        while (fl.hosts.size() < f.fewestHosts) {
            int t = cheapestPer(f, fl, -1, ref, w);
            if (t < 0) {
                return false;
            }
            fl.open(t);
        }
        for (int guard = 0; guard < 100_000; guard++) {
            int d = fl.headroomShort();
            if (d < 0) {
                return true;
            }
            int t = cheapestPer(f, fl, d, ref, w);
            if (t < 0) {
                return false;
            }
            fl.open(t);
        }
        return false;
    }

    /** The type with stock with the lowest cost per unit of dimension d (all dimensions, weighted, when d < 0). */
    static int cheapestPer(Flat f, Fleet fl, int d, double[] ref, double[] w) {
        int best = -1;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int t = 0; t < f.types; t++) {
            if (!fl.stockLeft(t)) {
                continue;
            }
            double value;
            if (d >= 0) {
                value = Math.min(f.cap[t * f.dims + d], 1e15);
            } else {
                value = 0;
                for (int x = 0; x < f.dims; x++) {
                    value += w[x] * Math.min(f.cap[t * f.dims + x], ref[x]) / ref[x];
                }
            }
            double ratio = value > 0 ? f.cost[t] / value : Double.MAX_VALUE;
            if (ratio < bestRatio) {
                bestRatio = ratio;
                best = t;
            }
        }
        return best;
    }
}
