package dev.clusterplanner.app;

import dev.clusterplanner.core.configure.ConfigurationChoice;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.SizingResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configure-to-order step of an analysis, run once before the sizing: every candidate with options becomes its
 * chosen configuration ({@link ConfigurationChoice}); the sites name the configured rows, and the catalog the cost model
 * and every output read holds them. A candidate the site already owns hosts of stays as shipped (owned hosts are what
 * they are).
 */
final class ConfigureStep {

    /** The sites, candidates and catalog after the choice, and the choice made per site. */
    record Applied(List<Site> sites, List<List<Hardware>> candidates, Catalog catalog, List<ConfigurationChoice.Result> choices) {
    }

    private ConfigureStep() {
    }

    static Applied apply(List<Site> sites, List<List<Hardware>> candidates, Catalog catalog, HostCost cost, PlanningService rows) {
        List<Site> outSites = new ArrayList<>();
        List<List<Hardware>> outCandidates = new ArrayList<>();
        List<ConfigurationChoice.Result> choices = new ArrayList<>();
        Map<String, Hardware> configured = new LinkedHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            List<Hardware> hw = candidates.get(i);
            List<Hardware> configurable = hw.stream().filter(h -> site.owned().stream().map(OwnedHosts::hardware).noneMatch(h.id()::equals)).toList();
            ConfigurationChoice.Result r = ConfigurationChoice.choose(site, configurable, catalog, cost);
            List<Hardware> after = new ArrayList<>();
            Map<String, Integer> available = new LinkedHashMap<>(site.available());
            for (Hardware h : hw) {
                int at = configurable.indexOf(h);
                Hardware row = at < 0 ? h : r.candidates().get(at);
                after.add(row);
                if (row != h) {
                    configured.put(row.id(), row);
                    Integer stock = site.available().get(h.id());
                    if (stock != null) {
                        available.put(row.id(), stock); // the site's stock of a row holds for its configurations
                    }
                }
            }
            outSites.add(site.withHardware(after.stream().map(Hardware::id).toList()).withAvailable(available));
            outCandidates.add(after);
            choices.add(r);
        }
        Catalog withRows = configured.isEmpty() ? catalog : rows.withHardware(catalog, new ArrayList<>(configured.values()));
        return new Applied(outSites, outCandidates, withRows, choices);
    }

    /** The sizing with each configured candidate's sentence followed by its choice (which configuration and why). */
    static SizingResult explained(SizingResult sizing, ConfigurationChoice.Result choice) {
        if (choice.chosen().isEmpty()) {
            return sizing;
        }
        List<SizingOption> options = new ArrayList<>();
        for (SizingOption o : sizing.options()) {
            ConfigurationChoice.Chosen c = o.mixed() ? null : choice.of(o.hardwareIds().get(0));
            options.add(c == null || c.sizing().hosts() != o.hosts() ? o : o.withExplanation(o.explanation() + "; " + c.explanation()));
        }
        return new SizingResult(sizing.site(), sizing.kind(), sizing.storage(), sizing.failuresTolerated(), sizing.instances(),
                options, sizing.findings(), sizing.formulas());
    }

    /** The choices behind a scenario's hardware (one per configurable row it uses), in its host order. */
    static List<ConfigurationChoice.Chosen> of(SizingOption o, ConfigurationChoice.Result choice) {
        List<ConfigurationChoice.Chosen> out = new ArrayList<>();
        for (String id : o.hardwareIds()) {
            ConfigurationChoice.Chosen c = choice.of(id);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
