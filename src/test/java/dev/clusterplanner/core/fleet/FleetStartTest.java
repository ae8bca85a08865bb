package dev.clusterplanner.core.fleet;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts given by the caller (the sizing engine's options): used when they keep every rule, never ended above. */
class FleetStartTest {

    static final List<String> CPU = List.of("cpu");

    // 4 x 3 cpu; small (6 cpu, 100) holds two, big (12 cpu, 150) holds four: one big = 150 is the cheapest
    static FleetProblem problem() {
        return new FleetProblem(CPU, List.of(new FleetWorkload("app", 4, new double[]{3}, false)),
                List.of(HostType.of("small", new double[]{6}, 100), HostType.of("big", new double[]{12}, 150)), Map.of(), 0, 0);
    }

    @Test
    void aStartThatKeepsEveryRuleBecomesAWorkingAnswerWithItsCost() {
        Flat f = new Flat(problem());
        Fleet two = new FleetStart(List.of(0, 0), new int[]{0, 0, 1, 1}, "2 x small").toFleet(f);
        assertNotNull(two);
        assertEquals(200, two.cost(), 1e-9);
    }

    @Test
    void aStartThatOverfillsAHostBreaksStockOrLeavesAnInstanceOutIsNotUsed() {
        Flat f = new Flat(problem());
        // three instances (9 cpu) on a 6-cpu host
        assertNull(new FleetStart(List.of(0, 0), new int[]{0, 0, 0, 1}, "over").toFleet(f));
        // an instance on no host
        assertNull(new FleetStart(List.of(0, 0), new int[]{0, 0, 1, -1}, "unplaced").toFleet(f));
        // a host of a type the problem does not have
        assertNull(new FleetStart(List.of(0, 5), new int[]{0, 0, 1, 1}, "no such type").toFleet(f));
        // big has none in stock
        FleetProblem none = new FleetProblem(CPU, problem().workloads(), problem().types(), Map.of("big", 0), 0, 0);
        assertNull(new FleetStart(List.of(1), new int[]{0, 0, 0, 0}, "1 x big").toFleet(new Flat(none)));
    }

    @Test
    void theAnswerNeverCostsMoreThanAUsableStartAndIgnoresAnUnusableOne() {
        FleetStart twoSmall = new FleetStart(List.of(0, 0), new int[]{0, 0, 1, 1}, "2 x small");
        // cheaper than anything real, but over capacity: 4 x 3 cpu on one 6-cpu small host (100)
        FleetStart cheat = new FleetStart(List.of(0), new int[]{0, 0, 0, 0}, "cheat");
        FleetSolution s = FleetSolver.solve(problem(), FleetSettings.of(0.2), x -> { }, () -> false, List.of(twoSmall, cheat));
        assertEquals(List.of(), FleetCheck.violations(problem(), s));
        assertTrue(s.cost() <= 200 + 1e-9, "never above the usable start: " + s.cost());
        assertTrue(s.startCost() <= 200 + 1e-9, "the start is at most the usable start: " + s.startCost());
        assertEquals(150, s.cost(), 1e-9);
    }
}
