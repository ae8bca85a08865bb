package dev.clusterplanner.core.fleet;

import java.util.List;

/**
 * One host of the answer.
 *
 * @param type      index into {@link FleetProblem#types()}
 * @param instances the instances it carries, as indexes into {@link FleetSolution#instanceWorkload()}
 */
public record FleetHost(int type, String typeId, List<Integer> instances) {
    public FleetHost {
        instances = List.copyOf(instances);
    }
}
