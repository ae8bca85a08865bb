package dev.clusterplanner.app;

import dev.clusterplanner.core.configure.Configuration;
import dev.clusterplanner.core.configure.Configurations;
import dev.clusterplanner.core.fleet.FleetProblem;
import dev.clusterplanner.core.fleet.HostType;
import dev.clusterplanner.core.fleet.FleetProgress;
import dev.clusterplanner.core.fleet.FleetSettings;
import dev.clusterplanner.core.fleet.FleetSolution;
import dev.clusterplanner.core.fleet.FleetSolver;
import dev.clusterplanner.core.fleet.FleetSummary;
import dev.clusterplanner.core.fleet.SiteFleet;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The cheapest fleet of a site across all its hardware candidates at once (any number of types), for both front ends:
 * the site as a fleet problem ({@link SiteFleet}) costed by the same horizon cost the sizing engine ranks by
 * ({@link HostCost#simple}, the plan's months), solved by {@link FleetSolver} with progress and cancel. The answer goes
 * into the plan's analysis as one more option of its site ({@link PlanningService#analyse(Plan, Catalog, PolicyOverrides,
 * String, List)}), judged and ranked like the others.
 */
public final class FleetService {

    /** Longest time limit a user may ask for, in seconds (one hour). */
    public static final double MAX_SECONDS = 3600;

    /**
     * The site's fleet problem and its answer (hosts, cost, lower bound, gap, status).
     *
     * @param solved the site as it was solved (policy overrides applied): the analysis uses the answer only for an equal site,
     *               so an answer never outlives an edit of its site
     */
    public record Answer(String site, Site solved, List<Hardware> candidates, FleetProblem problem, FleetSolution solution,
                         FleetSummary summary) {
        public Answer {
            candidates = List.copyOf(candidates);
        }
    }

