package dev.clusterplanner.adapters.export;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.clusterplanner.adapters.export.ExportJson.ExplanationDoc;
import dev.clusterplanner.adapters.export.ExportJson.FindingDoc;
import dev.clusterplanner.core.cost.BomLine;
import dev.clusterplanner.core.cost.BreakEven;
import dev.clusterplanner.core.cost.ClaimCheck;
import dev.clusterplanner.core.cost.CostComponent;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost JSON: the cost model's part of the result JSON (docs/user/cost.md, "Result JSON"; schema
 * src/main/resources/schemas/cost.schema.json) as typed records, and the one mapping from the cost model onto them.
 * Money is the model's cent-rounded USD, the same figures the CSV export writes; a missing figure is null.
 */
public final class CostJson {

    private CostJson() {
    }

    /** The whole plan: totals per option across the sites, and the claims checked against them. */
    public record PlanCostDoc(String currency, int months, String cheapest, Double marginUsd, String summary,
                              List<PlanTotalDoc> totals, List<ClaimDoc> claims) {
    }

    public record PlanTotalDoc(String option, Double tcoUsd, Double npvUsd, List<String> optionsPerSite, List<String> missing) {
    }

    public record ClaimDoc(String claim, String site, Double ratio, Boolean holds, String text) {
    }

    /** One site: every option costed in full, the break-evens between them and the cost findings. */
    public record SiteCostDoc(String currency, int months, String cheapest, Double marginUsd, String summary,
                              List<OptionDoc> options, List<BreakEvenDoc> breakEvens, List<FindingDoc> findings) {
    }

    public record BreakEvenDoc(String a, String b, String dearerFirst, Integer month, String text) {
    }

    /** An option's headline figures: what a scenario of the result JSON carries as {@code cost}. */
    public record OptionSummaryDoc(String id, String kind, String label, String hardware, String awsCommitment, boolean estimate,
                                   int hostsStart, int hostsEnd, Double capexUsd, Double monthlyUsd, Double amortisationUsdPerMonth,
                                   Double tcoUsd, Double npvUsd, Double costPerInstanceMonthUsd, Double energyKwhMonth,
                                   boolean complete) {
    }

    /** An option in full: its headline figures, then components, bill of materials, monthly series and explanations. */
    public record OptionDoc(@JsonUnwrapped OptionSummaryDoc summary, Map<String, Double> componentsUsd,
                            List<BomLineDoc> billOfMaterials, List<MonthDoc> monthly, List<String> missing,
                            List<ExplanationDoc> formulas, List<FindingDoc> findings) {
    }

    public record BomLineDoc(int month, String item, String name, int quantity, Double unitPriceUsd, Double totalUsd,
                             String reason, boolean estimate, String source, String sourceDate) {
    }

    public record MonthDoc(int month, int instances, int hosts, Map<String, Double> componentsUsd, double totalUsd,
                           double cumulativeUsd, Double energyKwh) {
    }

    public static PlanCostDoc plan(PlanCost p) {
        return new PlanCostDoc("USD", p.months(), p.cheapestKey(), p.marginUsd(), p.summary(),
                p.totals().stream().map(t -> new PlanTotalDoc(t.key(), t.tcoUsd(), t.npvUsd(), t.optionIds(), t.missing())).toList(),
                p.claims().stream().map(CostJson::claim).toList());
    }

    public static ClaimDoc claim(ClaimCheck c) {
        return new ClaimDoc(c.claim(), c.site(), c.ratio(), c.holds(), c.text());
    }

    public static SiteCostDoc site(SiteCost s) {
        return new SiteCostDoc("USD", s.months(), s.cheapestId(), s.marginUsd(), s.summary(),
                s.options().stream().map(CostJson::option).toList(),
                s.breakEvens().stream().map(CostJson::breakEven).toList(),
                ExportJson.findings(s.findings()));
    }

    static BreakEvenDoc breakEven(BreakEven b) {
        return new BreakEvenDoc(b.optionA(), b.optionB(), b.dearerFirst(), b.month(), b.text());
    }

    public static OptionDoc option(CostOption o) {
        return new OptionDoc(summary(o), components(o.totals()), o.bom().stream().map(CostJson::bomLine).toList(),
                o.series().stream().map(CostJson::month).toList(), o.missing(), ExportJson.explanations(o.explanations()),
                ExportJson.findings(o.findings()));
    }

    /** The headline figures of an option; capex and monthly are null when the option could not be costed (not free). */
    public static OptionSummaryDoc summary(CostOption o) {
        return new OptionSummaryDoc(o.id(), o.kind().id(), o.label(), o.hardwareId(), o.commitment() == null ? null : o.commitment().id(),
                o.estimate(), o.hostsStart(), o.hostsEnd(), o.costed() ? o.capexUsd() : null, o.costed() ? o.monthlyUsd() : null,
                o.amortisedMonthlyUsd(), o.tcoUsd(), o.npvUsd(), o.costPerInstanceMonthUsd(), o.energyKwhMonth(), o.complete());
    }

    static BomLineDoc bomLine(BomLine b) {
        return new BomLineDoc(b.month(), b.item(), b.name(), b.quantity(), b.unitPriceUsd(), b.totalUsd(), b.reason(), b.estimate(),
                b.source(), b.sourceDate() == null ? null : b.sourceDate().toString());
    }

    static MonthDoc month(MonthCost m) {
        Map<String, Double> parts = new LinkedHashMap<>();
        m.amounts().forEach((k, v) -> parts.put(k.id(), v));
        return new MonthDoc(m.month(), m.instances(), m.hosts(), parts, m.totalUsd(), m.cumulativeUsd(), m.energyKwh());
    }

    /** Every component as a key: its total, 0 when it does not apply, null when its price is missing. */
    static Map<String, Double> components(Map<CostComponent, Double> totals) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (CostComponent c : CostComponent.values()) {
            m.put(c.id(), totals.containsKey(c) ? totals.get(c) : Double.valueOf(0.0));
        }
        return m;
    }
}
