package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.KeyValue;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.clusterplanner.app.ReportFormat.num2;
import static dev.clusterplanner.app.ReportFormat.plural;
import static dev.clusterplanner.app.ReportFormat.sentence;
import static dev.clusterplanner.app.ReportFormat.usd;
import static dev.clusterplanner.app.ReportFormat.utilisationLine;
import static dev.clusterplanner.app.ReportFormat.whole;

/**
 * The "Summary" chapter: for each site the recommended option, why it ranked first, its headline figures and its
 * finding counts; a site without a feasible option says so.
 */
final class SummarySection {

    private SummarySection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Summary"));
        if (ctx.result().cost() != null && ctx.result().cost().summary() != null && !ctx.result().cost().summary().isBlank()) {
            b.add(new Paragraph(sentence(ctx.result().cost().summary())));
        }
        for (SiteResult s : ctx.result().sites()) {
            b.add(new Heading(2, "Site " + s.name() + ": " + siteLine(s)));
            Optional<ScenarioResult> rec = s.recommended();
            if (rec.isEmpty()) {
                b.add(new Paragraph("No feasible option: no candidate holds every instance with the failure headroom asked for.",
                        TextStyle.EMPHASIS));
                if (!s.scenarios().isEmpty()) {
                    b.add(new Paragraph(sentence(s.scenarios().get(0).sizing().explanation())));
                }
                continue;
            }
            ScenarioResult r = rec.get();
            SizingOption o = r.sizing();
            b.add(new Paragraph("Recommended: " + ctx.optionLabel(o)
                    + (r.cost() != null && r.cost().estimate() ? " (figures rest on estimates)" : ""), TextStyle.EMPHASIS));
            StringBuilder why = new StringBuilder("Why: ").append(sentence(o.explanation()));
            why.append(' ').append(sentence(o.failureCheck().summary()));
            why.append(" Ranked first of ").append(plural(s.scenarios().size(), "option", "options"))
                    .append(": feasible options come first, then the cheapest over ").append(ctx.result().years()).append(" years.");
            b.add(new Paragraph(why.toString()));
            if (s.cost() != null && s.cost().summary() != null && !s.cost().summary().isBlank()) {
                b.add(new Paragraph("Cost: " + sentence(s.cost().summary())));
            }
            List<KeyValue> kv = new ArrayList<>();
            kv.add(new KeyValue("Hosts", o.hosts() + " (no placement can use fewer than " + o.hostsLowerBound() + ")"));
            kv.add(new KeyValue("Purchase, month 1", usd(r.capexUsd()) + " USD"));
            kv.add(new KeyValue("Running cost, month 1", usd(r.monthlyUsd()) + " USD a month"));
            kv.add(new KeyValue("Total over " + ctx.result().years() + " years", usd(r.tcoUsd()) + " USD"));
            kv.add(new KeyValue("Utilisation", utilisationLine(o.utilisation())));
            StorageNetworkPower snp = r.storageNetworkPower();
            if (snp != null) {
                kv.add(new KeyValue("Usable storage", num2(snp.usableTiB()) + " TiB (raw " + num2(snp.rawTiB()) + " TiB)"));
                if (!Double.isNaN(snp.recoveryHoursHostLoss())) {
                    kv.add(new KeyValue("Recovery after a host loss", num2(snp.recoveryHoursHostLoss()) + " h"));
                }
                kv.add(new KeyValue("Power", snp.powerWatts() == null ? "missing or in the rental price"
                        : whole(snp.powerWatts()) + " W, " + whole(snp.energyKwhMonth()) + " kWh a month"));
            }
            List<Finding> all = FindingsSection.siteFindings(s);
            long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long infos = all.stream().filter(f -> f.severity() == Severity.INFO).count();
            kv.add(new KeyValue("Findings", plural(errors, "error", "errors") + ", " + plural(warnings, "warning", "warnings")
                    + ", " + infos + " for information (see Findings)"));
            b.add(new Block.KeyValues(kv));
        }
        b.add(new Block.PageBreak());
        return b;
    }

    /** "cluster, 12 instances, ceph storage, tolerates 1 host failure". */
    static String siteLine(SiteResult s) {
        return s.kind().id() + ", " + plural(s.sizing().instances(), "instance", "instances") + ", "
                + s.sizing().storage().id() + " storage, tolerates " + plural(s.sizing().failuresTolerated(), "host failure", "host failures");
    }
}
