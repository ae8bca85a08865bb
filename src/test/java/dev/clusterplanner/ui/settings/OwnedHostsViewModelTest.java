package dev.clusterplanner.ui.settings;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import dev.clusterplanner.ui.plan.PlanResultsViewModel;
import dev.clusterplanner.ui.settings.OwnedHostsViewModel.Draft;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owned-hosts form's rules, and the Plan area seeing the keep-and-add option the entry makes. */
class OwnedHostsViewModelTest {

    static Catalog catalog;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
    }

    final PlanDocument document = new PlanDocument(SeedPlan.plan());
    final SimpleIntegerProperty site = new SimpleIntegerProperty(0);
    final OwnedHostsViewModel vm = new OwnedHostsViewModel(document, site, new SimpleObjectProperty<>(catalog), new SimpleStringProperty(),
            () -> LocalDate.of(2026, 12, 6));

    @Test
    void eachFieldSaysWhatIsWrongInPlainWords() {
        Map<String, String> p = vm.problems(new Draft("desktop-nope", "two", "2027-01-01", "-5"), -1);
        assertEquals("'desktop-nope' is not in the catalog.", p.get(OwnedHostsViewModel.HARDWARE));
        assertEquals("How many must be a whole number, like 2.", p.get(OwnedHostsViewModel.COUNT));
        assertEquals("The purchase date 2027-01-01 is after today.", p.get(OwnedHostsViewModel.PURCHASED));
        assertEquals("Price must be 0 USD or more.", p.get(OwnedHostsViewModel.PRICE));
        assertEquals(Optional.of("'desktop-nope' is not in the catalog."), vm.add(new Draft("desktop-nope", "two", "2027-01-01", "-5")));
        assertTrue(document.plan().sites().get(0).owned().isEmpty(), "nothing is saved while a field is wrong");
        // empty date and price are allowed: unknown
        assertTrue(vm.problems(new Draft(SeedPlan.MEERKAT, "2", "", ""), -1).isEmpty());
    }

    @Test
    void twoOwnedMeerkatsMakeTheKeepAndAddOptionThePlanAreaRecommends() {
        PlanResultsViewModel results = new PlanResultsViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
                new PlanningService(), site);
        assertEquals(Optional.empty(), vm.add(new Draft(SeedPlan.MEERKAT, "2", "2023-04-01", "900")));
        // the seed needs 3 Meerkats: keep the 2 owned, add 1 (1,000 USD against 3,000 for 3 new)
        PlanResultsViewModel.OptionCard first = results.cards().get(0);
        assertTrue(first.scenario().sizing().keepAndAdd());
        assertTrue(first.recommended());
        assertTrue(first.title().startsWith("Keep 2 owned System76 Meerkat Tall"), first.title());
        assertTrue(first.title().contains(", add 1 x System76 Meerkat Tall"), first.title());
        assertEquals(1000.0, first.capexUsd(), 0.001);
        document.undo();
        assertTrue(results.cards().stream().noneMatch(c -> c.scenario().sizing().keepAndAdd()), "undo takes the option away");
    }
}
