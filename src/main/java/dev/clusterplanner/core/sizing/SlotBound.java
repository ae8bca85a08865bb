package dev.clusterplanner.core.sizing;

import java.util.Arrays;

/**
 * The sound bound used when failure sets are too many to evacuate one by one: with D_max the largest demand per
 * dimension, slots(h) = min over dimensions of floor(free / D_max); every set of k failed hosts heals when the total
 * slots minus the largest k values of (slots + instances) is at least 0 (and likewise for anti-affine replicas).
 */
final class SlotBound {

    private final Packing pk;

    SlotBound(Packing pk) {
        this.pk = pk;
    }

    Packing.Outcome slotBound(int k) {
        int n = pk.caps.length;
        double[] dmax = new double[Packer.D];
        int[] replicas = new int[pk.inst.wDem.length];
        for (int i = 0; i < pk.runs; i++) {
            if (pk.runH[i] < 0) {
                continue;
            }
            double[] dem = pk.inst.wDem[pk.runW[i]];
            for (int d = 0; d < Packer.D; d++) {
                dmax[d] = Math.max(dmax[d], dem[d]);
            }
            replicas[pk.runW[i]] += pk.runCount[i];
        }
        int rmax = 0;
        for (int w = 0; w < replicas.length; w++) {
            if (pk.inst.antiAffine[w]) {
                rmax = Math.max(rmax, replicas[w]);
            }
        }
        long totalSlots = 0;
        long withSlot = 0;
        long[] termS = new long[n];
        long[] termG = new long[n];
        for (int h = 0; h < n; h++) {
            long slots = Long.MAX_VALUE / 4;
            for (int d = 0; d < Packer.D; d++) {
                if (dmax[d] > 0) {
                    double f = pk.packer.free(h, d);
                    if (!Double.isInfinite(f)) {
                        slots = Math.min(slots, (long) Math.floor((f + Packer.EPS) / dmax[d]));
                    }
                }
            }
            slots = Math.max(0, Math.min(slots, 1_000_000));
            totalSlots += slots;
            withSlot += slots >= 1 ? 1 : 0;
            termS[h] = slots + pk.packer.count[h];
            termG[h] = (slots >= 1 ? 1 : 0) + pk.packer.count[h];
        }
        boolean holds = totalSlots - topK(termS, k) >= 0
                && (rmax == 0 || withSlot - topK(termG, k) >= rmax - 1);
        return new Packing.Outcome(k, "bound", 0, 0, holds, null, -1, -1);
    }

    static long topK(long[] v, int k) {
        long[] c = v.clone();
        Arrays.sort(c);
        long s = 0;
        for (int i = 0; i < k && i < c.length; i++) {
            s += c[c.length - 1 - i];
        }
        return s;
    }
}
