package dev.clusterplanner.core.usage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsageSeriesTest {

    @Test
    void chartPointsAreTheSummarysRatesAtTheEndOfEachInterval() {
        // samples at 0, 4 and 8 s: 1.0 core then 0.5 core (see UsageSummaryTest); node1 carries both
        List<UsageSample> s = List.of(
                UsageSummaryTest.at(8, List.of(UsageSummaryTest.web(6_000_000_000L, 0, 0)), List.of(UsageSummaryTest.up("node1"))),
                UsageSummaryTest.at(0, List.of(UsageSummaryTest.web(0, 0, 0)), List.of(UsageSummaryTest.up("node1"))),
                UsageSummaryTest.at(4, List.of(UsageSummaryTest.web(4_000_000_000L, 0, 0)), List.of(UsageSummaryTest.up("node1"))));
        Map<String, List<UsageSeries.Line>> lines = UsageSeries.cores(s, UsageSummaryTest.EVERY);
        assertEquals(List.of(new UsageSeries.Line("web-1", List.of(new UsageSeries.Point(4, 1.0), new UsageSeries.Point(8, 0.5)))),
                lines.get("instances"));
        assertEquals(List.of(new UsageSeries.Line("node1", List.of(new UsageSeries.Point(4, 1.0), new UsageSeries.Point(8, 0.5)))),
                lines.get("members"));
    }
}