    /** The settings of a search of {@code seconds}: deterministic (budget in work units), seed 1. */
    public static FleetSettings settings(double seconds) {
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("the time limit of the cheapest-fleet search must be more than 0 and at most "
                    + (int) MAX_SECONDS + " seconds, got " + seconds);
        }
        return FleetSettings.of(seconds);
    }

    /**
     * @throws IllegalArgumentException when the site index is out of range or a hardware id is not in the catalog
     */
    public Answer cheapest(Plan plan, Catalog catalog, int siteIndex, FleetSettings settings, Consumer<FleetProgress> progress,
                           BooleanSupplier cancelled) {
        return cheapest(plan, catalog, siteIndex, settings, progress, cancelled, null);
    }

    /**
     * As {@link #cheapest(Plan, Catalog, int, FleetSettings, Consumer, BooleanSupplier)}, with the site's sizing options
     * already computed as the search's starts ({@code sized}; null: the site is sized here for them).
     */
    public Answer cheapest(Plan plan, Catalog catalog, int siteIndex, FleetSettings settings, Consumer<FleetProgress> progress,
                           BooleanSupplier cancelled, List<SizingOption> sized) {
        if (siteIndex < 0 || siteIndex >= plan.sites().size()) {
            throw new IllegalArgumentException("the plan has " + plan.sites().size() + " site(s); there is no site " + (siteIndex + 1));
        }
        Site site = plan.sites().get(siteIndex);
        HostCost cost = HostCost.simple(plan.cost().months());
        // every candidate with its configure-to-order configurations (a site's owned row stays as shipped); a plan may
        // name a configuration by its id
        List<Hardware> candidates = new ArrayList<>();
        List<Hardware> rows = new ArrayList<>();
        Map<String, String> poolOf = new LinkedHashMap<>();
        for (String id : site.hardware()) {
            Hardware h = catalog.hardware(id).or(() -> Configurations.resolve(id, catalog).map(Configuration::row))
                    .orElseThrow(() -> new IllegalArgumentException("site '" + site.name() + "': hardware '" + id + "' is not in the catalog"));
            boolean ownedRow = site.owned().stream().anyMatch(o -> o.hardware().equals(h.id()));
            rows.add(h);
            for (Hardware c : ownedRow ? List.of(h) : configurations(h, catalog, site, cost)) {
                if (candidates.stream().noneMatch(x -> x.id().equals(c.id()))) {
                    candidates.add(c);
                    poolOf.put(c.id(), h.id());
                }
            }
        }
        Map<String, Integer> stock = stock(site, rows); // per catalog row: its configurations share it
        // hosts already owned: offered at their running cost over the horizon (no purchase); a row owned but not a
        // candidate is known to the search for them only (no new host of it: stock 0)
        Map<String, Integer> ownedCount = new LinkedHashMap<>();
        site.owned().forEach(o -> ownedCount.merge(o.hardware(), o.count(), Integer::sum));
        List<SiteFleet.Owned> owned = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ownedCount.entrySet()) {
            Hardware h = catalog.hardware(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "site '" + site.name() + "': owned hardware '" + e.getKey() + "' is not in the catalog"));
            if (candidates.stream().noneMatch(c -> c.id().equals(h.id()))) {
                candidates.add(h);
                stock.put(h.id(), 0);
            }
            owned.add(new SiteFleet.Owned(h.id(), e.getValue(), cost.runningPerHost(h).orElse(0)));
        }
        FleetProblem problem = pooled(SiteFleet.of(site, candidates, cost, stock, owned, List.of(), bandwidth(site)), poolOf);
        // the sizing engine's options are starts: the search never ends above one the fleet's rules accept
        FleetSolution solution = FleetSolver.solve(problem, settings, progress, cancelled,
                sized == null ? FleetStarts.of(plan, catalog, siteIndex, problem) : FleetStarts.of(sized, problem));
        return new Answer(site.name(), site, candidates, problem, solution, FleetSummary.of(solution, settings));
    }

    /** Configurations offered to the search per candidate at most: the row as shipped and the cheapest per host. */
    public static final int CONFIGURATIONS_PER_CANDIDATE = 16;

    /**
     * The configurations of a candidate offered to the search ({@link Configurations#configurations}: the non-dominated
     * ones, the row as shipped first), at most {@link #CONFIGURATIONS_PER_CANDIDATE}: as shipped, then the cheapest per host.
     */
    static List<Hardware> configurations(Hardware h, Catalog catalog, Site site, HostCost cost) {
        List<Hardware> all = Configurations.configurations(h, catalog, site.policy(), cost);
        if (all.size() <= CONFIGURATIONS_PER_CANDIDATE) {
            return all;
        }
        List<Hardware> rest = new ArrayList<>(all.subList(1, all.size()));
        rest.sort(java.util.Comparator.comparingDouble(c -> cost.perHost(c).orElse(Double.MAX_VALUE)));
        List<Hardware> out = new ArrayList<>(List.of(all.get(0)));
        out.addAll(rest.subList(0, CONFIGURATIONS_PER_CANDIDATE - 1));
        return out;
    }

    /** The problem with every configuration of a row drawing on the row's stock (one pool per catalog row). */
    static FleetProblem pooled(FleetProblem p, Map<String, String> poolOf) {
        List<HostType> types = new ArrayList<>();
        for (HostType t : p.types()) {
            String pool = t.owned() ? t.stock() : poolOf.getOrDefault(t.id(), t.stock());
            types.add(pool.equals(t.stock()) ? t : new HostType(t.id(), t.capacity(), t.cost(), pool, t.owned(), t.configuration()));
        }
        return new FleetProblem(p.dimensions(), p.workloads(), types, p.available(), p.failuresTolerated(), p.minHosts(), p.pooled());
    }

    /** The stock of each candidate the site may use ({@link Site#stockOf}: the site's override, else the row's); unlimited ones absent. */
    static Map<String, Integer> stock(Site site, List<Hardware> candidates) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Hardware h : candidates) {
            Integer n = site.stockOf(h);
            if (n != null) {
                out.put(h.id(), n);
            }
        }
        return out;
    }

    /** What one instance of each workload sends and receives on its host's network ports, Mbit/s. */
    static Map<String, Double> bandwidth(Site site) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Workload w : site.workloads()) {
            out.put(w.name(), w.bandwidthMbps());
        }
        return out;
    }

    /** Every site of the plan, one after the other; {@code progress} hears the site's index with each report. */
    public List<Answer> cheapestForAll(Plan plan, Catalog catalog, FleetSettings settings, SiteProgress progress, BooleanSupplier cancelled) {
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < plan.sites().size(); i++) {
            int index = i;
            out.add(cheapest(plan, catalog, i, settings, p -> progress.report(index, p), cancelled));
        }
        return out;
    }

    /** Progress of one site of a whole-plan search. */
    @FunctionalInterface
    public interface SiteProgress {
        void report(int siteIndex, FleetProgress progress);
    }
}
