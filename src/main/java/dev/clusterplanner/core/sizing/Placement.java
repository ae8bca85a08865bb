package dev.clusterplanner.core.sizing;

import java.util.List;

/** Host-by-host placement of a site's instances, and the instances that could not be placed (each with its reason). */
public record Placement(List<PlacedHost> hosts, List<UnplacedInstance> unplaced) {

    public Placement {
        hosts = List.copyOf(hosts);
        unplaced = List.copyOf(unplaced);
    }

    public int placedCount() {
        return hosts.stream().mapToInt(h -> h.instances().size()).sum();
    }
}
