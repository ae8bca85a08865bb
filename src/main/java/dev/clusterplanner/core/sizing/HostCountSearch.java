package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.sizing.Attempts.Attempt;
import dev.clusterplanner.core.sizing.Attempts.FirstFit;
import dev.clusterplanner.core.sizing.LowerBound.Bound;
import dev.clusterplanner.core.storage.StoragePlanner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.clusterplanner.core.sizing.Sizer.MAX_THIRD_ORDER_WORK;
import static dev.clusterplanner.core.sizing.SizingText.TIB;
import static dev.clusterplanner.core.sizing.SizingText.failures;
import static dev.clusterplanner.core.sizing.SizingText.num;
import static dev.clusterplanner.core.sizing.SizingText.pct;
import static dev.clusterplanner.core.sizing.SizingText.tib;

/**
 * The host-count search of a homogeneous cluster: from the lower bound, the fewest hosts of one hardware on which some
 * strategy places every instance and heals after k failures (first fit's healing count, then galloping and a binary
 * search below it), and the option it makes with its explanation.
 */
final class HostCountSearch {

    private final SiteContext ctx;

    HostCountSearch(SiteContext ctx) {
        this.ctx = ctx;
    }

    // -------------------------------------------------------------- homogeneous

    SizingOption homogeneous(Hardware h, HostCost cost) {
        int[] include = new int[ctx.ws.size()];
        List<UnplacedInstance> unplaced = new ArrayList<>();
        for (int w = 0; w < ctx.ws.size(); w++) {
            String why = ctx.tooBig(w, h);
            if (why == null) {
                include[w] = ctx.ws.get(w).count();
            } else {
                for (int j = 1; j <= ctx.ws.get(w).count(); j++) {
                    unplaced.add(new UnplacedInstance(ctx.ws.get(w).instanceName(j), ctx.ws.get(w).name(), "capacity.too-big", why));
                }
            }
        }
        double[] big = ctx.capacity(h, CapacityModel.MON_MGR_HOSTS);
        Instances[] inst = ctx.orders(include, big);
        Bound lb = ctx.bounds.bound(h, include);
        int lo = ctx.cluster ? Math.max(1, lb.value()) : 1;
        int upper = ctx.cluster ? lo + inst[0].size + ctx.k + CapacityModel.MON_MGR_HOSTS : 1;
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
        if (ctx.cluster && inst[0].size > 0) {
            // first fit of each order, unbounded: the count without failures, n0, and the fewest hosts on which that
            // placement heals (n0 .. n0 + k + 1 tried); round-robin and the other strategies then only need trying below
            boolean small = (long) inst[0].size * inst[0].order.length <= MAX_THIRD_ORDER_WORK;
            ff = new FirstFit[small ? 3 : 2];
            Instances byBinding = null;
            if (small) {
                // the dimension the total load fills most (largest total / host capacity)
                double[] t = ctx.total(include);
                int bd = 0;
                double most = -1;
                for (int d = 0; d < Packer.D; d++) {
                    if (big[d] > 0 && !Double.isInfinite(big[d]) && t[d] / big[d] > most) {
                        most = t[d] / big[d];
                        bd = d;
                    }
                }
                byBinding = new Instances(ctx.wDem, ctx.aa, include, big, true, null, bd);
            }
            for (int o = 0; o < ff.length; o++) {
                if (known == lo) {
                    break; // no count below the bound can do
                }
                ff[o] = ctx.attempts.firstFit(h, o < 2 ? inst[o] : byBinding, lo, upper);
                FirstFit f = ff[o];
                if (f.n0 == Integer.MAX_VALUE) {
                    continue;
                }
                int[] evacRank = inst[0].workloadRank();
                for (int m = Math.max(lo, f.n0); m <= Math.min(upper, f.n0 + ctx.k + 1); m++) {
                    if (known >= 0 && m >= known) {
                        break;
                    }
                    Packing pk = f.unbounded.onHosts(ctx.caps(SiteContext.repeat(h, m)));
                    pk.evacRank = evacRank;
                    Packing.Outcome out = pk.checkFailures(ctx.k);
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
            n = known >= 0 ? known : Math.max(lo, Math.min(upper, Math.min(ff[0].n0, ff[1] == null ? ff[0].n0 : ff[1].n0) + ctx.k));
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
                Attempt a = ctx.attempts.attempt(SiteContext.repeat(h, m), inst, ff);
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
                good = ctx.attempts.attempt(SiteContext.repeat(h, known), inst, ff);
                goodN = known;
                tried.put(known, good);
            }
        } else {
            while (true) {
                Attempt a = ctx.attempts.attempt(SiteContext.repeat(h, n), inst, ff);
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
        Attempt chosen = good != null ? ctx.attempts.balanced(good) : first;
        int hosts = chosen.packing().caps.length;
        Hardware[] hw = SiteContext.repeat(h, hosts);
        Placement placement = ctx.assembly.placement(hw, chosen.packing(), unplaced);
        Map<Dimension, Double> util = ctx.assembly.utilisation(placement);
        Dimension binding = PlacementAssembly.binding(util);
        FailureCheck fc = ctx.text.failureCheck(chosen, placement);
        String reason;
        if (good == null) {
            reason = ctx.cluster && placement.unplaced().size() == unplaced.size()
                    ? "no cluster of up to " + hosts + " hosts survives " + ctx.k + " host failure(s)"
                    : placement.unplaced().size() + " instance(s) do not fit (see unplaced)";
        } else {
            reason = ctx.text.whyNotFewer(h, hosts, lb, inst, tried);
            if (!unplaced.isEmpty()) {
                reason = (reason.isEmpty() ? "" : reason + "; ") + unplaced.size() + " instance(s) do not fit " + h.id() + " (see unplaced)";
            }
        }
        String binds = binding == null ? "" : ": " + binding.id() + " binds at " + pct(util.get(binding));
        Explanation cephCap = null;
        int[] included = ctx.countsOf(inst[0]);
        if (ctx.cephCapacityApplies(h, included)) {
            double usable = ctx.cephUsableBytes(hw);
            double stored = ctx.cephStoredBytes(included);
            double share = usable > 0 ? stored / usable : Double.POSITIVE_INFINITY;
            cephCap = new Explanation("Ceph usable capacity", usable / TIB, "TiB",
                    "(" + hosts + " hosts x " + num(SiteContext.hostRawBytes(h) / 1e12) + " TB raw - largest host " + num(SiteContext.hostRawBytes(h) / 1e12)
                            + " TB) / " + num(CephCapacity.overhead(ctx.p.ceph())) + " (" + ctx.p.ceph().describe() + ") x nearfull "
                            + num(ctx.p.ceph().nearfullRatio()) + " = " + tib(usable) + " TiB; instance disks " + tib(stored)
                            + " TiB = " + pct(share), StoragePlanner.CITE_RESERVE + "; " + StoragePlanner.CITE_FULL);
            if (binding == null || share > util.get(binding)) {
                binds = ": Ceph usable capacity binds at " + pct(share) + " (" + tib(stored) + " of " + tib(usable) + " TiB)";
            }
        }
        String explanation = hosts + " host" + (hosts == 1 ? "" : "s") + binds + (reason.isEmpty() ? "" : "; " + reason);
        List<Explanation> formulas = new ArrayList<>(CapacityModel.explainCapacity(h, ctx.p, ctx.network));
        if (cephCap != null) {
            formulas.add(cephCap);
        }
        formulas.add(new Explanation("hostsLowerBound", lb.value(), "hosts", lb.formula(),
                "per-dimension volume after losing the k largest hosts; anti-affine replicas need distinct hosts"));
        if (binding != null) {
            formulas.add(ctx.assembly.utilFormula(placement, binding));
        }
        Map<String, Integer> byHw = new LinkedHashMap<>();
        byHw.put(h.id(), hosts);
        return new SizingOption(false, byHw, hosts, lb.value(), feasible, placement, util, binding, fc, explanation,
                formulas, ctx.costOf(byHw, Map.of(h.id(), h), cost), 0);
    }

    /**
     * Binary search over host counts {@code l..r} (a count that holds implies every larger one does): the fewest that
     * holds, or -1 when none in the range does. Every attempt is recorded in {@code tried}.
     */
    int fewestThatHold(Hardware h, int l, int r, Instances[] inst, FirstFit[] ff, Map<Integer, Attempt> tried) {
        int fewest = -1;
        while (l <= r) {
            int mid = (l + r) >>> 1;
            Attempt a = ctx.attempts.attempt(SiteContext.repeat(h, mid), inst, ff);
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
}
