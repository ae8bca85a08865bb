package dev.clusterplanner.app;

import dev.clusterplanner.core.fleet.FleetSettings;
import dev.clusterplanner.core.fleet.FleetStart;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.sizing.SizingOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sizing engine's options start the fleet search, so the cheapest fleet never costs more than the recommended option. */
class FleetStartsTest {

    @ParameterizedTest
    @ValueSource(strings = {"meerkat-cluster.plan.json", "supermicro-cluster.plan.json", "thelio-gpu-cluster.plan.json"})
    void theFleetNeverCostsMoreThanTheRecommendedOptionEvenWithAShortSearch(String file) throws Exception {
        Catalog catalog = new CatalogService().load();
        Plan plan = ExamplePlans.load(file);
        SizingOption recommended = new PlanningService().analyse(plan, catalog).sites().get(0).sizing().recommended().orElseThrow();
        // a search too short to improve much: the answer is no worse than its best start
        FleetService.Answer a = new FleetService().cheapest(plan, catalog, 0, FleetSettings.of(0.05), x -> { }, () -> false);
        FleetStart start = FleetStarts.of(recommended, a.problem());
        assertNotNull(start, "the recommended option " + recommended.hostsByHardware() + " is a start of the fleet problem");
        List<FleetStart> all = FleetStarts.of(plan, catalog, 0, a.problem());
        assertFalse(all.isEmpty());
        assertTrue(a.solution().cost() <= recommended.costUsd() + 1e-6,
                "fleet " + a.solution().cost() + " USD vs the recommended option's " + recommended.costUsd() + " USD");
    }
}
