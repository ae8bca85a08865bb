package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;

import java.util.List;

/** The live Ceph cluster against the plan: the figures (each with its formula) and the findings. */
public record CephValidation(List<Explanation> figures, List<Finding> findings) {

    public CephValidation {
        figures = List.copyOf(figures);
        findings = List.copyOf(findings);
    }

    public Explanation figure(String name) {
        return figures.stream().filter(e -> e.figure().equals(name)).findFirst().orElse(null);
    }

    public List<Finding> withRule(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    public boolean hasAtLeast(Severity severity) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(severity));
    }
}
