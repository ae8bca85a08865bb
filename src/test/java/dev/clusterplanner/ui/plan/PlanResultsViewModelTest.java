package dev.clusterplanner.ui.plan;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Plan & compare view-model on {@link SeedPlan} and the shipped catalog, without the toolkit.
 *
 * Hand arithmetic for the seed (README "Sizing" capacity model, Meerkat: 12 threads, 32 GiB, one data disk as a Ceph OSD):
 * memory per host = 32 - 2 reserve - 4 OSD - 2 mon/mgr = 24 GiB on hosts 1-3.
 * Seed memory demand = postgres 2 x (6 + 0.25 VM overhead) + app 4 x 2 + proxy 2 x 1 + monitoring 2 = 24.5 GiB:
 * two survivors of one failure hold 48 GiB, so the minimum of 3 hosts is enough.
 * With 20 app instances: 12.5 + 40 + 2 + 2 = 56.5 GiB; two survivors (48) are not enough, three (72) are: 4 hosts.
 */
class PlanResultsViewModelTest {

    static Catalog catalog;

    @BeforeAll
    static void loadCatalog() throws Exception {
        catalog = new CatalogService().load();
    }

    final PlanDocument document = new PlanDocument(SeedPlan.plan());
    final SimpleObjectProperty<Catalog> catalogProperty = new SimpleObjectProperty<>(catalog);

    PlanResultsViewModel vm() {
        return new PlanResultsViewModel(document, catalogProperty, new SynchronousExecutor(), new PlanningService(), new SimpleIntegerProperty(0));
    }

    static final String MEERKAT = SeedPlan.MEERKAT;

    /** The card of the homogeneous Meerkat option (the seed also compares rented options). */
    static PlanResultsViewModel.OptionCard meerkat(PlanResultsViewModel vm) {
        return vm.cards().stream().filter(c -> c.scenario().hardwareIds().equals(List.of(MEERKAT))).findFirst()
                .orElseThrow(() -> new AssertionError("no Meerkat card: " + vm.cards() + " " + vm.stateProperty().get()));
    }

    void setAppCount(int n) {
        document.edit("app count", p -> p.withSite(0, s -> {
            List<Workload> ws = new ArrayList<>(s.workloads());
            ws.replaceAll(w -> w.name().equals("app") ? w.withCount(n) : w);
            return s.withWorkloads(ws);
        }));
    }

    @Test
    void theSeedNeedsThreeMeerkatsAndTwentyAppInstancesNeedFour() {
        PlanResultsViewModel vm = vm();
        PlanResultsViewModel.OptionCard card = meerkat(vm);
        assertTrue(card.feasible());
        assertEquals(3, card.hosts());
        // 3 x 1,000 USD (the seed's Meerkat price)
        assertEquals(3000.0, card.capexUsd(), 0.001);
        setAppCount(20);
        assertEquals(4, meerkat(vm).hosts());
        assertEquals(4000.0, meerkat(vm).capexUsd(), 0.001);
        document.undo();
        assertEquals(3, meerkat(vm).hosts());
    }

    @Test
    void thePlacementListsEveryInstanceOnItsHost() {
        PlanResultsViewModel vm = vm();
        vm.selectedProperty().set(meerkat(vm));
        assertEquals(3, vm.placement().size());
        // 2 postgres + 4 app + 2 proxy + 1 monitoring
        assertEquals(9, vm.placement().stream().mapToInt(PlanResultsViewModel.HostRow::instances).sum());
        assertFalse(vm.explanations().isEmpty(), "the formulas behind the numbers are there on demand");
    }

    @Test
    void failingAHostReplacesItsInstancesOnTheOthers() {
        PlanResultsViewModel vm = vm();
        vm.selectedProperty().set(meerkat(vm));
        String host = vm.hostNames().get(0);
        vm.failedHostProperty().set(host);
        assertTrue(vm.whatIfProperty().get().startsWith("If " + host + " fails, everything still fits"), vm.whatIfProperty().get());
        assertEquals(2, vm.whatIfPlacement().size());
        assertEquals(9, vm.whatIfPlacement().stream().mapToInt(PlanResultsViewModel.HostRow::instances).sum());
    }

    @Test
    void aCandidateMissingFromTheCatalogIsReportedNotSized() {
        PlanResultsViewModel vm = vm();
        document.edit("bad id", p -> p.withSite(0, s -> s.withHardware(List.of("no-such-box"))));
        assertNull(vm.resultProperty().get());
        assertTrue(vm.sizingProblemProperty().get().text().contains("no-such-box"), vm.sizingProblemProperty().get().text());
        assertTrue(vm.cards().isEmpty());
    }

    @Test
    void nothingIsComputedBeforeTheCatalogArrives() {
        catalogProperty.set(Catalog.EMPTY);
        PlanResultsViewModel vm = vm();
        assertEquals("Waiting for the catalogs", vm.stateProperty().get());
        catalogProperty.set(catalog);
        assertEquals(3, meerkat(vm).hosts());
    }

    @Test
    void breakEvenIsWhereTwoStraightCostLinesCross() {
        // owned: 3,000 up front + 20/month; rented: 0 up front + 170/month. 3,000 + 20 m = 170 m  =>  m = 3,000 / 150 = 20
        PlanResultsViewModel.CostSeries owned = new PlanResultsViewModel.CostSeries("owned", 3000, 20, 60);
        PlanResultsViewModel.CostSeries rented = new PlanResultsViewModel.CostSeries("rented", 0, 170, 60);
        List<PlanResultsViewModel.BreakEven> b = PlanResultsViewModel.breakEvens(List.of(owned, rented));
        assertEquals(1, b.size());
        assertEquals("owned", b.get(0).cheaper());
        assertEquals(20.0, b.get(0).month(), 1e-9);
        assertEquals(3400.0, b.get(0).usd(), 1e-9); // 3,000 + 20 x 20
        // lines that cross after the horizon (month 300) are not a break-even within it
        assertTrue(PlanResultsViewModel.breakEvens(List.of(owned, new PlanResultsViewModel.CostSeries("r", 0, 30, 60))).isEmpty());
    }
}
