package dev.clusterplanner.app;

import dev.clusterplanner.core.configure.Configuration;
import dev.clusterplanner.core.configure.ConfigurationChoice;
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

/**
 * The "Bill of materials" chapter: every purchase of each site's recommended owned option (else its cheapest owned one),
 * with its source and date; then the configure-to-order choices of every option that has them.
 */
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
                    .filter(c -> c != null && (c.kind() == CostOptionKind.OWNED || c.kind() == CostOptionKind.KEEP_AND_ADD
                            || c.kind() == CostOptionKind.MIXED && !c.bom().isEmpty()));
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
        b.addAll(configured(ctx));
        return b;
    }

    /**
     * "Configured to order": per site, every option whose hardware has configure-to-order choices, with the configuration
     * chosen, what each choice adds per host and for all its hosts, its price source and date, and why it was chosen.
     */
    static List<Block> configured(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        for (SiteResult s : ctx.result().sites()) {
            List<ScenarioResult> with = s.scenarios().stream().filter(sc -> !sc.configuration().isEmpty()).toList();
            if (with.isEmpty()) {
                continue;
            }
            b.add(new Heading(2, "Site " + s.name() + ": configured to order"));
            b.add(new Paragraph("For each hardware candidate with options, the cheapest configuration that makes the site fit"
                    + " (ties: fewer hosts). Per host is what a choice adds to one host's price (USD) or monthly rent (USD a month).",
                    TextStyle.NOTE));
            List<Row> rows = new ArrayList<>();
            for (ScenarioResult sc : with) {
                for (ConfigurationChoice.Chosen c : sc.configuration()) {
                    Configuration k = c.chosen();
                    int hosts = sc.sizing().hostsByHardware().getOrDefault(k.row().id(), 0);
                    String option = "#" + sc.sizing().rank() + " " + k.base().id();
                    if (k.asShipped()) {
                        rows.add(Row.of(option, String.valueOf(hosts), "", "as shipped", "", "", "", "", ""));
                    }
                    for (Configuration.Choice x : k.choices()) {
                        boolean monthly = x.monthlyUsd() != null;
                        double per = monthly ? x.monthlyUsd() : x.priceUsd();
                        rows.add(Row.of(option, String.valueOf(hosts), x.option().group().id(), x.option().choice(),
                                usdCents(per) + (monthly ? " a month" : ""), usdCents(per * hosts) + (monthly ? " a month" : ""),
                                x.priceSource(), x.sourceDate() == null ? "no date" : x.sourceDate().toString(), x.estimate() ? "estimate" : ""));
                    }
                }
            }
            b.add(new Block.Table(List.of(Column.left("Option"), Column.right("Hosts"), Column.left("Group"), Column.left("Choice"),
                    Column.right("Per host USD"), Column.right("All hosts USD"), Column.left("Price source"), Column.left("Price date"),
                    Column.left("Estimate")), rows));
            for (ScenarioResult sc : with) {
                for (ConfigurationChoice.Chosen c : sc.configuration()) {
                    b.add(new Paragraph("#" + sc.sizing().rank() + " " + c.chosen().row().id() + ": " + c.explanation(), TextStyle.NOTE));
                }
            }
        }
        return b;
    }
}
