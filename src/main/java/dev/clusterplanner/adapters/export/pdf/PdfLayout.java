package dev.clusterplanner.adapters.export.pdf;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.ReportDocument;
import dev.clusterplanner.core.document.PaperSize;
import dev.clusterplanner.core.document.Block.Align;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.FindingItem;
import dev.clusterplanner.core.document.Block.KeyValue;
import dev.clusterplanner.core.document.Block.Row;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * The layout engine: lays a {@link ReportDocument} out on A4 or US Letter pages with the embedded
 * DejaVu Sans font, wrapping text, breaking tables between rows (repeating their header), keeping
 * headings with what follows, drawing charts with vector primitives, and numbering the pages.
 * Nothing is drawn in the margins.
 */
public final class PdfLayout {

    /** Progress of a layout: {@code fraction} 0..1 and what is being done. */
    @FunctionalInterface
    public interface Progress {
        void report(double fraction, String step);

        Progress NONE = (f, s) -> {
        };
    }

    /** What was produced. {@code violations} counts anything drawn outside the printable box (0 when correct). */
    public record Result(int pages, int violations, List<String> violationSamples) {
    }

    static final float BODY = 9.5f;
    static final float SMALL = 8f;
    static final float TABLE = 7.8f;
    static final float LEADING = 1.28f;

    private final Canvas c;
    private final ReportDocument report;

    private PdfLayout(Canvas canvas, ReportDocument report) {
        this.c = canvas;
        this.report = report;
    }

    /** Lays the report out and writes the PDF to {@code out} (not closed). */
    public static Result write(ReportDocument report, PaperSize paper, OutputStream out, Progress progress)
            throws IOException {
        Progress p = progress == null ? Progress.NONE : progress;
        synchronized (Canvas.LOCK) {
            return writeLocked(report, paper, out, p);
        }
    }

