package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.clusterplanner.core.sizing.SizingText.amount;
import static dev.clusterplanner.core.sizing.SizingText.num;
import static dev.clusterplanner.core.sizing.SizingText.pct;

/**
 * Turns a packing into the placement the user sees: hosts named {@code host-1..n} with their instance runs, used and
 * offered capacity per dimension, the unplaced instances with why, and the utilisation per dimension.
 */
final class PlacementAssembly {

    private final SiteContext ctx;

    PlacementAssembly(SiteContext ctx) {
        this.ctx = ctx;
    }

    // -------------------------------------------------------------- results

    Placement placement(Hardware[] hw, Packing pk, List<UnplacedInstance> already) {
        return placement(hw, pk.caps, pk.runW, pk.runH, pk.runFirst, pk.runCount, pk.runs, already);
    }

    /** The placement of runs (instances first..first+count-1 of workload w on host h, h = -1 unplaced). */
    Placement placement(Hardware[] hw, double[][] caps, int[] runW, int[] runH, int[] runFirst, int[] runCount, int runs,
                        List<UnplacedInstance> already) {
        int n = hw.length;
        double[][] used = new double[n][Packer.D];
        int[] perHost = new int[n + 1];
        for (int i = 0; i < runs; i++) {
            int h = runH[i];
            if (h < 0) {
                continue;
            }
            perHost[h + 1]++;
            double[] d = ctx.wDem[runW[i]];
            for (int x = 0; x < Packer.D; x++) {
                used[h][x] += runCount[i] * d[x];
            }
        }
        for (int h = 0; h < n; h++) {
            perHost[h + 1] += perHost[h];
        }
        long[] keys = new long[perHost[n]];
        int[] pos = Arrays.copyOf(perHost, n);
        for (int i = 0; i < runs; i++) {
            if (runH[i] >= 0) {
                // host, then workload, then first instance: the sort key of the host's name list
                keys[pos[runH[i]]++] = i;
            }
        }
        List<UnplacedInstance> unplaced = new ArrayList<>(already);
        for (int i = 0; i < runs; i++) {
            if (runH[i] < 0) {
                unplaced.addAll(unplacedReasons(runW[i], runFirst[i], runCount[i], caps, used));
            }
        }
        unplaced.sort(Comparator.comparingInt((UnplacedInstance u) -> workloadIndex(u.workload())).thenComparing(u -> instanceNumber(u.instance())));
        String[] names = new String[ctx.ws.size()];
        for (int w = 0; w < names.length; w++) {
            names[w] = ctx.ws.get(w).name();
        }
        int maxFirst = inst(runFirst, runs);
        List<PlacedHost> hosts = new ArrayList<>(n);
        Map<double[], Map<Dimension, Double>> capMaps = new java.util.IdentityHashMap<>();
        for (int h = 0; h < n; h++) {
            int from = perHost[h];
            int m = perHost[h + 1] - from;
            int[] idx = new int[m];
            for (int j = 0; j < m; j++) {
                idx[j] = (int) keys[from + j];
            }
            // by workload, then first instance (insertion sort: a host has few runs; a sort when it has many)
            if (m > 32) {
                long[] sk = new long[m];
                for (int j = 0; j < m; j++) {
                    sk[j] = ((long) runW[idx[j]] << 40) | ((long) runFirst[idx[j]] << 20) | j;
                }
                if (m < (1 << 20) && maxFirst < (1 << 20)) {
                    Arrays.sort(sk);
                    int[] sorted = new int[m];
                    for (int j = 0; j < m; j++) {
                        sorted[j] = idx[(int) (sk[j] & 0xfffff)];
                    }
                    idx = sorted;
                } else {
                    Integer[] boxed = new Integer[m];
                    for (int j = 0; j < m; j++) {
                        boxed[j] = idx[j];
                    }
                    Arrays.sort(boxed, Comparator.<Integer>comparingInt(i -> runW[i]).thenComparingInt(i -> runFirst[i]));
                    for (int j = 0; j < m; j++) {
                        idx[j] = boxed[j];
                    }
                }
            } else {
                for (int a = 1; a < m; a++) {
                    int x = idx[a];
                    int b = a - 1;
                    while (b >= 0 && (runW[idx[b]] > runW[x] || (runW[idx[b]] == runW[x] && runFirst[idx[b]] > runFirst[x]))) {
                        idx[b + 1] = idx[b];
                        b--;
                    }
                    idx[b + 1] = x;
                }
            }
            int[] w = new int[m];
            int[] first = new int[m];
            int[] count = new int[m];
            int e = 0;
            for (int j = 0; j < m; j++) {
                int i = idx[j];
                if (e > 0 && w[e - 1] == runW[i] && first[e - 1] + count[e - 1] == runFirst[i]) {
                    count[e - 1] += runCount[i];
                } else {
                    w[e] = runW[i];
                    first[e] = runFirst[i];
                    count[e] = runCount[i];
                    e++;
                }
            }
            List<String> list = new InstanceNames(names, Arrays.copyOf(w, e), Arrays.copyOf(first, e), Arrays.copyOf(count, e));
            Map<Dimension, Double> c = capMaps.computeIfAbsent(caps[h], DimensionMap::new);
            hosts.add(new PlacedHost("host-" + (h + 1), hw[h].id(), list, new DimensionMap(used[h]), c));
        }
        return new Placement(hosts, unplaced);
    }

