package dev.clusterplanner.core.fleet;

import java.util.Locale;

/**
 * What the search for the cheapest fleet says about its answer, for every output: the lower bound, the remaining gap,
 * why it stopped and whether the same input and time limit give the same answer again.
 *
 * @param costUsd         the fleet's cost over the horizon (the solver's objective)
 * @param lowerBoundUsd   no fleet costs less
 * @param gap             (cost - bound) / cost, 0..1
 * @param status          why the search stopped
 * @param reproducible    the same input and time limit give the same answer ({@link FleetSolution#deterministic})
 * @param budgetSeconds   the time limit asked for
 * @param seconds         how long the search ran
 * @param steps           search steps taken
 * @param startCostUsd    the starting answer's cost (first fit decreasing)
 */
public record FleetSummary(double costUsd, double lowerBoundUsd, double gap, FleetSolution.Status status, boolean reproducible,
                           double budgetSeconds, double seconds, long steps, double startCostUsd) {

    public static FleetSummary of(FleetSolution s, FleetSettings settings) {
        return new FleetSummary(s.cost(), s.lowerBound(), s.gap(), s.status(), s.deterministic(), settings.timeLimitSeconds(),
                s.seconds(), s.iterations(), s.startCost());
    }

    /** The status as a stable id: optimal, budget-spent, cancelled, infeasible. */
    public String statusId() {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Why the search stopped, in words. */
    public String stoppedBecause() {
        return switch (status) {
            case OPTIMAL -> "proven cheapest (the cost reached the lower bound)";
            case BUDGET_SPENT -> "time limit spent";
            case CANCELLED -> "cancelled (the best answer so far)";
            case INFEASIBLE -> "no fleet of the candidates carries the load";
        };
    }

    /**
     * One sentence: "no fleet costs less than 58,900 USD: gap 4.0 %; stopped: time limit spent; reproducible with the same
     * time limit".
     */
    public String sentence() {
        return "no fleet costs less than " + usd(lowerBoundUsd) + " USD: gap " + percent(gap) + "; stopped: " + stoppedBecause() + "; "
                + (reproducible ? "reproducible: the same plan and time limit give the same fleet"
                : "not reproducible: the clock stopped the search on a busy machine, another run may differ");
    }

    public static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
