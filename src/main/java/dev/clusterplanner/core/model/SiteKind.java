package dev.clusterplanner.core.model;

import java.util.Locale;

/** The chuck-stack Incus guide's use cases: a developer desktop, a single server, or a cluster of three or more hosts. */
public enum SiteKind {
    DESKTOP("desktop"), SINGLE_SERVER("single-server"), CLUSTER("cluster");

    private final String id;

    SiteKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SiteKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SiteKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown site kind '" + text + "' (expected desktop, single-server or cluster)");
    }
}
