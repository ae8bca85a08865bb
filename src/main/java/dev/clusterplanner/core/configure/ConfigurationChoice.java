package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.sizing.HomogeneousSizing;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;

import java.util.ArrayList;
import java.util.List;

/**
 * The configure-to-order choice of a site, made once per analysis before the sizing: for every candidate with options,
 * its non-dominated configurations ({@link Configurations}) are each sized as a homogeneous cluster and the cheapest
 * feasible one is kept (ties: fewer hosts, then the listing order, as shipped first); that configuration's row replaces
 * the candidate, so the sizing, the cost model, the simulation and every export read the same chosen row. A candidate
 * none of whose configurations fits or has a price stays as shipped. Stock limits hold: every configuration of a row
 * draws on the row's stock, so a configuration that needs more hosts than in stock does not fit (and fewer, larger
 * hosts may).
 */
public final class ConfigurationChoice {

    /** Most configurations sized per candidate (the cheapest per host first); a cap is said in the explanation. */
    public static final int MAX_TRIED = 32;

    /**
     * The choice for one candidate.
     *
     * @param chosen      the configuration kept (as shipped when nothing better fits)
     * @param sizing      its homogeneous sizing
     * @param asShipped   the row as shipped, sized the same way (null when the row itself was not tried)
     * @param tried       configurations sized
     * @param offered     non-dominated configurations (more than {@code tried} when capped)
     * @param explanation which configuration and why (follows the option's own sizing sentence)
     */
    public record Chosen(Configuration chosen, SizingOption sizing, SizingOption asShipped, int tried, int offered,
                         String explanation) {
    }

    /** The site's candidates after the choice (same order) and the choice made for each candidate that has options. */
    public record Result(List<Hardware> candidates, List<Chosen> chosen) {
        public Result {
            candidates = List.copyOf(candidates);
            chosen = List.copyOf(chosen);
        }

        /** The choice made for a (configured or as-shipped) row id, or null. */
        public Chosen of(String rowId) {
            return chosen.stream().filter(c -> c.chosen().row().id().equals(rowId)).findFirst().orElse(null);
        }
    }

    private ConfigurationChoice() {
    }

    /** The configurations of every candidate with options, sized for this site; the site and candidates must pass the sizing's check. */
    public static Result choose(Site site, List<Hardware> candidates, Catalog catalog, HostCost cost) {
        List<Hardware> out = new ArrayList<>();
        List<Chosen> chosen = new ArrayList<>();
        for (Hardware h : candidates) {
            if (catalog.options(h.id()).isEmpty()) {
                out.add(h);
                // a configuration the plan names itself: kept as named, its choices still shown
                Configurations.resolve(h.id(), catalog).filter(k -> !k.asShipped()).ifPresent(k -> chosen.add(named(site, k, cost)));
                continue;
            }
            Chosen c = choose(site, h, catalog, cost);
            out.add(c.chosen().row());
            chosen.add(c);
        }
        return new Result(out, chosen);
    }

    /**
     * The choice for one candidate with options. The row as shipped is sized first; then the other non-dominated
     * configurations, cheapest per host first, until one could not beat the best found even on the fewest hosts the
     * policy allows (per-host cost x floor; all later ones cost more), or {@link #MAX_TRIED} were sized.
     */
    public static Chosen choose(Site site, Hardware base, Catalog catalog, HostCost cost) {
        Configurations.Expansion all = Configurations.expand(base, catalog.options(base.id()), catalog.prices());
        List<Configuration> offered = Configurations.nonDominated(all.configurations(), site.policy(), cost);
        List<Configuration> order = new ArrayList<>(offered);
        order.removeIf(Configuration::asShipped);
        order.sort((a, b) -> Double.compare(cost.perHost(a.row()).getAsDouble(), cost.perHost(b.row()).getAsDouble()));
        HomogeneousSizing sizing = HomogeneousSizing.of(withStockOf(site, base, all.configurations()));
        Configuration shipped = all.configurations().get(0);
        SizingOption asShipped = sizing.size(shipped.row(), cost);
        Configuration pick = shipped;
        SizingOption best = better(asShipped, null) ? asShipped : null;
        int floor = floor(site);
        int tried = 1;
        boolean capped = all.capped();
        int skipped = 0;
        for (int i = 0; i < order.size(); i++) {
            Configuration c = order.get(i);
            if (best != null && cost.perHost(c.row()).getAsDouble() * floor > best.costUsd() + 0.005) {
                skipped = order.size() - i; // sorted by cost per host: none of the rest can be cheaper either
                break;
            }
            if (tried >= MAX_TRIED) {
                capped = true;
                break;
            }
            SizingOption s = sizing.size(c.row(), cost);
            tried++;
            if (better(s, best)) {
                best = s;
                pick = c;
            }
        }
        SizingOption chosen = best == null ? asShipped : best;
        String text = explain(pick, chosen, asShipped, tried, skipped, offered.size(), capped);
        return new Chosen(pick, chosen, asShipped, tried, offered.size(), text);
    }

