package dev.clusterplanner.core.capacity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureHeadroomTest {

    @Test
    void losingTheKLargestHostsLeavesTheSumOfTheOthers() {
        double[] memory = {60, 62, 30, 62};
        // k = 0: 60 + 62 + 30 + 62 = 214
        assertEquals(214, FailureHeadroom.afterLosingLargest(memory, 0), 1e-9);
        // k = 1: lose one 62: 214 - 62 = 152
        assertEquals(152, FailureHeadroom.afterLosingLargest(memory, 1), 1e-9);
        // k = 2: lose both 62s: 60 + 30 = 90
        assertEquals(90, FailureHeadroom.afterLosingLargest(memory, 2), 1e-9);
        // k = 4 (every host): nothing left
        assertEquals(0, FailureHeadroom.afterLosingLargest(memory, 4), 1e-9);
    }

    @Test
    void groupsOfEqualHostsGiveTheSameAsTheRow() {
        // 3 monitor hosts of 58 GiB and 5 others of 60 GiB, k = 2: 3 x 58 + 5 x 60 - 2 x 60 = 174 + 300 - 120 = 354
        assertEquals(354, FailureHeadroom.afterLosingLargest(new double[]{58, 60}, new int[]{3, 5}, 2), 1e-9);
        assertEquals(354, FailureHeadroom.afterLosingLargest(new double[]{58, 58, 58, 60, 60, 60, 60, 60}, 2), 1e-9);
        // k larger than the big group: 1 x 60 + 3 x 58, k = 2: lose 60 and one 58: 116
        assertEquals(116, FailureHeadroom.afterLosingLargest(new double[]{58, 60}, new int[]{3, 1}, 2), 1e-9);
    }

    @Test
    void aDimensionWithoutAPerHostLimitHasInfiniteHeadroom() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(inf, FailureHeadroom.afterLosingLargest(new double[]{inf, inf, inf}, 1));
        assertTrue(FailureHeadroom.holds(new double[]{inf, inf}, 1e12, 1));
    }

    @Test
    void aLoadHoldsWhenTheSurvivorsCoverIt() {
        double[] cpu = {15, 15, 15};
        // k = 1: 30 reference threads left
        assertTrue(FailureHeadroom.holds(cpu, 30, 1));
        assertFalse(FailureHeadroom.holds(cpu, 30.01, 1));
        // rounding: a sum a few ulps short still covers the load
        assertTrue(FailureHeadroom.covers(0.1 + 0.2, 0.3));
        assertTrue(FailureHeadroom.holds(cpu, 0, 3));
    }

    @Test
    void perDimensionCheckNamesTheFirstDimensionThatDoesNotHold() {
        double[][] caps = {{15, 60}, {15, 60}, {15, 60}};
        int[] binding = {-1};
        // cpu 20 <= 30 after one loss; memory 130 > 120
        assertFalse(FailureHeadroom.holds(caps, new double[]{20, 130}, 1, binding));
        assertEquals(1, binding[0]);
        assertTrue(FailureHeadroom.holds(caps, new double[]{20, 120}, 1, null));
        assertArrayEquals(new double[]{30, 120}, FailureHeadroom.afterLosingLargest(caps, 2, 1), 1e-9);
    }

    @Test
    void kFailuresNeedMoreThanKHosts() {
        assertTrue(FailureHeadroom.canLose(2, 1));
        assertFalse(FailureHeadroom.canLose(1, 1));
    }
}
