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

    /** The selected site's cost model (what PlanningService computed for the cards). */
    static dev.clusterplanner.core.cost.SiteCost siteCost(PlanResultsViewModel vm) {
        return vm.resultProperty().get().sites().get(0).cost();
    }

    @Test
    void theCostChartIsTheCostModelsMonthlySeriesOfEveryOptionWithAllPrices() {
        PlanResultsViewModel vm = vm();
        var cost = siteCost(vm);
        var complete = cost.options().stream().filter(o -> o.complete()).toList();
        assertTrue(complete.size() >= 2, "the seed compares owned Meerkats with rented options: " + cost.options());
        assertEquals(complete.stream().map(o -> o.id()).toList(), vm.costSeries().stream().map(PlanResultsViewModel.CostSeries::optionId).toList());
        for (var o : complete) {
            PlanResultsViewModel.CostSeries s = vm.costSeries().stream().filter(x -> x.optionId().equals(o.id())).findFirst().orElseThrow();
            // month 0 is before anything is paid; month m is the cost model's cumulative cost at the end of month m
            assertEquals(new PlanResultsViewModel.CostPoint(0, 0), s.points().get(0));
            assertEquals(o.series().size() + 1, s.points().size());
            double running = 0;
            for (int m = 1; m < s.points().size(); m++) {
                assertEquals(m, s.points().get(m).month());
                assertEquals(o.series().get(m - 1).cumulativeUsd(), s.points().get(m).cumulativeUsd(), 1e-9, o.id() + " month " + m);
                running += o.series().get(m - 1).totalUsd();
                assertEquals(running, s.points().get(m).cumulativeUsd(), 0.01 * m, "cumulative = sum of the months so far");
            }
            assertEquals(o.tcoUsd(), s.points().get(s.points().size() - 1).cumulativeUsd(), 0.01, "the last month is the option's TCO");
        }
        // hand figure: three Meerkats at 1,000 USD each (catalogs/hardware/desktop.csv) are bought in month 1
        PlanResultsViewModel.CostSeries owned = vm.costSeries().stream().filter(x -> x.optionId().equals("owned:" + MEERKAT)).findFirst().orElseThrow();
        assertTrue(owned.at(1) >= 3 * 1000.0, "month 1 includes the purchase: " + owned.at(1));
        assertTrue(owned.recommended(), "the Meerkat card is recommended for the seed");
    }

    @Test
    void breakEvensAreTheCostModelsAndSitWhereTheDearerLineMeetsTheOther() {
        PlanResultsViewModel vm = vm();
        assertFalse(vm.breakEvens().isEmpty(), "owned Meerkats cost more at first than renting and less later: "
                + siteCost(vm).breakEvens());
        for (PlanResultsViewModel.BreakEven b : vm.breakEvens()) {
            PlanResultsViewModel.CostSeries dear = vm.costSeries().stream().filter(x -> x.optionId().equals(b.dearerFirstId())).findFirst().orElseThrow();
            PlanResultsViewModel.CostSeries other = vm.costSeries().stream().filter(x -> x.optionId().equals(b.otherId())).findFirst().orElseThrow();
            assertTrue(dear.recommended() || other.recommended(), "break-evens of the recommended option only: " + b);
            // the definition (CostEngine.breakEven): dearer in month 1, and the first month it is no longer dearer
            assertTrue(dear.at(1) > other.at(1), b.toString());
            assertTrue(dear.at(b.month()) <= other.at(b.month()) + 0.005, b.toString());
            if (b.month() > 1) {
                assertTrue(dear.at(b.month() - 1) > other.at(b.month() - 1), b.toString());
            }
            assertEquals(dear.at(b.month()), b.usd(), 1e-9, "the marker sits on the dearer option's line");
            assertTrue(b.describe().contains("month " + b.month()), b.describe());
        }
    }

    @Test
    void legendNamesKeepTheHardwareNameUpToItsFirstCommaAndTheTerm() {
        assertEquals("owned System76 Meerkat Tall (estimate)",
                CostCurves.chartName("owned System76 Meerkat Tall, i5, 32 GB, 500 GB + 4 TB SSD, extra 2.5 GbE (estimate)"));
        assertEquals("AWS lift-and-shift (1-year) (estimate)", CostCurves.chartName("AWS lift-and-shift (1-year) (estimate)"));
        assertEquals("bare-metal Hetzner AX52", CostCurves.chartName("bare-metal Hetzner AX52, Ryzen 7 7700"));
    }

    @Test
    void theBreakEvenSentenceNamesEachMonthAndTheOtherOption() {
        var owned = new PlanResultsViewModel.CostSeries("o", "owned Box, 1 TB", true, List.of(new PlanResultsViewModel.CostPoint(0, 0)));
        var aws = new PlanResultsViewModel.CostSeries("a", "AWS lift-and-shift (on-demand)", false, List.of(new PlanResultsViewModel.CostPoint(0, 0)));
        var be = new PlanResultsViewModel.BreakEven("o", "owned Box, 1 TB", "a", "AWS lift-and-shift (on-demand)", 8, 3193.68, "");
        assertEquals("Break-even of owned Box (recommended; marked on the chart, the point's tooltip has the figures): "
                + "month 8 against AWS lift-and-shift (on-demand).", CostCurves.breakEvenSummary(List.of(owned, aws), List.of(be)));
        assertEquals("The cumulative cost of owned Box (recommended) crosses no other option's within the horizon.",
                CostCurves.breakEvenSummary(List.of(owned, aws), List.of()));
    }

    @Test
    void aRecoveryShorterThanSixMinutesIsShownInMinutesNotAsZeroHours() {
        assertEquals("3.2 h after a host loss", PlanResultsViewModel.recovery(3.2));
        assertEquals("3 min after a host loss", PlanResultsViewModel.recovery(0.05 - 0.0001));   // 2.99 min
        assertEquals("< 1 min after a host loss", PlanResultsViewModel.recovery(0.01));          // 36 s
        assertEquals("n/a (no Ceph, or NIC speed unknown)", PlanResultsViewModel.recovery(Double.NaN));
    }

    @Test
    void anOptionThatDoesNotFitSaysWhyAndItsBadgeCountsTheFindingsTabsWarnings() {
        // a 100 GiB VM cannot fit a Meerkat (32 GiB, 24 GiB left after the reserves): no Meerkat count holds it
        document.edit("huge", p -> p.withSite(0, s -> {
            List<Workload> ws = new ArrayList<>(s.workloads());
            ws.add(Workload.of("huge", dev.clusterplanner.core.model.WorkloadKind.VM, 1, 2, 100, 10));
            return s.withWorkloads(ws);
        }));
        PlanResultsViewModel vm = vm();
        PlanResultsViewModel.OptionCard card = meerkat(vm);
        assertFalse(card.feasible());
        assertTrue(card.whyNot().contains("huge"), card.whyNot());
        assertFalse(card.whyNot().contains("unknown"), card.whyNot());
        vm.selectedProperty().set(card);
        long warningsInTab = vm.findings().stream().filter(f -> f.severity().atLeast(dev.clusterplanner.core.model.Severity.WARNING)).count();
        assertEquals(warningsInTab, card.findings());
        assertEquals(card.findings() > 0, !card.findingsBadge().isEmpty());
    }

    @Test
    void theChartMarksOnlyTheRecommendedCardsOption() {
        PlanResultsViewModel vm = vm();
        PlanResultsViewModel.OptionCard best = vm.cards().stream().filter(PlanResultsViewModel.OptionCard::recommended).findFirst().orElseThrow();
        List<PlanResultsViewModel.CostSeries> marked = vm.costSeries().stream().filter(PlanResultsViewModel.CostSeries::recommended).toList();
        if (best.scenario().cost() == null) {
            assertEquals(List.of(), marked);
            assertTrue(vm.notDrawnProperty().get().contains("recommended option"));
        } else {
            assertEquals(1, marked.size());
            assertEquals(best.scenario().cost().id(), marked.get(0).optionId());
        }
    }
}
