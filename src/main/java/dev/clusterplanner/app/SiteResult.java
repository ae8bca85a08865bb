package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.ResultJson;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.sizing.SizingResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The analysis of one site: its sizing and one scenario per option, ranked (the first feasible one is recommended). */
public record SiteResult(String name, SiteKind kind, SizingResult sizing, List<ScenarioResult> scenarios, List<Finding> findings,
                         SiteCost cost) {

    public SiteResult(String name, SiteKind kind, SizingResult sizing, List<ScenarioResult> scenarios, List<Finding> findings) {
        this(name, kind, sizing, scenarios, findings, null);
    }

    public SiteResult {
        scenarios = List.copyOf(scenarios);
        findings = List.copyOf(findings);
    }

    /**
     * The one recommended option of the site, the scenario of the sizing's recommended option
     * ({@link SizingResult#recommended()}: the first-ranked feasible one). Every consumer (table, JSON, CSV, PDF,
     * window, risk simulation) shows this one.
     */
    public Optional<ScenarioResult> recommended() {
        return sizing.recommended().flatMap(o -> scenarios.stream().filter(s -> s.sizing().rank() == o.rank()).findFirst());
    }

    /**
     * Every finding about one option of the site, each once, worst first: the site's sizing findings, the option's own
     * (storage, network, power) and the site's cost findings. The one list a badge counts, a findings tab lists and the
     * report prints for that option.
     */
    public List<Finding> findingsOf(ScenarioResult scenario) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        List<Finding> all = new ArrayList<>(findings);
        if (scenario != null) {
            all.addAll(scenario.findings());
        }
        if (cost != null) {
            all.addAll(cost.findings());
        }
        for (Finding f : all) {
            unique.putIfAbsent(f.severity() + "|" + f.rule() + "|" + f.text(), f);
        }
        return Finding.worstFirst(unique.values());
    }

    /** An error among the site's findings or the recommended scenario's (storage, network, power). */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity().atLeast(Severity.ERROR))
                || recommended().stream().flatMap(s -> s.findings().stream()).anyMatch(f -> f.severity().atLeast(Severity.ERROR));
    }

    /** This site as {@code sites[]} of the result JSON. */
    public ResultJson.SiteDoc toDocument() {
        return ResultJson.site(name, kind, sizing, recommended().map(s -> s.sizing().rank()).orElse(null),
                scenarios.stream().map(ScenarioResult::toDocument).toList(), findings, cost);
    }
}
