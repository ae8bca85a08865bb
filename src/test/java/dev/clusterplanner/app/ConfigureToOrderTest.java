package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigureToOrderTest {

    @Test
    void probe() throws Exception {
        Catalog catalog = new CatalogService().load();
        Plan plan = ExamplePlans.load("supermicro-cluster.plan.json");
        PlanResult r = new PlanningService().analyse(plan, catalog);
        for (SiteResult s : r.sites()) {
            for (ScenarioResult sc : s.scenarios()) {
                System.out.println(sc.sizing().rank() + " " + sc.sizing().hostsByHardware() + " " + sc.tcoUsd() + " :: " + sc.sizing().explanation());
                sc.configuration().forEach(c -> System.out.println("   " + c.chosen().row().id() + " tried " + c.tried() + "/" + c.offered() + " " + c.chosen().row().notes()));
            }
        }
        assertTrue(true);
    }
}
