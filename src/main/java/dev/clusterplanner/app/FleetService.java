package dev.clusterplanner.app;

import dev.clusterplanner.core.fleet.FleetProblem;
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
        if (siteIndex < 0 || siteIndex >= plan.sites().size()) {
            throw new IllegalArgumentException("the plan has " + plan.sites().size() + " site(s); there is no site " + (siteIndex + 1));
        }
        Site site = plan.sites().get(siteIndex);
        List<Hardware> candidates = new ArrayList<>();
        for (String id : site.hardware()) {
            candidates.add(catalog.hardware(id).orElseThrow(() -> new IllegalArgumentException(
                    "site '" + site.name() + "': hardware '" + id + "' is not in the catalog")));
        }
        HostCost cost = HostCost.simple(plan.cost().months());
        Map<String, Integer> stock = stock(site, candidates);
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
        FleetProblem problem = SiteFleet.of(site, candidates, cost, stock, owned, List.of(), bandwidth(site));
        FleetSolution solution = FleetSolver.solve(problem, settings, progress, cancelled);
        return new Answer(site.name(), site, candidates, problem, solution, FleetSummary.of(solution, settings));
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
