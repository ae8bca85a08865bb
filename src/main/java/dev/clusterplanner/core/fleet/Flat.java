package dev.clusterplanner.core.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The problem as flat arrays for the search: instances, types and stock pools by index. */
final class Flat {
    /** Tolerance of floating-point sums: an instance fits when load + demand <= capacity + EPS. */
    static final double EPS = 1e-9;

    final FleetProblem problem;
    final int n;
    final int dims;
    final int types;
    /** demand of instance i in dimension d at dem[i * dims + d] */
    final double[] dem;
    final int[] workloadOf;
    /** anti-affinity group of instance i (its workload index) or -1 */
    final int[] group;
    final double[] cap;
    final double[] cost;
    final int[] poolOf;
    final int[] poolStock;
    final List<String> pools = new ArrayList<>();
    final int fewestHosts;
    final int k;
    /** integer scale per dimension for CP-SAT ({@link Scale#of}) */
    final double[] scale;
    /** whether some type limits dimension d per host (a finite capacity, not pooled) */
    final boolean[] limited;
    /** dimension d is a pool across hosts ({@link FleetProblem#pooled()}) */
    final boolean[] pooled;
    /** hosts a fleet-wide rule of dimension d keeps in reserve: the pool's reserve, or k for a per-host dimension */
    final int[] reserve;

    Flat(FleetProblem p) {
        this.problem = p;
        this.dims = p.dimensions().size();
        this.n = p.instanceCount();
        this.types = p.types().size();
        dem = new double[n * dims];
        workloadOf = new int[n];
        group = new int[n];
        int i = 0;
        for (int w = 0; w < p.workloads().size(); w++) {
            FleetWorkload wl = p.workloads().get(w);
            for (int c = 0; c < wl.count(); c++, i++) {
                for (int d = 0; d < dims; d++) {
                    dem[i * dims + d] = wl.demand(d);
                }
                workloadOf[i] = w;
                group[i] = wl.antiAffine() ? w : -1;
            }
        }
        cap = new double[types * dims];
        cost = new double[types];
        poolOf = new int[types];
        Map<String, Integer> poolIndex = new HashMap<>();
        for (int t = 0; t < types; t++) {
            HostType ht = p.types().get(t);
            for (int d = 0; d < dims; d++) {
                cap[t * dims + d] = ht.capacity(d);
            }
            cost[t] = ht.cost();
            poolOf[t] = poolIndex.computeIfAbsent(ht.stock(), s -> {
                pools.add(s);
                return pools.size() - 1;
            });
        }
        poolStock = new int[pools.size()];
        for (int q = 0; q < pools.size(); q++) {
            poolStock[q] = p.stockOf(pools.get(q));
        }
        fewestHosts = p.fewestHosts();
        k = p.failuresTolerated();
        scale = new double[dims];
        limited = new boolean[dims];
        pooled = new boolean[dims];
        reserve = new int[dims];
        for (int d = 0; d < dims; d++) {
            scale[d] = Scale.of(this, d);
            Integer r = p.pooled().get(p.dimensions().get(d));
            pooled[d] = r != null;
            reserve[d] = r != null ? r : k;
            for (int t = 0; t < types && !pooled[d]; t++) {
                limited[d] |= !Double.isInfinite(cap[t * dims + d]);
            }
        }
    }

    /** Whether dimension d has a fleet-wide rule: a pool, or failure headroom. */
    boolean fleetRule(int d) {
        return pooled[d] || k > 0;
    }

    boolean fitsEmpty(int i, int t) {
        for (int d = 0; d < dims; d++) {
            if (!pooled[d] && dem[i * dims + d] > cap[t * dims + d] + EPS) {
                return false;
            }
        }
        return true;
    }
}
