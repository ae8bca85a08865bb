package dev.clusterplanner.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanPdfCommandTest {

    static final Path EXAMPLE = Path.of(System.getProperty("project.basedir", "."), "catalogs", "examples", "meerkat-cluster.plan.json");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void planWithPdfWritesAReportOnUsLetter(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Run r = run("plan", EXAMPLE.toString(), "--pdf", pdf.toString(), "--paper", "letter");
        assertTrue(r.code() == Cli.OK || r.code() == Cli.FINDINGS, r.err());
        assertTrue(r.out().contains("Wrote " + pdf + " ("), r.out());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(792f, d.getPage(0).getMediaBox().getHeight(), 0.01, "US Letter is 11 in = 792 pt high");
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Three-host System76 Meerkat desktop cluster"), "the plan's name is in the report");
        }
    }

    @Test
    void aBadPaperSizeIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
        Path pdf = dir.resolve("report.pdf");
        Run r = run("plan", EXAMPLE.toString(), "--pdf", pdf.toString(), "--paper", "a5");
        assertEquals(Cli.USAGE, r.code());
        assertTrue(r.err().contains("paper must be a4 or letter, not 'a5'"), r.err());
        assertFalse(Files.exists(pdf));
    }

    @Test
    void liveWithoutPdfIsAUsageErrorAndABadSnapshotIsRejectedWithItsName(@TempDir Path dir) throws Exception {
        Path snap = dir.resolve("probe.json");
        Files.writeString(snap, "{\"format\": 1, \"name\": \"not a probe\"}");
        Run noPdf = run("plan", EXAMPLE.toString(), "--live", snap.toString());
        assertEquals(Cli.USAGE, noPdf.code());
        assertTrue(noPdf.err().contains("--live needs --pdf"), noPdf.err());
        Path pdf = dir.resolve("report.pdf");
        Run bad = run("plan", EXAMPLE.toString(), "--pdf", pdf.toString(), "--live", snap.toString());
        assertEquals(Cli.INPUT_REJECTED, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains(snap + ": format: not a saved probe"), bad.err());
        assertFalse(Files.exists(pdf), "no report is written when its live snapshot is rejected");
    }

    @Test
    void riskTrialsAddTheRiskSection(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("risk.pdf");
        Run r = run("plan", EXAMPLE.toString(), "--pdf", pdf.toString(), "--risk-trials", "200");
        assertTrue(r.code() == Cli.OK || r.code() == Cli.FINDINGS, r.err());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("Risk Site production"), "a risk section per site");
            assertTrue(text.contains("200 of 200 (seed 1)"), "the trials run are stated");
            assertTrue(text.contains("P50 "), "percentiles are marked on the histogram");
        }
    }
}
