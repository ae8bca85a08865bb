package dev.clusterplanner.core.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheapest fleet found.
 *
 * @param hosts            the hosts, owned ones first, then by type
 * @param instanceWorkload workload index of every instance (instances are numbered workload by workload)
 * @param hostOf           host index of every instance, -1 when it could not be placed
 * @param cost             total cost of the hosts over the horizon
 * @param lowerBound       no fleet costs less (aggregate capacity bound, bin-packing bound, CP-SAT's bound)
 * @param status           why the search stopped
 * @param deterministic    false when the wall clock stopped the search (another run may differ)
 * @param startCost        cost of the starting answer (the cheaper of first fit decreasing and Minimum Bin Slack), for comparison
 */
public record FleetSolution(List<FleetHost> hosts, int[] instanceWorkload, int[] hostOf, double cost, double lowerBound,
                            Status status, long iterations, double seconds, boolean deterministic, double startCost) {

    /** Why the search stopped. */
    public enum Status {
        /** cost equals the lower bound */
        OPTIMAL,
        /** the budget is spent */
        BUDGET_SPENT,
        /** the caller cancelled; the best answer so far */
        CANCELLED,
        /** some instance fits no host type, or the stock cannot carry the load */
        INFEASIBLE
    }

    public FleetSolution {
        hosts = List.copyOf(hosts);
        instanceWorkload = instanceWorkload.clone();
        hostOf = hostOf.clone();
    }

    /** (cost - lowerBound) / cost: how far from optimal the answer can be at most. */
    public double gap() {
        return cost <= 0 ? 0 : Math.max(0, (cost - lowerBound) / cost);
    }

    /** Hosts per type id, in host order. */
    public Map<String, Integer> hostsByType() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (FleetHost h : hosts) {
            m.merge(h.typeId(), 1, Integer::sum);
        }
        return m;
    }

    @Override
    public int[] instanceWorkload() {
        return instanceWorkload.clone();
    }

    @Override
    public int[] hostOf() {
        return hostOf.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetSolution s && s.hosts.equals(hosts) && java.util.Arrays.equals(s.hostOf, hostOf)
                && s.cost == cost && s.lowerBound == lowerBound && s.status == status;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(hosts, cost, lowerBound, status, java.util.Arrays.hashCode(hostOf));
    }
}
