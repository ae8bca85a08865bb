package dev.clusterplanner.core.model;

/** A value that breaks a rule: which field (a path such as "workloads/2/memoryGib") and what is wrong, in a plain sentence. */
public record FieldProblem(String field, String message) {
}
