package dev.clusterplanner.core.configure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The one domination rule of configure-to-order: a configuration is left out when another offers at least as much in
 * every capacity dimension for no more money (and is strictly better somewhere, or cheaper; of two equal ones the one
 * listed first stays). The sizing's configuration choice ({@link Configurations}) and the fleet optimiser's chassis
 * ({@code core.fleet.Chassis}) both use it.
 */
public final class Dominance {

    private Dominance() {
    }

    /** The items no other item dominates, in their order. */
    public static <T> List<T> nonDominated(List<T> items, Function<T, double[]> capacity, ToDoubleFunction<T> cost) {
        int n = items.size();
        double[][] caps = new double[n][];
        double[] costs = new double[n];
        for (int i = 0; i < n; i++) {
            caps[i] = capacity.apply(items.get(i));
            costs[i] = cost.applyAsDouble(items.get(i));
        }
        List<T> kept = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            boolean dominated = false;
            for (int o = 0; o < n && !dominated; o++) {
                dominated = o != t && dominates(caps[o], costs[o], caps[t], costs[t], o < t);
            }
            if (!dominated) {
                kept.add(items.get(t));
            }
        }
        return kept;
    }

    /** a is at least as good as b in every dimension and costs no more; a tie is broken by listing order. */
    static boolean dominates(double[] ca, double costA, double[] cb, double costB, boolean aFirst) {
        if (costA > costB) {
            return false;
        }
        boolean strictly = costA < costB;
        for (int d = 0; d < ca.length; d++) {
            if (ca[d] < cb[d]) {
                return false;
            }
            strictly |= ca[d] > cb[d];
        }
        return strictly || aFirst;
    }
}
