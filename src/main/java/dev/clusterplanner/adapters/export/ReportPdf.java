package dev.clusterplanner.adapters.export;

import dev.clusterplanner.adapters.export.pdf.PdfLayout;
import dev.clusterplanner.core.document.PaperSize;
import dev.clusterplanner.core.document.ReportDocument;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The export adapter's PDF entry point, beside {@link CostCsv}, {@link CostJson} and {@link ResultJson}: the
 * application hands it a {@link ReportDocument} (the neutral document model in {@code core.document}) and gets a
 * PDF; the layout engine in {@code adapters.export.pdf} stays behind it.
 */
public final class ReportPdf {

    /** Progress of a layout: {@code fraction} 0..1 and what is being done, e.g. "Laying out page 3". */
    @FunctionalInterface
    public interface Progress {
        void update(double fraction, String step);
    }

    private ReportPdf() {
    }

    /** Lays {@code doc} out on {@code paper} and writes the PDF to {@code out} (not closed); returns the page count. */
    public static int write(ReportDocument doc, PaperSize paper, OutputStream out, Progress progress) throws IOException {
        PdfLayout.Progress p = progress == null ? null : progress::update;
        return PdfLayout.write(doc, paper, out, p).pages();
    }
}
