package dev.clusterplanner.core.fleet;

/**
 * How long and how the solver searches.
 *
 * @param timeLimitSeconds the search budget. With {@code deterministic} the budget is counted in CP-SAT's deterministic
 *                         work units ({@link #WORK_PER_SECOND} per second; on the 2-core reference machine a unit
 *                         took 1.4-1.9 CPU seconds in the Cloud Balancing benchmarks, each step's Java side included), so the same input and setting give the same answer however busy the
 *                         machine is; the wall clock then only stops a search that runs over three times the limit
 *                         (an answer stopped that way is marked not reproducible). Without it the wall clock decides.
 * @param seed             seed of the neighbourhood choice
 * @param wallCapSeconds   with {@code deterministic}, the wall clock that stops a search all the same (0: three times
 *                         the limit plus a second)
 */
public record FleetSettings(double timeLimitSeconds, long seed, boolean deterministic, double wallCapSeconds) {

    /** Deterministic work units per second of budget (what a unit took on the reference machine: decision 0220). */
    public static final double WORK_PER_SECOND = 1.0;

    public FleetSettings {
        if (!(timeLimitSeconds >= 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("timeLimitSeconds must be a finite number, 0 or more, got " + timeLimitSeconds);
        }
    }

    /** Deterministic search with seed 1. */
    public static FleetSettings of(double seconds) {
        return new FleetSettings(seconds, 1, true, 0);
    }

    /** The wall clock that stops the search. */
    public double wallCap() {
        if (!deterministic) {
            return timeLimitSeconds;
        }
        return wallCapSeconds > 0 ? wallCapSeconds : 3 * timeLimitSeconds + 1;
    }
}
