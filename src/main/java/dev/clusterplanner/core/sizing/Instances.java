package dev.clusterplanner.core.sizing;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The instances to place, in placement order: decreasing dominant share (the largest fraction of a
 * reference host that the instance takes in any dimension), then decreasing total share, then workload
 * order, then instance number. All instances of a workload are identical, so the order is computed per
 * workload and expanded; ties break on indices, so the order (and hence the placement) is deterministic.
 */
final class Instances {

    final double[][] wDem;
    final boolean[] antiAffine;
    final int[] wl;
    final int[] ord;
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
        Integer[] order = new Integer[w];
        for (int i = 0; i < w; i++) {
            order[i] = i;
        }
        Comparator<Integer> pri = Comparator.comparingInt(i -> priority != null && priority[i] ? 0 : 1);
        Comparator<Integer> first = antiAffineFirst
                ? Comparator.<Integer>comparingInt(i -> antiAffine[i] ? -include[i] : 0)
                : Comparator.<Integer>comparingInt(i -> 0);
        Comparator<Integer> size = antiAffineFirst
                ? Comparator.<Integer>comparingDouble(i -> -dominant[i]).thenComparingDouble(i -> -total[i])
                : Comparator.<Integer>comparingDouble(i -> -total[i]).thenComparingDouble(i -> -dominant[i]);
        Arrays.sort(order, pri.thenComparing(first).thenComparing(size)
                .thenComparingInt(i -> i));
        int n = 0;
        for (int c : include) {
            n += c;
        }
        this.size = n;
        this.wl = new int[n];
        this.ord = new int[n];
        int p = 0;
        for (int i : order) {
            for (int j = 1; j <= include[i]; j++) {
                wl[p] = i;
                ord[p] = j;
                p++;
            }
        }
    }

    /** How many instances of each workload are included. */
    int[] includeCounts() {
        int[] c = new int[wDem.length];
        for (int i = 0; i < size; i++) {
            c[wl[i]]++;
        }
        return c;
    }

    /** Position of each workload in this order (for workloads with no instance included: after all others). */
    int[] workloadRank() {
        int[] rank = new int[wDem.length];
        java.util.Arrays.fill(rank, Integer.MAX_VALUE);
        int r = 0;
        for (int i = 0; i < size; i++) {
            if (rank[wl[i]] == Integer.MAX_VALUE) {
                rank[wl[i]] = r++;
            }
        }
        return rank;
    }

    double[] dem(int i) {
        return wDem[wl[i]];
    }
}
