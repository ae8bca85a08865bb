package dev.clusterplanner.app;

import dev.clusterplanner.adapters.incus.WatchLog;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.usage.InstanceReading;
import dev.clusterplanner.core.usage.MemberReading;
import dev.clusterplanner.core.usage.UsageSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan --pdf FILE --live SAVED.json} with a probe saved by {@code probe --watch --json}: the Live section shows
 * the usage over time and the right-sizing findings, read back from the PDF's text.
 */
class ReportUsageSectionTest {

    static Catalog catalog;
    static Plan plan;
    static PlanResult result;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
        plan = ExamplePlans.load("meerkat-cluster.plan.json");
        result = new PlanningService().analyse(plan, catalog);
    }

    /** web-1 (limit 2 CPUs, 4 GiB) uses 0.5 core over each 10 s interval: 5e9 ns of CPU more at every sample. */
    static Path savedWatch(Path dir) throws Exception {
        Instant t0 = Instant.parse("2026-11-25T21:00:00Z");
        LiveSnapshot s = ProbeCephJsonTest.snapshot(t0);
        Path log = dir.resolve("w.jsonl");
        try (WatchLog w = WatchLog.create(log, new WatchLog.Header(s.source(), t0, Duration.ofSeconds(40), Duration.ofSeconds(10), s))) {
            for (int k = 0; k <= 4; k++) {
                w.add(new UsageSample(t0.plusSeconds(10L * k),
                        List.of(new InstanceReading("web-1", "default", "node1", "Running", 5_000_000_000L * k, 512L << 20, null, 0, 0)),
                        List.of(new MemberReading("node1", true, "", 0.5, 8L << 30, 64L << 30),
                                new MemberReading("node2", true, "", 0.1, 4L << 30, 64L << 30),
                                k == 2 ? MemberReading.silent("node3", "connection refused") : new MemberReading("node3", true, "", 0.1, 4L << 30, 64L << 30)),
                        List.of()));
            }
        }
        WatchService service = new WatchService();
        WatchService.Result r = service.open(log, 20, plan, null);
        Path saved = dir.resolve("watch.json");
        service.save(r, null, saved);
        return saved;
    }

    @Test
    void aSavedWatchPutsUsageAndRightSizingInTheLiveSection(@TempDir Path dir) throws Exception {
        ReportService.Live live = ReportService.live(savedWatch(dir), plan, null);
        assertEquals(5, live.watch().samples().size());
        byte[] pdf = new ReportService().render(plan, catalog, result, List.of(), live, ReportService.Paper.A4, LocalDate.of(2026, 11, 25), null).pdf();
        String text = ReportLiveSectionTest.pdfText(pdf);
        int usage = text.indexOf("Usage over time");
        assertTrue(usage > text.indexOf("Live cluster Probe of"), "the usage comes inside the Live section");
        assertTrue(text.contains("5 of 5 samples every 10 s"), text.substring(usage, Math.min(text.length(), usage + 600)));
        // 5e9 ns in 10 s = 0.50 core in each of the 4 intervals: mean, P95 and max 0.50; memory 512 MiB of a 4 GiB limit
        assertTrue(text.contains("web-1 node1 2 0.50 / 0.50 / 0.50 512 MiB 4 GiB"), text.substring(usage, Math.min(text.length(), usage + 900)));
        assertTrue(text.contains("node3 4 of 5"), "the member that missed a sample");
        // 2 CPU limit, P95 0.5 x 1.2 = 0.6 -> 1 CPU would do; node3's gap is a warning
        assertTrue(text.contains("web-1: 2 CPU limit, P95 0.50 cores"), text.substring(usage));
        assertTrue(text.contains("node3 did not answer"), text.substring(usage));
        assertTrue(text.contains("CPU cores per instance"), "the chart's title");
        // the usage-based plan beside the limits: web-1 asks for 2 CPUs / 4 GiB by limits, 0.6 core / 768 MiB by use
        assertTrue(text.contains("sized for the live workloads: by their limits"), text.substring(usage));
        assertTrue(live.demand() != null && live.demand().hostsByLimits() != null && live.demand().hostsByUsage() != null, String.valueOf(live.demand()));
        assertTrue(live.demand().hostsByUsage() <= live.demand().hostsByLimits());
    }

    @Test
    void aProbeWithoutAWatchHasNoUsagePart(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("probe.json");
        new ProbeService().save(new ProbeService().check(ProbeCephJsonTest.snapshot(), plan, null), saved);
        ReportService.Live live = ReportService.live(saved, plan, null);
        assertNull(live.watch());
        String text = ReportLiveSectionTest.pdfText(new ReportService().render(plan, catalog, result, List.of(), live, ReportService.Paper.A4,
                LocalDate.of(2026, 11, 25), null).pdf());
        assertTrue(!text.contains("Usage over time"));
    }
}
