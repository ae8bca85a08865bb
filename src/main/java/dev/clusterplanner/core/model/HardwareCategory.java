package dev.clusterplanner.core.model;

import java.util.Locale;

/** Where a host comes from: bought (desktop, rack), rented by the month (bare-metal cloud) or by the hour (cloud). */
public enum HardwareCategory {
    DESKTOP("desktop"), RACK("rack"), BAREMETAL_CLOUD("baremetal-cloud"), CLOUD("cloud");

    private final String id;

    HardwareCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isOwned() {
        return this == DESKTOP || this == RACK;
    }

    public static HardwareCategory parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (HardwareCategory c : values()) {
            if (c.id.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + text + "' (expected desktop, rack, baremetal-cloud or cloud)");
    }
}
