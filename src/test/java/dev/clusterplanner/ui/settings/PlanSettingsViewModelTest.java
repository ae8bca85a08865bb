package dev.clusterplanner.ui.settings;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import dev.clusterplanner.ui.plan.PlanResultsViewModel;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Settings area's view-model on {@link SeedPlan}: every edit checked, undoable, saved, and seen by the results.
 *
 * Hand arithmetic (PlanResultsViewModelTest): the seed needs 24.5 GiB; a Meerkat offers 24 GiB on hosts 1-3 (26 on the
 * fourth, no monitor). Tolerating one failure, 3 hosts leave 2 x 24 = 48 GiB: 3 hosts. Tolerating two, 3 hosts leave
 * one (24 < 24.5), 4 hosts leave two (48): 4 hosts.
 */
class PlanSettingsViewModelTest {

    static Catalog catalog;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
    }

    final PlanDocument document = new PlanDocument(SeedPlan.plan());
    final SimpleIntegerProperty site = new SimpleIntegerProperty(0);
    final PlanSettingsViewModel vm = new PlanSettingsViewModel(document, site, new SimpleStringProperty());
    final PlanResultsViewModel results = new PlanResultsViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
            new PlanningService(), site);

    PlanResultsViewModel.OptionCard meerkat() {
        return results.cards().stream().filter(c -> c.scenario().hardwareIds().equals(List.of(SeedPlan.MEERKAT))).findFirst().orElseThrow();
    }

    @Test
    void toleratingTwoFailuresNeedsAFourthHostAndUndoGoesBack() {
        assertEquals(3, meerkat().hosts());
        assertEquals(Optional.empty(), vm.commit(Setting.FAILURES, "2"));
        assertEquals(4, meerkat().hosts());
        assertEquals("Undo set host failures tolerated of production", document.undoTextProperty().get());
        document.undo();
        assertEquals(3, meerkat().hosts());
        assertEquals("1", vm.text(Setting.FAILURES));
    }

    @Test
    void aShorterHorizonChangesTheTotalCost() {
        assertEquals(5, meerkat().years());
        double five = meerkat().tcoUsd();
        vm.commit(Setting.YEARS, "3");
        assertEquals(3, meerkat().years());
        assertTrue(meerkat().tcoUsd() < five, meerkat().tcoUsd() + " < " + five);
        assertEquals(3, document.plan().cost().years());
    }

    @Test
    void aValueTheRulesRefuseSaysWhyInWordsAndChangesNothing() {
        Plan before = document.plan();
        assertEquals(Optional.of("Minimum hosts must be between 1 and 1000, got 0"), vm.validate(Setting.MIN_HOSTS, "0"));
        assertEquals(Optional.of("Horizon (years) must be a whole number, got 'five'"), vm.commit(Setting.YEARS, "five"));
        assertEquals(Optional.of("PUE is between 1.0 and 5 (total facility power / IT power), got 0.5"), vm.validate(Setting.PUE, "0.5"));
        assertTrue(vm.validate(Setting.PLAN_NAME, " ").orElseThrow().contains("needs a name"));
        assertSame(before, document.plan());
        assertFalse(document.isModified());
    }

    @Test
    void erasureCodingShowsKAndMInsteadOfReplicas() {
        assertEquals(StorageMode.CEPH, document.plan().sites().get(0).policy().storageMode());
        assertTrue(vm.applies(Setting.CEPH_SIZE));
        vm.commit(Setting.CEPH_PROTECTION, Setting.ERASURE);
        assertTrue(document.plan().sites().get(0).policy().ceph().isErasureCoded());
        assertFalse(vm.applies(Setting.CEPH_SIZE));
        assertTrue(vm.applies(Setting.CEPH_M));
        assertEquals(Optional.of("erasure coding needs at least one coding chunk (m >= 1), got 0"), vm.validate(Setting.CEPH_M, "0"));
        vm.commit(Setting.STORAGE_MODE, "local");
        assertFalse(vm.applies(Setting.CEPH_M));
    }

    @Test
    void sitesAreAddedDuplicatedRenamedAndRemovedButNotTheLast() {
        vm.duplicateSite();
        assertEquals(List.of("production", "production-copy"), document.plan().sites().stream().map(s -> s.name()).toList());
        assertEquals(1, site.get());
        assertEquals(document.plan().sites().get(0).workloads(), document.plan().sites().get(1).workloads());
        assertTrue(vm.validate(Setting.SITE_NAME, "production").orElseThrow().contains("used twice"));
        vm.commit(Setting.SITE_NAME, "uat");
        vm.commit(Setting.SITE_KIND, "single-server");
        assertEquals("uat", document.plan().sites().get(1).name());
        vm.addSite();
        assertEquals(3, document.plan().sites().size());
        assertEquals(2, site.get());
        assertEquals(Optional.empty(), vm.removeSite());
        assertEquals(Optional.empty(), vm.removeSite());
        assertTrue(vm.removeSite().orElseThrow().contains("at least one site"));
        assertEquals(List.of("production"), document.plan().sites().stream().map(s -> s.name()).toList());
    }

    @Test
    void everySettingIsSavedInThePlanFile(@TempDir Path dir) throws Exception {
        vm.commit(Setting.PLAN_NAME, "Three Supermicro servers");
        vm.commit(Setting.PLAN_DESCRIPTION, "for the office");
        vm.commit(Setting.DISCOUNT, "7.5");
        vm.commit(Setting.AWS_COMMITMENT, "3-year");
        vm.commit(Setting.OVERCOMMIT_VMS, "3");
        vm.commit(Setting.DATA_CENTRE, Setting.OFFICE);
        vm.commit(Setting.ELECTRICITY, "0.31");
        assertEquals("Three Supermicro servers", results.resultProperty().get().plan(), "the report's title follows the plan name");
        Path file = dir.resolve("p.plan.json");
        new PlanService().save(document.plan(), file);
        Plan read = new PlanService().open(file);
        assertEquals(document.plan(), read);
        assertEquals(0.31, read.sites().get(0).facility().electricityUsdPerKwh());
        assertEquals(1.0, read.sites().get(0).facility().pue());
    }
}
