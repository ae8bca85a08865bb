package dev.clusterplanner.core.model;

import java.util.Locale;

/** Local disks on each host (a desktop or a single server) or a Ceph cluster across hosts. */
public enum StorageMode {
    LOCAL, CEPH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StorageMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "local" -> LOCAL;
            case "ceph" -> CEPH;
            default -> throw new IllegalArgumentException("unknown storage mode '" + text + "' (expected local or ceph)");
        };
    }
}
