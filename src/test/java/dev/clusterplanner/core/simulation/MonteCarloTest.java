package dev.clusterplanner.core.simulation;

import dev.clusterplanner.core.simulation.SimulationInputs.CostOption;
import dev.clusterplanner.core.simulation.SimulationInputs.DemandGroup;
import dev.clusterplanner.core.simulation.SimulationInputs.Reliability;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonteCarloTest {

    static final Reliability NO_DISKS = new Reliability(0.05, 48, 0, 0, 24, 1, 10, true, true, 2);

    static double[] constant(int months, double value) {
        double[] a = new double[months];
        Arrays.fill(a, value);
        return a;
    }

    /** Owned: 15,000 USD in month 1 then 100 USD/month, 40 of it electricity. AWS: 900 USD/month cloud, 100 usage. */
    static List<CostOption> twoOptions(int months) {
        double[] ownedFixed = constant(months, 60);
        ownedFixed[0] += 15_000;
        CostOption owned = new CostOption("owned", ownedFixed, constant(months, 40), constant(months, 0), constant(months, 0));
        CostOption aws = new CostOption("aws", constant(months, 0), constant(months, 0), constant(months, 900), constant(months, 100));
        return List.of(owned, aws);
    }

    static SimulationInputs inputs(Uncertainty u, Reliability r, double growthPct, double capacity) {
        int months = 60;
        return new SimulationInputs(months, 3,
                List.of(new DemandGroup("app", new double[]{100, 64}, growthPct), new DemandGroup("db", new double[]{0, 0}, 0)),
                new double[]{capacity, 1e9}, List.of("cpu", "memory"), r, twoOptions(months), 0, u);
    }

    @Test
    void withNothingUncertainEveryTrialCostsExactlyTheDeterministicPlan() {
        SimulationResult result = MonteCarlo.run(inputs(Uncertainty.NONE, NO_DISKS, 10, 1e9), 1000, 42);
        // owned: 15,000 + 60 x (60 + 40) = 21,000; aws: 60 x (900 + 100) = 60,000
        assertEquals(21_000.0, result.options().get(0).mean().value());
        assertEquals(60_000.0, result.options().get(1).mean().value());
        assertEquals(result.options().get(0).deterministic(), result.options().get(0).p95());
        assertEquals(0.0, result.options().get(1).mean().standardError());
        assertEquals(1.0, result.ownedCheaperThan().get(1).value());
        assertEquals(0.0, result.degradedHoursPerYear().value());
    }

    @Test
    void capacityRunsOutInTheMonthTheClosedFormGives() {
        // demand 100 growing 20 %/year against capacity 150: 100 x 1.2^(t/12) > 150 when t > 12 ln 1.5 / ln 1.2 = 26.69
        SimulationResult result = MonteCarlo.run(inputs(Uncertainty.NONE, NO_DISKS, 20, 150), 500, 1);
        assertEquals(27, result.monthExhausted10());
        assertEquals(27, result.monthExhausted50());
        assertEquals(0.0, result.exhaustionByMonth()[25]);
        assertEquals(1.0, result.exhaustionByMonth()[26]);
    }

    @Test
    void probabilityOfAHostFailureInAYearMatchesTheClosedForm() {
        Uncertainty failuresOnly = Uncertainty.NONE.withFailures(true);
        Reliability r = new Reliability(0.08, 48, 0, 0, 24, 1, 10, true, true, 2);
        SimulationResult result = MonteCarlo.run(inputs(failuresOnly, r, 0, 1e9), 20_000, 7);
        double expected = 1 - Math.pow(1 - 0.08, 3); // 0.221312
        SimulationResult.Estimate p = result.hostFailureFirstYear();
        assertTrue(Math.abs(p.value() - expected) <= 3 * p.standardError(),
                () -> "simulated " + p + " vs closed form " + expected);
        assertTrue(p.standardError() < 0.005, "the reported error is that of 20,000 Bernoulli trials");
    }

    @Test
    void anyFailureIsAtRiskWhenOneFailureReachesMinSizeMatchingTheClosedForm() {
        // repairs take no time, so failures of each host form a Poisson process over the whole 5 years:
        // P(at least one of 3 hosts fails in 5 years) = 1 - (1 - AFR)^(3 x 5)
        Reliability oneFailureAtRisk = new Reliability(0.05, 0, 0, 0, 0, 0, 0, true, true, 1);
        SimulationResult result = MonteCarlo.run(inputs(Uncertainty.NONE.withFailures(true), oneFailureAtRisk, 0, 1e9), 20_000, 11);
        double expected = 1 - Math.pow(0.95, 15); // 0.536709
        SimulationResult.Estimate p = result.dataAtRiskProbability();
        assertTrue(Math.abs(p.value() - expected) <= 3 * p.standardError(), () -> p + " vs " + expected);
    }

    @Test
    void aSizeThreePoolOnThreeHostsIsAtRiskOnlyWhenTwoHostsAreDownTogether() {
        Reliability twoNeeded = new Reliability(0.05, 48, 0, 0, 0, 0, 0, false, true, 2);
        Reliability oneNeeded = new Reliability(0.05, 48, 0, 0, 0, 0, 0, false, true, 1);
        Uncertainty u = Uncertainty.NONE.withFailures(true);
        double two = MonteCarlo.run(inputs(u, twoNeeded, 0, 1e9), 5_000, 3).dataAtRiskProbability().value();
        double one = MonteCarlo.run(inputs(u, oneNeeded, 0, 1e9), 5_000, 3).dataAtRiskProbability().value();
        assertTrue(two < one / 10, () -> "two concurrent failures are much rarer: " + two + " vs " + one);
        assertTrue(two > 0, "but with 48 h repairs they do happen over 20,000 host-years... in some trials");
    }

    @Test
    void degradedTimeGrowsWithRepairTimeWhenTheClusterCannotHeal() {
        Uncertainty u = Uncertainty.NONE.withFailures(true);
        Reliability heals = new Reliability(0.05, 48, 0, 0, 0, 0, 4, true, true, 2);
        Reliability cannotHeal = new Reliability(0.05, 48, 0, 0, 0, 0, 4, false, true, 2);
        double healing = MonteCarlo.run(inputs(u, heals, 0, 1e9), 4_000, 5).degradedHoursPerYear().value();
        double stuck = MonteCarlo.run(inputs(u, cannotHeal, 0, 1e9), 4_000, 5).degradedHoursPerYear().value();
        // expected stuck ~ 3 hosts x 0.0513 failures/year x 48 h = 7.4 h/year; healing caps each window at 4 h
        assertTrue(stuck > 5 && stuck < 10, () -> "stuck " + stuck);
        assertTrue(healing < stuck / 5, () -> "healing " + healing + " vs stuck " + stuck);
    }

    @Test
    void theSameSeedGivesTheSameResultsBitForBitWhateverTheThreads() throws Exception {
        SimulationInputs in = inputs(Uncertainty.DEFAULT, NO_DISKS, 10, 160);
        SimulationResult a = MonteCarlo.run(in, 3_000, 99);
        SimulationResult b = new ForkJoinPool(1).submit(() -> MonteCarlo.run(in, 3_000, 99)).get();
        assertEquals(a.options().get(1).mean(), b.options().get(1).mean());
        assertEquals(a.options().get(0).p95(), b.options().get(0).p95());
        assertArrayEquals(a.exhaustionByMonth(), b.exhaustionByMonth());
        assertEquals(a.degradedHoursPerYear(), b.degradedHoursPerYear());
        assertArrayEquals(a.options().get(1).histogram().counts(), b.options().get(1).histogram().counts());
        SimulationResult other = MonteCarlo.run(in, 3_000, 100);
        assertFalse(a.options().get(1).mean().equals(other.options().get(1).mean()), "another seed gives another sample");
    }

    @Test
    void aCancelledRunReturnsTheTrialsItFinished() {
        AtomicInteger reported = new AtomicInteger();
        SimulationResult result = MonteCarlo.run(inputs(Uncertainty.DEFAULT, NO_DISKS, 10, 160), 10_000, 1,
                reported::set, () -> reported.get() >= MonteCarlo.CHUNK);
        assertTrue(result.cancelled());
        assertTrue(result.trialsRun() >= MonteCarlo.CHUNK && result.trialsRun() < 10_000, () -> "ran " + result.trialsRun());
        assertEquals(result.trialsRun(), Arrays.stream(result.options().get(0).histogram().counts()).sum());
    }

    @Test
    void progressOnlyGoesUpAndReachesTheNumberOfTrials() {
        AtomicInteger reported = new AtomicInteger();
        java.util.List<Integer> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        SimulationResult result = MonteCarlo.run(inputs(Uncertainty.DEFAULT, NO_DISKS, 10, 160), 1_234, 1, n -> {
            seen.add(n);
            reported.set(n);
        }, () -> false);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "progress went down: " + seen);
        }
        assertEquals(1_234, reported.get());
        assertEquals(1_234, result.trialsRun());
        assertFalse(result.cancelled());
    }

    @Test
    void tooFewTrialsAreReportedAsNotEnough() {
        SimulationResult few = MonteCarlo.run(inputs(Uncertainty.DEFAULT, NO_DISKS, 10, 160), 50, 1);
        assertFalse(few.enough(), few.enoughReason());
        SimulationResult many = MonteCarlo.run(inputs(Uncertainty.DEFAULT, NO_DISKS, 10, 1e9), 5_000, 1);
        assertTrue(many.enough(), many.enoughReason());
    }

    @Test
    void costPercentilesAreOrderedAndPriceDriftSpreadsThem() {
        SimulationResult r = MonteCarlo.run(inputs(Uncertainty.DEFAULT, NO_DISKS, 10, 1e9), 4_000, 8);
        SimulationResult.OptionStats aws = r.options().get(1);
        assertTrue(aws.p50() <= aws.p90() && aws.p90() <= aws.p95());
        assertTrue(aws.p95() > aws.p50(), "cloud price changes and growth spread the AWS cost");
    }
}
