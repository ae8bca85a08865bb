package dev.clusterplanner.ui.catalog;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.UserCatalogService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's own hardware: a quote made from a catalog row, saved to the user's folder, still there after a restart. */
class HardwareFormViewModelTest {

    @TempDir
    Path userFolder;

    final PlanDocument document = new PlanDocument(SeedPlan.plan());
    int reloads;

    HardwareFormViewModel form(CatalogService catalogs) {
        return new HardwareFormViewModel(new UserCatalogService(catalogs), new SynchronousExecutor(), document, new SimpleIntegerProperty(0),
                () -> reloads++);
    }

    @Test
    void aQuoteMadeFromACatalogRowIsSavedMarkedAsTheUsersAndReloadedAfterARestart() throws Exception {
        CatalogService catalogs = new CatalogService(userFolder, Clock.systemDefaultZone());
        Catalog before = catalogs.load();
        Hardware meerkat = before.hardware(SeedPlan.MEERKAT).orElseThrow();
        HardwareFormViewModel vm = form(catalogs);
        vm.start(meerkat, HardwareFormViewModel.Mode.DUPLICATE);
        assertEquals(SeedPlan.MEERKAT + "-quote", vm.text(HardwareFormViewModel.Field.ID));
        assertEquals("Still needed: where the price comes from (a quote, an address).", vm.missing());
        assertEquals(Optional.empty(), vm.set(HardwareFormViewModel.Field.ID, "meerkat-acme-quote"));
        assertEquals(Optional.empty(), vm.set(HardwareFormViewModel.Field.PRICE, "899.50"));
        assertEquals(Optional.empty(), vm.set(HardwareFormViewModel.Field.SOURCE, "ACME Computers quote 2026-12-01, ref 4711"));
        assertEquals("", vm.missing());
        vm.save();
        assertTrue(vm.statusProperty().get().startsWith("Saved meerkat-acme-quote"), vm.statusProperty().get());
        assertEquals(1, reloads);
        assertTrue(Files.isRegularFile(userFolder.resolve("hardware").resolve(UserCatalogService.OWN_HARDWARE_FILE)));
        assertEquals(List.of(SeedPlan.MEERKAT, "meerkat-acme-quote"), document.plan().sites().get(0).hardware(), "a candidate at once");

        // a new session: a fresh catalog service reads the user's folder again
        Catalog after = new CatalogService(userFolder, Clock.systemDefaultZone()).load();
        Hardware mine = after.hardware("meerkat-acme-quote").orElseThrow();
        assertEquals(899.50, mine.priceUsd());
        assertEquals("ACME Computers quote 2026-12-01, ref 4711", mine.source());
        assertEquals(meerkat.memoryGib(), mine.memoryGib());
        assertTrue(after.isUserRow("meerkat-acme-quote"));
        assertTrue(new CatalogViewModel(new javafx.beans.property.SimpleObjectProperty<>(after), document).badges(mine).contains("yours"));
    }

    @Test
    void badValuesAreRefusedAsTypedAndNothingIsWritten() throws Exception {
        CatalogService catalogs = new CatalogService(userFolder, Clock.systemDefaultZone());
        Hardware meerkat = catalogs.load().hardware(SeedPlan.MEERKAT).orElseThrow();
        HardwareFormViewModel vm = form(catalogs);
        vm.start(meerkat, HardwareFormViewModel.Mode.DUPLICATE);
        assertEquals(Optional.of("Purchase price (USD) must be a number, got 'cheap'"), vm.validate(HardwareFormViewModel.Field.PRICE, "cheap"));
        assertEquals(Optional.of("Memory (GiB) must be more than 0, got 0"), vm.set(HardwareFormViewModel.Field.MEMORY, "0"));
        assertTrue(vm.validate(HardwareFormViewModel.Field.ID, "My Quote").orElseThrow().startsWith("The id is lower-case"));
        assertTrue(vm.validate(HardwareFormViewModel.Field.DATE, "2099-01-01").orElseThrow().contains("future"));
        vm.save();
        assertTrue(vm.statusProperty().get().startsWith("Still needed"), vm.statusProperty().get());
        assertFalse(Files.exists(userFolder.resolve("hardware")));
        assertEquals(0, reloads);
    }

    @Test
    void aRowWithoutAPriceIsGivenOneThatOverridesTheCatalogs() throws Exception {
        CatalogService catalogs = new CatalogService(userFolder, Clock.systemDefaultZone());
        Catalog shipped = catalogs.load();
        Hardware unpriced = shipped.hardware().stream().filter(h -> h.category().isOwned() && h.priceUsd() == null).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(unpriced != null, "the shipped catalog has an owned row without a price");
        HardwareFormViewModel vm = form(catalogs);
        vm.start(unpriced, HardwareFormViewModel.Mode.PRICE);
        assertTrue(vm.validate(HardwareFormViewModel.Field.ID, "other-id").isPresent(), "the id of a priced row stays");
        vm.set(HardwareFormViewModel.Field.PRICE, "2500");
        vm.set(HardwareFormViewModel.Field.SOURCE, "supplier quote");
        vm.makeCandidateProperty().set(false);
        // the CSV loader's own rule, reported in its words; nothing is written
        vm.set(HardwareFormViewModel.Field.ESTIMATE, "yes");
        vm.save();
        assertEquals("Not saved: an estimate must say 'estimate' in its source", vm.statusProperty().get());
        assertFalse(Files.exists(userFolder.resolve("hardware").resolve(UserCatalogService.OWN_HARDWARE_FILE)));
        vm.set(HardwareFormViewModel.Field.ESTIMATE, "no");
        vm.save();
        assertTrue(vm.statusProperty().get().startsWith("Saved " + unpriced.id()), vm.statusProperty().get());
        Catalog after = new CatalogService(userFolder, Clock.systemDefaultZone()).load();
        assertEquals(2500.0, after.hardware(unpriced.id()).orElseThrow().priceUsd());
        assertTrue(after.isOverride(unpriced.id()));
    }
}
