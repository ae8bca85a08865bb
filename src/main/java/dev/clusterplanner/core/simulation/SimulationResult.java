package dev.clusterplanner.core.simulation;

import java.util.List;

/**
 * What a Monte Carlo run says, each estimate with its standard error.
 *
 * @param trialsRequested           trials asked for
 * @param trialsRun                 trials completed (fewer when cancelled)
 * @param cancelled                 the run was cancelled and returns what it has
 * @param exhaustionByMonth         probability that capacity (with failure headroom) is exhausted by month m+1
 * @param monthExhausted10          first month by which exhaustion has >= 10 % probability, or -1 if not within the horizon
 * @param monthExhausted50          first month by which exhaustion has >= 50 % probability, or -1
 * @param options                   per cost option: percentiles, mean, histogram
 * @param ownedCheaperThan          per option: probability the owned option is cheaper (NaN for the owned option itself)
 * @param degradedHoursPerYear      expected hours per year with a failed host or disk not yet healed
 * @param dataAtRiskProbability     probability that over the horizon a further failure hits while min_size is reached
 * @param hostFailureFirstYear      probability of at least one host failure in the first year (checkable: 1-(1-AFR)^n)
 * @param enough                    whether the number of trials was enough (every standard error below its target)
 * @param enoughReason              why, in words
 */
public record SimulationResult(
        int trialsRequested,
        int trialsRun,
        boolean cancelled,
        long seed,
        double[] exhaustionByMonth,
        int monthExhausted10,
        int monthExhausted50,
        List<OptionStats> options,
        List<Estimate> ownedCheaperThan,
        Estimate degradedHoursPerYear,
        Estimate dataAtRiskProbability,
        Estimate hostFailureFirstYear,
        boolean enough,
        String enoughReason) {

    public SimulationResult {
        exhaustionByMonth = exhaustionByMonth.clone();
        options = List.copyOf(options);
        ownedCheaperThan = List.copyOf(ownedCheaperThan);
    }

    @Override
    public double[] exhaustionByMonth() {
        return exhaustionByMonth.clone();
    }

    /** A mean or a probability with its standard error. */
    public record Estimate(double value, double standardError) {
        public String describe(String unit) {
            return String.format(java.util.Locale.ROOT, "%.4g %s (standard error %.2g)", value, unit, standardError);
        }
    }

    /**
     * Total cost of one option over the horizon, across trials (USD).
     *
     * @param deterministic the plan's own total, for comparison
     */
    public record OptionStats(String name, double deterministic, Estimate mean, double p50, double p90, double p95,
                              Histogram histogram) {
    }

    /** Counts of trials per cost bin: bin i covers [min + i*width, min + (i+1)*width). */
    public record Histogram(double min, double width, int[] counts) {
        public Histogram {
            counts = counts.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }
    }
}
