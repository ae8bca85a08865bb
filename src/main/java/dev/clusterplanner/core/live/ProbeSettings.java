package dev.clusterplanner.core.live;

import java.time.Duration;

/**
 * Limits of one probe.
 *
 * @param connectTimeout   how long to wait for a connection
 * @param readTimeout      how long to wait for a whole answer; a member slower than this is reported as slow
 * @param maxResponseBytes answers larger than this are refused (a sane API answer is far smaller)
 */
public record ProbeSettings(Duration connectTimeout, Duration readTimeout, long maxResponseBytes) {

    public static final ProbeSettings DEFAULT = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 32L << 20);

    public ProbeSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("the response limit must be at least 1 KiB");
        }
    }

    public ProbeSettings withReadTimeout(Duration d) {
        return new ProbeSettings(connectTimeout, d, maxResponseBytes);
    }

    public ProbeSettings withMaxResponseBytes(long n) {
        return new ProbeSettings(connectTimeout, readTimeout, n);
    }
}
