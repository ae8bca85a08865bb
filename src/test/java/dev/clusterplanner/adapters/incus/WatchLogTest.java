package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.usage.InstanceReading;
import dev.clusterplanner.core.usage.MemberReading;
import dev.clusterplanner.core.usage.UsageSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchLogTest {

    @TempDir
    Path dir;

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    static WatchLog.Header header() {
        LiveSnapshot s = new LiveSnapshot(T0, "https://127.0.0.1:8443", "node1", "6.0.4", true, "ab", List.of(), List.of(), List.of(),
                List.of(), List.of(), 5);
        return new WatchLog.Header("https://127.0.0.1:8443", T0, Duration.ofSeconds(20), Duration.ofSeconds(4), s);
    }

    static UsageSample sample(int seconds, long cpu) {
        return new UsageSample(T0.plusSeconds(seconds),
                List.of(new InstanceReading("web-1", "default", "node1", "Running", cpu, 1 << 20, null, 10, 20)),
                List.of(new MemberReading("node1", true, "", 0.25, 1L << 30, 8L << 30), MemberReading.silent("node3", "timed out")),
                List.of("state of db-1 not reported"));
    }

    @Test
    void samplesWrittenOneByOneAndAfterAResumeReadBackInOrder() throws Exception {
        Path f = dir.resolve("w.jsonl");
        try (WatchLog log = WatchLog.create(f, header())) {
            log.add(sample(0, 0));
            log.add(sample(4, 4_000_000_000L));
        }
        try (WatchLog log = WatchLog.append(f, T0.plusSeconds(60))) {
            log.add(sample(60, 9_000_000_000L));
        }
        WatchLog.Saved saved = WatchLog.read(f);
        assertEquals(Duration.ofSeconds(4), saved.header().interval());
        assertEquals(T0.plusSeconds(20), saved.header().plannedEnd());
        assertEquals("node1", saved.header().snapshot().serverName());
        assertEquals(3, saved.samples().size());
        assertEquals(List.of(T0.plusSeconds(60)), saved.resumedAt());
        UsageSample back = saved.samples().get(1);
        assertEquals(sample(4, 4_000_000_000L), back);   // every field, the missing root disk (null) and the silent member too
        assertEquals(5, Files.readAllLines(f).size()); // header + 2 samples + resumed + 1 sample
    }

    @Test
    void aLastLineCutShortByACrashIsLeftOutAndSaidSo() throws Exception {
        Path f = dir.resolve("w.jsonl");
        try (WatchLog log = WatchLog.create(f, header())) {
            log.add(sample(0, 0));
        }
        Files.writeString(f, "{\"type\":\"sample\",\"at\":\"2026-12-06T10:00:04Z\",\"instan", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        WatchLog.Saved saved = WatchLog.read(f);
        assertEquals(1, saved.samples().size());
        assertEquals(1, saved.notes().size());
        assertTrue(saved.notes().get(0).contains("line 3 was cut short"), saved.notes().get(0));
    }

    @Test
    void aLineCutShortBeforeAResumeStaysOnItsOwnLineAndIsLeftOut() throws Exception {
        Path f = dir.resolve("w.jsonl");
        try (WatchLog log = WatchLog.create(f, header())) {
            log.add(sample(0, 0));
        }
        Files.writeString(f, "{\"type\":\"sample\",\"at\":\"2026-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (WatchLog log = WatchLog.append(f, T0.plusSeconds(30))) {
            log.add(sample(32, 8_000_000_000L));
        }
        WatchLog.Saved saved = WatchLog.read(f);
        assertEquals(2, saved.samples().size());
        assertEquals(List.of(T0.plusSeconds(30)), saved.resumedAt());
        assertTrue(saved.notes().get(0).contains("line 3 was cut short"), saved.notes().toString());
    }

    @Test
    void aBrokenLineInTheMiddleIsRefusedWithItsLineNumber() throws Exception {
        Path f = dir.resolve("w.jsonl");
        try (WatchLog log = WatchLog.create(f, header())) {
            log.add(sample(0, 0));
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        lines.add(1, "not json");
        Files.write(f, lines);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> WatchLog.read(f));
        assertEquals(2, e.problems().get(0).line());
    }

    @Test
    void aNewWatchNeverOverwritesAnExistingFile() throws Exception {
        Path f = dir.resolve("w.jsonl");
        Files.writeString(f, "precious");
        IOException e = assertThrows(IOException.class, () -> WatchLog.create(f, header()));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        assertEquals("precious", Files.readString(f));
    }

    @Test
    void aFileThatIsNotAWatchIsRefused() throws Exception {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, "{\"format\": 1, \"name\": \"x\"}\n");
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> WatchLog.read(f));
        assertTrue(e.problems().get(0).message().contains("not a watch samples file"), e.problems().get(0).message());
    }
}