    private static int inst(int[] first, int runs) {
        int m = 0;
        for (int i = 0; i < runs; i++) {
            m = Math.max(m, first[i]);
        }
        return m;
    }

    private final Map<String, Integer> wIndex = new HashMap<>();

    int workloadIndex(String name) {
        if (wIndex.isEmpty()) {
            for (int i = 0; i < ctx.ws.size(); i++) {
                wIndex.put(ctx.ws.get(i).name(), i);
            }
        }
        return wIndex.getOrDefault(name, Integer.MAX_VALUE);
    }

    static int instanceNumber(String instance) {
        int dash = instance.lastIndexOf('-');
        try {
            return Integer.parseInt(instance.substring(dash + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Why instances first..first+count-1 of workload wi (identical, so one reason) found no host. */
    List<UnplacedInstance> unplacedReasons(int wi, int first, int count, double[][] caps, double[][] used) {
        Workload w = ctx.ws.get(wi);
        double[] dem = ctx.wDem[wi];
        boolean fitsIgnoringAa = false;
        double[] maxFree = new double[Packer.D];
        Arrays.fill(maxFree, Double.NEGATIVE_INFINITY);
        for (int h = 0; h < caps.length; h++) {
            boolean fits = true;
            for (int d = 0; d < Packer.D; d++) {
                double f = caps[h][d] - used[h][d];
                maxFree[d] = Math.max(maxFree[d], f);
                fits &= f + Packer.EPS >= dem[d];
            }
            fitsIgnoringAa |= fits;
        }
        String where = ctx.cluster ? "the " + caps.length + " host" + (caps.length == 1 ? "" : "s") : "the single host of " + ctx.site.kind().id() + " site '" + ctx.site.name() + "'";
        String rule;
        String reason;
        if (fitsIgnoringAa && ctx.aa[wi]) {
            rule = "anti-affinity";
            reason = "every host of " + where + " with room already runs a replica of " + w.name();
        } else {
        List<String> lacks = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (maxFree[d.ordinal()] + Packer.EPS < dem[d.ordinal()]) {
                lacks.add(amount(d, dem[d.ordinal()]) + " " + d.id() + " needed, at most " + amount(d, Math.max(0, maxFree[d.ordinal()])) + " free");
            }
        }
        reason = lacks.isEmpty() ? "no host of " + where + " has room in every dimension at once"
                : where + " are full: " + String.join("; ", lacks);
        rule = "capacity.full";
        reason = ctx.cluster ? reason : reason.replace(" are full", " is full");
        }
        List<UnplacedInstance> out = new ArrayList<>(count);
        for (int j = first; j < first + count; j++) {
            out.add(new UnplacedInstance(w.instanceName(j), w.name(), rule, reason));
        }
        return out;
    }

    Map<Dimension, Double> utilisation(Placement placement) {
        return placement.utilisation();
    }

    static Dimension binding(Map<Dimension, Double> util) {
        return Placement.binding(util);
    }

    Explanation utilFormula(Placement placement, Dimension d) {
        return placement.utilisationFormula(d);
    }
}
