package dev.clusterplanner.core.live;

import java.util.Locale;

/**
 * A member's state: what Incus reports ({@code Online}, {@code Offline}, {@code Evacuated}, ...) or,
 * when the probe could not read it, {@link #UNREACHABLE} (refused or failed) or {@link #SLOW} (timed out).
 */
public enum MemberStatus {
    ONLINE, OFFLINE, EVACUATED, BLOCKED, UNREACHABLE, SLOW, UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps Incus's status text ("Online", "Offline", "Evacuated", "Blocked") to a status. */
    public static MemberStatus fromIncus(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "online" -> ONLINE;
            case "offline" -> OFFLINE;
            case "evacuated" -> EVACUATED;
            case "blocked" -> BLOCKED;
            default -> UNKNOWN;
        };
    }

    /** True for states in which the member does not run instances. */
    public boolean down() {
        return this != ONLINE && this != UNKNOWN;
    }
}
