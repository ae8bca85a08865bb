package dev.clusterplanner.core.sizing;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The instances to place, as workload groups in placement order: all instances of a workload are identical, so the
 * order is one of workloads (decreasing dominant share, i.e. the largest fraction of a reference host the instance takes
 * in any dimension, then decreasing total share, then workload order) and a count per workload. Instances of a
 * workload are numbered 1..count in the order they are placed. Ties break on indices, so the order (and hence the
 * placement) is deterministic.
 */
final class Instances {

    final double[][] wDem;
    final boolean[] antiAffine;
    /** Workloads with at least one instance to place, in placement order. */
    final int[] order;
    /** Instances of workload w to place (numbered 1..cnt[w]), indexed by workload. */
    final int[] cnt;
    /** Total instances. */
    final int size;
    final boolean antiAffineFirst;

    /**
     * @param wDem     demand of one instance of workload w
     * @param include  how many instances of workload w to place (numbered 1..include[w])
     * @param ref      the reference host capacity used to compute shares
     */
    Instances(double[][] wDem, boolean[] antiAffine, int[] include, double[] ref) {
        this(wDem, antiAffine, include, ref, false);
    }

    /**
     * @param antiAffineFirst place anti-affine workloads first (most replicas first): the most constrained instances
     *                        go before the hosts fill up, so their replicas do not each need a fresh host at the end
     */
    Instances(double[][] wDem, boolean[] antiAffine, int[] include, double[] ref, boolean antiAffineFirst) {
        this(wDem, antiAffine, include, ref, antiAffineFirst, null);
    }

    /** @param priority workloads to place before all others (e.g. those a previous attempt could not place), or null */
    Instances(double[][] wDem, boolean[] antiAffine, int[] include, double[] ref, boolean antiAffineFirst, boolean[] priority) {
        this(wDem, antiAffine, include, ref, antiAffineFirst, priority, -1);
    }

    /** @param byDim when >= 0, sizes compare by this dimension's demand alone (e.g. the dimension that binds) */
    Instances(double[][] wDem, boolean[] antiAffine, int[] include, double[] ref, boolean antiAffineFirst, boolean[] priority, int byDim) {
        this.wDem = wDem;
        this.antiAffine = antiAffine;
        this.antiAffineFirst = antiAffineFirst;
        int w = wDem.length;
        double[] dominant = new double[w];
        double[] total = new double[w];
        for (int i = 0; i < w; i++) {
            for (int d = 0; d < Packer.D; d++) {
                double r = ref[d];
                if (r > 0 && !Double.isInfinite(r)) {
                    double s = wDem[i][d] / r;
                    dominant[i] = Math.max(dominant[i], s);
                    total[i] += s;
                } else if (r <= 0 && wDem[i][d] > 0) {
                    dominant[i] = Double.MAX_VALUE;
                }
            }
        }
        Integer[] sorted = new Integer[w];
        for (int i = 0; i < w; i++) {
            sorted[i] = i;
        }
        Comparator<Integer> pri = Comparator.comparingInt(i -> priority != null && priority[i] ? 0 : 1);
        Comparator<Integer> first = antiAffineFirst
                ? Comparator.<Integer>comparingInt(i -> antiAffine[i] ? -include[i] : 0)
                : Comparator.<Integer>comparingInt(i -> 0);
        Comparator<Integer> size = byDim >= 0
                ? Comparator.<Integer>comparingDouble(i -> -wDem[i][byDim]).thenComparingDouble(i -> -dominant[i])
                : antiAffineFirst
                ? Comparator.<Integer>comparingDouble(i -> -dominant[i]).thenComparingDouble(i -> -total[i])
                : Comparator.<Integer>comparingDouble(i -> -total[i]).thenComparingDouble(i -> -dominant[i]);
        Arrays.sort(sorted, pri.thenComparing(first).thenComparing(size).thenComparingInt(i -> i));
        int n = 0;
        int groups = 0;
        for (int c : include) {
            n += c;
            groups += c > 0 ? 1 : 0;
        }
        this.size = n;
        this.cnt = include.clone();
        this.order = new int[groups];
        int p = 0;
        for (int i : sorted) {
            if (include[i] > 0) {
                order[p++] = i;
            }
        }
    }

    /** How many instances of each workload are included. */
    int[] includeCounts() {
        return cnt.clone();
    }

    /** Position of each workload in this order (for workloads with no instance included: after all others). */
    int[] workloadRank() {
        int[] rank = new int[wDem.length];
        Arrays.fill(rank, Integer.MAX_VALUE);
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }
}
