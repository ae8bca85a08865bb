package dev.clusterplanner.core.sizing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurvivalTest {

    /** cpu, memory, disk, gpu per host: 8 reference threads, 30 GiB. */
    static double[] host() {
        return new double[]{8, 30, 0, 0, 0};
    }

    static double[] instance(double cpu, double memoryGib) {
        return new double[]{cpu, memoryGib, 0, 0, 0};
    }

    @Test
    void anAllocationThatFitsOnTheSurvivorsHeals() {
        // two 5 GiB instances per host: losing one host moves 10 GiB onto two survivors with 30 - 10 = 20 GiB free each
        double[][] caps = {host(), host(), host()};
        double[][] demand = new double[6][];
        int[] hostOf = new int[6];
        for (int i = 0; i < 6; i++) {
            demand[i] = instance(1, 5);
            hostOf[i] = i / 2;
        }
        Survival s = Survival.of(caps, demand, hostOf, 1);
        assertTrue(s.holds());
        assertEquals("enumerated", s.method());
        assertEquals(3, s.setsChecked());
    }

    @Test
    void anInstanceLargerThanAnySurvivorsRoomIsNamed() {
        // 20 GiB on each host: after losing host 0, each survivor has 30 - 20 = 10 GiB free, less than the 20 GiB evacuee
        double[][] caps = {host(), host(), host()};
        double[][] demand = {instance(1, 20), instance(1, 20), instance(1, 20)};
        Survival s = Survival.of(caps, demand, new int[]{0, 1, 2}, 1);
        assertFalse(s.holds());
        assertArrayEquals(new int[]{0}, s.failedHosts());
        assertEquals(0, s.strandedInstance());
    }

    @Test
    void aStoppedInstanceTakesNothing() {
        // the second 20 GiB instance is not running (-1): host 1's loss moves nothing, host 0's 20 GiB fits host 1 or 2
        double[][] caps = {host(), host(), host()};
        double[][] demand = {instance(1, 20), instance(1, 20)};
        assertTrue(Survival.of(caps, demand, new int[]{0, -1}, 1).holds());
    }
}
