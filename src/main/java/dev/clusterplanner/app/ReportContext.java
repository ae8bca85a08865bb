package dev.clusterplanner.app;

import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.SizingOption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every chapter of the report reads: the plan, the catalog, the plan's one analysis, the risk simulation (may be
 * empty), the report date and the producer; and the lookups several chapters share (a hardware row's name, an
 * option's label, the hardware the report relies on).
 */
record ReportContext(Plan plan, Catalog catalog, PlanResult result, List<SimulationService.SiteSimulation> risk,
                     LocalDate today, String producer) {

    ReportContext {
        risk = risk == null ? List.of() : List.copyOf(risk);
    }

    /** The catalog name of a hardware row, else its id. */
    String hardwareName(String id) {
        return catalog.hardware(id).map(h -> h.name() == null || h.name().isBlank() ? id : h.name()).orElse(id);
    }

    /** "3 x System76 Meerkat", or "2 x A + 1 x B" for a mix. */
    String optionLabel(SizingOption o) {
        List<String> parts = new ArrayList<>();
        o.hostsByHardware().forEach((id, n) -> parts.add(n + " x " + hardwareName(id)));
        return String.join(" + ", parts);
    }

    Optional<Site> planSite(String name) {
        return plan.sites().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Hardware ids the report relies on: every candidate of every site and every costed option's host. */
    Set<String> hardwareUsed() {
        Set<String> ids = new LinkedHashSet<>();
        plan.sites().forEach(s -> ids.addAll(s.hardware()));
        for (SiteResult s : result.sites()) {
            if (s.cost() != null) {
                for (CostOption o : s.cost().options()) {
                    if (o.hardwareId() != null && !o.hardwareId().isBlank()) {
                        ids.add(o.hardwareId());
                    }
                }
            }
        }
        return ids;
    }
}
