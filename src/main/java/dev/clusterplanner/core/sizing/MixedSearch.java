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

    /**
     * The cheapest mix of two candidates that places everything, heals, and keeps each row within its stock. Bases: the
     * cheapest feasible homogeneous option (some of its hosts replaced by another row's), and every row short only of
     * stock (at most its stock kept, another row filling the rest).
     */
    Optional<SizingOption> mixed(List<Hardware> candidates, List<SizingOption> homogeneous, HostCost cost) {
        if (!ctx.cluster || candidates.size() < 2) {
            return Optional.empty();
        }
        int cheapest = -1;
        List<Integer> bases = new ArrayList<>();
        for (int i = 0; i < homogeneous.size(); i++) {
            SizingOption o = homogeneous.get(i);
            if (o.costUsd() == null) {
                continue;
            }
            if (o.feasible() && (cheapest < 0 || o.costUsd() < homogeneous.get(cheapest).costUsd())) {
                cheapest = i;
            } else if (ctx.stock.shortOnly(o)) {
                bases.add(i);
            }
        }
        if (cheapest >= 0) {
            bases.add(cheapest);
        }
        if (bases.isEmpty()) {
            return Optional.empty();
        }
        bases.sort(java.util.Comparator.comparingDouble(i -> homogeneous.get(i).costUsd()));
        double best = cheapest >= 0 ? homogeneous.get(cheapest).costUsd() : Double.POSITIVE_INFINITY;
        int budget = MIXED_ATTEMPT_BUDGET * (bases.size() > 1 ? 2 : 1);
        Hardware[] bestHosts = null;
        Attempt bestAttempt = null;
        int bestLb = 0;
        int bestBase = -1;
        int[] all = ctx.counts();
        for (int baseIdx : bases) {
            Hardware a = candidates.get(baseIdx);
            int nA = homogeneous.get(baseIdx).hosts();
            double cA = cost.perHost(a).getAsDouble();
            int jMin = Math.max(1, nA - ctx.stock.of(a));
            for (Hardware b : candidates) {
                OptionalDouble cb = cost.perHost(b);
                if (b == a || cb.isEmpty() || b.id().equals(a.id())) {
                    continue;
                }
                int stockB = ctx.stock.of(b);
                boolean isShort = !homogeneous.get(baseIdx).feasible();
                for (int j = jMin; j < nA && budget > 0; j = j < jMin + 3 ? j + 1 : j + j / 2) {
                    int keep = nA - j;
                    int m0 = minMixed(a, keep, b, all);
                    if (m0 < 0 || m0 == 0 && !isShort) {
                        continue;
                    }
                    m0 = Math.max(1, m0); // a row short of stock: its hosts alone would hold the volume, not heal
                    if (m0 > stockB) {
                        break; // fewer hosts of a need still more of b
                    }
                    for (int m = m0; m <= Math.min(stockB, m0 + 1) && budget > 0; m++) {
                        double c = keep * cA + m * cb.getAsDouble();
                        if (c >= best - 1e-6) {
                            break;
                        }
                        Hardware[] hosts = mixOrder(a, keep, b, m);
                        budget--;
                        Attempt at = ctx.attempts.attempt(hosts, ctx.orders(all, maxCap(ctx.caps(hosts))));
                        if (at.ok()) {
                            best = c;
                            bestHosts = hosts;
                            bestAttempt = at;
                            bestLb = keep + m0;
                            bestBase = baseIdx;
                            break;
                        }
                    }
                }
            }
        }
        if (bestHosts == null) {
            return Optional.empty();
        }
        SizingOption base = homogeneous.get(bestBase);
        Hardware a = candidates.get(bestBase);
        SizingOption cheapestOption = cheapest >= 0 ? homogeneous.get(cheapest) : null;
        String cheapestId = cheapest >= 0 ? candidates.get(cheapest).id() : null;
        return Optional.of(option(bestHosts, bestAttempt, bestLb, total -> {
            String saves = cheapestOption == null || total == null ? ""
                    : "saves " + usd(cheapestOption.costUsd() - total) + " USD over " + cheapestOption.hosts() + " x " + cheapestId;
            return base.feasible() ? saves
                    : a.id() + " alone " + ctx.stock.shortText(a, base.hosts()) + (saves.isEmpty() ? "" : "; " + saves);
        }, cost));
    }

    /**
     * The mixed option of a row of hosts on which {@code at} places everything and heals: its placement (re-spread when
     * that too heals), utilisation, cost and explanation. {@code against} gives, from the mix's cost (null when a price
     * is missing), the comparison its explanation ends with.
     */
    SizingOption option(Hardware[] hosts, Attempt at, int lowerBound, java.util.function.Function<Double, String> against, HostCost cost) {
        Attempt chosen = ctx.attempts.balanced(at);
        Placement placement = ctx.assembly.placement(hosts, chosen.packing(), List.of());
        Map<Dimension, Double> util = ctx.assembly.utilisation(placement);
        Dimension binding = PlacementAssembly.binding(util);
        Map<String, Integer> byHw = new LinkedHashMap<>();
        Map<String, Hardware> hwById = new LinkedHashMap<>();
        for (Hardware h : hosts) {
            byHw.merge(h.id(), 1, Integer::sum);
            hwById.put(h.id(), h);
        }
        Double total = ctx.costOf(byHw, hwById, cost);
        StringBuilder mix = new StringBuilder();
        byHw.forEach((id, cnt) -> mix.append(mix.length() == 0 ? "" : " + ").append(cnt).append(" x ").append(id));
        String explanation = hosts.length + " hosts (" + mix + "): " + (binding == null ? "" : binding.id() + " binds at " + pct(util.get(binding)) + "; ")
                + against.apply(total);
        List<Explanation> formulas = new ArrayList<>();
        for (Hardware h : hwById.values()) {
            formulas.addAll(CapacityModel.explainCapacity(h, ctx.p, ctx.network));
        }
        formulas.add(new Explanation("hostsLowerBound", lowerBound, "hosts", "fewest hosts of this mix whose volume after losing the "
                + ctx.k + " largest holds the load, at least max(minHosts, Ceph size, anti-affinity replicas + k)", ""));
        if (binding != null) {
            formulas.add(ctx.assembly.utilFormula(placement, binding));
        }
        return new SizingOption(true, byHw, hosts.length, lowerBound, true, placement, util, binding,
                ctx.text.failureCheck(chosen, placement), explanation, formulas, total, 0);
    }

    /** Hosts of a mix in order: the type with more memory first, so the Ceph monitors land on the larger hosts. */
    Hardware[] mixOrder(Hardware a, int na, Hardware b, int nb) {
        double ma = ctx.capacity(a, CapacityModel.MON_MGR_HOSTS)[Dimension.MEMORY.ordinal()];
        double mb = ctx.capacity(b, CapacityModel.MON_MGR_HOSTS)[Dimension.MEMORY.ordinal()];
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