    /** A configuration the plan names as a candidate: sized as it is, beside its row as shipped for the explanation. */
    static Chosen named(Site site, Configuration k, HostCost cost) {
        HomogeneousSizing sizing = HomogeneousSizing.of(site);
        SizingOption s = sizing.size(k.row(), cost);
        SizingOption shipped = sizing.size(k.base(), cost);
        String text = explain(k, s, shipped, 1, 0, 1, false).replaceFirst("; 1 of 1 configuration sized$", "; the plan names this configuration");
        return new Chosen(k, s, shipped, 1, 1, text);
    }

    /** The site with its stock override of a row (if any) holding for every configuration of the row too. */
    static Site withStockOf(Site site, Hardware base, List<Configuration> configurations) {
        Integer stock = site.available().get(base.id());
        if (stock == null) {
            return site;
        }
        java.util.Map<String, Integer> available = new java.util.LinkedHashMap<>(site.available());
        configurations.forEach(c -> available.put(c.row().id(), stock));
        return site.withAvailable(available);
    }

    /** The fewest hosts the policy allows: its minimum, and under Ceph the copies' (or chunks') hosts. */
    static int floor(Site site) {
        Policy p = site.policy();
        int f = Math.max(1, p.minHosts());
        return p.storageMode() == StorageMode.CEPH ? Math.max(f, CephCapacity.protectionWidth(p.ceph())) : f;
    }

    /** The rule: feasible and priced beats not; then lower cost; then fewer hosts; else the earlier one stays. */
    static boolean better(SizingOption a, SizingOption best) {
        if (!a.feasible() || a.costUsd() == null) {
            return false;
        }
        if (best == null) {
            return true;
        }
        int byCost = Double.compare(round(a.costUsd()), round(best.costUsd()));
        return byCost < 0 || byCost == 0 && a.hosts() < best.hosts();
    }

    private static double round(double usd) {
        return Math.round(usd * 100) / 100.0; // cents: float noise never decides
    }

    private static int indexOfShipped(List<Configuration> tried) {
        for (int i = 0; i < tried.size(); i++) {
            if (tried.get(i).asShipped()) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Which configuration and why, as a note the option's own sizing sentence is followed by: "configured with 2 x 3.84 TB
     * NVMe (+52.80 USD a month per host): as shipped 12 hosts were needed (...), 161,280 against 66,432 USD over the
     * horizon; 3 of 3 configurations sized", or "as shipped: no configuration of X fits for less; ...".
     */
    static String explain(Configuration pick, SizingOption chosen, SizingOption asShipped, int tried, int skipped, int offered,
                          boolean capped) {
        String triedText = tried + " of " + offered + " configuration" + (offered == 1 ? "" : "s") + " sized"
                + (skipped > 0 ? " (" + skipped + " cost more per host than the best answer could save)" : "")
                + (capped ? " (capped at " + MAX_TRIED + " sized; further combinations were not tried)" : "");
        if (pick.asShipped()) {
            return "as shipped: no configuration of " + pick.base().id() + " fits for less; " + triedText;
        }
        String adds = pick.base().rented() ? "+" + Configurations.money(pick.addedMonthlyUsd()) + " USD a month per host"
                : "+" + Configurations.money(pick.addedUsd()) + " USD per host";
        String shipped = asShipped.feasible()
                ? "as shipped " + asShipped.hosts() + " host" + (asShipped.hosts() == 1 ? " was" : "s were") + " needed ("
                + asShipped.explanation() + ")" + (asShipped.costUsd() != null && chosen.costUsd() != null
                ? ", " + Configurations.money(Math.round(asShipped.costUsd())) + " against " + Configurations.money(Math.round(chosen.costUsd()))
                + " USD of purchase, setup and rent over the horizon (how options are ranked; the cost model adds power,"
                + " colocation, support and growth)" : "")
                : "as shipped it does not fit (" + asShipped.explanation() + ")";
        return "configured with " + pick.summary() + " (" + adds + "): " + shipped + "; " + triedText;
    }
}
