package dev.clusterplanner.core.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the cheapest fleet must carry and may be made of.
 *
 * @param dimensions        names of the capacity dimensions (e.g. cpu, memory, disk, gpu, network); every demand and
 *                          capacity array is indexed by them
 * @param workloads         the instances to place
 * @param types             the host types to choose from (fixed rows, owned hosts, configured chassis)
 * @param available         stock per pool ({@link HostType#stock()}); a pool not listed is unlimited
 * @param failuresTolerated k: in every dimension the fleet keeps spare room for the load of its k most loaded hosts
 *                          (the volume rule of {@link FleetCheck#headroom}), and has at least k + 1 hosts
 * @param minHosts          the fleet has at least this many hosts
 * @param pooled            dimensions that are a pool across hosts rather than a per-host limit (Ceph usable
 *                          capacity), each with the number of largest hosts kept in reserve: the capacities of all
 *                          hosts less that many largest cover the summed demand (the failure rule does not apply to them)
 */
public record FleetProblem(List<String> dimensions, List<FleetWorkload> workloads, List<HostType> types,
                           Map<String, Integer> available, int failuresTolerated, int minHosts, Map<String, Integer> pooled) {

    /** A problem where every dimension is a per-host limit. */
    public FleetProblem(List<String> dimensions, List<FleetWorkload> workloads, List<HostType> types,
                        Map<String, Integer> available, int failuresTolerated, int minHosts) {
        this(dimensions, workloads, types, available, failuresTolerated, minHosts, Map.of());
    }

    public FleetProblem {
        pooled = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pooled));
        for (Map.Entry<String, Integer> e : pooled.entrySet()) {
            if (!dimensions.contains(e.getKey()) || e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("pooled dimension '" + e.getKey() + "' must be one of " + dimensions
                        + " with a reserve of 0 or more hosts");
            }
        }
        dimensions = List.copyOf(dimensions);
        workloads = List.copyOf(workloads);
        types = List.copyOf(types);
        available = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(available));
        if (failuresTolerated < 0 || minHosts < 0) {
            throw new IllegalArgumentException("failuresTolerated and minHosts must be 0 or more");
        }
        for (FleetWorkload w : workloads) {
            if (w.demand().length != dimensions.size()) {
                throw new IllegalArgumentException("workload '" + w.name() + "' has " + w.demand().length + " demands for "
                        + dimensions.size() + " dimensions " + dimensions);
            }
        }
        for (HostType t : types) {
            if (t.capacity().length != dimensions.size()) {
                throw new IllegalArgumentException("host type '" + t.id() + "' has " + t.capacity().length + " capacities for "
                        + dimensions.size() + " dimensions " + dimensions);
            }
        }
        for (Map.Entry<String, Integer> e : available.entrySet()) {
            Objects.requireNonNull(e.getValue(), "available " + e.getKey());
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("available for '" + e.getKey() + "' must be 0 or more, got " + e.getValue());
            }
        }
    }

    /** The same problem with every configuration of {@code chassis} added as types; {@code available} (null = unlimited) limits the chassis. */
    public FleetProblem withChassis(Chassis chassis, Integer available) {
        List<HostType> ts = new ArrayList<>(types);
        ts.addAll(chassis.configurations());
        Map<String, Integer> av = new LinkedHashMap<>(this.available);
        if (available != null) {
            av.put(chassis.id(), available);
        }
        return new FleetProblem(dimensions, workloads, ts, av, failuresTolerated, minHosts, pooled);
    }

    /** Total number of instances. */
    public int instanceCount() {
        long n = 0;
        for (FleetWorkload w : workloads) {
            n += w.count();
        }
        if (n > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("too many instances: " + n);
        }
        return (int) n;
    }

    /** Stock left in a pool, {@link Integer#MAX_VALUE} when unlimited. */
    int stockOf(String pool) {
        Integer a = available.get(pool);
        return a == null ? Integer.MAX_VALUE : a;
    }

    /** Fewest hosts any answer has: minHosts, k + 1 when failures are tolerated, and the largest anti-affine group (+ k). */
    int fewestHosts() {
        int aa = 0;
        for (FleetWorkload w : workloads) {
            if (w.antiAffine()) {
                aa = Math.max(aa, w.count());
            }
        }
        int k = failuresTolerated;
        return Math.max(minHosts, Math.max(k > 0 ? k + 1 : 0, aa > 0 ? aa + k : 0));
    }
}
