package dev.clusterplanner.core.fleet;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code count} identical instances, each taking {@code demand[d]} of dimension {@code d} of {@link FleetProblem#dimensions()}.
 *
 * @param antiAffine when true no two of its instances share a host (its replicas form one anti-affinity group)
 */
public record FleetWorkload(String name, int count, double[] demand, boolean antiAffine) {

    public FleetWorkload {
        Objects.requireNonNull(name, "name");
        if (count < 0) {
            throw new IllegalArgumentException("workload '" + name + "': count must be 0 or more, got " + count);
        }
        demand = demand.clone();
        for (double v : demand) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("workload '" + name + "': every demand must be a finite number, 0 or more, got " + Arrays.toString(demand));
            }
        }
    }

    @Override
    public double[] demand() {
        return demand.clone();
    }

    double demand(int d) {
        return demand[d];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetWorkload w && w.name.equals(name) && w.count == count && w.antiAffine == antiAffine
                && Arrays.equals(w.demand, demand);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, count, antiAffine, Arrays.hashCode(demand));
    }

    @Override
    public String toString() {
        return "FleetWorkload[" + name + " x" + count + " " + Arrays.toString(demand) + (antiAffine ? " anti-affine" : "") + "]";
    }
}
