package dev.clusterplanner.core.simulation;

import dev.clusterplanner.core.simulation.SimulationInputs.DemandGroup;
import dev.clusterplanner.core.simulation.SimulationInputs.Reliability;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgeFailureRatesTest {

    static final AgeFailureRates D = AgeFailureRates.DEFAULT;

    @Test
    void theRateIsFlatForFiveYearsThenRisesToThreePointTwoSevenTimesAtTen() {
        assertEquals(1.0, D.multiplierAt(0), 1e-12);
        assertEquals(1.0, D.multiplierAt(5), 1e-12);
        // halfway from 5 to 10 years: 1 + 0.5 x (4.25 / 1.30 - 1) = 2.13462
        assertEquals(1 + 0.5 * (4.25 / 1.30 - 1), D.multiplierAt(7.5), 1e-12);
        assertEquals(4.25 / 1.30, D.multiplierAt(10), 1e-12);
        assertEquals(4.25 / 1.30, D.multiplierAt(14), 1e-12);
        // a 10-year-old host at the 5 % base: 5 % x 3.2692 = 16.35 %
        assertEquals(0.16346, D.afr(0.05, 10), 1e-5);
    }

    @Test
    void aTableWithDescendingAgesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AgeFailureRates(new double[]{0, 5, 3}, new double[]{1, 1, 2}, "x"));
    }

    static SimulationInputs oneHost(double[] ages) {
        int months = 12;
        double[] zero = new double[months];
        // base host AFR 5 %, repair in 1 hour, no disks
        Reliability r = new Reliability(0.05, 1, 0, 0, 0, 0, 0, true, false, 0);
        return new SimulationInputs(months, 1, List.of(new DemandGroup("a", new double[]{1}, 0)), new double[]{1e9}, List.of("cpu"),
                r, List.of(SimulationInputs.CostOption.fixedOnly("x", zero)), -1, Uncertainty.NONE.withFailures(true), ages, D);
    }

    @Test
    void anOldOwnedHostFailsMoreOftenInItsFirstYearThanANewOne() {
        // P(a failure within the year) = the year's AFR: new host 5 %; a host 10 years old at the start 16.35 %
        // (its age moves from 120 to 131 months within the year, still at the held 3.27 x)
        SimulationResult fresh = MonteCarlo.run(oneHost(new double[0]), 20_000, 7);
        SimulationResult old = MonteCarlo.run(oneHost(new double[]{120}), 20_000, 7);
        assertEquals(0.05, fresh.hostFailureFirstYear().value(), 0.006);
        assertEquals(0.1635, old.hostFailureFirstYear().value(), 0.01);
    }

    @Test
    void aNewlyBoughtOwnedHostFailsLikeANewOne() {
        // age 0 months: multiplier 1 through the year, so the same 5 % as a new host
        SimulationResult owned = MonteCarlo.run(oneHost(new double[]{0}), 20_000, 11);
        assertEquals(0.05, owned.hostFailureFirstYear().value(), 0.006);
    }
}
