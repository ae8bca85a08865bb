package dev.clusterplanner.core.fleet;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small fleets whose cheapest answer is worked out by hand in each test's comment. */
class FleetSolverTest {

    static final List<String> CPU = List.of("cpu");

    static FleetWorkload w(String name, int count, double cpu) {
        return new FleetWorkload(name, count, new double[]{cpu}, false);
    }

    static FleetSolution solve(FleetProblem p) {
        FleetSolution s = FleetSolver.solve(p, FleetSettings.of(2));
        assertEquals(List.of(), FleetCheck.violations(p, s), "answer breaks a rule");
        return s;
    }

    @Test
    void oneBigHostBeatsThreeSmallOnes() {
        // 5 x 2 cpu = 10 cpu: one big (10 cpu, 200) or three small (4 cpu each holds two: 3 x 100 = 300) -> 200
        FleetProblem p = new FleetProblem(CPU, List.of(w("app", 5, 2)),
                List.of(HostType.of("small", new double[]{4}, 100), HostType.of("big", new double[]{10}, 200)), Map.of(), 0, 0);
        FleetSolution s = solve(p);
        assertEquals(200, s.cost(), 1e-9);
        assertEquals(Map.of("big", 1), s.hostsByType());
        assertEquals(200, s.lowerBound(), 1e-9);
        assertEquals(FleetSolution.Status.OPTIMAL, s.status());
    }

    @Test
    void anInstanceOnlyAStockedTypeTakesIsPlacedEvenWhenTheStartFillsThatTypeFirst() {
        // a (1 cpu, 6 GiB) and b (5 cpu, 1 GiB), at least 2 hosts. t0 (4, 6) for 100 takes only a; t1 (6, 6) for 100,
        // 1 in stock, takes either but not both (7 GiB). The only answer: a on t0, b on t1 = 200 (a start that puts a
        // on t1 leaves b nowhere; found by FleetPropertiesTest)
        FleetProblem p = new FleetProblem(List.of("cpu", "memory"),
                List.of(new FleetWorkload("a", 1, new double[]{1, 6}, true), new FleetWorkload("b", 1, new double[]{5, 1}, true)),
                List.of(HostType.of("t0", new double[]{4, 6}, 100), HostType.of("t1", new double[]{6, 6}, 100)), Map.of("t1", 1), 0, 2);
        FleetSolution s = solve(p);
        assertEquals(200, s.cost(), 1e-9);
        assertEquals("t1", s.hosts().get(s.hostOf()[1]).typeId());
    }

    @Test
    void stockLimitForcesTheSmallHosts() {
        // big not in stock: two per small host -> 3 small hosts = 300
        FleetProblem p = new FleetProblem(CPU, List.of(w("app", 5, 2)),
                List.of(HostType.of("small", new double[]{4}, 100), HostType.of("big", new double[]{10}, 200)), Map.of("big", 0), 0, 0);
        FleetSolution s = solve(p);
        assertEquals(300, s.cost(), 1e-9);
        assertEquals(Map.of("small", 3), s.hostsByType());
    }

    @Test
    void ownedHostsCarryWhatTheyCanAndNewHardwareTheRest() {
        // two owned small hosts run for 20 each and hold 4 instances; the fifth needs one more host: a new small (100)
        // beats a new big (200): 20 + 20 + 100 = 140 (a big alone: 200; a big and one owned: 220)
        FleetProblem p = new FleetProblem(CPU, List.of(w("app", 5, 2)),
                List.of(HostType.owned("small", new double[]{4}, 20), HostType.of("small", new double[]{4}, 100),
                        HostType.of("big", new double[]{10}, 200)), Map.of("owned:small", 2), 0, 0);
        FleetSolution s = solve(p);
        assertEquals(140, s.cost(), 1e-9);
        assertEquals(3, s.hosts().size());
        assertTrue(p.types().get(s.hosts().get(0).type()).owned(), "owned hosts are listed first");
        assertTrue(p.types().get(s.hosts().get(1).type()).owned());
    }

    @Test
    void antiAffineReplicasTakeOneHostEach() {
        // 3 replicas of 1 cpu fit one 10-cpu host by volume, but anti-affinity needs 3 hosts: 300
        FleetProblem p = new FleetProblem(CPU, List.of(new FleetWorkload("db", 3, new double[]{1}, true)),
                List.of(HostType.of("node", new double[]{10}, 100)), Map.of(), 0, 0);
        FleetSolution s = solve(p);
        assertEquals(300, s.cost(), 1e-9);
        assertEquals(300, s.lowerBound(), 1e-9);
    }

    @Test
    void bandwidthIsACapacityDimension() {
        // two instances pushing 8 Gbit/s each on 10 Gbit/s hosts with ample cpu: two hosts, never one
        FleetProblem p = new FleetProblem(List.of("cpu", "network"), List.of(new FleetWorkload("stream", 2, new double[]{1, 8000}, false)),
                List.of(HostType.of("node", new double[]{64, 10000}, 100)), Map.of(), 0, 0);
        FleetSolution s = solve(p);
        assertEquals(2, s.hosts().size());
    }

