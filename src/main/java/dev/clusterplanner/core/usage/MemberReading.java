package dev.clusterplanner.core.usage;

import java.util.Objects;

/**
 * One member's system figures at one sample, or why it did not answer.
 *
 * @param answered          false when the member did not answer this sample (then the figures are 0 and {@code error} says why)
 * @param load1             one-minute load average, null when the server does not report it (a standalone server)
 * @param memoryUsedBytes   total minus free minus buffers
 * @param memoryTotalBytes  physical memory
 */
public record MemberReading(String name, boolean answered, String error, Double load1, long memoryUsedBytes, long memoryTotalBytes) {
    public MemberReading {
        Objects.requireNonNull(name, "name");
        error = error == null ? "" : error;
    }

    public static MemberReading silent(String name, String error) {
        return new MemberReading(name, false, error, null, 0, 0);
    }
}
