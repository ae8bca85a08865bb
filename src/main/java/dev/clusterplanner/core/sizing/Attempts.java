package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;

import static dev.clusterplanner.core.sizing.Sizer.LARGE_PROBLEM;
import static dev.clusterplanner.core.sizing.Sizer.maxCap;
import static dev.clusterplanner.core.sizing.SizingText.failures;

/**
 * One host count tried: the placement strategies (round-robin, first fit in two orders, round-robin with hot spares, the
 * binding dimension's order, the iterated-greedy retry), each with the failure check, until one places everything and
 * heals; first fit computed once per order for every count; and the balanced re-spread of the winner.
 */
final class Attempts {

    private final SiteContext ctx;

    Attempts(SiteContext ctx) {
        this.ctx = ctx;
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
        double[][] caps = ctx.caps(hosts);
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
            if (s == 3 && (ctx.k == 0 || ctx.k >= n)) {
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
                out = pk.checkFailures(ctx.k);
                if (out.holds()) {
                    f.passFrom = Math.min(f.passFrom, n);
                }
            } else {
                pk = Packing.pack(orders[s == 2 ? 1 : 0], caps, s == 0 || s == 3, s == 3 ? ctx.k : 0);
                pk.evacRank = evacRank;
                out = pk.unplaced == 0 ? pk.checkFailures(ctx.k) : Packing.Outcome.notChecked(ctx.k);
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
            for (int spare = 0; spare < (ctx.k > 0 && ctx.k < n ? 2 : 1); spare++) {
                Attempt a = checked(Packing.pack(ff[2].unbounded.inst, caps, true, spare == 1 ? ctx.k : 0), evacRank, placedAll);
                placedAll = a.placedAll();
                if (a.ok()) {
                    return a;
                }
            }
        }
        // iterated greedy: the workloads that found no host go first, then the rest as before
        if (!large && fewest != null && fewest.unplaced > 0) {
            boolean[] priority = new boolean[ctx.ws.size()];
            for (int i = 0; i < fewest.runs; i++) {
                if (fewest.runH[i] < 0) {
                    priority[fewest.runW[i]] = true;
                }
            }
            Instances retry = new Instances(ctx.wDem, ctx.aa, orders[0].includeCounts(), maxCap(caps), true, priority);
            Attempt a = checked(Packing.pack(retry, caps, false, 0), evacRank, placedAll);
            placedAll = a.placedAll();
            if (a.ok()) {
                return a;
            }
        }
        if (last == null) {
            // only first fit was possible and it is known to fail here: show its placement
            FirstFit f = ff[0];
            Packing pk = f.n0 <= n ? f.unbounded.onHosts(caps) : Packing.pack(orders[0], caps, false, 0);
            pk.evacRank = evacRank;
            last = new Attempt(pk, pk.unplaced == 0 ? pk.checkFailures(ctx.k) : Packing.Outcome.notChecked(ctx.k), placedAll);
        }
        return new Attempt(last.packing(), last.outcome(), placedAll);
    }

    /**
     * A packing with its failure check (when it placed every instance) as an attempt; {@code placedAll}: an earlier
     * strategy on this count placed every instance.
     */
    private Attempt checked(Packing pk, int[] evacRank, boolean placedAll) {
        pk.evacRank = evacRank;
        Packing.Outcome out = pk.unplaced == 0 ? pk.checkFailures(ctx.k) : Packing.Outcome.notChecked(ctx.k);
        return new Attempt(pk, out, placedAll || pk.unplaced == 0);
    }

    /** First fit of {@code inst} onto as many hosts of h as it needs (starting from about twice the bound). */
    FirstFit firstFit(Hardware h, Instances inst, int lo, int upper) {
        int m = Math.min(upper, 2 * lo + 16);
        while (true) {
            Packing pk = Packing.pack(inst, ctx.caps(SiteContext.repeat(h, m)), false);
            if (pk.unplaced == 0 || m >= upper) {
                return new FirstFit(pk);
            }
            m = (int) Math.min(upper, 2L * m);
        }
    }

    /** Whether some strategy places every instance on these hosts (failures aside). */
    boolean placesAll(Hardware[] hosts, Instances[] orders) {
        double[][] caps = ctx.caps(hosts);
        return Packing.pack(orders[0], caps, true).unplaced == 0 || Packing.pack(orders[0], caps, false).unplaced == 0
                || Packing.pack(orders[1], caps, false).unplaced == 0;
    }

    /** The spread placement on the same hosts when it too places everything and heals; else the first-fit one. */
    Attempt balanced(Attempt ffd) {
        Packing sp = Packing.spread(ffd.packing().inst, ffd.packing().caps);
        if (sp == null || sp.unplaced > 0) {
            return ffd;
        }
        sp.evacRank = ffd.packing().evacRank;
        Packing.Outcome o = sp.checkFailures(ctx.k);
        return o.holds() ? new Attempt(sp, o) : ffd;
    }
}
