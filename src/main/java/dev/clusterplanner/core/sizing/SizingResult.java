package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;

import java.util.List;
import java.util.Optional;

/**
 * The sizing of one site: its options ranked (feasible first, then by cost, unknown cost last, then by hosts),
 * findings (e.g. a workload no candidate can hold) and the per-workload demand formulas.
 */
public record SizingResult(String site, SiteKind kind, StorageMode storage, int failuresTolerated, int instances,
                           List<SizingOption> options, List<Finding> findings, List<Explanation> formulas) {

    public SizingResult {
        options = List.copyOf(options);
        findings = List.copyOf(findings);
        formulas = List.copyOf(formulas);
    }

    /** The first-ranked feasible option, if any. */
    public Optional<SizingOption> recommended() {
        return options.stream().filter(SizingOption::feasible).findFirst();
    }
}
