package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;

import java.time.LocalDate;

/**
 * One line of an owned option's bill of materials: {@code quantity} of {@code item} bought in {@code month}
 * (1-based; month 1 is the initial purchase, later months are growth or replacement purchases).
 * {@code unitPriceUsd} and {@code totalUsd} are {@code null} when the catalog has no price (missing, never 0).
 */
public record BomLine(int month, String item, String name, int quantity, Double unitPriceUsd, Double totalUsd,
                      String reason, String source, LocalDate sourceDate, boolean estimate, Explanation explanation) {
}
