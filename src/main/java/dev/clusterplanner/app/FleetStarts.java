package dev.clusterplanner.app;

import dev.clusterplanner.core.fleet.FleetProblem;
import dev.clusterplanner.core.fleet.FleetStart;
import dev.clusterplanner.core.fleet.FleetWorkload;
import dev.clusterplanner.core.fleet.HostType;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.SizingOption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizing engine's options of a site as starts of the fleet search (the "current heuristics as the starting
 * solution"): every feasible option whose hosts are all types of the fleet problem, with its own placement. The search
 * starts from the cheapest usable one of these and its own constructions, so the cheapest fleet never costs more than
 * the option the sizing engine recommends when that option is usable by the fleet's rules.
 */
final class FleetStarts {

    private FleetStarts() {
    }

    /**
     * The starts of site {@code siteIndex}, from the sizing of that site alone; none when it cannot be analysed (the
     * search then starts on its own).
     */
    static List<FleetStart> of(Plan plan, Catalog catalog, int siteIndex, FleetProblem problem) {
        List<SizingOption> options;
        try {
            Plan site = plan.withSites(List.of(plan.sites().get(siteIndex)));
            options = new PlanningService().analyse(site, catalog).sites().get(0).sizing().options();
        } catch (InputRejectedException | RuntimeException e) {
            return List.of();
        }
        return of(options, problem);
    }

    /** The starts among a site's sizing options already computed: every feasible one the problem's types can express. */
    static List<FleetStart> of(List<SizingOption> options, FleetProblem problem) {
        List<FleetStart> out = new ArrayList<>();
        for (SizingOption o : options) {
            if (o.feasible()) {
                FleetStart s = of(o, problem);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** One option as a start; null when a host's hardware is no type of the problem or an instance is not found. */
    static FleetStart of(SizingOption option, FleetProblem problem) {
        Map<String, Integer> instanceIndex = new HashMap<>();
        int i = 0;
        for (FleetWorkload w : problem.workloads()) {
            for (int n = 1; n <= w.count(); n++, i++) {
                instanceIndex.put(w.name() + "-" + n, i);
            }
        }
        int[] hostOf = new int[i];
        java.util.Arrays.fill(hostOf, -1);
        List<Integer> types = new ArrayList<>();
        List<PlacedHost> hosts = option.placement().hosts();
        for (int h = 0; h < hosts.size(); h++) {
            PlacedHost ph = hosts.get(h);
            int type = typeOf(problem, ph.hardwareId(), ph.owned());
            if (type < 0) {
                return null;
            }
            types.add(type);
            for (String name : ph.instances()) {
                Integer idx = instanceIndex.get(name);
                if (idx == null || hostOf[idx] >= 0) {
                    return null;
                }
                hostOf[idx] = h;
            }
        }
        for (int h : hostOf) {
            if (h < 0) {
                return null;
            }
        }
        return new FleetStart(types, hostOf, option.hosts() + " hosts " + option.hostsByHardware() + ", the sizing engine's option " + option.rank());
    }

    private static int typeOf(FleetProblem problem, String hardwareId, boolean owned) {
        List<HostType> types = problem.types();
        for (int t = 0; t < types.size(); t++) {
            if (types.get(t).id().equals(hardwareId) && types.get(t).owned() == owned) {
                return t;
            }
        }
        return -1;
    }
}
