package dev.clusterplanner.core.fleet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of every fleet answer on random small problems (cpu, memory, network; stock limits, owned hosts,
 * anti-affinity, failures): no host over capacity in any dimension, every instance placed once, counts within stock;
 * on tiny problems the cost equals the brute-force optimum. Tries kept modest: the CPU is shared.
 */
class FleetPropertiesTest {

    static final List<String> DIMS = List.of("cpu", "memory", "network");

    @Provide
    Arbitrary<FleetProblem> problems() {
        Arbitrary<FleetWorkload> workload = Combinators.combine(
                Arbitraries.integers().between(1, 6),
                Arbitraries.of(1.0, 2.0, 3.0, 4.5),
                Arbitraries.of(1.0, 4.0, 8.0, 16.0),
                Arbitraries.of(0.0, 100.0, 2500.0, 8000.0),
                Arbitraries.of(true, false)
        ).as((count, cpu, mem, net, aa) -> new FleetWorkload("w", count, new double[]{cpu, mem, net}, aa));
        Arbitrary<HostType> type = Combinators.combine(
                Arbitraries.of(8.0, 16.0, 32.0),
                Arbitraries.of(16.0, 32.0, 64.0),
                Arbitraries.of(10_000.0, 20_000.0),
                Arbitraries.of(500.0, 900.0, 1500.0),
                Arbitraries.of(false, false, true)
        ).as((cpu, mem, net, cost, owned) -> owned ? HostType.owned("h", new double[]{cpu, mem, net}, cost / 5)
                : HostType.of("h", new double[]{cpu, mem, net}, cost));
        return Combinators.combine(
                workload.list().ofMinSize(1).ofMaxSize(4),
                type.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 6).list().ofSize(3),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 2)
        ).as(FleetPropertiesTest::problem);
    }

    static FleetProblem problem(List<FleetWorkload> ws, List<HostType> ts, List<Integer> stock, int k, int min) {
        List<FleetWorkload> named = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            FleetWorkload w = ws.get(i);
            named.add(new FleetWorkload("w" + i, w.count(), w.demand(), w.antiAffine()));
        }
        List<HostType> types = new ArrayList<>();
        Map<String, Integer> available = new HashMap<>();
        for (int t = 0; t < ts.size(); t++) {
            HostType h = ts.get(t);
            HostType x = h.owned() ? HostType.owned("t" + t, h.capacity(), h.cost()) : HostType.of("t" + t, h.capacity(), h.cost());
            types.add(x);
            // stock 0 means unlimited for a bought row; owned rows always have a count
            if (x.owned() || stock.get(t) > 0) {
                available.put(x.stock(), Math.max(1, stock.get(t)));
            }
        }
        return new FleetProblem(DIMS, named, types, available, k, min);
    }

    @Property(tries = 40)
    void everyAnswerKeepsEveryRule(@ForAll("problems") FleetProblem p) {
        FleetSolution s = FleetSolver.solve(p, new FleetSettings(0.1, 1, true, 60));
        if (s.status() == FleetSolution.Status.INFEASIBLE) {
            return; // some instance fits no type or the stock cannot carry the load (checked below in its own property)
        }
        assertEquals(List.of(), FleetCheck.violations(p, s));
        Set<Integer> placed = new HashSet<>();
        for (FleetHost h : s.hosts()) {
            for (int i : h.instances()) {
                assertTrue(placed.add(i), "instance " + i + " placed twice");
            }
        }
        assertEquals(p.instanceCount(), placed.size(), "every instance placed");
        assertTrue(s.lowerBound() <= s.cost() + 1e-6, "the bound is below the answer");
    }

    @Property(tries = 40)
    void anAnswerCalledInfeasibleReallyIs(@ForAll("problems") FleetProblem p) {
        FleetSolution s = FleetSolver.solve(p, new FleetSettings(0.1, 1, true, 60));
        if (s.status() != FleetSolution.Status.INFEASIBLE) {
            return;
        }
        // with no stock limits and no owned hosts only an instance larger than every type makes it infeasible
        boolean tooBig = false;
        for (FleetWorkload w : p.workloads()) {
            boolean fitsOne = false;
            for (HostType t : p.types()) {
                boolean fits = true;
                for (int d = 0; d < DIMS.size(); d++) {
                    fits &= w.demand()[d] <= t.capacity()[d];
                }
                fitsOne |= fits && p.stockOf(t.stock()) > 0;
            }
            tooBig |= !fitsOne && w.count() > 0;
        }
        boolean limited = !p.available().isEmpty();
        assertTrue(tooBig || limited, "infeasible without an oversized instance or a stock limit");
    }

    @Provide
    Arbitrary<FleetProblem> tiny() {
        Arbitrary<FleetWorkload> workload = Combinators.combine(
                Arbitraries.integers().between(1, 2),
                Arbitraries.of(1.0, 2.0, 3.0, 5.0),
                Arbitraries.of(1.0, 3.0, 6.0),
                Arbitraries.of(true, false)
        ).as((count, cpu, mem, aa) -> new FleetWorkload("w", count, new double[]{cpu, mem, 0}, aa));
        Arbitrary<HostType> type = Combinators.combine(
                Arbitraries.of(4.0, 6.0, 10.0),
                Arbitraries.of(6.0, 8.0, 12.0),
                Arbitraries.of(100.0, 150.0, 220.0)
        ).as((cpu, mem, cost) -> HostType.of("h", new double[]{cpu, mem, 10}, cost));
        return Combinators.combine(
                workload.list().ofMinSize(1).ofMaxSize(3),
                type.list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.integers().between(0, 3).list().ofSize(3),
                Arbitraries.integers().between(0, 0),
                Arbitraries.integers().between(0, 2)
        ).as(FleetPropertiesTest::problem);
    }

    @Property(tries = 30)
    void tinyProblemsReachTheBruteForceOptimum(@ForAll("tiny") FleetProblem p) {
        double best = bruteForce(p);
        FleetSolution s = FleetSolver.solve(p, new FleetSettings(0.5, 1, true, 60));
        if (Double.isInfinite(best)) {
            assertEquals(FleetSolution.Status.INFEASIBLE, s.status());
            return;
        }
        assertEquals(best, s.cost(), 1e-6, "brute force finds " + best);
        assertTrue(s.lowerBound() <= best + 1e-6);
        assertEquals(List.of(), FleetCheck.violations(p, s));
    }

    /** Every assignment of instances to host slots (per type: within stock, at most one slot per instance). */
    static double bruteForce(FleetProblem p) {
        Flat f = new Flat(p);
        List<Integer> slotType = new ArrayList<>();
        for (int t = 0; t < f.types; t++) {
            int cnt = Math.min(f.n, f.poolStock[f.poolOf[t]]);
            for (int c = 0; c < cnt; c++) {
                slotType.add(t);
            }
        }
        int[] assign = new int[f.n];
        double[] best = {Double.POSITIVE_INFINITY};
        search(f, slotType, assign, 0, best);
        return best[0];
    }

    private static void search(Flat f, List<Integer> slotType, int[] assign, int i, double[] best) {
        if (i == f.n) {
            int s = slotType.size();
            double[][] load = new double[s][f.dims];
            boolean[] used = new boolean[s];
            Set<String> aa = new HashSet<>();
            for (int x = 0; x < f.n; x++) {
                used[assign[x]] = true;
                for (int d = 0; d < f.dims; d++) {
                    load[assign[x]][d] += f.dem[x * f.dims + d];
                }
                if (f.group[x] >= 0 && !aa.add(f.group[x] + "@" + assign[x])) {
                    return;
                }
            }
            double cost = 0;
            int hosts = 0;
            int[] pool = new int[f.poolStock.length];
            for (int h = 0; h < s; h++) {
                if (!used[h]) {
                    continue;
                }
                int t = slotType.get(h);
                for (int d = 0; d < f.dims; d++) {
                    if (load[h][d] > f.cap[t * f.dims + d] + 1e-9) {
                        return;
                    }
                }
                cost += f.cost[t];
                hosts++;
                pool[f.poolOf[t]]++;
            }
            // minHosts: the cheapest types fill up the count with empty hosts where stock allows
            int missing = Math.max(0, f.fewestHosts - hosts);
            while (missing > 0) {
                int cheapest = -1;
                for (int t = 0; t < f.types; t++) {
                    if (pool[f.poolOf[t]] < f.poolStock[f.poolOf[t]] && (cheapest < 0 || f.cost[t] < f.cost[cheapest])) {
                        cheapest = t;
                    }
                }
                if (cheapest < 0) {
                    return;
                }
                pool[f.poolOf[cheapest]]++;
                cost += f.cost[cheapest];
                missing--;
            }
            best[0] = Math.min(best[0], cost);
            return;
        }
        for (int s = 0; s < slotType.size(); s++) {
            assign[i] = s;
            search(f, slotType, assign, i + 1, best);
        }
    }
}
