package dev.clusterplanner.app;

import dev.clusterplanner.core.fleet.FleetCheck;
import dev.clusterplanner.core.fleet.FleetSettings;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetServiceTest {

    @Test
    void theCheapestFleetOfTheSupermicroExampleKeepsEveryRuleAndReportsItsBound() throws Exception {
        Catalog catalog = new CatalogService().load();
        Plan plan = ExamplePlans.load("supermicro-cluster.plan.json");
        AtomicInteger reports = new AtomicInteger();
        FleetService.Answer a = new FleetService().cheapest(plan, catalog, 0, FleetSettings.of(1), x -> reports.incrementAndGet(), () -> false);
        assertEquals("production", a.site());
        assertEquals(List.of(), FleetCheck.violations(a.problem(), a.solution()));
        // the site's failure tolerance (k = 1) and Ceph's three copies: at least 3 hosts
        assertTrue(a.solution().hosts().size() >= 3, a.solution().hostsByType().toString());
        assertTrue(a.solution().lowerBound() > 0 && a.solution().lowerBound() <= a.solution().cost());
        assertTrue(reports.get() >= 2);
    }

    @Test
    void aSiteThatIsNotThereIsAClearMessage() throws Exception {
        Plan plan = ExamplePlans.load("supermicro-cluster.plan.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FleetService().cheapest(plan, Catalog.EMPTY, 3, FleetSettings.of(1), x -> { }, () -> false));
        assertTrue(e.getMessage().contains("no site 4"), e.getMessage());
    }
}
