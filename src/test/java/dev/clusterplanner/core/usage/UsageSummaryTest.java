package dev.clusterplanner.core.usage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageSummaryTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final Duration EVERY = Duration.ofSeconds(4);

    static InstanceReading web(long cpuNanos, long rx, long tx) {
        return new InstanceReading("web-1", "", "node1", "Running", cpuNanos, 100L << 20, 1L << 30, rx, tx);
    }

    static MemberReading up(String name) {
        return new MemberReading(name, true, "", 0.5, 2L << 30, 8L << 30);
    }

    static UsageSample at(int seconds, List<InstanceReading> i, List<MemberReading> m) {
        return new UsageSample(T0.plusSeconds(seconds), i, m, List.of());
    }

    @Test
    void coresAreCpuTimeOverWallTimeBetweenTwoSamples() {
        // 0 -> 4 s: 4e9 ns of CPU in 4 s = 1.0 core; 4 -> 8 s: 2e9 ns in 4 s = 0.5 core
        UsageSummary s = UsageSummary.of(List.of(
                at(0, List.of(web(0, 0, 0)), List.of(up("node1"))),
                at(4, List.of(web(4_000_000_000L, 4_000_000, 0)), List.of(up("node1"))),
                at(8, List.of(web(6_000_000_000L, 4_000_000, 2_000_000)), List.of(up("node1")))), EVERY);
        InstanceUsage u = s.instance("default", "web-1").orElseThrow();
        assertEquals(0.75, u.cores().mean(), 1e-9);
        assertEquals(1.0, u.cores().p95(), 1e-9);   // rank ceil(0.95 x 2) = 2 of {0.5, 1.0}
        assertEquals(2, u.cores().count());
        // 4,000,000 bytes in 4 s = 8,000,000 bit/s = 8 Mbit/s received in the first interval, 0 in the second
        assertEquals(8.0, u.netRxMbps().max(), 1e-9);
        assertEquals(4.0, u.netTxMbps().max(), 1e-9); // 2,000,000 bytes x 8 / 4 s = 4 Mbit/s
        assertEquals(100L << 20, (long) u.memoryBytes().p95());
        // the member carries its instance's cores
        MemberUsage m = s.members().get(0);
        assertEquals(0.75, m.instanceCores().mean(), 1e-9);
        assertEquals(3, m.answered());
        assertTrue(m.gaps().isEmpty());
    }

    @Test
    void aCounterThatGoesBackIsARestartNotANegativeRate() {
        UsageSummary s = UsageSummary.of(List.of(
                at(0, List.of(web(9_000_000_000L, 0, 0)), List.of()),
                at(4, List.of(web(1_000_000_000L, 0, 0)), List.of()),
                at(8, List.of(web(3_000_000_000L, 0, 0)), List.of())), EVERY);
        InstanceUsage u = s.instance("default", "web-1").orElseThrow();
        assertEquals(1, u.cores().count());           // only 4 -> 8 s
        assertEquals(0.5, u.cores().max(), 1e-9);
    }

    @Test
    void aMemberThatStopsAnsweringLeavesAGapWithItsReason() {
        UsageSummary s = UsageSummary.of(List.of(
                at(0, List.of(), List.of(up("node1"), up("node3"))),
                at(4, List.of(), List.of(up("node1"), MemberReading.silent("node3", "connection refused"))),
                at(8, List.of(), List.of(up("node1"), MemberReading.silent("node3", "timed out"))),
                at(12, List.of(), List.of(up("node1"), up("node3")))), EVERY);
        MemberUsage n3 = s.members().stream().filter(m -> m.name().equals("node3")).findFirst().orElseThrow();
        assertEquals(2, n3.answered());
        assertEquals(4, n3.samples());
        assertEquals(1, n3.gaps().size());
        assertEquals(T0.plusSeconds(4), n3.gaps().get(0).from());
        assertEquals(T0.plusSeconds(8), n3.gaps().get(0).to());
        assertEquals("connection refused", n3.gaps().get(0).reason());
    }

    @Test
    void anIntervalOverThreeTimesThePlannedOneIsAGapWithoutRates() {
        // 4 s planned; 4 -> 64 s is 60 s > 12 s: the watch was interrupted, no rate is taken over it
        UsageSummary s = UsageSummary.of(List.of(
                at(0, List.of(web(0, 0, 0)), List.of()),
                at(4, List.of(web(2_000_000_000L, 0, 0)), List.of()),
                at(64, List.of(web(62_000_000_000L, 0, 0)), List.of())), EVERY);
        assertEquals(1, s.gaps().size());
        assertEquals(T0.plusSeconds(4), s.gaps().get(0).from());
        InstanceUsage u = s.instance("default", "web-1").orElseThrow();
        assertEquals(1, u.cores().count());
        assertEquals(0.5, u.cores().max(), 1e-9);
    }
}
