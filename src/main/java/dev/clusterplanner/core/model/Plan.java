package dev.clusterplanner.core.model;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A plan: one or more sites (for example a desktop dev site, a single-server UAT site and a
 * production cluster) and how costs are counted. Immutable; edits return a new plan.
 */
public record Plan(String name, String description, List<Site> sites, CostSettings cost) {

    /** Version of the plan file format this code reads and writes. */
    public static final int FORMAT = 1;

    public Plan {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        sites = List.copyOf(sites);
        cost = cost == null ? CostSettings.DEFAULT : cost;
    }

    public Plan withSites(List<Site> newSites) {
        return new Plan(name, description, newSites, cost);
    }

    public Plan withName(String newName) {
        return new Plan(newName, description, sites, cost);
    }

    public Plan withCost(CostSettings newCost) {
        return new Plan(name, description, sites, newCost);
    }

    /** A plan with site {@code index} replaced by {@code change.apply(site)}. */
    public Plan withSite(int index, UnaryOperator<Site> change) {
        var copy = new java.util.ArrayList<>(sites);
        copy.set(index, change.apply(copy.get(index)));
        return withSites(copy);
    }
}
