package dev.clusterplanner.core.model;

import java.util.Objects;

/**
 * How a figure was arrived at: the figure, the formula in words and numbers, and where the rule comes from.
 * Example: {@code usableTiB = 9.31}, {@code "(raw 41.91 TiB - largest host 13.97 TiB) / size 3 = 9.31 TiB"},
 * citation "Ceph docs: osd_pool_default_size".
 */
public record Explanation(String figure, double value, String unit, String formula, String citation) {

    public Explanation {
        Objects.requireNonNull(figure, "figure");
        formula = formula == null ? "" : formula;
        citation = citation == null ? "" : citation;
        unit = unit == null ? "" : unit;
    }
}
