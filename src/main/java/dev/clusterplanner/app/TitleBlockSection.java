package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.KeyValue;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.PriceItem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.clusterplanner.app.ReportFormat.plain;
import static dev.clusterplanner.app.ReportFormat.plural;

/** The report's title block: the plan's name and description, the report date, the sites, the money settings and how old the prices are. */
final class TitleBlockSection {

    private TitleBlockSection() {
    }

    /** Heading, description and the key figures of the whole plan. */
    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Cluster Planner report: " + ctx.plan().name()));
        if (!ctx.plan().description().isBlank()) {
            b.add(new Paragraph(ctx.plan().description(), TextStyle.NOTE));
        }
        List<KeyValue> kv = new ArrayList<>();
        kv.add(new KeyValue("Report date", ctx.today().toString()));
        List<String> sites = new ArrayList<>();
        int instances = 0;
        for (SiteResult s : ctx.result().sites()) {
            sites.add(s.name() + " (" + s.kind().id() + ")");
            instances += s.sizing().instances();
        }
        kv.add(new KeyValue("Sites", ctx.result().sites().size() + ": " + String.join(", ", sites) + "; "
                + plural(instances, "instance", "instances") + " in all"));
        CostSettings c = ctx.plan().cost();
        kv.add(new KeyValue("Horizon and money", c.years() + " years; discount rate " + plain(c.discountRatePct())
                + " % a year; resale value " + plain(c.salvagePct()) + " % of purchase; support "
                + plain(c.supportPctPerYear()) + " % of purchase a year; AWS " + c.awsCommitment().id()));
        List<Hardware> hw = ctx.hardwareUsed().stream().map(ctx.catalog()::hardware).flatMap(Optional::stream).toList();
        kv.add(new KeyValue("Hardware prices", priceAges(ctx.today(), hw.stream().map(Hardware::sourceDate).toList(),
                hw.size(), hw.stream().filter(Hardware::estimate).count(), "hardware row", "hardware rows")));
        List<PriceItem> prices = ctx.catalog().prices();
        if (!prices.isEmpty()) {
            kv.add(new KeyValue("Service prices", priceAges(ctx.today(), prices.stream().map(PriceItem::sourceDate).toList(),
                    prices.size(), prices.stream().filter(PriceItem::estimate).count(), "price", "prices")));
        }
        kv.add(new KeyValue("Produced by", ctx.producer()));
        b.add(new Block.KeyValues(kv));
        return b;
    }

    /** "12 hardware rows, dated 2025-01-10 to 2026-11-01 (oldest 684 days old on the report date); 2 are estimates". */
    static String priceAges(LocalDate today, List<LocalDate> dates, int rows, long estimates, String one, String many) {
        List<LocalDate> known = dates.stream().filter(d -> d != null).sorted().toList();
        StringBuilder s = new StringBuilder(plural(rows, one, many));
        if (!known.isEmpty()) {
            LocalDate oldest = known.get(0);
            LocalDate newest = known.get(known.size() - 1);
            long age = ChronoUnit.DAYS.between(oldest, today);
            s.append(", dated ").append(oldest).append(oldest.equals(newest) ? "" : " to " + newest)
                    .append(" (oldest ").append(plural(age, "day", "days")).append(" old on the report date)");
        }
        long undated = dates.stream().filter(d -> d == null).count();
        if (undated > 0) {
            s.append("; ").append(undated).append(" without a date");
        }
        if (estimates > 0) {
            s.append("; ").append(plural(estimates, "is an estimate", "are estimates").replaceFirst("^1 is", "1 is"));
        }
        return s.toString();
    }
}
