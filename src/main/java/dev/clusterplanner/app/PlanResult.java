package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.ResultJson;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.model.Catalog;

import java.util.List;

/**
 * The analysis of a whole plan: one result per site, and the cost comparison of the whole plan ({@code cost}, may be
 * null); {@code catalog} is the catalog it read, with the configured rows of its configure-to-order choice (may be null).
 */
public record PlanResult(String plan, int years, List<SiteResult> sites, PlanCost cost, Catalog catalog) {

    public PlanResult(String plan, int years, List<SiteResult> sites) {
        this(plan, years, sites, null, null);
    }

    public PlanResult(String plan, int years, List<SiteResult> sites, PlanCost cost) {
        this(plan, years, sites, cost, null);
    }

    /**
     * The catalog this analysis read: {@code base} with the configured rows its configure-to-order choice made (every
     * lookup of a scenario's hardware goes through it); {@code base} itself when the analysis kept none.
     */
    public Catalog catalogOver(Catalog base) {
        return catalog == null ? base : catalog;
    }

    /** Version of the result JSON layout (docs/reference/result-json.md). */
    public static final int FORMAT = ResultJson.FORMAT;

    public PlanResult {
        sites = List.copyOf(sites);
    }

    public boolean hasErrors() {
        return sites.stream().anyMatch(SiteResult::hasErrors);
    }

    /** This analysis as the result JSON's typed document (its shape is {@link ResultJson}'s). */
    public ResultJson.ResultDoc toDocument() {
        return ResultJson.document(plan, years, sites.stream().map(SiteResult::toDocument).toList(), cost);
    }
}
