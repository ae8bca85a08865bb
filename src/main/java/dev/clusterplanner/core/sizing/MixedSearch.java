package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.capacity.FailureHeadroom;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.sizing.Attempts.Attempt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.clusterplanner.core.sizing.Sizer.MIXED_ATTEMPT_BUDGET;
import static dev.clusterplanner.core.sizing.Sizer.maxCap;
import static dev.clusterplanner.core.sizing.SizingText.failures;
import static dev.clusterplanner.core.sizing.SizingText.pct;
import static dev.clusterplanner.core.sizing.SizingText.usd;

/**
 * The mixed-fleet search: from the cheapest feasible homogeneous cluster, replace some of its hosts with the fewest hosts
 * of another priced candidate that the volume after failures ({@code FailureHeadroom}) and the Ceph capacity
 * ({@code CephCapacity}) allow, and keep the cheapest mix that places everything and heals.
 */
final class MixedSearch {

    private final SiteContext ctx;

    MixedSearch(SiteContext ctx) {
        this.ctx = ctx;
    }

    // -------------------------------------------------------------- mixed

    Optional<SizingOption> mixed(List<Hardware> candidates, List<SizingOption> homogeneous, HostCost cost) {
        if (!ctx.cluster || candidates.size() < 2) {
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
        int[] all = ctx.counts();
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
                    Instances[] inst = ctx.orders(all, maxCap(ctx.caps(hosts)));
                    budget--;
                    Attempt at = ctx.attempts.attempt(hosts, inst);
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
        bestAttempt = ctx.attempts.balanced(bestAttempt);
        Placement placement = ctx.assembly.placement(bestHosts, bestAttempt.packing(), List.of());
        Map<Dimension, Double> util = ctx.assembly.utilisation(placement);
        Dimension binding = PlacementAssembly.binding(util);
        Map<String, Integer> byHw = new LinkedHashMap<>();
        Map<String, Hardware> hwById = new LinkedHashMap<>();
        for (Hardware h : bestHosts) {
            byHw.merge(h.id(), 1, Integer::sum);
            hwById.put(h.id(), h);
        }
        Double total = ctx.costOf(byHw, hwById, cost);
        double saved = homogeneous.get(baseIdx).costUsd() - (total == null ? 0 : total);
        StringBuilder mix = new StringBuilder();
        byHw.forEach((id, cnt) -> mix.append(mix.length() == 0 ? "" : " + ").append(cnt).append(" x ").append(id));
        String explanation = bestHosts.length + " hosts (" + mix + "): " + (binding == null ? "" : binding.id() + " binds at " + pct(util.get(binding)) + "; ")
                + "saves " + usd(saved) + " USD over " + nA + " x " + a.id();
        List<Explanation> formulas = new ArrayList<>();
        for (Hardware h : hwById.values()) {
            formulas.addAll(CapacityModel.explainCapacity(h, ctx.p));
        }
        formulas.add(new Explanation("hostsLowerBound", bestLb, "hosts", "fewest hosts of this mix whose volume after losing the "
                + ctx.k + " largest holds the load, at least max(minHosts, Ceph size, anti-affinity replicas + k)", ""));
        if (binding != null) {
            formulas.add(ctx.assembly.utilFormula(placement, binding));
        }
        return Optional.of(new SizingOption(true, byHw, bestHosts.length, bestLb, true, placement, util, binding,
                ctx.text.failureCheck(bestAttempt, placement), explanation, formulas, total, 0));
    }

    /** Hosts of a mix in order: the type with more memory first, so the Ceph monitors land on the larger hosts. */
    Hardware[] mixOrder(Hardware a, int na, Hardware b, int nb) {
        double ma = CapacityModel.capacity(a, ctx.p, CapacityModel.MON_MGR_HOSTS)[Dimension.MEMORY.ordinal()];
        double mb = CapacityModel.capacity(b, ctx.p, CapacityModel.MON_MGR_HOSTS)[Dimension.MEMORY.ordinal()];
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
        int floor = Math.max(Math.max(ctx.minHosts, ctx.cephFloor), ctx.aaBound(include, who));
        double[] t = ctx.total(include);
        int lo = Math.max(0, floor - na);
        int hi = lo + ctx.placed(include) + ctx.k + CapacityModel.MON_MGR_HOSTS;
        double ma = ctx.capRows(a)[1][Dimension.MEMORY.ordinal()];
        double mb = ctx.capRows(b)[1][Dimension.MEMORY.ordinal()];
        boolean aFirst = ma >= mb;
        double[][] rx = ctx.capRows(aFirst ? a : b);
        double[][] ry = ctx.capRows(aFirst ? b : a);
        double stored = ctx.cluster && ctx.p.storageMode() == StorageMode.CEPH ? ctx.cephStoredBytes(include) : 0;
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
        return CephCapacity.holds(a, na, b, nb, stored, ctx.p.ceph());
    }

    /**
     * {@link SiteContext#volumeHolds} for the row of {@link #mixOrder}: nx hosts of capacity rows rx, then ny of ry, without building
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
            if (!FailureHeadroom.covers(FailureHeadroom.afterLosingLargest(column, cnt, ctx.k), t[d])) {
                return false;
            }
        }
        return true;
    }
}
