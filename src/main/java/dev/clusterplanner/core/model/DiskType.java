package dev.clusterplanner.core.model;

import java.util.Locale;

/** Data disk technology; sets the default sequential throughput used for Ceph recovery estimates. */
public enum DiskType {
    NVME("nvme", 2000), SATA_SSD("sata-ssd", 500), HDD("hdd", 150);

    private final String id;
    private final double typicalMBps;

    DiskType(String id, double typicalMBps) {
        this.id = id;
        this.typicalMBps = typicalMBps;
    }

    public String id() {
        return id;
    }

    /** A typical sustained sequential write rate in MB/s for the class (an estimate, documented in README). */
    public double typicalMBps() {
        return typicalMBps;
    }

    public static DiskType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DiskType d : values()) {
            if (d.id.equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown disk type '" + text + "' (expected nvme, sata-ssd or hdd)");
    }
}
