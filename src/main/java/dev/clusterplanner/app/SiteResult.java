package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.CostJson;
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

    public Optional<ScenarioResult> recommended() {
        return scenarios.stream().filter(s -> s.sizing().feasible()).findFirst();
    }

    /** An error among the site's findings or the recommended scenario's (storage, network, power). */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity().atLeast(Severity.ERROR))
                || recommended().stream().flatMap(s -> s.findings().stream()).anyMatch(f -> f.severity().atLeast(Severity.ERROR));
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind.id());
        m.put("storage", sizing.storage().id());
        m.put("failuresTolerated", sizing.failuresTolerated());
        m.put("instances", sizing.instances());
        m.put("recommended", recommended().map(s -> s.sizing().rank()).orElse(null));
        List<Object> sc = new ArrayList<>();
        scenarios.forEach(s -> sc.add(s.toDocument()));
        m.put("scenarios", sc);
        m.put("findings", ResultJson.findings(findings));
        m.put("formulas", ResultJson.explanations(sizing.formulas()));
        m.put("cost", cost == null ? null : CostJson.site(cost));
        return m;
    }
}
