package dev.clusterplanner.core.model;

import java.util.Objects;

/**
 * Something a user should know about a plan or a live cluster, with how much it matters.
 *
 * @param rule     stable id of the rule that raised it (e.g. "ceph.nic-below-10g")
 * @param citation where the rule comes from (documentation, catalog source), may be empty
 */
public record Finding(Severity severity, String rule, String text, String citation) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        rule = rule == null ? "" : rule;
        citation = citation == null ? "" : citation;
    }

    /** The findings, errors first, then warnings, then infos; the order within a severity is kept. */
    public static java.util.List<Finding> worstFirst(java.util.Collection<Finding> findings) {
        return findings.stream().sorted(java.util.Comparator.comparing(Finding::severity).reversed()).toList();
    }

    public static Finding info(String rule, String text, String citation) {
        return new Finding(Severity.INFO, rule, text, citation);
    }

    public static Finding warning(String rule, String text, String citation) {
        return new Finding(Severity.WARNING, rule, text, citation);
    }

    public static Finding error(String rule, String text, String citation) {
        return new Finding(Severity.ERROR, rule, text, citation);
    }
}
