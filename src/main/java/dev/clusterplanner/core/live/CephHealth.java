package dev.clusterplanner.core.live;

/** Ceph's overall health, as {@code ceph status} and the manager's {@code ceph_health_status} report it. */
public enum CephHealth {
    OK, WARN, ERR, UNKNOWN;

    /** From {@code ceph status}'s "HEALTH_OK", "HEALTH_WARN", "HEALTH_ERR". */
    public static CephHealth fromStatus(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status) {
            case "HEALTH_OK" -> OK;
            case "HEALTH_WARN" -> WARN;
            case "HEALTH_ERR" -> ERR;
            default -> UNKNOWN;
        };
    }

    /** From the manager's metric {@code ceph_health_status}: 0 ok, 1 warn, 2 error. */
    public static CephHealth fromMetric(double value) {
        if (value == 0) {
            return OK;
        }
        if (value == 1) {
            return WARN;
        }
        if (value == 2) {
            return ERR;
        }
        return UNKNOWN;
    }

    public String label() {
        return this == UNKNOWN ? "unknown" : "HEALTH_" + name();
    }
}
