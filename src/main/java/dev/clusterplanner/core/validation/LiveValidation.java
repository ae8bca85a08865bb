package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;

import java.util.List;

/**
 * A live Incus cluster against a plan site: per member and in total (threads, memory, usable storage, NIC
 * speed, GPUs), the live allocation (sum of instance limits) against the plan's demand, use against
 * allocation, whether the live allocation survives the loss of members, and the findings.
 *
 * @param site        the plan site compared against, "" when there was no plan
 * @param hostsNeeded hosts like the smallest live member that the plan's workloads need (sizing engine), null when not computed
 */
public record LiveValidation(String site, List<MemberComparison> members, List<Comparison> totals, List<Comparison> allocation,
                             List<Explanation> figures, List<Finding> findings, Integer hostsNeeded) {

    public LiveValidation {
        site = site == null ? "" : site;
        members = List.copyOf(members);
        totals = List.copyOf(totals);
        allocation = List.copyOf(allocation);
        figures = List.copyOf(figures);
        findings = List.copyOf(findings);
    }

    public List<Finding> withRule(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    public boolean hasAtLeast(Severity severity) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(severity));
    }

    public Comparison total(String figure) {
        return totals.stream().filter(r -> r.figure().equals(figure)).findFirst().orElse(null);
    }

    public Comparison allocationRow(String figure) {
        return allocation.stream().filter(r -> r.figure().equals(figure)).findFirst().orElse(null);
    }
}
