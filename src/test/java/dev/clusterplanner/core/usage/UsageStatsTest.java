package dev.clusterplanner.core.usage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageStatsTest {

    @Test
    void twentyValuesHaveTheNineteenthAsTheirP95() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = 20 - i; // 20, 19, ..., 1: unsorted on purpose
        }
        UsageStats s = UsageStats.of(v);
        assertEquals(10.5, s.mean(), 1e-12);   // (1 + 20) / 2
        assertEquals(19, s.p95(), 1e-12);      // rank ceil(0.95 x 20) = 19
        assertEquals(20, s.max(), 1e-12);
        assertEquals(20, s.count());
    }

    @Test
    void threeValuesHaveTheirMaximumAsP95() {
        UsageStats s = UsageStats.of(new double[]{5, 1, 3});
        assertEquals(3, s.mean(), 1e-12);
        assertEquals(5, s.p95(), 1e-12);       // rank ceil(2.85) = 3: the largest
    }

    @Test
    void noValuesAreEmpty() {
        assertTrue(UsageStats.of(new double[0]).empty());
    }
}
