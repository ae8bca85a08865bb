package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.PriceItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.clusterplanner.app.ReportFormat.usdCents;
import static dev.clusterplanner.app.ReportFormat.whole;

/** The appendix: every catalog row the report relies on (hardware and service prices) with its source, date and estimate flag. */
final class AppendixSection {

    private AppendixSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Appendix: catalog rows used"));
        b.add(new Paragraph("Every figure has a source and a date; rows marked estimate are not quoted prices. "
                + "\"–\" means the row has no such price (for example, a server for sale has no monthly rent); "
                + "\"missing\" means the catalog does not know a figure it should have.", TextStyle.NOTE));
        List<Row> rows = new ArrayList<>();
        for (String id : ctx.hardwareUsed()) {
            Optional<Hardware> h = ctx.catalog().hardware(id);
            if (h.isEmpty()) {
                rows.add(Row.of(id, "not in the catalog", "", "", "", "", "", "", ""));
                continue;
            }
            Hardware x = h.get();
            String power = x.powerIdleW() == null && x.powerMaxW() == null ? (x.category().isOwned() ? ReportFormat.MISSING : "–")
                    : whole(x.powerIdleW()) + " / " + whole(x.powerMaxW());
            rows.add(Row.of(x.id(), x.name(), x.priceMissing() ? ReportFormat.MISSING : dash(x.priceUsd()), dash(x.monthlyUsd()),
                    x.hourlyUsd() == null ? "–" : String.format(Locale.ROOT, "%.4f", x.hourlyUsd()), power,
                    x.source() == null ? "" : x.source(), x.sourceDate() == null ? "no date" : x.sourceDate().toString(),
                    x.estimate() ? "estimate" : ""));
        }
        b.add(new Heading(2, "Hardware"));
        b.add(new Block.Table(List.of(Column.left("Id"), Column.left("Name"), Column.right("Price USD"),
                Column.right("Monthly USD"), Column.right("Hourly USD"), Column.right("Idle / max W"), Column.left("Source"),
                Column.left("Date"), Column.left("Estimate")), rows));
        if (!ctx.catalog().prices().isEmpty()) {
            List<Row> prices = new ArrayList<>();
            for (PriceItem p : ctx.catalog().prices()) {
                prices.add(Row.of(p.id(), p.name() == null ? "" : p.name(), plain4(p.value()), p.unit(),
                        p.region() == null ? "" : p.region(), p.source() == null ? "" : p.source(),
                        p.sourceDate() == null ? "no date" : p.sourceDate().toString(), p.estimate() ? "estimate" : ""));
            }
            b.add(new Heading(2, "Service prices"));
            b.add(new Block.Table(List.of(Column.left("Id"), Column.left("Name"), Column.right("Value"), Column.left("Unit"),
                    Column.left("Region"), Column.left("Source"), Column.left("Date"), Column.left("Estimate")), prices));
        }
        return b;
    }

    private static String dash(Double v) {
        return v == null ? "–" : usdCents(v);
    }

    private static String plain4(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
