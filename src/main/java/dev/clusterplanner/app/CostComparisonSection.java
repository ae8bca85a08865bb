package dev.clusterplanner.app;

import dev.clusterplanner.core.cost.BreakEven;
import dev.clusterplanner.core.cost.ClaimCheck;
import dev.clusterplanner.core.cost.CostComponent;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.clusterplanner.app.ReportFormat.num2;
import static dev.clusterplanner.app.ReportFormat.sentence;
import static dev.clusterplanner.app.ReportFormat.usd;
import static dev.clusterplanner.app.ReportFormat.usdCents;

/**
 * The cost part of "Options compared": per site the cost table, the cumulative cost chart with the break-evens of the
 * option the site would buy, and the cost by part; for the whole plan the totals and the claims checked.
 */
final class CostComparisonSection {

    private CostComparisonSection() {
    }

    /** An option's label, marked when its figures rest on estimates. */
    static String costLabel(CostOption o) {
        return o.label() + (o.estimate() ? " (estimate)" : "");
    }

    /** The cost over the horizon of one site's options. */
    static List<Block> site(ReportContext ctx, SiteCost sc) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(3, "Cost over " + ctx.result().years() + " years"));
        List<Row> rows = new ArrayList<>();
        for (CostOption o : sc.options()) {
            rows.add(new Row(List.of(costLabel(o), o.hostsStart() == o.hostsEnd() ? String.valueOf(o.hostsStart())
                            : o.hostsStart() + " to " + o.hostsEnd(), usd(o.capexUsd()), usd(o.monthlyUsd()), usd(o.tcoUsd()),
                    usd(o.npvUsd()), usdCents(o.costPerInstanceMonthUsd()), String.join("; ", o.missing())),
                    o.id().equals(sc.cheapestId())));
        }
        b.add(new Block.Table(List.of(Column.left("Option"), Column.right("Hosts"), Column.right("Capex USD"),
                Column.right("Monthly USD"), Column.right("Total USD"), Column.right("NPV USD"),
                Column.right("USD per instance-month"), Column.left("Missing")), rows));
        // cumulative cost per option, break-evens marked
        List<Block.Series> series = new ArrayList<>();
        Map<String, List<MonthCost>> byId = new LinkedHashMap<>();
        for (CostOption o : sc.options()) {
            List<Block.Point> pts = new ArrayList<>();
            pts.add(new Block.Point(0, 0));
            for (MonthCost m : o.series()) {
                pts.add(new Block.Point(m.month(), m.cumulativeUsd()));
            }
            series.add(new Block.Series(costLabel(o), pts));
            byId.put(o.id(), o.series());
        }
        // break-evens of the option the site would buy (the recommended one's cost option, else the cheapest)
        String focus = ctx.result().sites().stream().filter(x -> x.cost() == sc).findFirst()
                .flatMap(SiteResult::recommended).map(ScenarioResult::cost).map(CostOption::id).orElse(sc.cheapestId());
        List<Block.Marker> markers = new ArrayList<>();
        List<Row> beRows = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        sc.options().forEach(o -> labels.put(o.id(), costLabel(o)));
        for (BreakEven be : sc.breakEvens()) {
            if (focus == null || !(focus.equals(be.optionA()) || focus.equals(be.optionB()))) {
                continue;
            }
            String other = focus.equals(be.optionA()) ? be.optionB() : be.optionA();
            beRows.add(Row.of(labels.getOrDefault(other, other), be.month() == null ? "none within " + sc.months() + " months"
                    : "month " + be.month(), be.text() == null ? "" : sentence(be.text())));
            if (be.month() == null) {
                continue;
            }
            List<MonthCost> s = byId.get(be.dearerFirst());
            if (s == null) {
                s = byId.get(be.optionA());
            }
            if (s == null) {
                continue;
            }
            int m = be.month();
            double y = s.stream().filter(x -> x.month() == m).mapToDouble(MonthCost::cumulativeUsd).findFirst().orElse(Double.NaN);
            markers.add(new Block.Marker(m, y, "break-even month " + m));
        }
        b.add(new Block.LineChart("Site " + sc.site() + ": cumulative cost by month", "month", "USD, cumulative", series, markers));
        if (!beRows.isEmpty()) {
            b.add(new Paragraph("Break-even of " + labels.getOrDefault(focus, focus) + " against each other option:", TextStyle.SMALL));
            b.add(new Block.Table(List.of(Column.left("Against"), Column.left("Break-even"), Column.left("How")), beRows));
        }
        // cost breakdown per option
        Set<CostComponent> used = EnumSet.noneOf(CostComponent.class);
        for (CostOption o : sc.options()) {
            o.totals().forEach((k, v) -> {
                if (v != null && v != 0) {
                    used.add(k);
                }
            });
        }
        List<CostComponent> parts = new ArrayList<>(used);
        double[][] values = new double[sc.options().size()][parts.size()];
        List<String> categories = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (int i = 0; i < sc.options().size(); i++) {
            CostOption o = sc.options().get(i);
            categories.add(o.label());
            totals.add(usd(o.tcoUsd()));
            for (int j = 0; j < parts.size(); j++) {
                Double v = o.totals().get(parts.get(j));
                values[i][j] = v == null ? 0 : v;
            }
        }
        b.add(new Block.StackedBarChart("Site " + sc.site() + ": cost over " + ctx.result().years() + " years by part", "USD",
                categories, parts.stream().map(CostComponent::id).toList(), values, totals));
        return b;
    }

    /** The plan's totals across its sites, and the claims checked against them. */
    static List<Block> wholePlan(PlanCost pc) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(2, "The whole plan"));
        if (pc.summary() != null && !pc.summary().isBlank()) {
            b.add(new Paragraph(sentence(pc.summary())));
        }
        List<Row> rows = new ArrayList<>();
        for (PlanCost.PlanOptionTotal t : pc.totals()) {
            rows.add(new Row(List.of(t.key(), usd(t.tcoUsd()), usd(t.npvUsd()), String.join("; ", t.optionIds()),
                    String.join("; ", t.missing())), t.key().equals(pc.cheapestKey())));
        }
        b.add(new Block.Table(List.of(Column.left("Option"), Column.right("Total USD"), Column.right("NPV USD"),
                Column.left("Option at each site"), Column.left("Missing")), rows));
        if (!pc.claims().isEmpty()) {
            b.add(new Heading(3, "The chuck-stack Incus guide's claims checked"));
            List<Row> claims = new ArrayList<>();
            for (ClaimCheck c : pc.claims()) {
                claims.add(Row.of(c.claim(), c.site() == null ? "" : c.site(), c.ratio() == null ? "n/a" : num2(c.ratio()),
                        c.holds() == null ? "cannot tell" : c.holds() ? "yes" : "no", c.text()));
            }
            b.add(new Block.Table(List.of(Column.left("Claim"), Column.left("Site"), Column.right("Ratio"), Column.left("Holds"),
                    Column.left("What the numbers say")), claims));
        }
        return b;
    }
}
