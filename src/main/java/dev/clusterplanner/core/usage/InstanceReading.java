package dev.clusterplanner.core.usage;

import java.util.Objects;

/**
 * One instance's counters and gauges at one sample, as its state reports them.
 *
 * @param cpuNanos      cumulative CPU time since the instance started (ns); a rate needs two samples
 * @param memoryBytes   memory in use now
 * @param rootDiskBytes space used by the root disk now, null when the storage driver does not report it
 * @param netRxBytes    cumulative bytes received over every interface except loopback
 * @param netTxBytes    cumulative bytes sent over every interface except loopback
 */
public record InstanceReading(String name, String project, String location, String status,
                              long cpuNanos, long memoryBytes, Long rootDiskBytes, long netRxBytes, long netTxBytes) {
    public InstanceReading {
        Objects.requireNonNull(name, "name");
        project = project == null || project.isEmpty() ? "default" : project;
        location = location == null ? "" : location;
        status = status == null ? "" : status;
    }

    /** project/name: an instance's identity across samples. */
    public String key() {
        return project + "/" + name;
    }

    public boolean running() {
        return "Running".equalsIgnoreCase(status);
    }
}
