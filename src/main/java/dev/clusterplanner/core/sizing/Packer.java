package dev.clusterplanner.core.sizing;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Multi-dimensional first-fit onto a fixed row of hosts. The free capacity of every host sits in a segment
 * tree holding, per node, the largest free amount of each dimension below it; finding the first host that
 * fits an instance in every dimension descends the tree and prunes subtrees that cannot fit, so a
 * placement costs about O(D log n) instead of O(n). Anti-affinity is a per-workload bit set of hosts that
 * already hold one of its replicas; such hosts are skipped at the leaves.
 * <p>
 * Hosts can be disabled (a failed host) and re-enabled, which is how failure sets are evacuated and undone.
 * Not thread-safe; one packer per attempt.
 */
final class Packer {

    static final int D = Dimension.COUNT;
    /** Tolerance for floating-point sums: an instance fits when free + EPS >= demand. */
    static final double EPS = 1e-9;

    final int n;
    final double[] free;
    private final int size;
    private final double[] tree;
    private final boolean[] disabled;
    final BitSet[] aaHosts;
    final int[] count;

    /**
     * @param caps        capacity of host i in dimension d at {@code caps[i][d]}
     * @param antiAffine  per workload, whether its replicas must be on distinct hosts
     */
    Packer(double[][] caps, boolean[] antiAffine) {
        this.n = caps.length;
        this.free = new double[n * D];
        for (int i = 0; i < n; i++) {
            System.arraycopy(caps[i], 0, free, i * D, D);
        }
        int s = 1;
        while (s < Math.max(1, n)) {
            s <<= 1;
        }
        this.size = s;
        this.tree = new double[2 * size * D];
        Arrays.fill(tree, Double.NEGATIVE_INFINITY);
        this.disabled = new boolean[n];
        this.count = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(free, i * D, tree, (size + i) * D, D);
        }
        for (int node = size - 1; node >= 1; node--) {
            pull(node);
        }
        this.aaHosts = new BitSet[antiAffine.length];
        for (int w = 0; w < antiAffine.length; w++) {
            if (antiAffine[w]) {
                aaHosts[w] = new BitSet(n);
            }
        }
    }

    private void pull(int node) {
        int l = 2 * node * D;
        int r = (2 * node + 1) * D;
        int o = node * D;
        for (int d = 0; d < D; d++) {
            tree[o + d] = Math.max(tree[l + d], tree[r + d]);
        }
    }

    private void refresh(int h) {
        int leaf = size + h;
        if (disabled[h]) {
            Arrays.fill(tree, leaf * D, leaf * D + D, Double.NEGATIVE_INFINITY);
        } else {
            System.arraycopy(free, h * D, tree, leaf * D, D);
        }
        for (int node = leaf >> 1; node >= 1; node >>= 1) {
            if (!pullChanged(node)) {
                break; // the maxima above are unchanged
            }
        }
    }

    private boolean pullChanged(int node) {
        int l = 2 * node * D;
        int r = (2 * node + 1) * D;
        int o = node * D;
        boolean changed = false;
        for (int d = 0; d < D; d++) {
            double v = Math.max(tree[l + d], tree[r + d]);
            if (v != tree[o + d]) {
                tree[o + d] = v;
                changed = true;
            }
        }
        return changed;
    }

    boolean fits(int h, double[] dem) {
        int o = h * D;
        for (int d = 0; d < D; d++) {
            if (free[o + d] + EPS < dem[d]) {
                return false;
            }
        }
        return true;
    }

    /** The first enabled host (lowest index) that fits {@code dem} in every dimension and holds no replica of workload {@code w}; -1 if none. */
    int find(double[] dem, int w) {
        return find(1, 0, size - 1, dem, aaHosts[w]);
    }

    /** The first host at or after {@code from} that fits (as {@link #find(double[], int)}), wrapping round to 0; -1 if none. */
    int findFrom(double[] dem, int w, int from) {
        int h = findFrom(1, 0, size - 1, dem, aaHosts[w], from);
        return h >= 0 || from == 0 ? h : find(1, 0, size - 1, dem, aaHosts[w]);
    }

    /** The first host at or after {@code from} that fits, without wrapping round; -1 if none. */
    int findAtOrAfter(double[] dem, int w, int from) {
        return from == 0 ? find(1, 0, size - 1, dem, aaHosts[w]) : findFrom(1, 0, size - 1, dem, aaHosts[w], from);
    }

    private int findFrom(int node, int lo, int hi, double[] dem, BitSet excluded, int from) {
        if (hi < from) {
            return -1;
        }
        if (lo >= from) {
            return find(node, lo, hi, dem, excluded);
        }
        int mid = (lo + hi) >>> 1;
        int r = findFrom(2 * node, lo, mid, dem, excluded, from);
        return r >= 0 ? r : findFrom(2 * node + 1, mid + 1, hi, dem, excluded, from);
    }

    private int find(int node, int lo, int hi, double[] dem, BitSet excluded) {
        int o = node * D;
        for (int d = 0; d < D; d++) {
            if (tree[o + d] + EPS < dem[d]) {
                return -1;
            }
        }
        if (lo == hi) {
            // a leaf's values are one host's own free capacity, so fitting the node means fitting the host
            return excluded != null && excluded.get(lo) ? -1 : lo;
        }
        int mid = (lo + hi) >>> 1;
        int r = find(2 * node, lo, mid, dem, excluded);
        return r >= 0 ? r : find(2 * node + 1, mid + 1, hi, dem, excluded);
    }

    /** How many more instances of demand {@code dem} host {@code h} has room for (capacity only, anti-affinity aside). */
    int room(int h, double[] dem) {
        int o = h * D;
        long m = Integer.MAX_VALUE;
        for (int d = 0; d < D; d++) {
            if (dem[d] > 0) {
                double f = free[o + d];
                if (Double.isInfinite(f)) {
                    continue;
                }
                long q = (long) Math.floor((f + EPS) / dem[d]);
                // the quotient is rounded: step back while m instances would overrun the tolerance
                while (q > 0 && q * dem[d] > f + EPS) {
                    q--;
                }
                m = Math.min(m, Math.max(0, q));
            }
        }
        return (int) m;
    }

    /** Places {@code m} instances of workload {@code w} on host {@code h} and refreshes the tree. */
    void place(int h, double[] dem, int w, int m) {
        placeQuiet(h, dem, w, m);
        refresh(h);
    }

    void place(int h, double[] dem, int w) {
        place(h, dem, w, 1);
    }

    /** As {@link #place(int, double[], int, int)} without refreshing the tree: call {@link #rebuild()} before the next find. */
    void placeQuiet(int h, double[] dem, int w, int m) {
        int o = h * D;
        for (int d = 0; d < D; d++) {
            free[o + d] -= m * dem[d];
        }
        count[h] += m;
        if (aaHosts[w] != null) {
            aaHosts[w].set(h);
        }
    }

    /** Rebuilds the whole tree from the free capacities (after {@link #placeQuiet}). */
    void rebuild() {
        for (int i = 0; i < n; i++) {
            int leaf = (size + i) * D;
            if (disabled[i]) {
                Arrays.fill(tree, leaf, leaf + D, Double.NEGATIVE_INFINITY);
            } else {
                System.arraycopy(free, i * D, tree, leaf, D);
            }
        }
        for (int node = size - 1; node >= 1; node--) {
            pull(node);
        }
    }

    boolean disabled(int h) {
        return disabled[h];
    }

    /** Restores host {@code h} to the given free values and count (undo of evacuations). */
    void restore(int h, double[] savedFree, int savedCount) {
        System.arraycopy(savedFree, 0, free, h * D, D);
        count[h] = savedCount;
        refresh(h);
    }

    /** As {@link #setDisabled} without refreshing the tree: call {@link #rebuild()} before the next find. */
    void setDisabledQuiet(int h, boolean value) {
        disabled[h] = value;
    }

    void setDisabled(int h, boolean value) {
        disabled[h] = value;
        refresh(h);
    }

    double free(int h, int d) {
        return free[h * D + d];
    }
}
