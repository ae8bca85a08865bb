package dev.clusterplanner.ui.settings;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import dev.clusterplanner.ui.plan.PlanResultsViewModel;
import dev.clusterplanner.ui.settings.StockLimitsViewModel.Draft;
import dev.clusterplanner.ui.settings.StockLimitsViewModel.Limit;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stock-limits form's rules, and the Plan area's options honouring a limit the form sets. */
class StockLimitsViewModelTest {

    static Catalog catalog;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
    }

    final PlanDocument document = new PlanDocument(SeedPlan.plan());
    final SimpleIntegerProperty site = new SimpleIntegerProperty(0);
    final SimpleStringProperty status = new SimpleStringProperty();
    final StockLimitsViewModel vm = new StockLimitsViewModel(document, site, new SimpleObjectProperty<>(catalog), status);

    Map<String, Integer> available() {
        return document.plan().sites().get(0).available();
    }

    String countProblem(String typed) {
        return vm.problems(new Draft(SeedPlan.MEERKAT, typed), -1).get(StockLimitsViewModel.MOST);
    }

    @Test
    void theChoicesAreTheSiteCandidatesAndALimitReadsInPlainWords() {
        assertEquals(List.of(SeedPlan.MEERKAT), vm.hardwareChoices());
        assertEquals("rack-a: at most 4 hosts", StockLimitsViewModel.describe(new Limit("rack-a", 4)));
        assertEquals("rack-a: at most 1 host", StockLimitsViewModel.describe(new Limit("rack-a", 1)));
        assertEquals("rack-a: none (at most 0 hosts)", StockLimitsViewModel.describe(new Limit("rack-a", 0)));
        assertEquals(SeedPlan.MEERKAT + ": at most 2 hosts (the catalog: no limit)", vm.line(new Limit(SeedPlan.MEERKAT, 2)));
    }

    @Test
    void zeroToOneThousandIsAcceptedAndEverythingElseIsRefusedWithAReason() {
        assertTrue(vm.problems(new Draft(SeedPlan.MEERKAT, "0"), -1).isEmpty(), "0: the site may use none of the row");
        assertTrue(vm.problems(new Draft(SeedPlan.MEERKAT, "1000"), -1).isEmpty());
        assertTrue(vm.problems(new Draft(SeedPlan.MEERKAT, "1,000"), -1).isEmpty(), "a thousands separator is read");
        assertEquals("The most hosts cannot be below 0 (0: this site may use none of this row).", countProblem("-1"));
        assertEquals("The most hosts must be a whole number of hosts (not 2.5).", countProblem("2.5"));
        assertEquals("The most hosts can be at most 1,000.", countProblem("1001"));
        assertEquals("The most hosts can be at most 1,000.", countProblem("99999999999999999999"), "no overflow");
        assertEquals("The most hosts must be a whole number from 0 to 1,000, like 4.", countProblem("four"));
        assertEquals("Type the most hosts this site may use: a whole number from 0 to 1,000.", countProblem(" "));
        assertEquals("Choose the hardware the limit is for.", vm.problems(new Draft(null, "2"), -1).get(StockLimitsViewModel.HARDWARE));
        assertEquals("'desktop-nope' is not in the catalog.", vm.problems(new Draft("desktop-nope", "2"), -1).get(StockLimitsViewModel.HARDWARE));

        assertEquals(Optional.of("The most hosts must be a whole number of hosts (not 2.5)."), vm.add(new Draft(SeedPlan.MEERKAT, "2.5")));
        assertTrue(available().isEmpty(), "nothing is saved while the count is wrong");
        assertEquals("Stock limit not saved: The most hosts must be a whole number of hosts (not 2.5).", status.get());
        assertFalse(document.canUndoProperty().get(), "a refused value is no edit");
    }

    @Test
    void addChangeAndRemoveAreEachOneUndoableEdit() {
        assertEquals(Optional.empty(), vm.add(new Draft(SeedPlan.MEERKAT, "0")));
        assertEquals(Map.of(SeedPlan.MEERKAT, 0), available());
        assertEquals(List.of(new Limit(SeedPlan.MEERKAT, 0)), vm.rows());
        assertEquals("Undo add stock limit " + SeedPlan.MEERKAT + ": none (at most 0 hosts)", document.undoTextProperty().get());

        assertEquals(Optional.of("'" + SeedPlan.MEERKAT + "' already has a limit: select it in the list and use Change selected."),
                vm.add(new Draft(SeedPlan.MEERKAT, "4")));
        assertTrue(vm.problemsAsTyped(new Draft(SeedPlan.MEERKAT, "4"), 0).isEmpty(), "typing over the selected limit is a change of it");

        assertEquals(Optional.empty(), vm.update(0, new Draft(SeedPlan.MEERKAT, "4")));
        assertEquals(Map.of(SeedPlan.MEERKAT, 4), available());
        document.undo();
        assertEquals(Map.of(SeedPlan.MEERKAT, 0), available(), "undo takes back the change only");
        document.redo();
        assertEquals(Map.of(SeedPlan.MEERKAT, 4), available());

        assertEquals(Optional.empty(), vm.remove(0));
        assertTrue(available().isEmpty());
        assertTrue(vm.rows().isEmpty());
        document.undo();
        assertEquals(Map.of(SeedPlan.MEERKAT, 4), available(), "undo brings the removed limit back");
        assertEquals(Optional.of("Select the stock limit to remove first."), vm.remove(3));
        assertEquals(Optional.of("Select the stock limit to change first."), vm.update(-1, new Draft(SeedPlan.MEERKAT, "1")));
    }

    @Test
    void aLimitBelowWhatTheOptionNeedsMakesItShortOfStockAndUndoRestoresIt() {
        PlanResultsViewModel results = new PlanResultsViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
                new PlanningService(), site);
        // the seed needs 3 Meerkats: 24.5 GiB fits on fewer, but the policy minimum of a Ceph cluster is 3 hosts
        PlanResultsViewModel.OptionCard before = results.cards().get(0);
        assertEquals(3, before.hosts());
        assertTrue(before.recommended());

        assertEquals(Optional.empty(), vm.add(new Draft(SeedPlan.MEERKAT, "2")));
        PlanResultsViewModel.OptionCard limited = results.cards().get(0);
        assertFalse(limited.feasible(), "3 hosts needed, 2 may be used");
        assertFalse(limited.recommended());
        assertTrue(limited.explanation().startsWith("needs 3 hosts; 2 in stock"), limited.explanation());

        assertEquals(Optional.empty(), vm.update(0, new Draft(SeedPlan.MEERKAT, "3")));
        assertTrue(results.cards().get(0).feasible(), "a limit of exactly what it needs still fits");

        document.undo();
        document.undo();
        assertTrue(results.cards().get(0).recommended(), "undo restores the option");
        assertFalse(results.cards().get(0).explanation().contains("in stock"));
    }
}
