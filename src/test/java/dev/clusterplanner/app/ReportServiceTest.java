package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportServiceTest {

    static final LocalDate DATE = LocalDate.of(2026, 11, 25);
    static Catalog catalog;
    static final PlanningService planning = new PlanningService();
    static final ReportService reports = new ReportService();

    @BeforeAll
    static void loadCatalog() throws Exception {
        catalog = new CatalogService().load();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** Text with line breaks and runs of spaces as single spaces (wrapped cells and paragraphs read as one line). */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    @Test
    void theHeadlineNumbersInThePdfAreTheJsonExportsNumbers() throws Exception {
        for (String example : ExamplePlans.NAMES) {
            Plan plan = ExamplePlans.load(example);
            PlanResult result = planning.analyse(plan, catalog);
            JsonNode json = new ObjectMapper().readTree(planning.toJson(result));
            String pdf = flat(text(reports.render(plan, catalog, result, List.of(), ReportService.Paper.A4, DATE, null).pdf()));
            int checked = 0;
            for (JsonNode site : json.get("sites")) {
                JsonNode rank = site.get("recommended");
                if (rank == null || rank.isNull()) {
                    assertTrue(pdf.contains("No feasible option"), example);
                    continue;
                }
                JsonNode rec = null;
                for (JsonNode sc : site.get("scenarios")) {
                    if (sc.get("rank").asInt() == rank.asInt()) {
                        rec = sc;
                    }
                }
                String name = site.get("name").asText();
                assertTrue(pdf.contains("Site " + name + ":"), example + " names site " + name);
                assertTrue(pdf.contains("Hosts " + rec.get("hosts").asInt() + " (no placement can use fewer than "
                        + rec.get("hostsLowerBound").asInt() + ")"), example + " " + name + ": hosts");
                // money: the JSON's figure rounded to whole dollars, e.g. 3093.54 -> "3,094"
                if (!rec.get("capexUsd").isNull()) {
                    assertTrue(pdf.contains("Purchase, month 1 " + usd(rec.get("capexUsd").asDouble()) + " USD"), example + " capex");
                }
                if (!rec.get("monthlyUsd").isNull()) {
                    assertTrue(pdf.contains("Running cost, month 1 " + usd(rec.get("monthlyUsd").asDouble()) + " USD a month"), example + " monthly");
                }
                assertTrue(pdf.contains("Total over " + json.get("years").asInt() + " years "
                        + (rec.get("tcoUsd").isNull() ? "missing" : usd(rec.get("tcoUsd").asDouble())) + " USD"), example + " tco");
                // utilisation: the JSON's fraction as whole percent, e.g. 0.8125 -> "81 %"
                JsonNode mem = rec.get("utilisation").get("memory");
                if (!mem.isNull()) {
                    assertTrue(pdf.contains("memory " + Math.round(mem.asDouble() * 100) + " %"), example + " memory utilisation");
                }
                if (rec.has("usableTiB") && !rec.get("usableTiB").isNull()) {
                    assertTrue(pdf.contains("Usable storage " + String.format(Locale.ROOT, "%,.2f", rec.get("usableTiB").asDouble()) + " TiB"),
                            example + " usable TiB");
                }
                checked++;
            }
            assertTrue(checked > 0, example + " has a recommended option");
        }
    }

    @Test
    void everyCostOptionsTotalInTheComparisonIsTheJsonTotal() throws Exception {
        Plan plan = ExamplePlans.defaultPlan();
        PlanResult result = planning.analyse(plan, catalog);
        JsonNode json = new ObjectMapper().readTree(planning.toJson(result));
        String pdf = flat(text(reports.render(plan, catalog, result, List.of(), ReportService.Paper.LETTER, DATE, null).pdf()));
        JsonNode cost = json.get("sites").get(0).get("cost");
        assertTrue(cost != null && !cost.isNull(), "the plan result carries a cost comparison");
        int n = 0;
        for (JsonNode option : cost.get("options")) {
            JsonNode tco = option.get("tcoUsd");
            String expected = tco == null || tco.isNull() ? "missing" : usd(tco.asDouble());
            assertTrue(pdf.contains(expected), "option " + option.get("id") + " total " + expected);
            n++;
        }
        assertTrue(n >= 3, "owned, bare metal and AWS options: " + n);
    }

    @Test
    void theBillOfMaterialsTotalIsTheSumOfItsLines(@TempDir Path dir) throws Exception {
        Plan plan = ExamplePlans.defaultPlan();
        PlanResult result = planning.analyse(plan, catalog);
        List<Path> csv = planning.writeCsv(result, dir);
        Path bom = csv.stream().filter(p -> p.getFileName().toString().contains("bill-of-materials")).findFirst().orElseThrow();
        ScenarioResult rec = result.sites().get(0).recommended().orElseThrow();
        String optionId = rec.cost().id();
        double sum = 0;
        List<String> lines = Files.readAllLines(bom);
        String[] header = lines.get(0).split(",");
        int idCol = List.of(header).indexOf("option_id");
        int totalCol = List.of(header).indexOf("total_usd");
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            if (f[idCol].equals(optionId)) {
                sum += Double.parseDouble(f[totalCol]);
                rows++;
            }
        }
        assertTrue(rows > 0, "the recommended option buys something");
        String pdf = flat(text(reports.render(plan, catalog, result, List.of(), ReportService.Paper.A4, DATE, null).pdf()));
        assertTrue(pdf.contains("Total " + String.format(Locale.ROOT, "%,.2f", sum)), "BOM total " + sum + " of " + rows + " CSV rows");
    }

    @Test
    void theReportHasItsSectionsInOrderAndATitleBlock() throws Exception {
        Plan plan = ExamplePlans.defaultPlan();
        var r = reports.render(plan, catalog, planning.analyse(plan, catalog), List.of(), ReportService.Paper.A4, DATE, null);
        String pdf = flat(text(r.pdf()));
        assertTrue(pdf.contains("Cluster Planner report: " + plan.name()));
        assertTrue(pdf.contains("Report date 2026-11-25"));
        assertTrue(pdf.contains("Hardware prices"), "the title block gives the catalog's price ages");
        assertTrue(pdf.contains("days old on the report date"));
        int at = -1;
        for (String section : List.of("Summary", "Options compared", "Utilisation per host", "Bill of materials",
                "Placement per host", "Findings", "Assumptions and formulas", "Appendix: catalog rows used")) {
            int next = pdf.indexOf(section + " ", at + 1);
            assertTrue(next > at, section + " comes after the previous section");
            at = next;
        }
        assertTrue(pdf.contains("break-even") || pdf.contains("Break-even"), "break-evens are named");
        assertTrue(pdf.contains("estimate"), "estimates are marked");
    }

    @Test
    void everyPageOfTheExampleReportIsInkedWithClearMargins() throws Exception {
        for (ReportService.Paper paper : ReportService.Paper.values()) {
            Plan plan = ExamplePlans.load("hybrid.plan.json");
            var r = reports.render(plan, catalog, planning.analyse(plan, catalog), List.of(), paper, DATE, null);
            try (PDDocument d = Loader.loadPDF(r.pdf())) {
                assertEquals(r.pages(), d.getNumberOfPages());
                PDFRenderer renderer = new PDFRenderer(d);
                for (int p = 0; p < d.getNumberOfPages(); p++) {
                    BufferedImage img = renderer.renderImageWithDPI(p, 36f);
                    int w = img.getWidth(), h = img.getHeight();
                    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
                    // the margin is 15 mm = 42.5 pt = 21 px at 36 dpi; one pixel less for anti-aliasing
                    int band = 20;
                    int ink = 0;
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int c = px[y * w + x] & 0xffffff;
                            boolean white = ((c >> 16) & 0xff) > 250 && ((c >> 8) & 0xff) > 250 && (c & 0xff) > 250;
                            if (x < band || x >= w - band || y < band || y >= h - band) {
                                assertTrue(white, paper + " page " + (p + 1) + ": ink in the margin at " + x + "," + y);
                            } else if (!white) {
                                ink++;
                            }
                        }
                    }
                    assertTrue(ink > 200, paper + " page " + (p + 1) + " is not blank: " + ink);
                }
            }
        }
    }

    @Test
    void aPlanWithManySitesAndFiveHundredInstancesGivesAReadableReport() throws Exception {
        Plan base = ExamplePlans.defaultPlan();
        Site template = base.sites().get(0);
        List<Site> sites = new ArrayList<>();
        // 10 sites x 50 instances = 500 instances
        for (int s = 1; s <= 10; s++) {
            List<Workload> ws = new ArrayList<>();
            for (Workload w : template.workloads()) {
                ws.add(w);
            }
            int have = ws.stream().mapToInt(Workload::count).sum();
            ws.add(Workload.of("bulk", WorkloadKind.CONTAINER, 50 - have, 0.25, 0.25, 1));
            sites.add(new Site("site-" + s, SiteKind.CLUSTER, ws, template.hardware(), template.policy(), template.facility()));
        }
        Plan big = base.withSites(sites).withName("Ten sites");
        assertEquals(500, big.sites().stream().mapToInt(Site::instanceCount).sum());
        PlanResult result = planning.analyse(big, catalog);
        var r = reports.render(big, catalog, result, List.of(), ReportService.Paper.A4, DATE, null);
        String pdf = flat(text(r.pdf()));
        assertTrue(pdf.contains("Site site-10:"), "the last site is there");
        int bulk = 50 - template.instanceCount();
        assertTrue(pdf.contains("bulk-" + bulk), "the last bulk instance is placed and listed");
        assertTrue(r.pages() > 10, "pages: " + r.pages());
    }

    @Test
    void progressGoesFromAnalysisToDone(@TempDir Path dir) throws Exception {
        List<Double> fractions = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        Path file = dir.resolve("report.pdf");
        var written = reports.export(ExamplePlans.defaultPlan(), catalog, file, ReportService.Paper.LETTER, (f, s) -> {
            fractions.add(f);
            steps.add(s);
        });
        assertEquals("Analysing the plan", steps.get(0));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
        assertEquals(Files.size(file), written.bytes());
        try (PDDocument d = Loader.loadPDF(file.toFile())) {
            assertEquals(written.pages(), d.getNumberOfPages());
            assertEquals(612f, d.getPage(0).getMediaBox().getWidth(), 0.01, "US Letter is 8.5 in = 612 pt wide");
        }
    }

    @Test
    void paperNamesAreParsedAndBadOnesRejected() {
        assertEquals(ReportService.Paper.A4, ReportService.Paper.parse("A4"));
        assertEquals(ReportService.Paper.LETTER, ReportService.Paper.parse("letter"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ReportService.Paper.parse("a5"));
        assertTrue(e.getMessage().contains("a4 or letter"));
    }
}
