package dev.clusterplanner.core.fleet;

/**
 * A progress report: the best cost found so far, the lower bound, and how much of the budget is spent (0..1).
 */
public record FleetProgress(double bestCost, double lowerBound, double budgetUsed, long iterations, double seconds) {

    /** (best - bound) / best, 0 when proven optimal or best is 0. */
    public double gap() {
        return bestCost <= 0 ? 0 : Math.max(0, (bestCost - lowerBound) / bestCost);
    }
}
