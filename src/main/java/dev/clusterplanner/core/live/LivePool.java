package dev.clusterplanner.core.live;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A storage pool and its space. A local pool (dir, zfs, lvm, btrfs) has one space entry per member;
 * a shared pool (ceph, cephfs, lvmcluster) has one entry for the whole cluster (member empty).
 *
 * @param config the pool's configuration keys that say where its data lives: {@code source} and every
 *               {@code ceph.*} and {@code cephfs.*} key (e.g. {@code ceph.osd.pool_name}, {@code ceph.cluster_name});
 *               other keys are not kept. Empty when not read (snapshots saved before it existed).
 */
public record LivePool(String name, String driver, String status, boolean shared, List<PoolSpace> space, Map<String, String> config) {

    public LivePool {
        space = List.copyOf(space);
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    }

    public LivePool(String name, String driver, String status, boolean shared, List<PoolSpace> space) {
        this(name, driver, status, shared, space, Map.of());
    }

    /** Whether a configuration key is one {@link #config} keeps. */
    public static boolean keptConfigKey(String key) {
        return key.equals("source") || key.startsWith("ceph.") || key.startsWith("cephfs.");
    }

    /** Backed by Ceph: RBD ({@code ceph}) or CephFS ({@code cephfs}). */
    public boolean cephBacked() {
        return "ceph".equals(driver) || "cephfs".equals(driver);
    }

    /** Space of one member (or of the whole shared pool); error is non-empty when it could not be read. */
    public record PoolSpace(String member, long totalBytes, long usedBytes, String error) {
        public PoolSpace {
            member = member == null ? "" : member;
            error = error == null ? "" : error;
        }

        public boolean read() {
            return error.isEmpty();
        }
    }

    public long totalBytes() {
        return space.stream().filter(PoolSpace::read).mapToLong(PoolSpace::totalBytes).sum();
    }

    public long usedBytes() {
        return space.stream().filter(PoolSpace::read).mapToLong(PoolSpace::usedBytes).sum();
    }

    /** Drivers whose pool is one shared store for all members. */
    public static boolean sharedDriver(String driver) {
        return switch (driver == null ? "" : driver) {
            case "ceph", "cephfs", "cephobject", "lvmcluster" -> true;
            default -> false;
        };
    }
}
