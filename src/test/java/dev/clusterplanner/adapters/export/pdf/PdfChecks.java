package dev.clusterplanner.adapters.export.pdf;

import dev.clusterplanner.core.document.ReportDocument;
import dev.clusterplanner.core.document.PaperSize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a produced PDF back: its text per page, and each page rendered to pixels. */
final class PdfChecks {

    private PdfChecks() {
    }

    record Rendered(byte[] pdf, PdfLayout.Result result) {
    }

    static Rendered render(ReportDocument doc, PaperSize paper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfLayout.Result r = PdfLayout.write(doc, paper, out, null);
        return new Rendered(out.toByteArray(), r);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    static List<String> pageTexts(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                out.add(s.getText(d));
            }
            return out;
        }
    }

    private static boolean white(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r > 250 && g > 250 && b > 250;
    }

    /**
     * Renders every page at {@code dpi} and checks (1) the page is not blank: at least {@code minInk}
     * non-white pixels; (2) nothing in the margins: every pixel within the margin band (less one pixel
     * for anti-aliasing) is white. Returns the number of pages checked.
     */
    static int assertPagesInkedAndMarginsClear(byte[] pdf, float dpi, int minInk) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(d);
            float scale = dpi / 72f;
            int band = (int) Math.floor(Canvas.MARGIN * scale) - 1;
            for (int p = 0; p < d.getNumberOfPages(); p++) {
                BufferedImage img = renderer.renderImageWithDPI(p, dpi);
                int w = img.getWidth(), h = img.getHeight();
                int[] px = img.getRGB(0, 0, w, h, null, 0, w);
                int ink = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean inMargin = x < band || x >= w - band || y < band || y >= h - band;
                        boolean isWhite = white(px[y * w + x]);
                        if (inMargin) {
                            if (!isWhite) {
                                throw new AssertionError("page " + (p + 1) + ": ink in the margin at pixel (" + x + ", " + y
                                        + ") of " + w + "x" + h + " at " + dpi + " dpi");
                            }
                        } else if (!isWhite) {
                            ink++;
                        }
                    }
                }
                assertTrue(ink >= minInk, "page " + (p + 1) + " looks blank: " + ink + " inked pixels");
            }
            return d.getNumberOfPages();
        }
    }

    /** Counts pixels close to {@code rgb} on page {@code page} (0-based). */
    static int pixelsNear(byte[] pdf, int page, int rgb, float dpi) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            BufferedImage img = new PDFRenderer(d).renderImageWithDPI(page, dpi);
            int n = 0;
            int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            for (int p : px) {
                {
                    if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
                            && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                            && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    static void assertValid(byte[] pdf, int expectedPages) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertEquals(expectedPages, d.getNumberOfPages());
        }
    }
}
