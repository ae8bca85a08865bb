package dev.clusterplanner.core.fleet;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An answer the caller already has (the sizing engine's options), offered to the search as a start: the search starts
 * from the cheapest of these and its own constructions that is complete by the fleet's rules (every instance placed,
 * no host over capacity, stock, anti-affinity, fewest hosts, failure headroom), so it never ends above them.
 *
 * @param hostTypes type index ({@link FleetProblem#types()}) of each host
 * @param hostOf    host index of each instance, numbered workload by workload as in {@link FleetSolution#hostOf()}
 * @param label     what the start is, for the answer's explanation (e.g. "3 x rack-a, the sizing engine's option")
 */
public record FleetStart(List<Integer> hostTypes, int[] hostOf, String label) {

    public FleetStart {
        hostTypes = List.copyOf(hostTypes);
        hostOf = hostOf.clone();
        Objects.requireNonNull(label, "label");
    }

    @Override
    public int[] hostOf() {
        return hostOf.clone();
    }

    /** The start as a working answer; null when it breaks a rule of the problem (then it is not used). */
    Fleet toFleet(Flat f) {
        if (hostOf.length != f.n) {
            return null;
        }
        Fleet fl = new Fleet(f);
        for (int t : hostTypes) {
            if (t < 0 || t >= f.types || !fl.stockLeft(t)) {
                return null;
            }
            fl.open(t);
        }
        for (int i = 0; i < f.n; i++) {
            int h = hostOf[i];
            if (h < 0 || h >= fl.hosts.size() || !fl.hosts.get(h).fits(i, f)) {
                return null;
            }
            fl.place(i, h);
        }
        // a host the start leaves empty is a host bought for nothing: the start is taken as it is, the search closes it
        return FleetSolver.complete(f, fl) ? fl : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetStart s && s.hostTypes.equals(hostTypes) && Arrays.equals(s.hostOf, hostOf) && s.label.equals(label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostTypes, label, Arrays.hashCode(hostOf));
    }
}
