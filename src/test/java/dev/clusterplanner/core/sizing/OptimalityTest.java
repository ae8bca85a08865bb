package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quality of the host counts: against an exhaustive search on tiny inputs, and against the lower bound on a
 * randomised suite. Seeds are fixed so a failure reproduces.
 */
class OptimalityTest {

    // ------------------------------------------------------------------ brute force

    /**
     * The fewest hosts of one hardware (local storage, so every host is alike) that place every instance and, for
     * k = 1, still place every instance of any one lost host onto the survivors without moving the survivors' own.
     * Exhaustive: every partition of the instances into hosts, then every re-placement of each host's instances.
     */
    static int bruteForce(double[][] dem, boolean[] aaOf, int[] wlOf, double[] cap, int k) {
        int n0 = dem.length;
        for (int hosts = 1; hosts <= n0 + k + 1; hosts++) {
            int[] assign = new int[n0];
            if (search(0, 0, hosts, assign, dem, aaOf, wlOf, cap, k)) {
                return hosts;
            }
        }
        return -1;
    }

    /** Restricted-growth enumeration of assignments (host labels in order of first use), up to `hosts` hosts. */
    static boolean search(int i, int used, int hosts, int[] assign, double[][] dem, boolean[] aa, int[] wl, double[] cap, int k) {
        if (i == dem.length) {
            return fits(assign, hosts, dem, aa, wl, cap, -1) && survives(assign, hosts, dem, aa, wl, cap, k);
        }
        for (int h = 0; h <= Math.min(used, hosts - 1); h++) {
            assign[i] = h;
            if (fits(assign, hosts, dem, aa, wl, cap, i)
                    && search(i + 1, Math.max(used, h + 1), hosts, assign, dem, aa, wl, cap, k)) {
                return true;
            }
        }
        return false;
    }

