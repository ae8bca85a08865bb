package dev.clusterplanner.adapters.export;

import dev.clusterplanner.core.cost.BomLine;
import dev.clusterplanner.core.cost.BreakEven;
import dev.clusterplanner.core.cost.ClaimCheck;
import dev.clusterplanner.core.cost.CostComponent;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost model as result-JSON documents (README "Cost", "Result JSON"). Money is the model's cent-rounded USD,
 * the same figures the CSV export writes; a missing figure is null.
 */
public final class CostJson {

    private CostJson() {
    }

    public static Map<String, Object> plan(PlanCost p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", "USD");
        m.put("months", p.months());
        m.put("cheapest", p.cheapestKey());
        m.put("marginUsd", p.marginUsd());
        m.put("summary", p.summary());
        List<Object> totals = new ArrayList<>();
        for (PlanCost.PlanOptionTotal t : p.totals()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("option", t.key());
            tm.put("tcoUsd", t.tcoUsd());
            tm.put("npvUsd", t.npvUsd());
            tm.put("optionsPerSite", t.optionIds());
            tm.put("missing", t.missing());
            totals.add(tm);
        }
        m.put("totals", totals);
        List<Object> claims = new ArrayList<>();
        for (ClaimCheck c : p.claims()) {
            claims.add(claim(c));
        }
        m.put("claims", claims);
        return m;
    }

    public static Map<String, Object> claim(ClaimCheck c) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("claim", c.claim());
        cm.put("site", c.site());
        cm.put("ratio", c.ratio());
        cm.put("holds", c.holds());
        cm.put("text", c.text());
        return cm;
    }

    public static Map<String, Object> site(SiteCost s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", "USD");
        m.put("months", s.months());
        m.put("cheapest", s.cheapestId());
        m.put("marginUsd", s.marginUsd());
        m.put("summary", s.summary());
        List<Object> options = new ArrayList<>();
        s.options().forEach(o -> options.add(option(o)));
        m.put("options", options);
        List<Object> be = new ArrayList<>();
        for (BreakEven b : s.breakEvens()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("a", b.optionA());
            bm.put("b", b.optionB());
            bm.put("dearerFirst", b.dearerFirst());
            bm.put("month", b.month());
            bm.put("text", b.text());
            be.add(bm);
        }
        m.put("breakEvens", be);
        m.put("findings", ResultJson.findings(s.findings()));
        return m;
    }

    public static Map<String, Object> option(CostOption o) {
        Map<String, Object> m = summary(o);
        m.put("componentsUsd", components(o.totals()));
        List<Object> bom = new ArrayList<>();
        for (BomLine b : o.bom()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("month", b.month());
            bm.put("item", b.item());
            bm.put("name", b.name());
            bm.put("quantity", b.quantity());
            bm.put("unitPriceUsd", b.unitPriceUsd());
            bm.put("totalUsd", b.totalUsd());
            bm.put("reason", b.reason());
            bm.put("estimate", b.estimate());
            bm.put("source", b.source());
            bm.put("sourceDate", b.sourceDate() == null ? null : b.sourceDate().toString());
            bom.add(bm);
        }
        m.put("billOfMaterials", bom);
        List<Object> series = new ArrayList<>();
        for (MonthCost mc : o.series()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("month", mc.month());
            mm.put("instances", mc.instances());
            mm.put("hosts", mc.hosts());
            Map<String, Object> parts = new LinkedHashMap<>();
            mc.amounts().forEach((k, v) -> parts.put(k.id(), v));
            mm.put("componentsUsd", parts);
            mm.put("totalUsd", mc.totalUsd());
            mm.put("cumulativeUsd", mc.cumulativeUsd());
            mm.put("energyKwh", mc.energyKwh());
            series.add(mm);
        }
        m.put("monthly", series);
        m.put("missing", o.missing());
        m.put("formulas", ResultJson.explanations(o.explanations()));
        m.put("findings", ResultJson.findings(o.findings()));
        return m;
    }

    /** The headline figures of an option (what a scenario carries). */
    public static Map<String, Object> summary(CostOption o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("kind", o.kind().id());
        m.put("label", o.label());
        m.put("hardware", o.hardwareId());
        m.put("awsCommitment", o.commitment() == null ? null : o.commitment().id());
        m.put("estimate", o.estimate());
        m.put("hostsStart", o.hostsStart());
        m.put("hostsEnd", o.hostsEnd());
        m.put("capexUsd", o.costed() ? o.capexUsd() : null);
        m.put("monthlyUsd", o.costed() ? o.monthlyUsd() : null);
        m.put("amortisationUsdPerMonth", o.amortisedMonthlyUsd());
        m.put("tcoUsd", o.tcoUsd());
        m.put("npvUsd", o.npvUsd());
        m.put("costPerInstanceMonthUsd", o.costPerInstanceMonthUsd());
        m.put("energyKwhMonth", o.energyKwhMonth());
        m.put("complete", o.complete());
        return m;
    }

    /** Every component as a key: its total, 0 when it does not apply, null when its price is missing. */
    static Map<String, Object> components(Map<CostComponent, Double> totals) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (CostComponent c : CostComponent.values()) {
            m.put(c.id(), totals.containsKey(c) ? totals.get(c) : Double.valueOf(0.0));
        }
        return m;
    }
}
