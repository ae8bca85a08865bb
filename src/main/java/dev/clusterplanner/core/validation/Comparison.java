package dev.clusterplanner.core.validation;

/**
 * One figure, planned against actual. {@code planned} is null when the plan does not say (no plan, or its
 * hardware is not in the catalog); {@code actual} is null when the cluster did not tell.
 */
public record Comparison(String figure, Double planned, Double actual, String unit, String note) {

    public Comparison {
        note = note == null ? "" : note;
        unit = unit == null ? "" : unit;
    }

    /** actual - planned, or null when either is unknown. */
    public Double difference() {
        return planned == null || actual == null ? null : actual - planned;
    }
}
