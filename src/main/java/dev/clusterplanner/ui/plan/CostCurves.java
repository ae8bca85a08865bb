package dev.clusterplanner.ui.plan;

import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.ui.plan.PlanResultsViewModel.BreakEven;
import dev.clusterplanner.ui.plan.PlanResultsViewModel.CostPoint;
import dev.clusterplanner.ui.plan.PlanResultsViewModel.CostSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cost chart's lines and break-evens of a site, read from the cost model, and their words. */
public final class CostCurves {

    private CostCurves() {
    }


    /**
     * Every option of the site's cost model whose every price is known, as its monthly cumulative cost. An option with
     * a missing price is not drawn (a line without that price would be too low); {@link #notDrawnProperty()} names it.
     */
    static List<CostSeries> series(SiteCost cost, String focus) {
        if (cost == null) {
            return List.of();
        }
        List<CostSeries> out = new ArrayList<>();
        for (CostOption o : cost.options()) {
            if (!o.complete() || o.series().isEmpty()) {
                continue;
            }
            List<CostPoint> points = new ArrayList<>();
            points.add(new CostPoint(0, 0));
            for (MonthCost m : o.series()) {
                points.add(new CostPoint(m.month(), m.cumulativeUsd()));
            }
            out.add(new CostSeries(o.id(), label(o), o.id().equals(focus), points));
        }
        return out;
    }

    /** A legend name: the hardware's name up to its first comma ("owned System76 Meerkat Tall (estimate)"). */
    public static String chartName(String label) {
        return label.replaceFirst(",[^()]*?(?=\\s*\\(|$)", "");
    }

    /** "Break-even of X (recommended, marked on the chart): month 8 against Y, month 11 against Z." or why there is none. */
    public static String breakEvenSummary(List<CostSeries> series, List<BreakEven> breakEvens) {
        String focus = series.stream().filter(CostSeries::recommended).map(c -> chartName(c.option())).findFirst().orElse(null);
        if (focus == null) {
            return "";
        }
        if (breakEvens.isEmpty()) {
            return "The cumulative cost of " + focus + " (recommended) crosses no other option's within the horizon.";
        }
        List<String> parts = new ArrayList<>();
        for (BreakEven b : breakEvens) {
            boolean focusIsDearer = series.stream().anyMatch(c -> c.recommended() && c.optionId().equals(b.dearerFirstId()));
            parts.add("month " + b.month() + " against " + chartName(focusIsDearer ? b.other() : b.dearerFirst())
                    + (focusIsDearer ? "" : " (which costs more at first)"));
        }
        return "Break-even of " + focus + " (recommended; marked on the chart, the point's tooltip has the figures): "
                + String.join(", ", parts) + ".";
    }

    static String label(CostOption o) {
        return o.label() + (o.estimate() ? " (estimate)" : "");
    }

    static String notDrawn(SiteCost cost) {
        if (cost == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (CostOption o : cost.options()) {
            if (!o.complete()) {
                parts.add(label(o) + " (" + (o.missing().isEmpty() ? "no total" : String.join("; ", o.missing())) + ")");
            }
        }
        return parts.isEmpty() ? "" : "Not drawn, a price is missing: " + String.join(", ", parts);
    }

    /**
     * The cost model's break-evens of the focus option (the recommended card's, else the cheapest) against each drawn
     * option, within the horizon. Pairs without the focus are left out: with six options there would be fifteen.
     */
    static List<BreakEven> breakEvens(SiteCost cost, String focus, List<CostSeries> drawn) {
        if (cost == null || focus == null) {
            return List.of();
        }
        Map<String, CostSeries> byId = new LinkedHashMap<>();
        drawn.forEach(d -> byId.put(d.optionId(), d));
        List<BreakEven> out = new ArrayList<>();
        for (dev.clusterplanner.core.cost.BreakEven be : cost.breakEvens()) {
            if (be.month() == null || be.dearerFirst().isEmpty() || !(focus.equals(be.optionA()) || focus.equals(be.optionB()))) {
                continue;
            }
            String otherId = be.dearerFirst().equals(be.optionA()) ? be.optionB() : be.optionA();
            CostSeries dear = byId.get(be.dearerFirst());
            CostSeries other = byId.get(otherId);
            if (dear == null || other == null) {
                continue;
            }
            out.add(new BreakEven(dear.optionId(), dear.option(), other.optionId(), other.option(), be.month(), dear.at(be.month()), be.text()));
        }
        return out;
    }
}
