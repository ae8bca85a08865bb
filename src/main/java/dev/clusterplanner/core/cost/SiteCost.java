package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Finding;

import java.util.List;
import java.util.Optional;

/**
 * The options of one site side by side: the cheapest complete option over the horizon and by how much it
 * beats the next, the break-even month of each pair, and findings (missing prices, no fit).
 */
public record SiteCost(String site, int months, List<CostOption> options, String cheapestId, Double marginUsd,
                       String summary, List<BreakEven> breakEvens, List<Finding> findings) {

    public SiteCost {
        options = List.copyOf(options);
        breakEvens = List.copyOf(breakEvens);
        findings = List.copyOf(findings);
    }

    public Optional<CostOption> option(String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<CostOption> cheapest() {
        return cheapestId == null ? Optional.empty() : option(cheapestId);
    }
}
