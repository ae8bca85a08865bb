package dev.clusterplanner.core.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matching host names from two sources that spell them differently: Incus member names ("node1") and the
 * host names Ceph's OSDs report ("NODE1.example.org"). A match is exact, else the same ignoring case, else the
 * same short name (the part before the first dot, ignoring case) when exactly one candidate has it. IP addresses
 * are never shortened.
 */
public final class HostNames {

    /** How two names matched. */
    public enum How {
        EXACT("exact"), CASE("ignoring case"), SHORT_NAME("short name");

        private final String label;

        How(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A match: the candidate found and how. */
    public record Match(String candidate, How how) {
    }

    private HostNames() {
    }

    /** The short host name, lower case: "Node1.Example.org" gives "node1"; an IP address is kept whole. */
    public static String shortName(String host) {
        String h = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.contains(":") || h.matches("[0-9.]+")) {
            return h;
        }
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }

    /** The candidate {@code name} stands for, if any (see the class comment for the order of the rules). */
    public static Optional<Match> match(String name, Collection<String> candidates) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (String c : candidates) {
            if (c.equals(name)) {
                return Optional.of(new Match(c, How.EXACT));
            }
        }
        List<String> found = new ArrayList<>();
        for (String c : candidates) {
            if (c.equalsIgnoreCase(name)) {
                found.add(c);
            }
        }
        if (found.size() == 1) {
            return Optional.of(new Match(found.get(0), How.CASE));
        }
        found.clear();
        String s = shortName(name);
        for (String c : candidates) {
            if (shortName(c).equals(s)) {
                found.add(c);
            }
        }
        return found.size() == 1 ? Optional.of(new Match(found.get(0), How.SHORT_NAME)) : Optional.empty();
    }

    /** The value of the key {@code name} matches in {@code byName}, or null. */
    public static <V> V lookup(Map<String, V> byName, String name) {
        V exact = byName.get(name);
        if (exact != null) {
            return exact;
        }
        return match(name, byName.keySet()).map(m -> byName.get(m.candidate())).orElse(null);
    }
}
