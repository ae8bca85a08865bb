package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.CostSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BreakEvenTest {

    /** An option whose cumulative cost is {@code first} in month 1 and grows by {@code monthly} each month after. */
    static CostOption option(String id, double first, double monthly, int months) {
        List<MonthCost> series = new ArrayList<>();
        double cumulative = 0;
        for (int m = 1; m <= months; m++) {
            double total = m == 1 ? first : monthly;
            cumulative += total;
            series.add(new MonthCost(m, 1, 1, Map.of(), total, cumulative, null));
        }
        return new CostOption(id, CostOptionKind.OWNED, id, id, CostSettings.AwsCommitment.ON_DEMAND, false, 1, 1, 0, 0, null,
                Map.of(), cumulative, null, null, null, series, List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void twoOptionsWithTheSameMonthsCostTheSameInEachMonth() {
        // the cheapest fleet that is the recommended option's hosts: the same series
        BreakEven b = BreakEven.between(option("a", 1000, 100, 12), option("b", 1000, 100, 12));
        assertEquals("a and b cost the same in each of the 12 months", b.text());
        assertEquals(1, b.month());
    }

    @Test
    void equalInMonthOneOnlySaysMonthOne() {
        BreakEven b = BreakEven.between(option("a", 1000, 100, 12), option("b", 1000, 90, 12));
        assertEquals("a and b cost the same in month 1", b.text());
    }

    @Test
    void theDearerStartBreaksEvenInTheMonthItsCumulativeCostIsNoLongerAbove() {
        // a: 1,000 then 100 a month; b: 400 then 200 a month. Cumulative in month m: a = 900 + 100 m, b = 200 + 200 m;
        // a <= b from 900 + 100 m <= 200 + 200 m, m >= 7
        BreakEven b = BreakEven.between(option("a", 1000, 100, 12), option("b", 400, 200, 12));
        assertEquals(7, b.month());
        assertEquals("a", b.dearerFirst());
        assertNull(BreakEven.between(option("a", 1000, 100, 5), option("b", 400, 200, 5)).month());
    }
}
