package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
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
 * none of whose configurations fits or has a price stays as shipped.
 */
public final class ConfigurationChoice {

    /** Most configurations sized per candidate; the cheapest by price per host are tried first, and a cap is said. */
    public static final int MAX_TRIED = 32;

    /**
     * The choice for one candidate.
     *
     * @param chosen      the configuration kept (as shipped when nothing better fits)
     * @param sizing      its homogeneous sizing
     * @param asShipped   the row as shipped, sized the same way (null when the row itself was not tried)
     * @param tried       configurations sized
     * @param offered     non-dominated configurations (more than {@code tried} when capped)
     * @param explanation which configuration and why, in one sentence
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
                continue;
            }
            Chosen c = choose(site, h, catalog, cost);
            out.add(c.chosen().row());
            chosen.add(c);
        }
        return new Result(out, chosen);
    }

    /** The choice for one candidate with options. */
    public static Chosen choose(Site site, Hardware base, Catalog catalog, HostCost cost) {
        Configurations.Expansion all = Configurations.expand(base, catalog.options(base.id()), catalog.prices());
        List<Configuration> offered = Configurations.nonDominated(all.configurations(), site.policy(), cost);
        List<Configuration> tried = new ArrayList<>(offered);
        // cheapest per host first (as shipped, when kept, is the cheapest), so a cap drops the dearest
        tried.sort((a, b) -> Double.compare(cost.perHost(a.row()).orElse(Double.MAX_VALUE), cost.perHost(b.row()).orElse(Double.MAX_VALUE)));
        boolean capped = tried.size() > MAX_TRIED || all.capped();
        if (tried.size() > MAX_TRIED) {
            tried = new ArrayList<>(tried.subList(0, MAX_TRIED));
        }
        Configuration shipped = all.configurations().get(0);
        if (tried.stream().noneMatch(Configuration::asShipped)) {
            tried.add(0, shipped); // the row as shipped is always sized: the comparison the explanation makes
        }
        List<SizingOption> sized = HomogeneousSizing.each(site, tried.stream().map(Configuration::row).toList(), cost);
        int best = -1;
        for (int i = 0; i < tried.size(); i++) {
            if (better(sized.get(i), best < 0 ? null : sized.get(best))) {
                best = i;
            }
        }
        int shippedAt = indexOfShipped(tried);
        SizingOption asShipped = sized.get(shippedAt);
        if (best < 0) {
            best = shippedAt;
        }
        Configuration pick = tried.get(best);
        String text = explain(pick, sized.get(best), asShipped, tried.size(), offered.size(), capped);
        return new Chosen(pick, sized.get(best), asShipped, tried.size(), offered.size(), text);
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
     * "4 hosts with 4 x 3.84 TB NVMe (+140.80 USD a month per host): as shipped 12 hosts: ceph capacity binds ...;
     * 3 configurations tried".
     */
    static String explain(Configuration pick, SizingOption chosen, SizingOption asShipped, int tried, int offered, boolean capped) {
        String n = chosen.hosts() + " host" + (chosen.hosts() == 1 ? "" : "s");
        String triedText = tried + " configuration" + (tried == 1 ? "" : "s") + " tried"
                + (capped ? " (capped: " + offered + " non-dominated ones offered, the " + tried + " cheapest per host sized)" : "");
        if (pick.asShipped()) {
            return n + " as shipped: no configuration of " + pick.base().id() + " fits for less (" + triedText + ")";
        }
        String adds = pick.base().rented() ? "+" + Configurations.money(pick.addedMonthlyUsd()) + " USD a month per host"
                : "+" + Configurations.money(pick.addedUsd()) + " USD per host";
        String shipped = asShipped.feasible()
                ? "as shipped " + asShipped.hosts() + " host" + (asShipped.hosts() == 1 ? "" : "s") + " were needed ("
                + asShipped.explanation() + ")" + (asShipped.costUsd() != null && chosen.costUsd() != null
                ? ", " + Configurations.money(Math.round(asShipped.costUsd())) + " against " + Configurations.money(Math.round(chosen.costUsd()))
                + " USD over the horizon" : "")
                : "as shipped it does not fit (" + asShipped.explanation() + ")";
        return n + " with " + pick.summary() + " (" + adds + "): " + shipped + "; " + triedText;
    }
}
