package dev.clusterplanner.core.usage;

/**
 * What one instance used over a watch.
 *
 * @param location       the member it ran on at the last sample
 * @param cores          CPU use in cores (CPU seconds per second) over each sampling interval
 * @param memoryBytes    memory in use at each sample
 * @param rootDiskBytes  root disk space used at each sample ({@link UsageStats#NONE} when never reported)
 * @param netRxMbps      receive rate (Mbit/s) over each interval, loopback left out
 * @param netTxMbps      send rate (Mbit/s) over each interval, loopback left out
 */
public record InstanceUsage(String name, String project, String location, UsageStats cores, UsageStats memoryBytes,
                            UsageStats rootDiskBytes, UsageStats netRxMbps, UsageStats netTxMbps) {
    public String key() {
        return project + "/" + name;
    }
}
