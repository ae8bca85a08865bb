package dev.clusterplanner.app;

import dev.clusterplanner.core.cost.BomLine;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.CostOptionKind;
import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.clusterplanner.app.ReportFormat.usdCents;

/** The "Bill of materials" chapter: every purchase of each site's recommended owned option (else its cheapest owned one), with its source and date. */
final class BillOfMaterialsSection {

    private BillOfMaterialsSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Bill of materials"));
        boolean any = false;
        for (SiteResult s : ctx.result().sites()) {
            if (s.cost() == null) {
                continue;
            }
            any = true;
            Optional<CostOption> chosen = s.recommended().map(ScenarioResult::cost)
                    .filter(c -> c != null && (c.kind() == CostOptionKind.OWNED || c.kind() == CostOptionKind.KEEP_AND_ADD));
            String why;
            if (chosen.isPresent()) {
                why = "the recommended option";
            } else {
                chosen = s.cost().options().stream().filter(o -> o.kind() == CostOptionKind.OWNED && o.complete())
                        .min((x, y) -> Double.compare(x.tcoUsd(), y.tcoUsd()));
                why = "the recommended option rents its hosts; this is the cheapest option that buys them";
            }
            if (chosen.isEmpty()) {
                b.add(new Heading(2, "Site " + s.name()));
                b.add(new Paragraph("Nothing to buy: no option of this site owns its hosts.", TextStyle.NOTE));
                continue;
            }
            CostOption o = chosen.get();
            b.add(new Heading(2, "Site " + s.name() + ": " + CostComparisonSection.costLabel(o)));
            b.add(new Paragraph("Every purchase of " + why + " over " + ctx.result().years()
                    + " years (month 1 is the initial purchase; later months are growth and replacements).", TextStyle.NOTE));
            List<Row> rows = new ArrayList<>();
            double total = 0;
            boolean missing = false;
            for (BomLine l : o.bom()) {
                rows.add(Row.of(String.valueOf(l.month()), l.name() + " (" + l.item() + ")", String.valueOf(l.quantity()),
                        usdCents(l.unitPriceUsd()), usdCents(l.totalUsd()), l.reason() == null ? "" : l.reason(),
                        l.source() == null ? "" : l.source(), l.sourceDate() == null ? "no date" : l.sourceDate().toString(),
                        l.estimate() ? "estimate" : ""));
                if (l.totalUsd() == null) {
                    missing = true;
                } else {
                    total += l.totalUsd();
                }
            }
            rows.add(Row.bold("", "Total", "", "", missing ? ReportFormat.MISSING : usdCents(total), "", "", "", ""));
            b.add(new Block.Table(List.of(Column.right("Month"), Column.left("Item"), Column.right("Qty"),
                    Column.right("Unit USD"), Column.right("Total USD"), Column.left("Why"), Column.left("Source"),
                    Column.left("Price date"), Column.left("Estimate")), rows));
        }
        if (!any) {
            b.add(new Paragraph("Not available: the cost comparison was not run.", TextStyle.NOTE));
        }
        return b;
    }
}
