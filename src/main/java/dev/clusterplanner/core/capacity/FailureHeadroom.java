package dev.clusterplanner.core.capacity;

/**
 * Failure headroom, in one place (decision 0100): what a cluster keeps in one dimension (CPU, memory, disk or GPU) after
 * losing its {@code k} largest hosts is the sum over all hosts minus the {@code k} largest values. A load holds after k
 * failures when that remaining capacity covers it. It is a volume condition (necessary, not sufficient): the evacuation
 * check of {@code core.sizing} decides whether the instances really find hosts; the sizing engine's lower bound and
 * volume tests, the mixed-fleet search, the risk simulation's capacity and the live check read it from here.
 * <p>
 * A dimension in which some host has infinite capacity (one that sets no per-host limit, such as disk under Ceph or on
 * an EBS cloud host) sets no limit: the headroom is infinite.
 */
public final class FailureHeadroom {

    /** Relative tolerance for comparing a load with a capacity (floating-point sums). */
    public static final double EPS = 1e-9;

    private FailureHeadroom() {
    }

    /** Sum of {@code perHost} less its {@code k} largest values (0 when k covers every host). */
    public static double afterLosingLargest(double[] perHost, int k) {
        double sum = 0;
        for (double v : perHost) {
            if (Double.isInfinite(v)) {
                return Double.POSITIVE_INFINITY;
            }
            sum += v;
        }
        if (k <= 0) {
            return sum;
        }
        if (k >= perHost.length) {
            return 0;
        }
        double[] sorted = perHost.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < k; i++) {
            sum -= sorted[sorted.length - 1 - i];
        }
        return sum;
    }

    /**
     * The same for hosts given as groups of equal hosts: {@code counts[i]} hosts offering {@code values[i]} each (a row
     * of one hardware, or the few host shapes of a mix), without building the row.
     */
    public static double afterLosingLargest(double[] values, int[] counts, int k) {
        double sum = 0;
        int hosts = 0;
        for (int i = 0; i < values.length; i++) {
            if (counts[i] <= 0) {
                continue;
            }
            if (Double.isInfinite(values[i])) {
                return Double.POSITIVE_INFINITY;
            }
            sum += counts[i] * values[i];
            hosts += counts[i];
        }
        if (k >= hosts) {
            return 0;
        }
        // take the k hosts away from the largest groups down
        int lost = Math.max(0, k);
        boolean[] emptied = new boolean[values.length];
        while (lost > 0) {
            int best = -1;
            for (int i = 0; i < values.length; i++) {
                if (counts[i] > 0 && !emptied[i] && (best < 0 || values[i] > values[best])) {
                    best = i;
                }
            }
            int n = Math.min(lost, counts[best]);
            sum -= n * values[best];
            lost -= n;
            emptied[best] = true;
        }
        return sum;
    }

    /** Whether {@code load} fits within {@code capacity}, with the floating-point tolerance used everywhere. */
    public static boolean covers(double capacity, double load) {
        return load <= 0 || capacity + EPS * Math.max(1, load) >= load;
    }

    /** Whether {@code load} fits the capacity left after losing the {@code k} largest of {@code perHost}. */
    public static boolean holds(double[] perHost, double load, int k) {
        return load <= 0 || covers(afterLosingLargest(perHost, k), load);
    }

    /**
     * Whether every dimension's load fits after losing the k largest hosts of that dimension ({@code caps[host][dim]}).
     * On failure the first dimension that does not hold is written to {@code bindingOut[0]} (when given).
     */
    public static boolean holds(double[][] caps, double[] load, int k, int[] bindingOut) {
        double[] column = new double[caps.length];
        for (int d = 0; d < load.length; d++) {
            if (load[d] <= 0) {
                continue;
            }
            for (int i = 0; i < caps.length; i++) {
                column[i] = caps[i][d];
            }
            if (!holds(column, load[d], k)) {
                if (bindingOut != null) {
                    bindingOut[0] = d;
                }
                return false;
            }
        }
        return true;
    }

    /** Per dimension, what {@code caps[host][dim]} keep after losing the k largest hosts of that dimension. */
    public static double[] afterLosingLargest(double[][] caps, int dims, int k) {
        double[] out = new double[dims];
        double[] column = new double[caps.length];
        for (int d = 0; d < dims; d++) {
            for (int i = 0; i < caps.length; i++) {
                column[i] = caps[i][d];
            }
            out[d] = afterLosingLargest(column, k);
        }
        return out;
    }

    /** Whether {@code hosts} hosts can lose {@code k} and keep at least one: k < hosts. */
    public static boolean canLose(int hosts, int k) {
        return k < hosts;
    }
}
