package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.FailureHeadroom;
import dev.clusterplanner.core.model.Hardware;

import static dev.clusterplanner.core.sizing.SizingText.num;

/**
 * The lower bound on the host count of one hardware ({@code hostsLowerBound}): the policy minimum, the Ceph width and
 * usable capacity, the per-dimension volume after losing the k largest hosts ({@code FailureHeadroom}), Martello and
 * Toth's L2 bin-packing bound per dimension + k, and the anti-affine replicas + k. No placement can use fewer hosts.
 */
final class LowerBound {

    private final SiteContext ctx;

    LowerBound(SiteContext ctx) {
        this.ctx = ctx;
    }

    // -------------------------------------------------------------- bounds

    record Bound(int value, int volume, Dimension volumeDim, int antiAffinity, String aaWorkload, String formula, int cephCapacity) {
    }

    /** Lower bound for a homogeneous cluster of h. */
    Bound bound(Hardware h, int[] include) {
        double[] t = ctx.total(include);
        double[] small = ctx.capacity(h, 0);
        double[] big = ctx.capacity(h, CapacityModel.MON_MGR_HOSTS);
        int limit = ctx.placed(include) + ctx.k + CapacityModel.MON_MGR_HOSTS + 1;
        int vol = 0;
        Dimension volDim = null;
        if (ctx.placed(include) > 0) {
            for (int d = 0; d < Packer.D; d++) {
                if (t[d] <= 0 || Double.isInfinite(big[d])) {
                    continue;
                }
                int n = ctx.k + 1;
                double[] shapes = {big[d], small[d]};
                int[] counts = new int[2];
                while (n < limit) {
                    counts[0] = Math.max(0, n - CapacityModel.MON_MGR_HOSTS);
                    counts[1] = n - counts[0];
                    if (FailureHeadroom.covers(FailureHeadroom.afterLosingLargest(shapes, counts, ctx.k), t[d])) {
                        break;
                    }
                    n++;
                }
                if (n > vol) {
                    vol = n;
                    volDim = Dimension.values()[d];
                }
            }
        }
        // Martello-Toth L2 per dimension: after losing any k hosts the other n - k hold every instance, so
        // n >= L2 + k. Uses the larger (non-monitor) host shape, which keeps the bound valid.
        if (ctx.placed(include) > 0) {
            for (int d = 0; d < Packer.D; d++) {
                if (Double.isInfinite(big[d]) || big[d] <= 0) {
                    continue;
                }
                int l2 = martelloTothL2(include, d, big[d]) + ctx.k;
                if (l2 > vol) {
                    vol = l2;
                    volDim = Dimension.values()[d];
                }
            }
        }
        return finishBound(include, vol, volDim, t, big, ctx.cephCapacityHosts(h, include));
    }

    /**
     * The L2 lower bound of Martello and Toth (1990) for one-dimensional bin packing of dimension d into bins of
     * capacity c: for a threshold a in {0} and every item size <= c/2, items larger than c - a each need their own
     * bin, items in (c/2, c - a] too, and items in [a, c/2] fill what those leave before opening more bins.
     */
    int martelloTothL2(int[] include, int d, double c) {
        double eps = Packer.EPS * Math.max(1, c);
        double[] thresholds = new double[include.length + 1];
        int nt = 1;
        for (int w = 0; w < include.length; w++) {
            double s = ctx.wDem[w][d];
            if (include[w] > 0 && s > 0 && s <= c / 2 + eps) {
                thresholds[nt++] = s;
            }
        }
        int best = 0;
        for (int ti = 0; ti < nt; ti++) {
            double a = thresholds[ti];
            long j1 = 0;
            long j2 = 0;
            double j2Free = 0;
            double j3Sum = 0;
            for (int w = 0; w < include.length; w++) {
                double s = ctx.wDem[w][d];
                int cnt = include[w];
                if (cnt == 0 || s <= 0) {
                    continue;
                }
                if (s > c - a + eps) {
                    j1 += cnt;
                } else if (s > c / 2 + eps) {
                    j2 += cnt;
                    j2Free += cnt * (c - s);
                } else if (s + eps >= a) {
                    j3Sum += cnt * s;
                }
            }
            long extra = (long) Math.max(0, Math.ceil((j3Sum - j2Free) / c - 1e-9));
            best = (int) Math.max(best, j1 + j2 + extra);
        }
        return best;
    }

    Bound finishBound(int[] include, int vol, Dimension volDim, double[] t, double[] refCap, int cephCap) {
        String[] who = new String[1];
        int aab = ctx.aaBound(include, who);
        int value = Math.max(Math.max(Math.max(ctx.minHosts, ctx.cephFloor), Math.max(vol, aab)), cephCap);
        StringBuilder f = new StringBuilder("max(minHosts " + ctx.minHosts);
        if (ctx.cephFloor > 0) {
            f.append(", Ceph ").append(ctx.p.ceph().describe()).append(" ").append(ctx.cephFloor);
        }
        if (volDim != null) {
            f.append(", ").append(volDim.id()).append(" volume ").append(vol).append(" (")
                    .append(num(t[volDim.ordinal()])).append(" ").append(volDim.unit()).append(" on hosts of ")
                    .append(num(refCap[volDim.ordinal()])).append(", ").append(ctx.k).append(" lost)");
        }
        if (aab > 0) {
            f.append(", anti-affinity ").append(aab).append(" (").append(who[0]).append(" replicas + ").append(ctx.k).append(")");
        }
        if (cephCap > 0) {
            f.append(", Ceph usable capacity ").append(cephCap).append(" (").append(ctx.cephCapacityText(include)).append(")");
        }
        f.append(") = ").append(value);
        return new Bound(value, vol, volDim, aab, who[0], f.toString(), cephCap);
    }
}
