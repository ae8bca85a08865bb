package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watch's options are checked before anything is read: a bad one is a usage error (exit 2) naming the option. */
class WatchOptionsTest {

    @Test
    void durationsReadSecondsMinutesHoursAndDays() {
        assertEquals(Duration.ofSeconds(20), WatchRun.parseDuration("20s"));
        assertEquals(Duration.ofMinutes(5), WatchRun.parseDuration("5m"));
        assertEquals(Duration.ofHours(2), WatchRun.parseDuration("2h"));
        assertEquals(Duration.ofDays(1), WatchRun.parseDuration("1d"));
        assertEquals(Duration.ofSeconds(90), WatchRun.parseDuration("90"));
        assertThrows(IllegalArgumentException.class, () -> WatchRun.parseDuration("soon"));
        assertThrows(IllegalArgumentException.class, () -> WatchRun.parseDuration("-5s"));
    }

    static String[] probe(String... more) {
        // nothing listens on port 1: every case below must be refused before a connection is tried
        String[] base = {"probe", "--url", "https://127.0.0.1:1", "--cert", "/nonexistent.crt", "--key", "/nonexistent.key"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void badWatchOptionsAreUsageErrorsNamingTheOption() {
        String[][] cases = {
                {"--watch", "0s"}, {"--watch", "40d"}, {"--watch", "soon"},
                {"--watch", "20s", "--interval", "30s"}, {"--watch", "20s", "--interval", "0s"},
                {"--demand", "p95"}, {"--demand", "median", "--watch", "20s"},
                {"--watch", "20s", "--resume", "x.jsonl"}, {"--watch", "20s", "--headroom", "-5"},
        };
        for (String[] c : cases) {
            String[] r = run(probe(c));
            assertEquals("2", r[0], String.join(" ", c) + " -> " + r[2]);
            assertTrue(r[2].contains(c[0].equals("--watch") && c.length > 2 ? c[2] : c[0]), String.join(" ", c) + " -> " + r[2]);
        }
    }
}
