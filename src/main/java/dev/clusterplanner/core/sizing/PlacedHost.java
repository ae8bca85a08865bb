package dev.clusterplanner.core.sizing;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One planned host: its name ({@code host-1}, ...), hardware, the instances it runs and, per dimension,
 * what they use and what the host offers (after reserves and the Ceph tax). Disk capacity is infinite
 * under Ceph (pooled storage is not a per-host limit). {@code owned}: a host the organisation already owns (a keep-and-add
 * option names these {@code owned-1..}).
 */
public record PlacedHost(String name, String hardwareId, List<String> instances,
                         Map<Dimension, Double> used, Map<Dimension, Double> capacity, boolean owned) {

    /** A new host (not one the organisation already owns). */
    public PlacedHost(String name, String hardwareId, List<String> instances, Map<Dimension, Double> used, Map<Dimension, Double> capacity) {
        this(name, hardwareId, instances, used, capacity, false);
    }

    public PlacedHost {
        instances = instances instanceof InstanceNames ? instances : List.copyOf(instances);
        used = used instanceof DimensionMap ? used : Collections.unmodifiableMap(SizingOption.enumMap(used));
        capacity = capacity instanceof DimensionMap ? capacity : Collections.unmodifiableMap(SizingOption.enumMap(capacity));
    }

    /** used / capacity of a dimension, or null when the dimension does not apply to this host (no capacity, none used, or unlimited). */
    public Double utilisation(Dimension d) {
        double c = capacity.getOrDefault(d, 0.0);
        double u = used.getOrDefault(d, 0.0);
        if (Double.isInfinite(c) || (c <= 0 && u <= 0)) {
            return null;
        }
        return c <= 0 ? Double.POSITIVE_INFINITY : u / c;
    }
}