    private static Result writeLocked(ReportDocument report, PaperSize paper, OutputStream out, Progress p)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(report.title());
            info.setAuthor(report.author());
            info.setCreator("Cluster Planner");
            info.setCreationDate(Calendar.getInstance());
            Canvas canvas = new Canvas(doc, paper);
            try {
                PdfLayout layout = new PdfLayout(canvas, report);
                canvas.newPage();
                List<Block> blocks = report.blocks();
                for (int i = 0; i < blocks.size(); i++) {
                    Block b = blocks.get(i);
                    Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                    layout.block(b, next);
                    p.report(0.85 * (i + 1) / blocks.size(), "Laying out page " + canvas.pages().size());
                }
                layout.headersAndFooters();
                canvas.close();
                p.report(0.9, "Writing " + canvas.pages().size() + " pages");
                doc.save(out);
                p.report(1.0, "Done: " + canvas.pages().size() + " pages");
                return new Result(canvas.pages().size(), canvas.violations(), canvas.violationSamples());
            } finally {
                canvas.close();
            }
        }
    }

    private void block(Block b, Block next) throws IOException {
        if (b instanceof Block.Heading h) {
            heading(h, next);
        } else if (b instanceof Block.Paragraph p) {
            paragraph(p);
        } else if (b instanceof Block.KeyValues kv) {
            keyValues(kv.entries());
        } else if (b instanceof Block.Table t) {
            table(t.columns(), t.rows());
        } else if (b instanceof Block.LineChart ch) {
            new Charts(c).line(ch);
        } else if (b instanceof Block.StackedBarChart ch) {
            new Charts(c).stacked(ch);
        } else if (b instanceof Block.BarChart ch) {
            new Charts(c).bars(ch);
        } else if (b instanceof Block.Histogram ch) {
            new Charts(c).histogram(ch);
        } else if (b instanceof Block.Findings f) {
            findings(f.items());
        } else if (b instanceof Block.PageBreak) {
            if (c.pageHasContent()) {
                c.newPage();
            }
        } else {
            throw new IllegalArgumentException("unknown block " + b);
        }
    }

    // ---- headings and text -------------------------------------------------------------------

    private void heading(Block.Heading h, Block next) throws IOException {
        float size = switch (h.level()) {
            case 1 -> 16f;
            case 2 -> 12.5f;
            default -> 10.5f;
        };
        float before = c.pageHasContent() ? (h.level() == 1 ? 14f : h.level() == 2 ? 10f : 7f) : 0f;
        List<String> lines = c.wrap(h.text(), c.bold, size, c.width());
        float height = lines.size() * size * 1.2f + (h.level() == 1 ? 6f : 3f);
        // keep the heading with the start of what follows it
        float keep = next instanceof Block.Heading ? 90f : next instanceof Block.Paragraph ? 40f : 70f;
        c.ensure(before + height + keep);
        if (c.pageHasContent()) {
            c.moveDown(before);
        }
        for (String line : lines) {
            c.text(line, c.left, c.y() - size * 0.95f, c.bold, size, Rgb.HEADING);
            c.moveDown(size * 1.2f);
        }
        if (h.level() == 1) {
            c.line(c.left, c.y() - 2f, c.right, c.y() - 2f, 0.8f, Rgb.HEADING, null);
            c.moveDown(6f);
        } else {
            c.moveDown(3f);
        }
    }

    private void paragraph(Block.Paragraph p) throws IOException {
        PDFont font = p.style() == Block.TextStyle.EMPHASIS ? c.bold : c.regular;
        float size = switch (p.style()) {
            case SMALL, NOTE -> SMALL;
            default -> BODY;
        };
        Rgb colour = p.style() == Block.TextStyle.NOTE ? Rgb.GREY : Rgb.TEXT;
        lines(c.wrap(p.text(), font, size, c.width()), c.left, font, size, colour);
        c.moveDown(size * 0.5f);
    }

    /** Draws lines top-down from the cursor, continuing on a new page when one does not fit. */
    private void lines(List<String> lines, float x, PDFont font, float size, Rgb colour) throws IOException {
        float lh = size * LEADING;
        for (String line : lines) {
            c.ensure(lh);
            c.text(line, x, c.y() - size * 0.95f, font, size, colour);
            c.moveDown(lh);
        }
    }

    private void keyValues(List<KeyValue> entries) throws IOException {
        float size = BODY;
        float lh = size * LEADING;
        float keyWidth = 0;
        for (KeyValue kv : entries) {
            keyWidth = Math.max(keyWidth, c.textWidth(c.clean(kv.key(), c.bold), c.bold, size));
        }
        keyWidth = Math.min(keyWidth + 12f, c.width() * 0.4f);
        float valueWidth = c.width() - keyWidth;
        for (KeyValue kv : entries) {
            List<String> keyLines = c.wrap(kv.key(), c.bold, size, keyWidth - 8f);
            List<String> valueLines = c.wrap(kv.value(), c.regular, size, valueWidth);
            int n = Math.max(keyLines.size(), valueLines.size());
            if (n * lh <= c.pageCapacity()) {
                c.ensure(n * lh);
            }
            for (int i = 0; i < n; i++) {
                c.ensure(lh);
                float base = c.y() - size * 0.95f;
                if (i < keyLines.size()) {
                    c.text(keyLines.get(i), c.left, base, c.bold, size, Rgb.GREY);
                }
                if (i < valueLines.size()) {
                    c.text(valueLines.get(i), c.left + keyWidth, base, c.regular, size, Rgb.TEXT);
                }
                c.moveDown(lh);
            }
            c.moveDown(1.5f);
        }
        c.moveDown(size * 0.5f);
    }

    // ---- tables ----------------------------------------------------------------------------

    private static final float PAD_X = 3f;
    private static final float PAD_Y = 2.2f;

    private void table(List<Column> columns, List<Row> rows) throws IOException {
        ColumnLayout layout = columnWidths(columns, rows, TABLE);
        float size = layout.size();
        float lh = size * 1.22f;
        float[] widths = layout.widths();
        List<List<String>> header = new ArrayList<>();
        int headerLines = 1;
        for (int i = 0; i < columns.size(); i++) {
            List<String> l = c.wrap(columns.get(i).header(), c.bold, size, widths[i] - 2 * PAD_X);
            header.add(l);
            headerLines = Math.max(headerLines, l.size());
        }
        float headerHeight = headerLines * lh + 2 * PAD_Y;
        // header plus the first row (or two) together
        float firstRows = 0;
        for (int r = 0; r < Math.min(2, rows.size()); r++) {
            firstRows += rowHeight(rows.get(r), widths, size, lh);
        }
        c.ensure(headerHeight + Math.min(firstRows, c.pageCapacity() / 3));
        drawHeader(columns, header, widths, headerHeight, size, lh);
        float maxRow = c.pageCapacity() - headerHeight;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            PDFont font = row.emphasis() ? c.bold : c.regular;
            List<List<String>> cells = new ArrayList<>();
            int n = 1;
            for (int i = 0; i < columns.size(); i++) {
                List<String> l = c.wrap(row.cells().get(i), font, size, widths[i] - 2 * PAD_X);
                cells.add(l);
                n = Math.max(n, l.size());
            }
            int maxLines = (int) Math.floor((maxRow - 2 * PAD_Y) / lh);
            if (n > maxLines) {
                // a row taller than a page: cut it and say so
                n = maxLines;
                for (int i = 0; i < cells.size(); i++) {
                    List<String> l = cells.get(i);
                    if (l.size() > n) {
                        List<String> cut = new ArrayList<>(l.subList(0, n - 1));
                        cut.add(c.ellipsize(l.get(n - 1) + " …", font, size, widths[i] - 2 * PAD_X));
                        cells.set(i, cut);
                    }
                }
            }
            float h = n * lh + 2 * PAD_Y;
            if (h > c.available()) {
                rule(0.6f);
                c.newPage();
                drawHeader(columns, header, widths, headerHeight, size, lh);
            }
            float top = c.y();
            if (r % 2 == 1) {
                c.fillRect(c.left, top - h, c.width(), h, Rgb.ZEBRA);
            }
            float x = c.left;
            for (int i = 0; i < columns.size(); i++) {
                float base = top - PAD_Y - size * 0.95f;
                for (String line : cells.get(i)) {
                    if (columns.get(i).align() == Align.RIGHT) {
                        c.textRight(line, x + widths[i] - PAD_X, base, font, size, Rgb.TEXT);
                    } else {
                        c.text(line, x + PAD_X, base, font, size, Rgb.TEXT);
                    }
                    base -= lh;
                }
                x += widths[i];
            }
            c.moveDown(h);
        }
        rule(0.6f);
        c.moveDown(8f);
    }

    private float rowHeight(Row row, float[] widths, float size, float lh) {
        PDFont font = row.emphasis() ? c.bold : c.regular;
        int n = 1;
        for (int i = 0; i < widths.length; i++) {
            n = Math.max(n, c.wrap(row.cells().get(i), font, size, widths[i] - 2 * PAD_X).size());
        }
        return n * lh + 2 * PAD_Y;
    }

    private void rule(float width) throws IOException {
        c.line(c.left, c.y(), c.right, c.y(), width, Rgb.RULE, null);
    }

    private void drawHeader(List<Column> columns, List<List<String>> header, float[] widths, float height,
                            float size, float lh) throws IOException {
        float top = c.y();
        c.fillRect(c.left, top - height, c.width(), height, Rgb.HEADER_FILL);
        float x = c.left;
        for (int i = 0; i < columns.size(); i++) {
            float base = top - PAD_Y - size * 0.95f;
            for (String line : header.get(i)) {
                if (columns.get(i).align() == Align.RIGHT) {
                    c.textRight(line, x + widths[i] - PAD_X, base, c.bold, size, Rgb.TEXT);
                } else {
                    c.text(line, x + PAD_X, base, c.bold, size, Rgb.TEXT);
                }
                base -= lh;
            }
            x += widths[i];
        }
        c.moveDown(height);
    }

    private record ColumnLayout(float size, float[] widths) {
    }

    private static final float[] TABLE_SIZES = {TABLE, 7.2f, 6.6f, 6.0f};

    /**
     * Column widths and type size. Each column's natural width is its widest single-line cell (long
     * tables are sampled); its minimum is its longest word, so numbers and ids never break. If the
     * natural widths fit, they are spread over the page. Otherwise the widest columns are capped at a
     * common width (water filling) and wrap; if even the minimums do not fit, the type shrinks
     * (down to 6 pt) before, as a last resort, words are broken.
     */
    private ColumnLayout columnWidths(List<Column> columns, List<Row> rows, float ignored) {
        int n = columns.size();
        float avail = c.width();
        int step = Math.max(1, rows.size() / 200);
        float[] natural = new float[n];
        float[] minimum = new float[n];
        float size = TABLE;
        for (float candidate : TABLE_SIZES) {
            size = candidate;
            float minSum = 0;
            for (int i = 0; i < n; i++) {
                float nat = 0;
                float word = 0;
                String header = c.clean(columns.get(i).header(), c.bold);
                for (String line : header.split("\n")) {
                    nat = Math.max(nat, c.textWidth(line, c.bold, size));
                }
                for (String w : header.split("[ \n]+")) {
                    word = Math.max(word, c.textWidth(w, c.bold, size));
                }
                for (int r = 0; r < rows.size(); r += step) {
                    Row row = rows.get(r);
                    PDFont font = row.emphasis() ? c.bold : c.regular;
                    String cell = c.clean(row.cells().get(i), font);
                    for (String line : cell.split("\n")) {
                        nat = Math.max(nat, c.textWidth(line, font, size));
                    }
                    for (String w : cell.split("[ \n]+")) {
                        word = Math.max(word, c.textWidth(w, font, size));
                    }
                }
                // a very long word (a URL) may break rather than squeeze every other column; numbers never break
                float cap = columns.get(i).align() == Align.RIGHT ? avail : avail * 0.22f;
                minimum[i] = Math.min(word, cap) + 2 * PAD_X + 0.5f;
                natural[i] = Math.max(nat + 2 * PAD_X + 1f, minimum[i]);
                minSum += minimum[i];
            }
            if (minSum <= avail) {
                break;
            }
        }
        float sum = 0;
        for (float w : natural) {
            sum += w;
        }
        float[] widths = new float[n];
        if (sum <= avail) {
            for (int i = 0; i < n; i++) {
                widths[i] = natural[i] + (avail - sum) * natural[i] / sum;
            }
            return new ColumnLayout(size, widths);
        }
        // water filling: the cap for which sum(max(min_i, min(natural_i, cap))) == avail
        float lo = 0, hi = avail;
        for (int iter = 0; iter < 40; iter++) {
            float cap = (lo + hi) / 2;
            float s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.max(minimum[i], Math.min(natural[i], cap));
            }
            if (s > avail) {
                hi = cap;
            } else {
                lo = cap;
            }
        }
        float total = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = Math.max(minimum[i], Math.min(natural[i], lo));
            total += widths[i];
        }
        if (total > avail) {
            // even the smallest type's longest words do not fit: scale down, words will break
            for (int i = 0; i < n; i++) {
                widths[i] *= avail / total;
            }
        } else {
            widths[n - 1] += avail - total;
        }
        return new ColumnLayout(size, widths);
    }

    // ---- findings --------------------------------------------------------------------------

    private void findings(List<FindingItem> items) throws IOException {
        float badge = 46f;
        float size = BODY;
        float lh = size * LEADING;
        float textX = c.left + badge + 6f;
        float textWidth = c.right - textX;
        for (FindingItem f : items) {
            List<String> lines = c.wrap(f.text(), c.regular, size, textWidth);
            List<String> detail = f.detail().isBlank() ? List.of() : c.wrap(f.detail(), c.regular, SMALL, textWidth);
            float h = lines.size() * lh + detail.size() * SMALL * LEADING;
            if (h <= c.pageCapacity()) {
                c.ensure(h);
            } else {
                c.ensure(lh + 4f);
            }
            Rgb colour = switch (f.level()) {
                case ERROR -> Rgb.ERROR;
                case WARNING -> Rgb.WARNING;
                case INFO -> Rgb.INFO;
            };
            String label = switch (f.level()) {
                case ERROR -> "ERROR";
                case WARNING -> "WARNING";
                case INFO -> "INFO";
            };
            float top = c.y();
            c.fillRect(c.left, top - lh + 1f, badge, lh - 1.5f, colour);
            c.textCentred(label, c.left + badge / 2f, top - lh + 3.4f, c.bold, 6.5f, Rgb.WHITE);
            lines(lines, textX, c.regular, size, Rgb.TEXT);
            lines(detail, textX, c.regular, SMALL, Rgb.GREY);
            c.moveDown(4f);
        }
        c.moveDown(4f);
    }

    // ---- running header and footer ---------------------------------------------------------

    private void headersAndFooters() throws IOException {
        List<PDPage> pages = c.pages();
        float size = 7f;
        for (int i = 0; i < pages.size(); i++) {
            c.reopen(pages.get(i));
            String pageLabel = "Page " + (i + 1) + " of " + pages.size();
            float pageLabelWidth = c.textWidth(pageLabel, c.regular, size);
            String title = c.ellipsize(report.title(), c.regular, size, c.width() * 0.6f);
            String author = c.ellipsize(report.author(), c.regular, size, c.width() * 0.38f);
            float headerBase = c.top - size;
            c.text(title, c.left, headerBase, c.regular, size, Rgb.GREY);
            c.textRight(author, c.right, headerBase, c.regular, size, Rgb.GREY);
            c.line(c.left, c.top - Canvas.HEADER_BAND + 5f, c.right, c.top - Canvas.HEADER_BAND + 5f, 0.4f, Rgb.RULE, null);
            float footerBase = c.bottom + 2f;
            c.line(c.left, c.bottom + Canvas.FOOTER_BAND - 4f, c.right, c.bottom + Canvas.FOOTER_BAND - 4f, 0.4f, Rgb.RULE, null);
            String footerLeft = c.ellipsize("Cluster Planner report", c.regular, size, c.width() - pageLabelWidth - 10f);
            c.text(footerLeft, c.left, footerBase, c.regular, size, Rgb.GREY);
            c.textRight(pageLabel, c.right, footerBase, c.regular, size, Rgb.GREY);
        }
    }
}
