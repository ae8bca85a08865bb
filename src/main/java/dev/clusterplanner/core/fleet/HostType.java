package dev.clusterplanner.core.fleet;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A kind of host the fleet may use.
 *
 * @param id            catalog id (a configured chassis: chassis id plus its options, see {@link Chassis})
 * @param capacity      what one host offers per dimension of {@link FleetProblem#dimensions()} (infinite = no limit)
 * @param cost          cost of one host over the horizon (capex + running costs; for an owned host the running costs only)
 * @param stock         the stock pool this type draws from ({@link FleetProblem#available()} limits a pool; a chassis'
 *                      configurations share the chassis' pool, owned hosts have a pool of their own)
 * @param owned         a host already owned: no purchase, only its running costs
 * @param configuration the chosen options of a configured chassis, with their prices (empty for a fixed row)
 */
public record HostType(String id, double[] capacity, double cost, String stock, boolean owned, List<Chassis.Option> configuration) {

    public HostType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stock, "stock");
        capacity = capacity.clone();
        configuration = List.copyOf(configuration);
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("host type '" + id + "': cost must be a finite number, 0 or more, got " + cost);
        }
        for (double v : capacity) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("host type '" + id + "': every capacity must be 0 or more, got " + Arrays.toString(capacity));
            }
        }
    }

    /** A fixed catalog row bought new: its own stock pool named after its id. */
    public static HostType of(String id, double[] capacity, double cost) {
        return new HostType(id, capacity, cost, id, false, List.of());
    }

    /** Hosts of catalog row {@code id} already owned: pool {@code owned:id}, cost = running costs only. */
    public static HostType owned(String id, double[] capacity, double runningCost) {
        return new HostType(id, capacity, runningCost, "owned:" + id, true, List.of());
    }

    @Override
    public double[] capacity() {
        return capacity.clone();
    }

    double capacity(int d) {
        return capacity[d];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostType t && t.id.equals(id) && t.cost == cost && t.stock.equals(stock) && t.owned == owned
                && Arrays.equals(t.capacity, capacity) && t.configuration.equals(configuration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, cost, stock, owned, configuration, Arrays.hashCode(capacity));
    }

    @Override
    public String toString() {
        return "HostType[" + id + (owned ? " owned" : "") + " " + Arrays.toString(capacity) + " cost " + cost + "]";
    }
}
