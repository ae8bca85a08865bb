package dev.clusterplanner.adapters.export.pdf;

import dev.clusterplanner.core.document.PaperSize;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages, a cursor running down them, fonts and the drawing primitives. Every primitive checks that
 * what it draws lies inside the printable box (page minus margins); a breach is counted in
 * {@link #violations()} (the layout code is written so that there are none, and tests hold it to that).
 */
final class Canvas implements Closeable {

    /** Margin on every side, in points (15 mm). */
    static final float MARGIN = 42.5f;
    static final float HEADER_BAND = 16f;
    static final float FOOTER_BAND = 16f;

    /**
     * The two fonts, parsed once per process (parsing DejaVu's cmap and glyph tables is most of the
     * cost of a small report). A parsed font is read by the subsetter while a document is saved, so
     * documents are laid out one at a time: {@link PdfLayout#write} holds {@link #LOCK}.
     */
    static final Object LOCK = new Object();
    private static TrueTypeFont regularTtf;
    private static TrueTypeFont boldTtf;
    private static float[] regularAdvance;
    private static float[] boldAdvance;

    final PDDocument doc;
    final PaperSize paper;
    final PDFont regular;
    final PDFont bold;
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;
    private final TrueTypeFont regularFont;
    private final TrueTypeFont boldFont;

    final float left;
    final float right;
    final float top;
    final float bottom;
    final float contentTop;
    final float contentBottom;

    private PDPageContentStream cs;
    private final List<PDPage> pages = new ArrayList<>();
    private float y;
    private boolean pageHasContent;
    private int violations;
    private final List<String> violationSamples = new ArrayList<>();

    /** Call with {@link #LOCK} held. */
    Canvas(PDDocument doc, PaperSize paper) throws IOException {
        this.doc = doc;
        this.paper = paper;
        if (regularTtf == null) {
            regularTtf = parse(resource("/fonts/dejavu/DejaVuSans.ttf"));
            boldTtf = parse(resource("/fonts/dejavu/DejaVuSans-Bold.ttf"));
            // no glyph substitution (ligatures): the width of a line stays the sum of the advances measured
            // here, and PDFBox 3 compiles a regular expression for Latin GSUB on every showText
            regularTtf.setEnableGsub(false);
            boldTtf.setEnableGsub(false);
            regularAdvance = newAdvanceCache();
            boldAdvance = newAdvanceCache();
        }
        this.regularFont = regularTtf;
        this.boldFont = boldTtf;
        // the document must not close the shared fonts: load(doc, TrueTypeFont, ...) leaves them open
        this.regular = PDType0Font.load(doc, regularTtf, true);
        this.bold = PDType0Font.load(doc, boldTtf, true);
        this.regularCmap = regularTtf.getUnicodeCmapLookup();
        this.boldCmap = boldTtf.getUnicodeCmapLookup();
        left = MARGIN;
        right = paper.width() - MARGIN;
        top = paper.height() - MARGIN;
        bottom = MARGIN;
        contentTop = top - HEADER_BAND;
        contentBottom = bottom + FOOTER_BAND;
    }

    private static float[] newAdvanceCache() {
        float[] a = new float[0x10000];
        java.util.Arrays.fill(a, Float.NaN);
        return a;
    }

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Canvas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width() {
        return right - left;
    }

    List<PDPage> pages() {
        return pages;
    }

    int violations() {
        return violations;
    }

    /** The first few breaches, described (for diagnosing a layout bug). */
    List<String> violationSamples() {
        return List.copyOf(violationSamples);
    }

    /** The cursor: the top of the free space on the current page. */
    float y() {
        return y;
    }

    void moveDown(float dy) {
        y -= dy;
        pageHasContent = true;
    }

    float available() {
        return y - contentBottom;
    }

    float pageCapacity() {
        return contentTop - contentBottom;
    }

    boolean pageHasContent() {
        return pageHasContent;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(new PDRectangle(paper.width(), paper.height()));
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = contentTop;
        pageHasContent = false;
    }

    /** Starts a new page unless {@code height} still fits here (or the page is empty anyway). */
    void ensure(float height) throws IOException {
        if (cs == null || (height > available() && pageHasContent)) {
            newPage();
        }
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    /** Switches drawing to an existing page, appending (for running headers and footers). */
    void reopen(PDPage page) throws IOException {
        close();
        cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true);
    }

    // ---- text -------------------------------------------------------------------------------

    /** Replaces what the font cannot show with '?', tabs with spaces, and drops other control characters. */
    String clean(String s, PDFont font) {
        if (s == null) {
            return "";
        }
        CmapLookup cmap = font == bold ? boldCmap : regularCmap;
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                b.append(' ');
            } else if (cp == '\n') {
                b.append('\n');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // dropped: zero-width and control characters
            } else if (cmap.getGlyphId(cp) > 0) {
                b.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                b.append(' ');
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    /**
     * Width of cleaned text: the sum of the glyphs' advance widths (hmtx, in 1/1000 em), which is what
     * PDFBox writes as the font's widths; no kerning is applied when showing text, so none here.
     */
    float textWidth(String cleaned, PDFont font, float size) {
        boolean isBold = font == bold;
        float[] cache = isBold ? boldAdvance : regularAdvance;
        float units = 0;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            i += Character.charCount(cp);
            float w = cp < cache.length ? cache[cp] : Float.NaN;
            if (Float.isNaN(w)) {
                w = advance(isBold ? boldFont : regularFont, isBold ? boldCmap : regularCmap, cp);
                if (cp < cache.length) {
                    cache[cp] = w;
                }
            }
            units += w;
        }
        return units / 1000f * size;
    }

    private static float advance(TrueTypeFont ttf, CmapLookup cmap, int cp) {
        try {
            int gid = cmap.getGlyphId(cp);
            return ttf.getAdvanceWidth(gid) * 1000f / ttf.getUnitsPerEm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of at most {@code maxWidth}; words longer than a line are broken. Honours '\n'. */
    List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        String cleaned = clean(text, font);
        List<String> lines = new ArrayList<>();
        for (String para : cleaned.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            float space = textWidth(" ", font, size);
            for (String word : para.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float w = textWidth(word, font, size);
                if (line.length() > 0 && lineWidth + space + w <= maxWidth) {
                    line.append(' ').append(word);
                    lineWidth += space + w;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (w <= maxWidth) {
                    line.append(word);
                    lineWidth = w;
                } else {
                    // a word wider than the line: break it where it must
                    StringBuilder part = new StringBuilder();
                    int[] cps = word.codePoints().toArray();
                    for (int cp : cps) {
                        String next = part + new String(Character.toChars(cp));
                        if (part.length() > 0 && textWidth(next, font, size) > maxWidth) {
                            lines.add(part.toString());
                            part.setLength(0);
                        }
                        part.appendCodePoint(cp);
                    }
                    line.append(part);
                    lineWidth = textWidth(part.toString(), font, size);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text cut with an ellipsis so that it fits {@code maxWidth}. */
    String ellipsize(String text, PDFont font, float size, float maxWidth) {
        String cleaned = clean(text, font).replace('\n', ' ');
        if (textWidth(cleaned, font, size) <= maxWidth) {
            return cleaned;
        }
        int[] cps = cleaned.codePoints().toArray();
        for (int n = cps.length - 1; n > 0; n--) {
            String candidate = new String(cps, 0, n).stripTrailing() + "…";
            if (textWidth(candidate, font, size) <= maxWidth) {
                return candidate;
            }
        }
        return "";
    }

    /** Draws one line of already cleaned text with its baseline at {@code baseline}. */
    void text(String cleaned, float x, float baseline, PDFont font, float size, Rgb colour) throws IOException {
        if (cleaned.isEmpty()) {
            return;
        }
        float w = textWidth(cleaned, font, size);
        check(x, baseline - 0.24f * size, x + w, baseline + 0.93f * size);
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour.r(), colour.g(), colour.b());
        cs.newLineAtOffset(x, baseline);
        cs.showText(cleaned);
        cs.endText();
        pageHasContent = true;
    }

    void textRight(String cleaned, float rightX, float baseline, PDFont font, float size, Rgb colour) throws IOException {
        text(cleaned, rightX - textWidth(cleaned, font, size), baseline, font, size, colour);
    }

    void textCentred(String cleaned, float centreX, float baseline, PDFont font, float size, Rgb colour) throws IOException {
        text(cleaned, centreX - textWidth(cleaned, font, size) / 2f, baseline, font, size, colour);
    }

    // ---- shapes -----------------------------------------------------------------------------

    void fillRect(float x, float yBottom, float w, float h, Rgb colour) throws IOException {
        if (w <= 0 || h <= 0) {
            return;
        }
        check(x, yBottom, x + w, yBottom + h);
        cs.setNonStrokingColor(colour.r(), colour.g(), colour.b());
        cs.addRect(x, yBottom, w, h);
        cs.fill();
        pageHasContent = true;
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, Rgb colour, float[] dash) throws IOException {
        // butt caps: a line's ink reaches half its width to either side, not beyond its ends
        float ex = y1 == y2 ? 0 : lineWidth / 2;
        float ey = x1 == x2 ? 0 : lineWidth / 2;
        check(Math.min(x1, x2) - ex, Math.min(y1, y2) - ey, Math.max(x1, x2) + ex, Math.max(y1, y2) + ey);
        cs.setStrokingColor(colour.r(), colour.g(), colour.b());
        cs.setLineWidth(lineWidth);
        cs.setLineDashPattern(dash == null ? new float[0] : dash, 0);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
        pageHasContent = true;
    }

    void polyline(float[] xs, float[] ys, float lineWidth, Rgb colour, float[] dash) throws IOException {
        if (xs.length < 2) {
            return;
        }
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        check(minX - lineWidth / 2, minY - lineWidth / 2, maxX + lineWidth / 2, maxY + lineWidth / 2);
        cs.setStrokingColor(colour.r(), colour.g(), colour.b());
        cs.setLineWidth(lineWidth);
        cs.setLineDashPattern(dash == null ? new float[0] : dash, 0);
        cs.setLineJoinStyle(1);
        cs.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            cs.lineTo(xs[i], ys[i]);
        }
        cs.stroke();
        pageHasContent = true;
    }

    /** A filled circle (four Bezier arcs). */
    void dot(float cx, float cy, float r, Rgb fill, Rgb ring) throws IOException {
        check(cx - r - 0.5f, cy - r - 0.5f, cx + r + 0.5f, cy + r + 0.5f);
        float k = 0.5523f * r;
        cs.setNonStrokingColor(fill.r(), fill.g(), fill.b());
        cs.setStrokingColor(ring.r(), ring.g(), ring.b());
        cs.setLineWidth(0.8f);
        cs.setLineDashPattern(new float[0], 0);
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
        cs.fillAndStroke();
        pageHasContent = true;
    }

    private void check(float x0, float y0, float x1, float y1) {
        final float tol = 0.01f;
        if (x0 < left - tol || x1 > right + tol || y0 < bottom - tol || y1 > top + tol) {
            violations++;
            if (violationSamples.size() < 10) {
                violationSamples.add(String.format(java.util.Locale.ROOT, "page %d: box (%.1f, %.1f)-(%.1f, %.1f) outside (%.1f, %.1f)-(%.1f, %.1f) at %s",
                        pages.size(), x0, y0, x1, y1, left, bottom, right, top,
                        java.util.Arrays.toString(java.util.Arrays.copyOfRange(new Throwable().getStackTrace(), 1, 3))));
            }
        }
    }
}
