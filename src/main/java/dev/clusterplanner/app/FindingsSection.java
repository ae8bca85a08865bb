package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.FindingItem;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.List;

/** The "Findings" chapter: each site's findings (site, recommended option, cost), worst first; also how a finding is drawn. */
final class FindingsSection {

    private FindingsSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Findings"));
        b.add(new Paragraph("Storage, network, power, sizing and cost findings of each site's recommended option, worst first.",
                TextStyle.NOTE));
        for (SiteResult s : ctx.result().sites()) {
            b.add(new Heading(2, "Site " + s.name()));
            List<Finding> fs = FindingsSection.siteFindings(s);
            if (fs.isEmpty()) {
                b.add(new Paragraph("No findings."));
                continue;
            }
            List<FindingItem> items = new ArrayList<>();
            for (Finding f : fs) {
                items.add(findingItem(f));
            }
            b.add(new Block.Findings(items));
        }
        return b;
    }

    /** A finding as the report draws it: its severity's colour, its text, then its rule and citation. */
    static FindingItem findingItem(Finding f) {
        Block.Level level = switch (f.severity()) {
            case ERROR -> Block.Level.ERROR;
            case WARNING -> Block.Level.WARNING;
            case INFO -> Block.Level.INFO;
        };
        return new FindingItem(level, f.text(), f.rule() + (f.citation().isBlank() ? "" : " · " + f.citation()));
    }

    /** A site's findings without repeats (same severity, rule and text), worst first: the Summary counts these. */
    static List<Finding> siteFindings(SiteResult s) {
        return s.findingsOf(s.recommended().orElse(null));
    }
}
