package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.core.sizing.SizingOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis and the simulation of a site with owned hosts, through the application services. */
class OwnedHostsAnalysisTest {

    static Catalog catalog;
    static final String MEERKAT = "desktop-meerkat-tall-i5";

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
    }

    static Plan plan(List<OwnedHosts> owned) {
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null).withMinHosts(1);
        Site site = new Site("office", SiteKind.CLUSTER, List.of(Workload.of("web", WorkloadKind.CONTAINER, 10, 1, 10, 10)),
                List.of(MEERKAT), p, null).withOwned(owned);
        return new Plan("owned", "", List.of(site), null);
    }

    @Test
    void theRecommendedKeepAndAddScenarioCarriesItsCostOption() throws Exception {
        PlanResult r = new PlanningService().analyse(plan(List.of(new OwnedHosts(MEERKAT, 2, null, 900.0))), catalog);
        ScenarioResult keep = r.sites().get(0).recommended().orElseThrow();
        assertTrue(keep.sizing().keepAndAdd());
        assertEquals("keep:" + MEERKAT, keep.cost().id());
        // 3 new Meerkats at 1,000 USD: the owned ones are not bought
        assertEquals(3000.0, keep.capexUsd(), 0.001);
    }

    @Test
    void ownedHostsAgesCountFromTheirPurchaseDateToToday() throws Exception {
        Plan plan = plan(List.of(new OwnedHosts(MEERKAT, 2, LocalDate.of(2023, 4, 1), null), new OwnedHosts(MEERKAT, 1, null, null)));
        SizingOption keep = new PlanningService().analyse(plan, catalog).sites().get(0).recommended().orElseThrow().sizing();
        // 2023-04-01 to 2026-12-06: 44 whole months; the entry without a date keeps the flat rate
        assertArrayEquals(new double[]{44, 44}, SimulationService.ownedHostAges(plan.sites().get(0), keep, LocalDate.of(2026, 12, 6)));
    }

    @Test
    void theSimulationOfAKeepAndAddPlanUsesTheOwnedHostsAges() throws Exception {
        Plan plan = plan(List.of(new OwnedHosts(MEERKAT, 2, LocalDate.of(2016, 12, 6), 900.0)));
        Clock clock = Clock.fixed(LocalDate.of(2026, 12, 6).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        var sims = new SimulationService(clock).simulate(plan, catalog, 100, 1L, Uncertainty.NONE, d -> { }, () -> false);
        // 10 years old: 5 % x 3.27 = 16.3 % at the start
        assertArrayEquals(new double[]{120, 120}, sims.get(0).inputs().hostAgeMonths());
        assertTrue(sims.get(0).assumptions().stream().anyMatch(a -> a.contains("16.3 % at 120 months")), sims.get(0).assumptions().toString());
    }
}
