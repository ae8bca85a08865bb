package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Independent checks of a placement: demand is recomputed from the instance names and the workloads,
 * capacity from the host's hardware and position, so the engine's own bookkeeping is not trusted.
 */
final class Checks {

    private Checks() {
    }

    static Map<String, Workload> byInstance(Site site) {
        Map<String, Workload> m = new HashMap<>();
        for (Workload w : site.workloads()) {
            for (int i = 1; i <= w.count(); i++) {
                m.put(w.instanceName(i), w);
            }
        }
        return m;
    }

    /** Problems with capacity and anti-affinity on the given hosts (empty when sound). */
    static List<String> capacityAndAntiAffinity(Site site, List<Hardware> candidates, List<PlacedHost> hosts, Set<Integer> ignore) {
        Map<String, Workload> wl = byInstance(site);
        Map<String, Hardware> hw = new HashMap<>();
        candidates.forEach(h -> hw.put(h.id(), h));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            if (ignore.contains(i)) {
                continue;
            }
            PlacedHost h = hosts.get(i);
            double[] cap = CapacityModel.capacity(hw.get(h.hardwareId()), site.policy(), i);
            double[] used = new double[Dimension.COUNT];
            Set<String> aa = new HashSet<>();
            for (String name : h.instances()) {
                Workload w = wl.get(name);
                double[] d = CapacityModel.demand(w, site.policy());
                for (int x = 0; x < used.length; x++) {
                    used[x] += d[x];
                }
                if (w.antiAffinity() && !aa.add(w.name())) {
                    out.add(h.name() + " runs two replicas of anti-affine " + w.name());
                }
            }
            for (int x = 0; x < used.length; x++) {
                if (used[x] > cap[x] + 1e-6) {
                    out.add(h.name() + " over capacity in " + Dimension.values()[x].id() + ": " + used[x] + " > " + cap[x]);
                }
            }
        }
        return out;
    }

    /** Every instance of the site appears exactly once, on a host (not in {@code ignore}) or as unplaced with a reason. */
    static List<String> everyInstanceOnce(Site site, Placement p, Set<Integer> ignore) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < p.hosts().size(); i++) {
            for (String n : p.hosts().get(i).instances()) {
                seen.merge(n, 1, Integer::sum);
                if (ignore.contains(i)) {
                    out.add(n + " is on failed host " + p.hosts().get(i).name());
                }
            }
        }
        for (UnplacedInstance u : p.unplaced()) {
            seen.merge(u.instance(), 1, Integer::sum);
            if (u.reason() == null || u.reason().isBlank() || u.rule().isBlank()) {
                out.add(u.instance() + " is unplaced without a reason");
            }
        }
        for (String n : byInstance(site).keySet()) {
            if (seen.getOrDefault(n, 0) != 1) {
                out.add(n + " appears " + seen.getOrDefault(n, 0) + " times");
            }
        }
        if (seen.size() != byInstance(site).size()) {
            out.add("unknown instances: " + seen.keySet());
        }
        return out;
    }

    /** All k-subsets of 0..n-1. */
    static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        subsets(n, k, 0, new int[k], 0, out);
        return out;
    }

    private static void subsets(int n, int k, int from, int[] cur, int depth, List<int[]> out) {
        if (depth == k) {
            out.add(cur.clone());
            return;
        }
        for (int i = from; i < n; i++) {
            cur[depth] = i;
            subsets(n, k, i + 1, cur, depth + 1, out);
        }
    }
}
