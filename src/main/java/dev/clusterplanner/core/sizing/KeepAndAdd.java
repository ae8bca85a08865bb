package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.sizing.Attempts.Attempt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.clusterplanner.core.sizing.Sizer.maxCap;
import static dev.clusterplanner.core.sizing.SizingText.pct;

/**
 * "Keep and add": the hosts the organisation already owns, plus the fewest new hosts of one candidate (possibly none)
 * on which every instance is placed and the failure check holds (the sizing engine's own rule: {@link Attempts}, the
 * same strategies and failure check as every other option). Owned hosts cost no purchase in the ranking: their share of
 * the option's cost is {@link HostCost#runningPerHost}.
 * <p>
 * Search: from the fewest new hosts the floors (minHosts, Ceph size, anti-affinity), the volume after losing the k
 * largest hosts and the Ceph capacity allow, one count after the other; after {@link #LINEAR_TRIES} counts, galloping
 * then a binary search back, as the homogeneous search does.
 */
final class KeepAndAdd {

    /** Counts tried one by one before galloping. */
    static final int LINEAR_TRIES = 6;

    private final SiteContext ctx;

    KeepAndAdd(SiteContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The keep-and-add options of a site: one per candidate that is bought (desktop or rack: rented and cloud hosts do
     * not join a cluster of hosts on the organisation's premises), the owned hosts alone at most once (when they carry
     * everything, every candidate gives the same option). None for a single-host site or without owned hosts.
     */
    static List<SizingOption> options(SiteContext ctx, List<Hardware> owned, List<Hardware> candidates, HostCost cost) {
        List<SizingOption> out = new ArrayList<>();
        if (owned.isEmpty() || !ctx.cluster) {
            return out;
        }
        KeepAndAdd k = new KeepAndAdd(ctx);
        boolean alone = false;
        for (Hardware x : candidates) {
            if (!x.category().isOwned()) {
                continue;
            }
            Optional<SizingOption> o = k.option(owned, x, cost);
            if (o.isEmpty()) {
                continue;
            }
            boolean none = o.get().ownedHosts() == o.get().hosts();
            if (none && alone) {
                continue;
            }
            alone |= none;
            out.add(o.get());
        }
        return out;
    }

    /**
     * Why a site with owned hosts has no keep-and-add option, as a finding (empty when it has one or owns nothing):
     * a single-host site, no candidate that is bought, or no count of new hosts that places everything and heals.
     */
    static List<dev.clusterplanner.core.model.Finding> findings(SiteContext ctx, List<Hardware> owned, List<Hardware> candidates,
                                                              List<SizingOption> keep) {
        if (owned.isEmpty() || !keep.isEmpty()) {
            return List.of();
        }
        String why;
        if (!ctx.cluster) {
            why = "site '" + ctx.site.name() + "' is a " + ctx.site.kind().id() + " (one host): its owned hosts are not planned around;"
                    + " make it a cluster to compare keeping them with replacing them";
        } else if (candidates.stream().noneMatch(h -> h.category().isOwned())) {
            why = "site '" + ctx.site.name() + "' has no candidate that is bought (desktop or rack): rented and cloud hosts do not join"
                    + " the owned hosts, so there is no keep-and-add option";
        } else {
            why = "site '" + ctx.site.name() + "': no number of new hosts of a bought candidate (within its stock) added to the "
                    + owned.size() + " owned places every instance and survives the failures tolerated";
        }
        return List.of(dev.clusterplanner.core.model.Finding.info("sizing.owned-not-kept", why, ""));
    }

    /**
     * The keep-and-add option of {@code owned} (one entry per owned host) plus new hosts of {@code x}; empty when no count
     * up to the search limit places everything and heals.
     */
    Optional<SizingOption> option(List<Hardware> owned, Hardware x, HostCost cost) {
        int[] include = new int[ctx.ws.size()];
        List<UnplacedInstance> unplaced = new ArrayList<>();
        List<Hardware> kinds = new ArrayList<>(owned);
        kinds.add(x);
        for (int w = 0; w < ctx.ws.size(); w++) {
            String why = null;
            boolean fits = false;
            for (Hardware h : kinds) {
                String r = ctx.tooBig(w, h);
                if (r == null) {
                    fits = true;
                    break;
                }
                why = why == null ? r : why;
            }
            if (fits) {
                include[w] = ctx.ws.get(w).count();
            } else {
                for (int j = 1; j <= ctx.ws.get(w).count(); j++) {
                    unplaced.add(new UnplacedInstance(ctx.ws.get(w).instanceName(j), ctx.ws.get(w).name(), "capacity.too-big", why));
                }
            }
        }
        int m0 = fewestByBounds(owned, x, include);
        if (m0 < 0) {
            return Optional.empty();
        }
        // limited stock (decision 0281) bounds the new hosts only: the owned ones are not bought
        int limit = (int) Math.min((long) m0 + ctx.placed(include) + ctx.k + CapacityModel.MON_MGR_HOSTS, ctx.stock.of(x));
        if (m0 > limit) {
            return Optional.empty();
        }
        Attempt good = null;
        int goodM = -1;
        int bad = m0 - 1;
        int m = m0;
        int tries = 0;
        Map<Integer, Attempt> tried = new LinkedHashMap<>();
        Map<Integer, Hardware[]> rows = new LinkedHashMap<>();
        // linear, then galloping: the first count that passes
        while (m <= limit) {
            Hardware[] hosts = row(owned, x, m);
            Attempt a = ctx.attempts.attempt(hosts, ctx.orders(include, maxCap(ctx.caps(hosts))));
            tried.put(m, a);
            rows.put(m, hosts);
            tries++;
            if (a.ok()) {
                good = a;
                goodM = m;
                break;
            }
            bad = m;
            m = tries < LINEAR_TRIES ? m + 1 : Math.min(limit + (m == limit ? 1 : 0), m + (1 << (tries - LINEAR_TRIES + 1)));
        }
        if (good == null) {
            return Optional.empty();
        }
        // binary search between the last failing and the first passing count
        int lo = bad + 1;
        int hi = goodM;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Hardware[] hosts = row(owned, x, mid);
            Attempt a = tried.containsKey(mid) ? tried.get(mid) : ctx.attempts.attempt(hosts, ctx.orders(include, maxCap(ctx.caps(hosts))));
            if (a.ok()) {
                hi = mid;
                good = a;
                goodM = mid;
                rows.put(mid, hosts);
            } else {
                lo = mid + 1;
            }
        }
        Hardware[] hosts = rows.get(goodM);
        good = ctx.attempts.balanced(good);
        Placement placement = named(ctx.assembly.placement(hosts, good.packing(), unplaced), owned, x, goodM);
        Map<Dimension, Double> util = ctx.assembly.utilisation(placement);
        Dimension binding = PlacementAssembly.binding(util);
        Map<String, Integer> byHw = new LinkedHashMap<>();
        Map<String, Integer> ownedByHw = new LinkedHashMap<>();
        Map<String, Hardware> hwById = new LinkedHashMap<>();
        for (Hardware h : owned) {
            ownedByHw.merge(h.id(), 1, Integer::sum);
            byHw.merge(h.id(), 1, Integer::sum);
            hwById.put(h.id(), h);
        }
        if (goodM > 0) {
            byHw.merge(x.id(), goodM, Integer::sum);
            hwById.put(x.id(), x);
        }
        Double total = costOf(owned, x, goodM, cost);
        String label = label(owned, x, goodM);
        int hostCount = owned.size() + goodM;
        String explanation = label + ", " + hostCount + " host" + (hostCount == 1 ? "" : "s") + ": " + (binding == null ? "" : binding.id() + " binds at " + pct(util.get(binding)) + "; ")
                + (goodM == 0 ? "the owned hosts carry the whole load" : whyNotFewer(goodM, tried))
                + "; the owned hosts cost no purchase";
        List<Explanation> formulas = new ArrayList<>();
        for (Hardware h : hwById.values()) {
            formulas.addAll(CapacityModel.explainCapacity(h, ctx.p));
        }
        formulas.add(new Explanation("new hosts", goodM, "hosts", "the fewest hosts of " + x.id() + " added to the " + owned.size()
                + " owned on which every instance is placed and the failure check holds (tried from " + m0 + ", the fewest the"
                + " floors, the volume after losing the " + ctx.k + " largest hosts and the Ceph capacity allow)", ""));
        if (binding != null) {
            formulas.add(ctx.assembly.utilFormula(placement, binding));
        }
        boolean feasible = placement.unplaced().isEmpty();
        return Optional.of(new SizingOption(true, byHw, hosts.length, owned.size() + m0, feasible, placement, util, binding,
                ctx.text.failureCheck(good, placement), explanation, formulas, total, 0, ownedByHw));
    }

