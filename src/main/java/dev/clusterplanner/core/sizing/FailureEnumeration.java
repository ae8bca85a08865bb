package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.capacity.FailureHeadroom;

import java.util.Arrays;

/**
 * The failure check of a packing: which sets of k failed hosts to evacuate (one per class of interchangeable sets), a
 * cheap necessary condition first, and the slot bound when there are too many sets to enumerate.
 */
final class FailureEnumeration {

    private final Packing pk;

    FailureEnumeration(Packing pk) {
        this.pk = pk;
    }

    // ------------------------------------------------------------------ failure check

    Packing.Outcome checkFailures(int k) {
        int n = pk.caps.length;
        if (k <= 0) {
            return new Packing.Outcome(0, "none", 0, 0, true, null, -1, -1);
        }
        if (!FailureHeadroom.canLose(n, k)) {
            return new Packing.Outcome(k, "none", 0, 0, false, null, -1, -1);
        }
        long sets = Packing.choose(n, k);
        long perHost = Packing.choose(n - 1, k - 1);
        boolean enumerate = sets <= pk.MAX_ENUMERATED_SETS && perHost != Long.MAX_VALUE
                && perHost <= pk.MAX_ENUMERATION_WORK / Math.max(1, pk.runs);
        if (!enumerate) {
            return pk.slots.slotBound(k);
        }
        int f = necessaryConditionFails();
        if (f >= 0) {
            int[] set = {f};
            return new Packing.Outcome(k, "enumerated", 1, 0, false, set, -1, -1);
        }
        return enumerate(k, sets);
    }

    /**
     * A host whose loss cannot heal by volume alone (cheap, O(n) per dimension), or -1: every set of k >= 1 failed hosts
     * containing host f must move f's load into the others' free capacity, so load(f) <= total free - free(f) is
     * necessary in every dimension, and f's largest instance (per dimension) must fit the largest free amount elsewhere.
     */
    int necessaryConditionFails() {
        int n = pk.caps.length;
        int dims = Packer.D;
        double[] totalFree = new double[dims];
        double[] max1 = new double[dims];
        double[] max2 = new double[dims];
        int[] arg1 = new int[dims];
        Arrays.fill(max1, Double.NEGATIVE_INFINITY);
        Arrays.fill(max2, Double.NEGATIVE_INFINITY);
        for (int h = 0; h < n; h++) {
            for (int d = 0; d < dims; d++) {
                double f = pk.packer.free(h, d);
                totalFree[d] += f;
                if (f > max1[d]) {
                    max2[d] = max1[d];
                    max1[d] = f;
                    arg1[d] = h;
                } else if (f > max2[d]) {
                    max2[d] = f;
                }
            }
        }
        double[] load = new double[n * dims];
        double[] largest = new double[n * dims];
        for (int i = 0; i < pk.runs; i++) {
            int h = pk.runH[i];
            if (h < 0) {
                continue;
            }
            double[] dem = pk.inst.wDem[pk.runW[i]];
            for (int d = 0; d < dims; d++) {
                load[h * dims + d] += pk.runCount[i] * dem[d];
                largest[h * dims + d] = Math.max(largest[h * dims + d], dem[d]);
            }
        }
        for (int h = 0; h < n; h++) {
            for (int d = 0; d < dims; d++) {
                if (Double.isInfinite(totalFree[d])) {
                    continue;
                }
                double others = totalFree[d] - pk.packer.free(h, d);
                double tol = Packer.EPS * Math.max(1, load[h * dims + d]);
                if (load[h * dims + d] > others + tol) {
                    return h;
                }
                double bestElsewhere = arg1[d] == h ? max2[d] : max1[d];
                if (largest[h * dims + d] > bestElsewhere + Packer.EPS) {
                    return h;
                }
            }
        }
        return -1;
    }

    /** Every set of k hosts, one per class of interchangeable sets: those made of the first hosts of their classes. */
    Packing.Outcome enumerate(int k, long sets) {
        int n = pk.caps.length;
        if (k == 1) {
            // one host per class, found as they come (a failing check usually stops at the first host)
            pk.classesOf.content();
            Evacuation.Scratch s = new Evacuation.Scratch(n);
            java.util.Set<HostClasses.HostKey> seen = new java.util.HashSet<>();
            long evacuated = 0;
            int[] one = new int[1];
            for (int h = 0; h < n; h++) {
                if (n > 8 && !seen.add(pk.classesOf.key(h))) {
                    continue; // (a few hosts are evacuated one by one without looking for identical ones)
                }
                evacuated++;
                one[0] = h;
                int[] stranded = pk.evacuation.evacuate(one, s, null);
                if (stranded != null) {
                    return new Packing.Outcome(k, "enumerated", sets, evacuated, false, one.clone(), stranded[0], stranded[1]);
                }
            }
            return new Packing.Outcome(k, "enumerated", sets, evacuated, true, null, -1, -1);
        }
        pk.classesOf.classes();
        int[] comb = new int[k];
        for (int i = 0; i < k; i++) {
            comb[i] = i;
        }
        Evacuation.Scratch s = new Evacuation.Scratch(n);
        long evacuated = 0;
        int[] perClass = new int[pk.classesOf.classes];
        while (true) {
            if (canonical(comb, perClass)) {
                evacuated++;
                int[] stranded = pk.evacuation.evacuate(comb, s, null);
                if (stranded != null) {
                    return new Packing.Outcome(k, "enumerated", sets, evacuated, false, comb.clone(), stranded[0], stranded[1]);
                }
            }
            // next combination in lexicographic order
            int i = k - 1;
            while (i >= 0 && comb[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            comb[i]++;
            for (int j = i + 1; j < k; j++) {
                comb[j] = comb[j - 1] + 1;
            }
        }
        return new Packing.Outcome(k, "enumerated", sets, evacuated, true, null, -1, -1);
    }

    /** Whether the (ascending) set takes, from every class, its first hosts in index order. */
    boolean canonical(int[] comb, int[] perClass) {
        boolean ok = true;
        for (int h : comb) {
            if (pk.classesOf.rankInClass[h] != perClass[pk.classesOf.cls[h]]) {
                ok = false;
            }
            perClass[pk.classesOf.cls[h]]++;
        }
        for (int h : comb) {
            perClass[pk.classesOf.cls[h]] = 0;
        }
        return ok;
    }
}
