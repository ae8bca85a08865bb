package dev.clusterplanner.core.usage;

import java.util.List;

/**
 * What one member carried over a watch.
 *
 * @param instanceCores     the cores its instances used together, per interval
 * @param load1             its one-minute load average at each sample it answered
 * @param memoryUsedBytes   memory in use at each sample it answered
 * @param memoryTotalBytes  its physical memory (0 when it never answered)
 * @param answered          samples it answered, of {@code samples}
 * @param gaps              runs of samples it did not answer
 */
public record MemberUsage(String name, UsageStats instanceCores, UsageStats load1, UsageStats memoryUsedBytes, long memoryTotalBytes,
                          int answered, int samples, List<UsageGap> gaps) {
    public MemberUsage {
        gaps = List.copyOf(gaps);
    }
}
