package dev.clusterplanner.adapters.export.pdf;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.ReportDocument;
import dev.clusterplanner.core.document.PaperSize;
import dev.clusterplanner.core.document.Block.Bin;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.FindingItem;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.KeyValue;
import dev.clusterplanner.core.document.Block.Level;
import dev.clusterplanner.core.document.Block.Marker;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Point;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.Series;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfLayoutTest {

    static String lorem(int words) {
        String[] w = {"hosts", "memory", "binds", "at", "81 %", "placement", "Ceph", "replication", "needs",
                "a", "network", "of", "25 Gbit/s", "recovery", "takes", "hours", "the", "cluster"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(w[i % w.length]);
        }
        return b.append('.').toString();
    }

    /** One of every block, with awkward content: long words, wide tables, Unicode. */
    static List<Block> everyKind() {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Cluster Planner report: Hybrid desktop, UAT and production"));
        b.add(new Block.KeyValues(List.of(new KeyValue("Plan", "Meerkat cluster"),
                new KeyValue("Prices as of", "2025-11-03 (oldest row 387 days old)"),
                new KeyValue("A very long key that has to wrap because it is long", lorem(40)))));
        b.add(new Paragraph("Müller’s €3,000 cluster ≥ 3 hosts · 25 µs · “quoted” — done. " + lorem(120)));
        b.add(new Paragraph("Averyveryverylongwordwithoutanyspacesthatmustbebrokensomewherebecauseitiswiderthanthewholepageitself"
                + "andthencontinuesforeverandeverandeverandeverandeverandeverandeverandeverandever", Block.TextStyle.NOTE));
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cols.add(i == 0 ? Column.left("Option name " + i) : Column.right("Column " + i + " USD/month"));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                cells.add(i == 0 ? "3 x System76 Meerkat (i7-1360P, 64 GB) option " + r : String.format("%,d", 1234567 * (i + r)));
            }
            rows.add(new Row(cells, r == 2));
        }
        b.add(new Block.Table(cols, rows));
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            List<Point> pts = new ArrayList<>();
            for (int m = 0; m <= 60; m++) {
                pts.add(new Point(m, 3000 * (s + 1) + m * 150.0 * (5 - s)));
            }
            series.add(new Series("Option " + s + " with a rather long legend name", pts));
        }
        b.add(new Block.LineChart("Cumulative cost over five years", "month", "USD", series,
                List.of(new Marker(20, 21000, "break-even month 20"), new Marker(60, 48000, "break-even month 60"))));
        b.add(new Block.StackedBarChart("Five-year cost by part", "USD",
                List.of("Buy 3 x Meerkat", "Rent bare metal (Hetzner AX52)", "AWS on-demand m7i.2xlarge with a very long name indeed"),
                List.of("hardware", "power", "support", "rental", "resale"),
                new double[][]{{3000, 800, 750, 0, -300}, {0, 0, 0, 9000, 0}, {0, 0, 0, 27000, 0}},
                List.of("4,250", "9,000", "27,000")));
        List<String> hosts = new ArrayList<>();
        double[][] util = new double[7][3];
        for (int h = 0; h < 7; h++) {
            hosts.add("host-" + (h + 1));
            util[h] = new double[]{20 + h * 10, 40 + h * 9, 130 - h};
        }
        b.add(new Block.BarChart("Utilisation per host", "%", hosts, List.of("CPU", "memory", "disk"), util, 85, "nearfull 85%"));
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bins.add(new Bin(i * 0.5, (i + 1) * 0.5, (long) (100 * Math.exp(-Math.pow(i - 8, 2) / 12))));
        }
        b.add(new Block.Histogram("Hours of degraded service per year", "hours", bins,
                List.of(new Marker(4.1, 0, "P50 4.1 h"), new Marker(7.9, 0, "P95 7.9 h"))));
        b.add(new Block.Findings(List.of(
                new FindingItem(Level.ERROR, "Three hosts cannot heal after a host loss: " + lorem(30), "ceph.heal · Ceph docs: placement"),
                new FindingItem(Level.WARNING, "1 Gbit/s network: recovery takes 9.3 h", ""),
                new FindingItem(Level.INFO, "PUE 1.58 applied", "Uptime Institute 2023"))));
        return b;
    }

    @Test
    void everyBlockCanBeReadBackAsText() throws IOException {
        var r = PdfChecks.render(new ReportDocument("Readback", "Cluster Planner test", everyKind()), PaperSize.A4);
        String text = PdfChecks.text(r.pdf()).replaceAll("\\s+", " ");
        assertTrue(text.contains("Cluster Planner report: Hybrid desktop, UAT and production"), text);
        assertTrue(text.contains("Müller’s €3,000 cluster ≥ 3 hosts · 25 µs · “quoted” — done."), "Unicode survives the round trip");
        assertTrue(text.contains("Prices as of"));
        assertTrue(text.contains("2025-11-03 (oldest row 387 days old)"));
        assertTrue(text.contains("Cumulative cost over five years"));
        assertTrue(text.contains("break-even month 20"));
        assertTrue(text.contains("27,000"), "stacked bar totals are printed as given");
        assertTrue(text.contains("nearfull 85%"));
        assertTrue(text.contains("P95 7.9 h"));
        assertTrue(text.contains("ERROR") && text.contains("WARNING") && text.contains("INFO"));
        assertTrue(text.contains("1 Gbit/s network: recovery takes 9.3 h"));
        // 1,234,567 x (11 + 7) = 22,222,206: the last cell of the last row
        assertTrue(text.contains("22,222,206"), "table cells are not cut");
        assertEquals(0, r.result().violations(), r.result().violationSamples().toString());
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void nothingIsDrawnInTheMarginsAndNoPageIsBlank(PaperSize paper) throws IOException {
        var r = PdfChecks.render(new ReportDocument("Margins " + paper, "Cluster Planner test", everyKind()), paper);
        assertEquals(0, r.result().violations(), r.result().violationSamples().toString());
        int pages = PdfChecks.assertPagesInkedAndMarginsClear(r.pdf(), 72f, 2000);
        assertTrue(pages >= 2, "the content of everyKind() does not fit on one page: " + pages);
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void pagesHaveTheChosenPaperSize(PaperSize paper) throws IOException {
        var r = PdfChecks.render(new ReportDocument("Size", "", List.of(new Paragraph("x"))), paper);
        try (PDDocument d = Loader.loadPDF(r.pdf())) {
            var box = d.getPage(0).getMediaBox();
            // A4 is 210 x 297 mm = 595.3 x 841.9 pt; Letter 8.5 x 11 in = 612 x 792 pt
            float w = paper == PaperSize.A4 ? 210f / 25.4f * 72f : 612f;
            float h = paper == PaperSize.A4 ? 297f / 25.4f * 72f : 792f;
            assertEquals(w, box.getWidth(), 0.1);
            assertEquals(h, box.getHeight(), 0.1);
        }
    }

    @Test
    void tablesBreakAcrossPagesAndRepeatTheirHeader() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(Row.of("web-" + i, "host-" + (1 + i % 4), String.valueOf(i * 2)));
        }
        var doc = new ReportDocument("Tables", "", List.of(new Heading(2, "Placement"),
                new Block.Table(List.of(Column.left("Instance name"), Column.left("Placed on host"), Column.right("vCPU")), rows)));
        var r = PdfChecks.render(doc, PaperSize.LETTER);
        List<String> pages = PdfChecks.pageTexts(r.pdf());
        assertTrue(pages.size() >= 3, "200 rows of ~12 pt need several pages: " + pages.size());
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(pages.get(p).contains("Instance name") && pages.get(p).contains("Placed on host"),
                    "page " + (p + 1) + " repeats the header");
        }
        String all = String.join("\n", pages);
        int last = -1;
        for (int i = 1; i <= 200; i++) {
            int at = all.indexOf("web-" + i + " ");
            assertTrue(at > last, "row " + i + " present and in order");
            last = at;
        }
        assertEquals(0, r.result().violations(), r.result().violationSamples().toString());
    }

    @Test
    void aHeadingIsNeverLeftAloneAtThePageFoot() throws IOException {
        List<Block> blocks = new ArrayList<>();
        // fill most of the first page with single lines, then a heading followed by a paragraph
        for (int i = 0; i < 200; i++) {
            blocks.add(new Paragraph("filler line " + i));
        }
        blocks.add(new Heading(2, "The heading that must travel"));
        blocks.add(new Paragraph("its first paragraph"));
        // try several fill levels: whichever lands the heading at a page foot must move it
        for (int fill = 42; fill <= 60; fill += 3) {
            List<Block> b = new ArrayList<>(blocks.subList(0, fill));
            b.add(blocks.get(200));
            b.add(blocks.get(201));
            var pages = PdfChecks.pageTexts(PdfChecks.render(new ReportDocument("Keep", "", b), PaperSize.A4).pdf());
            for (String page : pages) {
                assertEquals(page.contains("The heading that must travel"), page.contains("its first paragraph"),
                        "with " + fill + " filler lines the heading and its paragraph share a page");
            }
        }
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws IOException {
        var r = PdfChecks.render(new ReportDocument("Glyphs", "", List.of(new Paragraph("rack 漢 A\u200bB\tC"))), PaperSize.A4);
        String text = PdfChecks.text(r.pdf());
        assertTrue(text.contains("rack ? AB C"), text);
    }

    @Test
    void theDejaVuFontIsEmbedded() throws IOException {
        var r = PdfChecks.render(new ReportDocument("Fonts", "", List.of(new Heading(1, "Bold"), new Paragraph("regular"))), PaperSize.A4);
        try (PDDocument d = Loader.loadPDF(r.pdf())) {
            PDPage page = d.getPage(0);
            List<String> names = new ArrayList<>();
            for (COSName n : page.getResources().getFontNames()) {
                PDFont f = page.getResources().getFont(n);
                assertTrue(f.isEmbedded(), f.getName() + " is embedded");
                names.add(f.getName());
            }
            assertTrue(names.stream().anyMatch(n -> n.endsWith("DejaVuSans")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith("DejaVuSans-Bold")), names.toString());
        }
    }

    @Test
    void chartsAreDrawnInColour() throws IOException {
        List<Point> pts = List.of(new Point(0, 0), new Point(60, 50000));
        var r = PdfChecks.render(new ReportDocument("Chart", "", List.of(
                new Block.LineChart("cost", "month", "USD", List.of(new Series("buy", pts)), List.of()))), PaperSize.A4);
        // the first series is drawn in the palette's blue, #0072B2
        assertTrue(PdfChecks.pixelsNear(r.pdf(), 0, 0x0072B2, 72f) > 100, "the line is drawn");
        var empty = PdfChecks.render(new ReportDocument("Chart", "", List.of(
                new Block.LineChart("cost", "month", "USD", List.of(new Series("buy", List.of())), List.of()))), PaperSize.A4);
        assertTrue(PdfChecks.text(empty.pdf()).contains("(no data)"));
        assertEquals(0, PdfChecks.pixelsNear(empty.pdf(), 0, 0x0072B2, 72f));
    }

    @Test
    void progressRisesToOneAndNamesTheStep() throws IOException {
        List<Double> fractions = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        PdfLayout.write(new ReportDocument("Progress", "", everyKind()), PaperSize.A4, new ByteArrayOutputStream(),
                (f, s) -> {
                    fractions.add(f);
                    steps.add(s);
                });
        assertFalse(fractions.isEmpty());
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        assertTrue(steps.get(steps.size() - 1).startsWith("Done"), steps.toString());
    }

    @Test
    void manySitesAndFiveHundredInstancesStayValidAndReadable() throws IOException {
        List<Block> b = new ArrayList<>();
        int site = 0;
        List<Row> all = new ArrayList<>();
        for (site = 1; site <= 12; site++) {
            b.add(new Heading(1, "Site " + site));
            b.add(new Block.KeyValues(List.of(new KeyValue("Hosts", String.valueOf(3 + site)), new KeyValue("Why", lorem(25)))));
            List<String> hosts = new ArrayList<>();
            double[][] util = new double[3 + site][];
            for (int h = 0; h < 3 + site; h++) {
                hosts.add("site" + site + "-host-" + (h + 1));
                util[h] = new double[]{50, 60, 70};
            }
            b.add(new Block.BarChart("Utilisation", "%", hosts, List.of("CPU", "memory", "disk"), util, 85, "nearfull"));
        }
        for (int i = 1; i <= 500; i++) {
            all.add(Row.of("instance-" + i, "site" + (1 + i % 12), "host-" + (1 + i % 7), "4", "16.0", "200"));
        }
        b.add(new Heading(1, "Placement"));
        b.add(new Block.Table(List.of(Column.left("Instance"), Column.left("Site"), Column.left("Host"),
                Column.right("vCPU"), Column.right("Memory GiB"), Column.right("Disk GiB")), all));
        var r = PdfChecks.render(new ReportDocument("Large", "", b), PaperSize.A4);
        assertEquals(0, r.result().violations(), r.result().violationSamples().toString());
        String text = PdfChecks.text(r.pdf());
        assertTrue(text.contains("instance-1 ") && text.contains("instance-500 "), "first and last rows are there");
        assertTrue(text.contains("site12-host-15"), "the last site's last host is charted");
        // 500 rows at ~12 pt on ~730 pt pages: at least 8 pages of placement alone
        assertTrue(r.result().pages() >= 8 && r.result().pages() < 60, "pages: " + r.result().pages());
        PdfChecks.assertPagesInkedAndMarginsClear(r.pdf(), 36f, 300);
    }
}
