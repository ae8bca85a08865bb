package dev.clusterplanner.app;

import dev.clusterplanner.adapters.ceph.CephReadException;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Plan;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan PLAN.json --pdf FILE --live SNAPSHOT.json}: the report's "Live cluster" section, read back from the PDF's
 * text and checked against the hand-written snapshot and Ceph cluster of {@link ProbeCephJsonTest}.
 */
class ReportLiveSectionTest {

    static final LocalDate DATE = LocalDate.of(2026, 11, 25);
    static Catalog catalog;
    static Plan plan;
    static PlanResult result;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
        plan = ExamplePlans.load("meerkat-cluster.plan.json");
        result = new PlanningService().analyse(plan, catalog);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    static byte[] render(Path saved) throws Exception {
        ReportService.Live live = ReportService.live(saved, plan, null);
        return new ReportService().render(plan, catalog, result, List.of(), live, ReportService.Paper.A4, DATE, null).pdf();
    }

    @Test
    void theLiveSectionShowsPlanAgainstActualTheCephPictureAndTheFindingsWithSeverity(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("probe-2026-11-25.json");
        new ProbeService().save(ProbeCephJsonTest.probe(ProbeCephJsonTest::cluster), saved);
        byte[] pdf = render(saved);
        String text = pdfText(pdf);

        int live = text.indexOf("Live cluster Probe of https://node1:8443");
        assertTrue(live > text.indexOf("Findings "), "the live section comes after the plan's findings");
        assertTrue(live < text.indexOf("Assumptions and formulas "), "and before the assumptions");
        assertTrue(text.contains("saved in probe-2026-11-25.json"), "the saved file is named");
        assertTrue(text.contains("taken 2026-11-25T21:00:00Z"));

        // per member: planned (the recommended hardware of the site) / live (16 threads, 64 GiB, 10 Gb/s)
        String hwId = result.sites().get(0).recommended().orElseThrow().sizing().hardwareIds().get(0);
        Hardware hw = catalog.hardware(hwId).orElseThrow();
        for (String member : List.of("node1", "node2", "node3")) {
            String row = member + " online " + hw.threads() + " / 16 " + ReportFormat.plain(hw.memoryGib()) + " / 64";
            assertTrue(text.contains(row), "row '" + row + "' in: " + text.substring(live, Math.min(text.length(), live + 1200)));
        }

        // Ceph: 3 OSDs of 100 GiB with 6 GiB used on each = 18 GiB of 300 GiB; 6/100 = 6.0 %
        assertTrue(text.contains("Health HEALTH_OK"), text);
        assertTrue(text.contains("OSDs 3 on 3 host(s), 3 up, 3 in"));
        assertTrue(text.contains("Raw capacity 300 GiB, used 18 GiB, available 282 GiB"));
        assertTrue(text.contains("Ratios nearfull 0.85, full 0.95"));
        assertTrue(text.contains("osd.1 NODE2.lab node2 ssd up, in 100 GiB 6 GiB 6.0 %"), "OSD host matched to its member");
        assertTrue(text.contains("incus-rbd replicated size 3/min_size 2 42 5 GiB 15 GiB 70 GiB"));
        assertTrue(text.contains("archive EC 2+1 (profile ec21) 7 2 GiB 3 GiB 140 GiB"));
        // raw 300 GiB = 300/1024 = 0.29296875 TiB
        assertTrue(text.contains("liveRawTiB 0.29 TiB"), "figures with their formulas");
        // the meerkat plan's site is Ceph: the plan's data is compared (the site name is in the figures' note)
        assertTrue(text.contains("Against plan site production"));

        // Incus pools on Ceph: remote -> incus-rbd, 5 GiB stored, 1 instance with a 10 GiB root disk
        assertTrue(text.contains("remote ceph ceph incus-rbd 5 GiB 1 10 GiB web-1"), text);

        // findings with severity, worst first: the EC m=1 warning and the 3-host recovery info are there
        int findings = text.indexOf("Live findings", live);
        assertTrue(findings > live);
        String fs = text.substring(findings);
        assertTrue(fs.contains("ceph.live.ec-m1"), fs);
        assertTrue(fs.contains("ceph.live.recovery-after-host-loss"), fs);
        int firstWarning = fs.indexOf("WARNING");
        int firstInfo = fs.indexOf("INFO");
        assertTrue(firstWarning >= 0 && firstInfo > firstWarning, "warnings before infos: " + fs);

        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFRenderer r = new PDFRenderer(d);
            BufferedImage last = r.renderImageWithDPI(d.getNumberOfPages() - 1, 24f);
            assertTrue(last.getWidth() > 0);
        }
    }

    @Test
    void aProbeWhoseCephWasUnreachableSaysSoAndKeepsTheIncusPart(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("probe.json");
        new ProbeService().save(ProbeCephJsonTest.probe(() -> {
            throw new CephReadException("connection refused");
        }), saved);
        String text = pdfText(render(saved));
        assertTrue(text.contains("Ceph was asked for but could not be read when the probe ran"), text);
        String fs = text.substring(text.indexOf("Live findings"));
        assertTrue(fs.contains("ERROR Ceph could not be read from http://mgr:9283/metrics: connection refused"), fs);
        assertTrue(text.contains("node3 online"), "members are still compared");
        assertTrue(text.contains("remote ceph ceph incus-rbd – 1 10 GiB web-1"), "the pool mapping, with Ceph's side unknown");
    }

    @Test
    void withoutALiveProbeThereIsNoLiveSection() throws Exception {
        String text = pdfText(new ReportService().render(plan, catalog, result, List.of(), ReportService.Paper.A4, DATE, null).pdf());
        assertFalse(text.contains("Live cluster Probe of"));
    }

    @Test
    void bytesReadInBinaryUnitsWithTwoDecimals() {
        assertEquals("1.26 MiB", LiveReportSection.bytes(1_318_912));     // 1,318,912 / 1,048,576 = 1.2578
        assertEquals("10 GiB", LiveReportSection.bytes(10_737_418_240L));
        assertEquals("512 B", LiveReportSection.bytes(512));
    }
}
