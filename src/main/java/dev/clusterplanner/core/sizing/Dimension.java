package dev.clusterplanner.core.sizing;

/**
 * The resources an instance takes from a host. CPU is counted in threads of the reference CPU
 * ({@code cpuScore} 1.0) after overcommit, so one figure compares hosts of different speeds.
 */
public enum Dimension {
    CPU("cpu", "reference threads"),
    MEMORY("memory", "GiB"),
    DISK("disk", "GiB"),
    GPU("gpu", "GPUs"),
    /** What instances send and receive on the host's network ports; applies only when some workload has a bandwidth. */
    NETWORK("network", "Mbit/s");

    /** Number of dimensions; arrays of demand and capacity are indexed by {@link #ordinal()}. */
    public static final int COUNT = 5;

    private final String id;
    private final String unit;

    Dimension(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }
}
