package dev.clusterplanner.ui.catalog;

import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.ui.PlanDocument;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Catalog filtering and details, on a small hand-made catalog (figures are test data, not catalog claims). */
class CatalogViewModelTest {

    static Hardware hw(String id, HardwareCategory cat, String cpu, Double price, Double monthly, boolean estimate) {
        return new Hardware(id, id + " name", cat, "Vendor " + id, cpu, 1, 8, 16, 3.0, 1.0, 64, price, monthly, null, 0,
                500, 1, 2000, DiskType.NVME, 2, 10, null, 0, 0, 0, cat.isOwned() ? 1 : 0, 20.0, null, null,
                "https://example.test/" + id, LocalDate.of(2026, 7, 14), estimate);
    }

    final Hardware desktop = hw("desk", HardwareCategory.DESKTOP, "Intel Core i5", 1000.0, null, false);
    final Hardware rack = hw("rack", HardwareCategory.RACK, "AMD EPYC 8224P", 5000.0, null, true);
    final Hardware metal = hw("metal", HardwareCategory.BAREMETAL_CLOUD, "AMD EPYC 4244P", null, 150.0, false);
    final Hardware unknown = hw("mystery", HardwareCategory.RACK, "AMD EPYC", null, null, false);
    final SimpleObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(
            new Catalog(List.of(desktop, rack, metal, unknown), List.of(), List.of(), Set.of("rack")));
    final PlanDocument document = new PlanDocument(ExamplePlans.defaultPlan());
    final CatalogViewModel vm = new CatalogViewModel(catalog, document);

    @Test
    void filtersCombineCategoryTextAndPrice() {
        assertEquals(4, vm.shown().size());
        vm.categoryProperty().set(HardwareCategory.RACK);
        assertEquals(List.of(rack, unknown), List.copyOf(vm.shown()));
        vm.textProperty().set("8224");
        assertEquals(List.of(rack), List.copyOf(vm.shown()));
        vm.categoryProperty().set(null);
        vm.textProperty().set("epyc");
        assertEquals(List.of(rack, metal, unknown), List.copyOf(vm.shown()));
        // owned hardware compares its purchase price, rented its monthly rate: 150/month is within 100..2000
        vm.textProperty().set("");
        vm.minPriceProperty().set("100");
        vm.maxPriceProperty().set("2,000");
        assertEquals(List.of(desktop, metal), List.copyOf(vm.shown()));
    }

    @Test
    void aPriceBoundHidesRowsWithAnUnknownPriceAndSaysSo() {
        vm.maxPriceProperty().set("100000");
        assertFalse(vm.shown().contains(unknown));
        assertEquals("3 of 4 shown (1 with an unknown price are hidden by the price range)", vm.summaryProperty().get());
    }

    @Test
    void aPriceBoundThatIsNotANumberIsReportedAndIgnored() {
        vm.minPriceProperty().set("cheap");
        assertEquals("the minimum price 'cheap' is not a number", vm.filterProblemProperty().get());
        assertEquals(4, vm.shown().size());
    }

    @Test
    void detailsShowTheSourceThePriceAgeAndWhatIsUnknown() {
        List<CatalogViewModel.Detail> d = vm.details(metal);
        assertTrue(d.contains(new CatalogViewModel.Detail("Source", "https://example.test/metal")));
        assertTrue(d.contains(new CatalogViewModel.Detail("Price age", "price from 2026-07")));
        assertTrue(d.contains(new CatalogViewModel.Detail("Purchase price", "unknown")));
        assertTrue(d.contains(new CatalogViewModel.Detail("Monthly rate", "150.00 USD/month")));
        assertEquals("150 USD/month", CatalogViewModel.priceText(metal));
        assertEquals("unknown", CatalogViewModel.priceText(unknown));
    }

    @Test
    void badgesMarkEstimatesAndOverrides() {
        assertEquals(List.of("estimate", "override"), vm.badges(rack));
        assertEquals(List.of(), vm.badges(desktop));
    }

    @Test
    void aRowWithLimitedStockShowsItInItsBadgesAndDetails() {
        var limited = desktop.withAvailable(4);
        assertEquals(List.of("4 in stock"), vm.badges(limited));
        assertTrue(vm.details(limited).stream().anyMatch(d -> d.label().equals("In stock") && d.value().startsWith("4 ")));
        assertTrue(vm.details(desktop).stream().noneMatch(d -> d.label().equals("In stock")));
    }

    @Test
    void theSelectedRowBecomesACandidateOfTheSiteOnceAndUndoably() {
        List<String> before = document.plan().sites().get(0).hardware();
        vm.selectedProperty().set(rack);
        assertTrue(vm.addSelectedAsCandidate());
        assertFalse(vm.addSelectedAsCandidate(), "already a candidate");
        List<String> expected = new java.util.ArrayList<>(before);
        expected.add("rack");
        assertEquals(expected, document.plan().sites().get(0).hardware());
        document.undo();
        assertEquals(before, document.plan().sites().get(0).hardware());
    }

    @Test
    void theTableFollowsANewlyLoadedCatalog() {
        catalog.set(Catalog.ofHardware(List.of(desktop)));
        assertEquals(List.of(desktop), List.copyOf(vm.shown()));
    }
}
