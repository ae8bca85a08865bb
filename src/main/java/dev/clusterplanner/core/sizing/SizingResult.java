package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The ranking rule of every site's options: feasible first, then by cost (unknown cost last), then by hosts, then
     * in the order given. Returns the options with their rank (1 = first).
     */
    public static List<SizingOption> rank(List<SizingOption> options) {
        Map<SizingOption, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            position.put(options.get(i), i);
        }
        List<SizingOption> ranked = new ArrayList<>(options);
        ranked.sort(Comparator.comparing((SizingOption o) -> !o.feasible())
                .thenComparing(o -> o.costUsd() == null)
                .thenComparingDouble(o -> o.costUsd() == null ? 0 : o.costUsd())
                .thenComparingInt(SizingOption::hosts)
                .thenComparingInt(o -> position.get(o)));
        List<SizingOption> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(ranked.get(i).withRank(i + 1));
        }
        return out;
    }

    /**
     * This sizing with one more option (e.g. the cheapest fleet), all ranked again by {@link #rank}; the new option
     * comes after the others when it ties with one of them.
     */
    public SizingResult withOption(SizingOption extra) {
        List<SizingOption> all = new ArrayList<>(options);
        all.add(extra);
        return new SizingResult(site, kind, storage, failuresTolerated, instances, rank(all), findings, formulas);
    }

    /** The first-ranked feasible option, if any. */
    public Optional<SizingOption> recommended() {
        return options.stream().filter(SizingOption::feasible).findFirst();
    }
}
