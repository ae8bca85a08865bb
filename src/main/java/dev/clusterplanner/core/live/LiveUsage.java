package dev.clusterplanner.core.live;

/**
 * An instance's use of resources ({@code /1.0/instances/NAME/state}).
 *
 * @param cpuNanos total CPU time used since start, in nanoseconds
 */
public record LiveUsage(long memoryBytes, long memoryPeakBytes, long cpuNanos, int processes) {
}
