package dev.clusterplanner.core.sizing;

import java.util.Arrays;

/**
 * Whether an allocation that already exists (instances on hosts, e.g. a live cluster) survives the loss of any
 * {@code k} hosts, by the sizing engine's own failure check: the same evacuation (instances of the lost hosts re-placed
 * largest first onto the survivors' free capacity), the same enumeration of failure sets and the same bound. One rule
 * for the plan and the live check.
 *
 * @param holds            every set of k lost hosts heals
 * @param failedHosts      the first set found that does not heal (host indices), or null
 * @param strandedInstance the instance of that set that finds no host (index into the demand rows), or -1 when unknown
 * @param setsChecked      how many failure sets the check covers
 * @param method           "enumerated", "bound" or "none"
 */
public record Survival(boolean holds, int[] failedHosts, int strandedInstance, long setsChecked, String method) {

    /**
     * @param caps   what each host offers, per {@link Dimension}
     * @param demand what each instance takes, per {@link Dimension}
     * @param hostOf the host each instance runs on (-1: not running anywhere, it takes nothing)
     * @param k      hosts lost at once
     */
    public static Survival of(double[][] caps, double[][] demand, int[] hostOf, int k) {
        int n = demand.length;
        int[] one = new int[n];
        Arrays.fill(one, 1);
        Instances inst = new Instances(demand, new boolean[n], one, Sizer.maxCap(caps), true);
        int[][] placed = new int[n][];
        for (int i = 0; i < n; i++) {
            placed[i] = new int[]{hostOf[i]};
        }
        Packing pk = Packing.of(inst, caps, placed);
        Packing.Outcome o = pk.checkFailures(k);
        int stranded = o.strandedW();
        if (!o.holds() && stranded < 0 && o.failedSet() != null) {
            // found by the quick volume test: evacuate that set to name the instance left without a host
            int[] s = pk.evacuation.evacuate(o.failedSet(), new Evacuation.Scratch(caps.length), null);
            stranded = s == null ? -1 : s[0];
        }
        return new Survival(o.holds(), o.failedSet(), stranded, o.setsChecked(), o.method());
    }

    /**
     * The same check for instances given workload by workload, so anti-affinity holds during the evacuation as in the
     * sizing engine's own check: replicas of an anti-affine workload never land on one host.
     *
     * @param demand     what one instance of each workload takes, per {@link Dimension}
     * @param antiAffine per workload: its replicas must run on distinct hosts
     * @param hostOf     per workload, the host of each of its instances (-1: not running anywhere)
     * @return the survival; {@code strandedInstance} is then the index of the workload whose instance finds no host
     */
    public static Survival ofWorkloads(double[][] caps, double[][] demand, boolean[] antiAffine, int[][] hostOf, int k) {
        int[] counts = new int[demand.length];
        for (int w = 0; w < demand.length; w++) {
            counts[w] = hostOf[w].length;
        }
        Instances inst = new Instances(demand, antiAffine.clone(), counts, Sizer.maxCap(caps), true);
        Packing pk = Packing.of(inst, caps, hostOf);
        Packing.Outcome o = pk.checkFailures(k);
        return new Survival(o.holds(), o.failedSet(), o.strandedW(), o.setsChecked(), o.method());
    }
}
