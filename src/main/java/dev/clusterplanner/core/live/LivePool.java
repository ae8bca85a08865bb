package dev.clusterplanner.core.live;

import java.util.List;

/**
 * A storage pool and its space. A local pool (dir, zfs, lvm, btrfs) has one space entry per member;
 * a shared pool (ceph, cephfs, lvmcluster) has one entry for the whole cluster (member empty).
 */
public record LivePool(String name, String driver, String status, boolean shared, List<PoolSpace> space) {

    public LivePool {
        space = List.copyOf(space);
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