    /** Capacity and anti-affinity of the first upTo+1 instances (all when upTo = -1). */
    static boolean fits(int[] assign, int hosts, double[][] dem, boolean[] aa, int[] wl, double[] cap, int upTo) {
        int last = upTo < 0 ? assign.length - 1 : upTo;
        double[][] used = new double[hosts][cap.length];
        for (int i = 0; i <= last; i++) {
            int h = assign[i];
            if (h < 0) {
                continue;
            }
            for (int d = 0; d < cap.length; d++) {
                used[h][d] += dem[i][d];
                if (used[h][d] > cap[d] + 1e-9) {
                    return false;
                }
            }
            for (int j = 0; j < i; j++) {
                if (aa[i] && wl[j] == wl[i] && assign[j] == h) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean survives(int[] assign, int hosts, double[][] dem, boolean[] aa, int[] wl, double[] cap, int k) {
        if (k == 0) {
            return true;
        }
        if (hosts <= 1) {
            return false;
        }
        for (int f = 0; f < hosts; f++) {
            List<Integer> ev = new ArrayList<>();
            for (int i = 0; i < assign.length; i++) {
                if (assign[i] == f) {
                    ev.add(i);
                }
            }
            int[] after = assign.clone();
            if (!replace(0, ev, f, hosts, after, dem, aa, wl, cap)) {
                return false;
            }
        }
        return true;
    }

    static boolean replace(int e, List<Integer> ev, int failed, int hosts, int[] after, double[][] dem, boolean[] aa, int[] wl, double[] cap) {
        if (e == ev.size()) {
            return true;
        }
        int x = ev.get(e);
        for (int h = 0; h < hosts; h++) {
            if (h == failed) {
                continue;
            }
            after[x] = h;
            // instances still on the failed host are not counted on any survivor
            int[] view = after.clone();
            for (int j = e + 1; j < ev.size(); j++) {
                view[ev.get(j)] = -1;
            }
            if (fits(view, hosts, dem, aa, wl, cap, -1) && replace(e + 1, ev, failed, hosts, after, dem, aa, wl, cap)) {
                return true;
            }
        }
        after[x] = failed;
        return false;
    }

    @Test
    void onTinyInputsTheEngineFindsTheExhaustiveOptimum() {
        Random rnd = new Random(20261125);
        int cases = 0;
        List<String> worse = new ArrayList<>();
        for (int t = 0; t < 150; t++) {
            int k = rnd.nextInt(2);
            Hardware h = Hosts.host("h", 1 + 4 * (1 + rnd.nextInt(4)), 2 + 8 * (1 + rnd.nextInt(3)), 1, 1000, rnd.nextInt(2), 100.0);
            List<Workload> ws = new ArrayList<>();
            int total = 0;
            int nw = 1 + rnd.nextInt(3);
            for (int w = 0; w < nw && total < 6; w++) {
                int count = Math.min(6 - total, 1 + rnd.nextInt(3));
                total += count;
                ws.add(Workload.of("w" + w, WorkloadKind.CONTAINER, count, 1 + rnd.nextInt(8), 1 + rnd.nextInt(12), rnd.nextInt(3) * 300)
                        .withGpu(rnd.nextInt(4) == 0 ? 1 : 0).withAntiAffinity(rnd.nextBoolean()));
            }
            Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withMinHosts(1).withFailuresTolerated(k).withStorage(StorageMode.LOCAL, null);
            Site site = new Site("s", SiteKind.CLUSTER, ws, List.of("h"), p, null);
            SizingOption o = Sizer.size(site, List.of(h), HostCost.simple(60)).options().get(0);
            // the same problem, flattened for the brute force
            double[] cap = CapacityModel.capacity(h, p, 0);
            List<double[]> dem = new ArrayList<>();
            List<Boolean> aa = new ArrayList<>();
            List<Integer> wl = new ArrayList<>();
            for (int w = 0; w < ws.size(); w++) {
                for (int i = 0; i < ws.get(w).count(); i++) {
                    dem.add(CapacityModel.demand(ws.get(w), p));
                    aa.add(ws.get(w).antiAffinity());
                    wl.add(w);
                }
            }
            boolean[] aaArr = new boolean[aa.size()];
            int[] wlArr = new int[wl.size()];
            for (int i = 0; i < aaArr.length; i++) {
                aaArr[i] = aa.get(i);
                wlArr[i] = wl.get(i);
            }
            boolean anyTooBig = dem.stream().anyMatch(d -> {
                for (int x = 0; x < d.length; x++) {
                    if (d[x] > cap[x]) {
                        return true;
                    }
                }
                return false;
            });
            if (anyTooBig) {
                assertTrue(!o.feasible(), "an instance larger than the host cannot be placed");
                continue;
            }
            cases++;
            int best = bruteForce(dem.toArray(new double[0][]), aaArr, wlArr, cap, k);
            assertTrue(o.feasible());
            assertTrue(o.hosts() >= best, "the engine cannot beat the exhaustive optimum: " + o.hosts() + " < " + best);
            if (o.hosts() != best) {
                worse.add(ws + " k=" + k + ": engine " + o.hosts() + ", optimum " + best);
            }
        }
        assertTrue(cases >= 100, "enough cases exercised: " + cases);
        assertEquals(List.of(), worse);
    }

    // ------------------------------------------------------------------ randomised suite against the bound

    @Test
    void plannedHostsStayWithinTheLowerBoundPlusOneOnAtLeast95PercentOfRandomSites() {
        Random rnd = new Random(42);
        int within = 0;
        int total = 0;
        int packingWithin = 0;
        int packingTotal = 0;
        List<String> outliers = new ArrayList<>();
        java.util.Map<String, Integer> perHw = new java.util.TreeMap<>();
        for (int t = 0; t < 200; t++) {
            int k = rnd.nextInt(3);
            StorageMode storage = rnd.nextBoolean() ? StorageMode.LOCAL : StorageMode.CEPH;
            Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withMinHosts(1).withFailuresTolerated(k).withStorage(storage, null);
            List<Workload> ws = new ArrayList<>();
            int nw = 2 + rnd.nextInt(8);
            for (int w = 0; w < nw; w++) {
                // instance sizes of a small organisation: 0.5-8 vCPU, 0.5-16 GiB, 0-490 GiB disk
                ws.add(Workload.of("w" + w, rnd.nextBoolean() ? WorkloadKind.VM : WorkloadKind.CONTAINER, 1 + rnd.nextInt(40),
                                0.5 * (1 + rnd.nextInt(16)), 0.5 * (1 + rnd.nextInt(32)), 10 * rnd.nextInt(50))
                        .withAntiAffinity(rnd.nextInt(4) == 0));
            }
            List<Hardware> hw = List.of(
                    Hosts.host("small", 16, 64, 2, 2000, 0, 1500.0),
                    Hosts.host("big", 64, 256, 4, 4000, 0, 9000.0));
            Site site = new Site("s", SiteKind.CLUSTER, ws, List.of("small", "big"), p, null);
            for (SizingOption o : Sizer.size(site, hw, HostCost.simple(60)).options()) {
                if (!o.feasible() || o.mixed()) {
                    continue;
                }
                total++;
                boolean ok = o.hosts() <= o.hostsLowerBound() + 1;
                // options whose count the Ceph usable capacity sets meet the bound by construction (the bound includes it):
                // the packing is measured on the others
                boolean cephCapacity = o.explanation().contains("Ceph usable capacity binds");
                perHw.merge(o.hardwareIds().get(0) + (cephCapacity ? " ceph-capacity" : "") + (ok ? " within" : " outside"), 1, Integer::sum);
                if (ok) {
                    within++;
                } else {
                    outliers.add(o.hardwareIds().get(0) + " " + o.hosts() + " vs bound " + o.hostsLowerBound() + ": " + o.explanation());
                }
                if (!cephCapacity) {
                    packingTotal++;
                    packingWithin += ok ? 1 : 0;
                }
            }
        }
        System.out.println("per hardware: " + perHw);
        assertTrue(total >= 300, "feasible options measured: " + total);
        double share = (double) within / total;
        double packingShare = (double) packingWithin / packingTotal;
        // Measured 2026-11-25: 389 of 400 (97.3 %) overall; 156 Ceph options are sized by the Ceph usable capacity (the
        // instance disks outgrow 4 TB of raw per host), which the bound includes; on the other 244 options, where the packing
        // decides, 233 (95.5 %): 8 of 220 local-storage options and 3 of 24 Ceph ones are outside, all on the 16-thread
        // host, where instances of up to 8 vCPU / 16 GiB are a third of a host and two dimensions fill together.
        assertTrue(share >= 0.95, "within bound + 1: " + within + " of " + total + "; outliers " + outliers);
        assertTrue(packingShare >= 0.95, "within bound + 1 where the packing decides: " + packingWithin + " of " + packingTotal
                + "; outliers " + outliers);
        assertEquals(0, outliers.stream().filter(x -> x.contains("big")).count());
        System.out.printf("lower-bound suite: %d of %d options (%.1f %%) within bound + 1; where the packing decides %d of %d (%.1f %%)%n",
                within, total, 100.0 * share, packingWithin, packingTotal, 100.0 * packingShare);
    }
}
