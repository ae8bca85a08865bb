package dev.clusterplanner.core.document;

import java.util.List;
import java.util.Objects;

/**
 * What a report says, independent of paper: a title, a running header text and the blocks in order.
 * A renderer (the PDF adapter's layout engine) turns it into pages; the model itself knows no file format.
 *
 * @param title   the document title (PDF metadata, running header)
 * @param author  PDF metadata "author" (e.g. "Cluster Planner 0.1.0")
 * @param blocks  headings, paragraphs, tables, charts, ... in reading order
 */
public record ReportDocument(String title, String author, List<Block> blocks) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        author = author == null ? "" : author;
        blocks = List.copyOf(blocks);
    }
}
