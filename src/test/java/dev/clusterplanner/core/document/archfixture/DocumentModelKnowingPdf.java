package dev.clusterplanner.core.document.archfixture;

/** A deliberate violation for ArchitectureTest (test sources only): a document-model class that knows the PDF library. */
public class DocumentModelKnowingPdf {
    public org.apache.pdfbox.pdmodel.common.PDRectangle page = org.apache.pdfbox.pdmodel.common.PDRectangle.A4;
}
