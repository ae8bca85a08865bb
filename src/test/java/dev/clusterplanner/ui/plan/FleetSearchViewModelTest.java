package dev.clusterplanner.ui.plan;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Find the cheapest fleet" without the toolkit: the synchronous executor runs the search at once. */
class FleetSearchViewModelTest {

    static Catalog catalog;

    @BeforeAll
    static void loadCatalog() throws Exception {
        catalog = new CatalogService().load();
    }

    final PlanDocument document = new PlanDocument(SeedPlan.plan());

    PlanResultsViewModel vm() {
        return new PlanResultsViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(), new PlanningService(),
                new SimpleIntegerProperty(0));
    }

    static List<PlanResultsViewModel.OptionCard> fleetCards(PlanResultsViewModel vm) {
        return vm.cards().stream().filter(c -> c.scenario().isFleet()).toList();
    }

    @Test
    void theAnswerIsOneMoreCardAndAnEditOfTheSiteTakesItAway() {
        PlanResultsViewModel vm = vm();
        int before = vm.cards().size();
        assertTrue(fleetCards(vm).isEmpty());
        vm.fleet().secondsProperty().set("0.2");
        vm.fleet().find();
        assertFalse(vm.fleet().runningProperty().get());
        assertEquals(before + 1, vm.cards().size());
        PlanResultsViewModel.OptionCard card = fleetCards(vm).get(0);
        assertTrue(card.title().startsWith("Cheapest fleet: "), card.title());
        assertTrue(vm.fleet().statusProperty().get().contains("no fleet costs less than"), vm.fleet().statusProperty().get());
        assertEquals(1.0, vm.fleet().progressProperty().get(), 1e-9);
        // the answer belongs to the site as it was searched: after an edit it is left out until searched again
        document.edit("min hosts", p -> p.withSite(0, s -> s.withPolicy(s.policy().withMinHosts(4))));
        assertTrue(fleetCards(vm).isEmpty());
        assertEquals(before, vm.cards().size());
    }

    @Test
    void aTimeLimitThatIsNotANumberOfSecondsIsSaidAndNothingRuns() {
        PlanResultsViewModel vm = vm();
        for (String bad : List.of("soon", "0", "-3", "4000")) {
            vm.fleet().secondsProperty().set(bad);
            vm.fleet().find();
            assertTrue(vm.fleet().statusProperty().get().startsWith("The time limit must be a number of seconds"), bad);
            assertTrue(vm.fleet().answers().isEmpty());
        }
    }
}