    /**
     * With owned hosts, a homogeneous option is "replace": its explanation says so ("replace with 3 x: ...");
     * every other option is returned as it is.
     */
    static SizingOption asReplace(SizingOption o, List<Hardware> owned) {
        if (owned.isEmpty() || o.mixed() || o.keepAndAdd()) {
            return o;
        }
        String text = "replace with " + o.hosts() + " " + o.hardwareIds().get(0) + " (the owned hosts are not kept): " + o.explanation();
        return new SizingOption(o.mixed(), o.hostsByHardware(), o.hosts(), o.hostsLowerBound(), o.feasible(), o.placement(),
                o.utilisation(), o.binding(), o.failureCheck(), text, o.formulas(), o.costUsd(), o.rank(), o.ownedByHardware());
    }

    /** "keep 2 owned Meerkat + add 1 Supermicro", or "keep the 2 owned Meerkat (no new hosts)". */
    static String label(List<Hardware> owned, Hardware x, int added) {
        Map<String, Integer> names = new LinkedHashMap<>();
        owned.forEach(h -> names.merge(h.id(), 1, Integer::sum));
        StringBuilder kept = new StringBuilder();
        names.forEach((n, c) -> kept.append(kept.length() == 0 ? "" : " and ").append(c).append(" owned ").append(n));
        return added == 0 ? "keep the " + kept + " (no new hosts)" : "keep " + kept + " + add " + added + " " + x.id();
    }

