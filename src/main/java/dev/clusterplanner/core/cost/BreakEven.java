package dev.clusterplanner.core.cost;

/**
 * When the cumulative cost of the option that starts dearer ({@code dearerFirst}) falls to or below the
 * other's: {@code month} (1-based), or {@code null} when that does not happen within the horizon.
 */
public record BreakEven(String optionA, String optionB, String dearerFirst, Integer month, String text) {
}
