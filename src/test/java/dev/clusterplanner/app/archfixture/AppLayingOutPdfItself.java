package dev.clusterplanner.app.archfixture;

/** A deliberate violation for ArchitectureTest (test sources only): application code that reaches into the PDF layout engine. */
public class AppLayingOutPdfItself {
    public int pages(dev.clusterplanner.adapters.export.pdf.PdfLayout.Result r) {
        return r.pages();
    }
}
