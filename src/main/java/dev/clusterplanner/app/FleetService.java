package dev.clusterplanner.app;

import dev.clusterplanner.core.fleet.FleetProblem;
import dev.clusterplanner.core.fleet.FleetProgress;
import dev.clusterplanner.core.fleet.FleetSettings;
import dev.clusterplanner.core.fleet.FleetSolution;
import dev.clusterplanner.core.fleet.FleetSolver;
import dev.clusterplanner.core.fleet.SiteFleet;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HostCost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The cheapest fleet of a site across all its hardware candidates at once (any number of types), for both front ends:
 * the site as a fleet problem ({@link SiteFleet}) costed by the same horizon cost the sizing engine ranks by
 * ({@link HostCost#simple}, the plan's months), solved by {@link FleetSolver} with progress and cancel.
 */
public final class FleetService {

    /** The site's fleet problem and its answer (hosts, cost, lower bound, gap, status). */
    public record Answer(String site, FleetProblem problem, FleetSolution solution) {
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
        FleetProblem problem = SiteFleet.of(site, candidates, HostCost.simple(plan.cost().months()), Map.of(), List.of(), List.of(), Map.of());
        return new Answer(site.name(), problem, FleetSolver.solve(problem, settings, progress, cancelled));
    }
}
