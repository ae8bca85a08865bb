package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.CostJson;
import dev.clusterplanner.core.cost.PlanCost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analysis of a whole plan: one result per site, and the cost comparison of the whole plan ({@code cost}, may be null). */
public record PlanResult(String plan, int years, List<SiteResult> sites, PlanCost cost) {

    public PlanResult(String plan, int years, List<SiteResult> sites) {
        this(plan, years, sites, null);
    }

    /** Version of the result JSON layout (README "Result JSON"). */
    public static final int FORMAT = 1;

    public PlanResult {
        sites = List.copyOf(sites);
    }

    public boolean hasErrors() {
        return sites.stream().anyMatch(SiteResult::hasErrors);
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("plan", plan);
        m.put("years", years);
        List<Object> s = new ArrayList<>();
        sites.forEach(x -> s.add(x.toDocument()));
        m.put("sites", s);
        m.put("cost", cost == null ? null : CostJson.plan(cost));
        return m;
    }
}
