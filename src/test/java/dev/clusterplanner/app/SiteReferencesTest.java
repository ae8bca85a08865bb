package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A site's stock limits name catalog rows, and its owned hosts were bought before today: else the plan is refused by field. */
class SiteReferencesTest {

    static final Clock DEC_6 = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    static Plan with(java.util.function.UnaryOperator<Site> change) throws Exception {
        Plan plan = ExamplePlans.load("meerkat-cluster.plan.json");
        return plan.withSites(List.of(change.apply(plan.sites().get(0))));
    }

    static List<String> problems(Plan plan) throws Exception {
        Catalog catalog = new CatalogService().load();
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> new PlanningService(DEC_6).analyse(plan, catalog));
        return e.problems().stream().map(InputProblem::describe).toList();
    }

    @Test
    void aStockLimitForHardwareTheCatalogDoesNotHaveIsRefusedByItsField() throws Exception {
        List<String> p = problems(with(s -> s.withAvailable(Map.of("no-such-row", 2))));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("sites/0/available/no-such-row: site 'production': the stock limit names hardware 'no-such-row', which is not in the catalog"),
                p.get(0));
    }

    @Test
    void ownedHostsBoughtAfterTodayAreRefusedAndTodayIsFine() throws Exception {
        Plan plan = ExamplePlans.load("meerkat-cluster.plan.json");
        String row = plan.sites().get(0).hardware().get(0);
        List<String> p = problems(with(s -> s.withOwned(List.of(new OwnedHosts(row, 2, LocalDate.of(2026, 12, 7), null)))));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("sites/0/owned/0/purchased: site 'production': owned hosts of '" + row
                + "' purchased 2026-12-07, after today (2026-12-06)"), p.get(0));
        Catalog catalog = new CatalogService().load();
        Plan today = with(s -> s.withOwned(List.of(new OwnedHosts(row, 2, LocalDate.of(2026, 12, 6), null))));
        assertEquals(1, new PlanningService(DEC_6).analyse(today, catalog).sites().size());
    }
}