    @Test
    void failureHeadroomKeepsTheLoadAfterLosingTheLargestHost() {
        // 4 x 4 cpu = 16 cpu on 10-cpu hosts: 2 hosts hold them (8 + 8) but after losing one only 10 < 16 are left;
        // 3 hosts leave 20 >= 16: 300
        FleetProblem p = new FleetProblem(CPU, List.of(w("app", 4, 4)), List.of(HostType.of("node", new double[]{10}, 100)), Map.of(), 1, 0);
        FleetSolution s = solve(p);
        assertEquals(300, s.cost(), 1e-9);
        assertEquals(null, FleetCheck.headroom(p, s));
    }

    @Test
    void minimumHostsAreKeptEvenWhenOneWouldDo() {
        FleetProblem p = new FleetProblem(CPU, List.of(w("app", 1, 1)), List.of(HostType.of("node", new double[]{10}, 100)), Map.of(), 0, 3);
        assertEquals(3, solve(p).hosts().size());
    }

    @Test
    void configuredChassisTakesMoreDrivesRatherThanMoreHosts() {
        // 30 instances of 1 cpu and 1,000 GB disk = 30,000 GB. A fixed row with 2 x 960 GB (1,920 GB, 1,100) needs 16 hosts
        // = 17,600. The chassis (16 cpu, 1,000) with 4 x 4 TB (+16,000 GB, +1,200) needs 2 hosts = 4,400; with 2 x 4 TB
        // (+8,000 GB, +600) 4 hosts = 6,400. So: 2 chassis with 4 x 4 TB, and the drives are in the answer's configuration.
        List<String> dims = List.of("cpu", "disk");
        Chassis c = new Chassis("ctl", new double[]{16, 0}, 1000, List.of(new Chassis.OptionGroup("drives", List.of(
                new Chassis.Option("drives", "none", new double[]{0, 0}, 0, ""),
                new Chassis.Option("drives", "2x4TB", new double[]{0, 8000}, 600, "parts.csv"),
                new Chassis.Option("drives", "4x4TB", new double[]{0, 16000}, 1200, "parts.csv")))));
        FleetProblem p = new FleetProblem(dims, List.of(new FleetWorkload("vm", 30, new double[]{1, 1000}, false)),
                List.of(HostType.of("fixed-2x960", new double[]{16, 1920}, 1100)), Map.of(), 0, 0).withChassis(c, null);
        FleetSolution s = solve(p);
        assertEquals(4400, s.cost(), 1e-9);
        assertEquals(Map.of("ctl[4x4TB]", 2), s.hostsByType());
        HostType chosen = p.types().get(s.hosts().get(0).type());
        assertEquals("4x4TB", chosen.configuration().get(0).name());
        assertEquals(1200, chosen.configuration().get(0).cost(), 1e-9);
    }

    @Test
    void anInstanceThatFitsNoTypeMakesTheProblemInfeasibleWithTheInstanceUnplaced() {
        FleetProblem p = new FleetProblem(CPU, List.of(w("small", 2, 1), w("huge", 1, 64)),
                List.of(HostType.of("node", new double[]{10}, 100)), Map.of(), 0, 0);
        FleetSolution s = FleetSolver.solve(p, FleetSettings.of(1));
        assertEquals(FleetSolution.Status.INFEASIBLE, s.status());
        assertEquals(-1, s.hostOf()[2]);
    }

    @Test
    void sameInputAndSettingsGiveTheSameAnswer() {
        FleetProblem p = new FleetProblem(List.of("cpu", "memory"), List.of(
                new FleetWorkload("a", 17, new double[]{3, 7}, false), new FleetWorkload("b", 11, new double[]{5, 2}, false),
                new FleetWorkload("c", 5, new double[]{2, 11}, true)),
                List.of(HostType.of("s", new double[]{16, 32}, 900), HostType.of("m", new double[]{24, 64}, 1500),
                        HostType.of("l", new double[]{48, 96}, 2600)), Map.of("l", 2), 1, 0);
        // a generous wall clock: a busy test machine must not stop the search before its work budget
        FleetSettings settings = new FleetSettings(0.5, 1, true, 300);
        FleetSolution a = FleetSolver.solve(p, settings);
        FleetSolution b = FleetSolver.solve(p, settings);
        assertTrue(a.deterministic());
        assertEquals(a, b);
        assertEquals(List.of(), FleetCheck.violations(p, a));
    }

    @Test
    void progressIsReportedAndCancelStopsWithTheBestSoFar() {
        FleetProblem p = new FleetProblem(List.of("cpu", "memory"), List.of(
                new FleetWorkload("a", 40, new double[]{3, 7}, false), new FleetWorkload("b", 30, new double[]{5, 2}, false)),
                List.of(HostType.of("s", new double[]{16, 32}, 900), HostType.of("m", new double[]{24, 64}, 1500)), Map.of(), 0, 0);
        AtomicInteger reports = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        FleetSolution s = FleetSolver.solve(p, FleetSettings.of(60), x -> reports.incrementAndGet(), () -> polls.incrementAndGet() > 3);
        assertEquals(FleetSolution.Status.CANCELLED, s.status());
        assertTrue(reports.get() >= 2, "a report at the start and at the end");
        assertEquals(List.of(), FleetCheck.violations(p, s));
        assertTrue(s.cost() <= s.startCost());
        assertFalse(s.hosts().isEmpty());
    }
}
