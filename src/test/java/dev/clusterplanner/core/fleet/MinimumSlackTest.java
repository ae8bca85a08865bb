package dev.clusterplanner.core.fleet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Minimum Bin Slack start on cases worked out by hand in each test's comment. */
class MinimumSlackTest {

    static FleetWorkload w(String name, int count, double... demand) {
        return new FleetWorkload(name, count, demand, false);
    }

    static List<Double> loads(Flat f, Fleet fl, int d) {
        List<Double> out = new ArrayList<>();
        for (Fleet.Host h : fl.hosts) {
            out.add(h.load[d]);
        }
        return out;
    }

    @Test
    void eachHostTakesTheSubsetThatLeavesTheLeastSlackWhereFirstFitDecreasingNeedsOneMore() {
        // hosts of 10; sizes 5, 4, 3, 3, 3, 2 (sum 20).
        // first fit decreasing: 5+4 = 9, 3+3+3 = 9, 2 -> 3 hosts.
        // minimum bin slack: host 1 = the largest (5) + the subset of {4,3,3,3,2} closest to 5: 3+2 -> 10;
        // host 2 = 4 + the subset of {3,3} closest to 6: 3+3 -> 10. 2 hosts, both full.
        FleetProblem p = new FleetProblem(List.of("size"),
                List.of(w("a", 1, 5), w("b", 1, 4), w("c", 3, 3), w("d", 1, 2)),
                List.of(HostType.of("bin", new double[]{10}, 1)), Map.of(), 0, 0);
        Flat f = new Flat(p);
        assertEquals(3, Greedy.start(f).hosts.size());
        Fleet fl = MinimumSlack.start(f);
        assertEquals(2, fl.hosts.size());
        assertEquals(List.of(10.0, 10.0), loads(f, fl, 0));
        assertTrue(fl.allPlaced());
        // the solver starts from it: 2 hosts is the bound (20 / 10), so it stops there
        FleetSolution s = FleetSolver.solve(p, FleetSettings.of(1));
        assertEquals(2, s.cost(), 1e-9);
        assertEquals(FleetSolution.Status.OPTIMAL, s.status());
        assertEquals(List.of(), FleetCheck.violations(p, s));
    }

    @Test
    void theHostTypeIsTheOneWithTheLowestCostPerLoadItTakes() {
        // 4 instances of (2 cpu, 4 GiB). small (4, 8) for 100 takes 2: 100 per 2 instances = 50 each;
        // big (8, 16) for 150 takes all 4: 37.5 each -> one big host, 150
        FleetProblem p = new FleetProblem(List.of("cpu", "memory"), List.of(w("app", 4, 2, 4)),
                List.of(HostType.of("small", new double[]{4, 8}, 100), HostType.of("big", new double[]{8, 16}, 150)), Map.of(), 0, 0);
        Fleet fl = MinimumSlack.start(new Flat(p));
        assertEquals(1, fl.hosts.size());
        assertEquals(1, fl.hosts.get(0).type);
        assertEquals(150, fl.cost(), 1e-9);
    }

    @Test
    void stockAndAntiAffinityAreKept() {
        // 3 anti-affine replicas (1, 1) and 30 fillers (1, 1). node (10, 10) for 100; big (100, 100) for 120, 1 in stock.
        // host 1: a replica + 9 fillers on a node (100 per 10) or + 30 fillers on the big one (120 per 31) -> big;
        // hosts 2 and 3: one replica each (one per host), big out of stock -> nodes. 120 + 100 + 100 = 320
        FleetProblem p = new FleetProblem(List.of("cpu", "memory"),
                List.of(new FleetWorkload("db", 3, new double[]{1, 1}, true), w("web", 30, 1, 1)),
                List.of(HostType.of("node", new double[]{10, 10}, 100), HostType.of("big", new double[]{100, 100}, 120)),
                Map.of("big", 1), 0, 0);
        Flat f = new Flat(p);
        Fleet fl = MinimumSlack.start(f);
        assertEquals(3, fl.hosts.size());
        assertEquals(320, fl.cost(), 1e-9);
        assertEquals(1, fl.hosts.get(0).type, "the one big host in stock comes first");
        assertEquals(31.0, fl.hosts.get(0).load[0], 1e-9);
        FleetSolution s = fl.toSolution(0, FleetSolution.Status.BUDGET_SPENT, 0, 0, true, fl.cost());
        assertEquals(List.of(), FleetCheck.violations(p, s), "one replica per host, stock kept");
    }

    @Test
    void perturbedStartsAreDeterministicForTheSameGenerator() {
        FleetProblem p = new FleetProblem(List.of("size"),
                List.of(w("a", 7, 47), w("b", 5, 36), w("c", 9, 29), w("d", 6, 21)),
                List.of(HostType.of("bin", new double[]{100}, 1)), Map.of(), 0, 0);
        Flat f = new Flat(p);
        Fleet one = MinimumSlack.perturbed(f, new SplittableRandom(5), 0.3);
        Fleet two = MinimumSlack.perturbed(f, new SplittableRandom(5), 0.3);
        assertEquals(loads(f, one, 0), loads(f, two, 0));
        assertTrue(one.allPlaced());
    }
}
