package dev.clusterplanner.core.fleet;

import dev.clusterplanner.core.capacity.FailureHeadroom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every fleet answer keeps, checked from the input alone: each instance on exactly one host, no host over
 * capacity in any dimension, anti-affine replicas on distinct hosts, no stock pool used beyond what is available,
 * at least {@link FleetProblem#fewestHosts()} hosts, failure headroom, and the cost as the sum of its hosts.
 */
public final class FleetCheck {

    private FleetCheck() {
    }

    /** Every rule the answer breaks, in plain words; empty when it keeps them all. */
    public static List<String> violations(FleetProblem p, FleetSolution s) {
        Flat f = new Flat(p);
        List<String> out = new ArrayList<>();
        int[] hostOf = s.hostOf();
        if (hostOf.length != f.n) {
            out.add("answer places " + hostOf.length + " instances, the problem has " + f.n);
            return out;
        }
        int[] seen = new int[f.n];
        double[][] load = new double[s.hosts().size()][f.dims];
        Map<String, Integer> poolUse = new HashMap<>();
        double cost = 0;
        for (int h = 0; h < s.hosts().size(); h++) {
            FleetHost host = s.hosts().get(h);
            int t = host.type();
            if (t < 0 || t >= f.types || !p.types().get(t).id().equals(host.typeId())) {
                out.add("host " + h + " has an unknown type " + t + " '" + host.typeId() + "'");
                continue;
            }
            cost += f.cost[t];
            poolUse.merge(f.pools.get(f.poolOf[t]), 1, Integer::sum);
            Set<Integer> groups = new HashSet<>();
            for (int i : host.instances()) {
                if (i < 0 || i >= f.n) {
                    out.add("host " + h + " carries unknown instance " + i);
                    continue;
                }
                seen[i]++;
                if (hostOf[i] != h) {
                    out.add("instance " + i + " is listed on host " + h + " but placed on " + hostOf[i]);
                }
                if (f.group[i] >= 0 && !groups.add(f.group[i])) {
                    out.add("host " + h + " carries two replicas of anti-affine workload '" + p.workloads().get(f.group[i]).name() + "'");
                }
                for (int d = 0; d < f.dims; d++) {
                    load[h][d] += f.dem[i * f.dims + d];
                }
            }
            for (int d = 0; d < f.dims; d++) {
                if (!f.pooled[d] && load[h][d] > f.cap[t * f.dims + d] + 1e-6 * Math.max(1, f.cap[t * f.dims + d])) {
                    out.add("host " + h + " (" + host.typeId() + ") is over capacity in " + p.dimensions().get(d) + ": "
                            + load[h][d] + " > " + f.cap[t * f.dims + d]);
                }
            }
        }
        for (int i = 0; i < f.n; i++) {
            if (seen[i] != 1) {
                out.add("instance " + i + " of workload '" + p.workloads().get(f.workloadOf[i]).name() + "' is placed " + seen[i] + " times");
            }
        }
        for (Map.Entry<String, Integer> e : poolUse.entrySet()) {
            if (e.getValue() > p.stockOf(e.getKey())) {
                out.add(e.getValue() + " hosts of '" + e.getKey() + "' used, " + p.stockOf(e.getKey()) + " available");
            }
        }
        if (s.hosts().size() < p.fewestHosts()) {
            out.add(s.hosts().size() + " hosts, at least " + p.fewestHosts() + " needed (minHosts, failures, anti-affinity)");
        }
        String room = headroom(p, s);
        if (room != null) {
            out.add(room);
        }
        if (Math.abs(cost - s.cost()) > 1e-6 * Math.max(1, cost)) {
            out.add("cost " + s.cost() + " is not the sum of its hosts " + cost);
        }
        return out;
    }

    /**
     * The failure headroom rule of the planner ({@link FailureHeadroom}, decision 0100): in every dimension the capacity
     * left after losing the k largest hosts covers the whole load; for a pooled dimension the same with its reserve. Null when it holds, else the dimension short of it.
     * A volume rule: fragmentation and anti-affinity can still stop an evacuation, which the planner's evacuation check
     * decides for the chosen fleet.
     */
    public static String headroom(FleetProblem p, FleetSolution s) {
        int dims = p.dimensions().size();
        List<FleetWorkload> ws = p.workloads();
        int[] wOf = s.instanceWorkload();
        for (int d = 0; d < dims; d++) {
            Integer pool = p.pooled().get(p.dimensions().get(d));
            int k = pool != null ? pool : p.failuresTolerated();
            if (pool == null && k == 0) {
                continue;
            }
            double[] caps = new double[s.hosts().size()];
            double load = 0;
            for (int h = 0; h < caps.length; h++) {
                FleetHost host = s.hosts().get(h);
                caps[h] = p.types().get(host.type()).capacity()[d];
                for (int i : host.instances()) {
                    load += ws.get(wOf[i]).demand()[d];
                }
            }
            if (!headroomHolds(caps, load, k)) {
                return (pool != null ? "pooled " : "failure headroom: ") + "after losing the " + k + " largest host(s) " + FailureHeadroom.afterLosingLargest(caps, k)
                        + " " + p.dimensions().get(d) + " are left for a load of " + load;
            }
        }
        return null;
    }

    /** Whether {@code load} fits the capacity left after losing the k largest of {@code caps}. */
    static boolean headroomHolds(double[] caps, double load, int k) {
        double left = FailureHeadroom.afterLosingLargest(caps, k);
        return load <= left + FailureHeadroom.EPS * Math.max(1, Math.abs(left)) + 1e-9;
    }
}