    private String whyNotFewer(int m, Map<Integer, Attempt> tried) {
        Attempt fewer = tried.get(m - 1);
        if (fewer == null) {
            return m + " new host" + (m == 1 ? "" : "s") + " is the fewest the floors and volume allow";
        }
        if (!fewer.placedAll()) {
            return (m - 1) + " new would not hold the load";
        }
        return (m - 1) + " new would hold the load but not after " + SizingText.failures(ctx.k);
    }

    /** Horizon cost for ranking: the owned hosts' running part only, plus the new hosts in full. */
    static Double costOf(List<Hardware> owned, Hardware x, int added, HostCost cost) {
        double sum = 0;
        for (Hardware h : owned) {
            var r = cost.runningPerHost(h);
            if (r.isEmpty()) {
                return null;
            }
            sum += r.getAsDouble();
        }
        if (added > 0) {
            var c = cost.perHost(x);
            if (c.isEmpty()) {
                return null;
            }
            sum += added * c.getAsDouble();
        }
        return sum;
    }

    /**
     * The owned hosts and m hosts of x in one row, the larger memory first (so the Ceph monitors land on the larger hosts,
     * as in a mix); owned before new at equal memory.
     */
    Hardware[] row(List<Hardware> owned, Hardware x, int m) {
        Integer[] idx = order(owned, x, m);
        Hardware[] sorted = new Hardware[idx.length];
        for (int i = 0; i < idx.length; i++) {
            sorted[i] = idx[i] < owned.size() ? owned.get(idx[i]) : x;
        }
        return sorted;
    }

    /** Positions in {@link #row}: entry i is the index of that host in owned followed by the m new ones. */
    private Integer[] order(List<Hardware> owned, Hardware x, int m) {
        int n = owned.size() + m;
        double[] mem = new double[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            mem[i] = ctx.capRows(i < owned.size() ? owned.get(i) : x)[1][Dimension.MEMORY.ordinal()];
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -mem[i]).thenComparingInt(i -> i));
        return idx;
    }

    /** The placement with the owned hosts named owned-1.. and the new ones host-1.. (positions as in the row). */
    private Placement named(Placement p, List<Hardware> owned, Hardware x, int m) {
        Integer[] idx = order(owned, x, m);
        List<PlacedHost> out = new ArrayList<>();
        int o = 0;
        int n = 0;
        for (int i = 0; i < p.hosts().size(); i++) {
            PlacedHost h = p.hosts().get(i);
            String name = idx[i] < owned.size() ? "owned-" + (++o) : "host-" + (++n);
            out.add(new PlacedHost(name, h.hardwareId(), h.instances(), h.used(), h.capacity(), idx[i] < owned.size()));
        }
        return new Placement(out, p.unplaced());
    }

    /**
     * The fewest new hosts of x that the floors, the volume after losing the k largest and the Ceph capacity allow
     * (a necessary condition, never sufficient); -1 when even the search limit does not.
     */
    int fewestByBounds(List<Hardware> owned, Hardware x, int[] include) {
        String[] who = new String[1];
        int floor = Math.max(Math.max(ctx.minHosts, ctx.cephFloor), ctx.aaBound(include, who));
        double[] t = ctx.total(include);
        double stored = ctx.cluster && ctx.p.storageMode() == StorageMode.CEPH ? ctx.cephStoredBytes(include) : 0;
        int lo = Math.max(0, floor - owned.size());
        int hi = lo + ctx.placed(include) + ctx.k + CapacityModel.MON_MGR_HOSTS;
        if (!boundsHold(owned, x, hi, t, stored)) {
            return -1;
        }
        // more hosts of x never lower the volume after failures or the Ceph capacity: a binary search finds the fewest
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (boundsHold(owned, x, mid, t, stored)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private boolean boundsHold(List<Hardware> owned, Hardware x, int m, double[] t, double stored) {
        Hardware[] hosts = row(owned, x, m);
        if (hosts.length == 0 || !ctx.volumeHolds(ctx.caps(hosts), t, null)) {
            return false;
        }
        return stored <= 0 || CapacityModel.isCloud(x) || ctx.cephUsableBytes(hosts) >= stored;
    }
}
