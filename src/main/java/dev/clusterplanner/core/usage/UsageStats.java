package dev.clusterplanner.core.usage;

import java.util.Arrays;

/**
 * Mean, 95th percentile and maximum of a series of observations.
 * The percentile is the nearest-rank one: the smallest value with at least 95 % of the observations at or below it
 * (rank ceil(0.95 x n) in ascending order), so it is always an observed value.
 */
public record UsageStats(double mean, double p95, double max, int count) {

    public static final UsageStats NONE = new UsageStats(0, 0, 0, 0);

    /** The statistics of {@code values}; {@link #NONE} for no values. */
    public static UsageStats of(double[] values) {
        if (values.length == 0) {
            return NONE;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        int rank = (int) Math.ceil(0.95 * sorted.length); // 1-based nearest rank
        return new UsageStats(sum / sorted.length, sorted[Math.max(1, rank) - 1], sorted[sorted.length - 1], sorted.length);
    }

    public boolean empty() {
        return count == 0;
    }
}
