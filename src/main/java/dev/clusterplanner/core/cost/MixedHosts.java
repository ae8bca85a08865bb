package dev.clusterplanner.core.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mixed option of a site to cost: hosts of several hardware rows at once (the sizing engine's two-type mix, the cheapest
 * fleet), identified by {@code id} within the site. {@code ownedByHardware}: of those, the hosts already owned (no purchase).
 */
public record MixedHosts(String id, String label, Map<String, Integer> hostsByHardware, Map<String, Integer> ownedByHardware) {

    public MixedHosts {
        hostsByHardware = Collections.unmodifiableMap(new LinkedHashMap<>(hostsByHardware));
        ownedByHardware = ownedByHardware == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ownedByHardware));
    }

    /** A mix of hosts all bought (or rented). */
    public MixedHosts(String id, String label, Map<String, Integer> hostsByHardware) {
        this(id, label, hostsByHardware, Map.of());
    }
}
