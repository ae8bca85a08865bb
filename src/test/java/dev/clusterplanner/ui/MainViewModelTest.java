package dev.clusterplanner.ui;

import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's state and file actions, without the toolkit (synchronous executor, scripted dialogs). */
class MainViewModelTest {

    @TempDir
    Path dir;
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    MainViewModel vm() {
        return new MainViewModel(TestContexts.synchronous(dir, dialogs));
    }

    Path writePlan(String name, Plan plan) throws Exception {
        Path file = dir.resolve(name);
        new PlanService().save(plan, file);
        return file;
    }

    @Test
    void aMalformedPlanIsReportedWithItsLineAndThePreviousPlanStaysOpen() throws Exception {
        MainViewModel vm = vm();
        Plan before = vm.planProperty().get();
        Path bad = dir.resolve("bad.plan.json");
        Files.writeString(bad, "{\n  \"format\": 1,\n  \"name\": \"broken\",\n  \"sites\": [ { \"name\": \"x\", \"kind\": \"spaceship\" } ]\n}\n");
        dialogs.filesToOpen.add(bad);
        vm.open();
        assertSame(before, vm.planProperty().get());
        Problem p = vm.problemProperty().get();
        assertNotNull(p);
        assertTrue(p.headline().startsWith("Could not open bad.plan.json"), p.headline());
        // the site kind is on line 4 of the file
        assertTrue(p.details().stream().anyMatch(d -> d.contains("bad.plan.json:4") && d.contains("spaceship")), p.details().toString());
        assertNull(vm.document().file());
        assertTrue(vm.recentFiles().isEmpty(), "a file that did not open is not a recent file");
    }

    @Test
    void savingThenOpeningRoundTripsThePlanAndRemembersTheFile() throws Exception {
        MainViewModel vm = vm();
        vm.document().edit("rename", p -> p.withName("Renamed plan"));
        assertTrue(vm.titleProperty().get().startsWith("*Renamed plan"));
        dialogs.filesToSave.add(dir.resolve("mine"));
        assertTrue(vm.save(), "no file yet: save asks where");
        Path saved = dir.resolve("mine" + MainViewModel.PLAN_EXTENSION);
        assertTrue(Files.isRegularFile(saved), "the extension is added");
        assertFalse(vm.document().isModified());
        assertEquals("Renamed plan (mine.plan.json) - Cluster Planner", vm.titleProperty().get());

        MainViewModel second = new MainViewModel(TestContexts.synchronous(dir, dialogs, vm.settings()));
        second.openFile(saved);
        assertEquals("Renamed plan", second.planProperty().get().name());
        assertEquals(List.of(saved.toAbsolutePath()), second.recentFiles());
        assertEquals(saved.toAbsolutePath().toString(), vm.settings().get(MainViewModel.LAST_PLAN));
    }

    @Test
    void recentFilesAreMostRecentFirstWithoutDuplicatesAndAtMostEight() throws Exception {
        MainViewModel vm = vm();
        Plan plan = vm.planProperty().get();
        for (int i = 0; i < 10; i++) {
            vm.openFile(writePlan("p" + i + ".plan.json", plan));
        }
        vm.openFile(dir.resolve("p5.plan.json"));
        assertEquals(UserSettings.MAX_RECENT, vm.recentFiles().size());
        assertEquals(dir.resolve("p5.plan.json").toAbsolutePath(), vm.recentFiles().get(0));
        assertEquals(dir.resolve("p9.plan.json").toAbsolutePath(), vm.recentFiles().get(1));
        assertEquals(1, vm.recentFiles().stream().filter(p -> p.endsWith("p5.plan.json")).count());
        // settings keep the same list for the next run
        assertEquals(vm.recentFiles(), vm.settings().recentFiles());
    }

    @Test
    void cancellingTheUnsavedChangesPromptKeepsTheEditedPlan() throws Exception {
        MainViewModel vm = vm();
        vm.document().edit("rename", p -> p.withName("edited"));
        dialogs.saveChoices.add(DialogService.SaveChoice.CANCEL);
        vm.newPlan();
        assertEquals("edited", vm.planProperty().get().name());
        assertEquals(List.of("save changes to edited"), dialogs.asked);
    }

    @Test
    void discardingUnsavedChangesOpensTheOtherPlan() throws Exception {
        MainViewModel vm = vm();
        Path other = writePlan("other.plan.json", ExamplePlans.defaultPlan().withName("other"));
        vm.document().edit("rename", p -> p.withName("edited"));
        dialogs.saveChoices.add(DialogService.SaveChoice.DISCARD);
        vm.openFile(other);
        assertEquals("other", vm.planProperty().get().name());
        assertFalse(vm.document().isModified());
    }

    @Test
    void choosingSaveInThePromptWritesThePlanBeforeGoingOn() throws Exception {
        MainViewModel vm = vm();
        Path file = writePlan("kept.plan.json", vm.planProperty().get());
        vm.openFile(file);
        vm.document().edit("rename", p -> p.withName("edited and saved"));
        dialogs.saveChoices.add(DialogService.SaveChoice.SAVE);
        vm.newPlan();
        assertEquals("Untitled plan", vm.planProperty().get().name());
        assertEquals("edited and saved", new PlanService().open(file).name());
    }

    @Test
    void anExitWithoutUnsavedChangesAsksNothing() {
        MainViewModel vm = vm();
        assertTrue(vm.requestExit());
        assertTrue(dialogs.asked.isEmpty());
    }

    @Test
    void autosavedChangesAreOfferedBackAfterACrashAndGoneAfterACleanExit() throws Exception {
        MainViewModel vm = vm();
        Path file = writePlan("work.plan.json", vm.planProperty().get());
        vm.openFile(file);
        vm.document().edit("rename", p -> p.withName("unsaved work"));
        vm.autosaveTick();
        // the process dies here: no requestExit. The next session finds the autosave.
        MainViewModel next = new MainViewModel(TestContexts.synchronous(dir, dialogs));
        next.start(false);
        Autosave.Recovery offered = next.recoveryProperty().get();
        assertNotNull(offered);
        assertEquals("unsaved work", offered.plan().name());
        assertEquals(file.toAbsolutePath(), offered.origin());
        next.recover();
        assertEquals("unsaved work", next.planProperty().get().name());
        assertTrue(next.document().isModified(), "recovered changes are still unsaved");
        assertEquals(file.toAbsolutePath(), next.document().file());

        dialogs.saveChoices.add(DialogService.SaveChoice.DISCARD);
        assertTrue(next.requestExit());
        MainViewModel third = new MainViewModel(TestContexts.synchronous(dir, dialogs));
        third.start(false);
        assertNull(third.recoveryProperty().get(), "a clean exit leaves nothing to recover");
    }

    @Test
    void autosaveWritesNothingWhenThereAreNoUnsavedChanges() {
        MainViewModel vm = vm();
        vm.autosaveTick();
        assertFalse(Files.exists(vm.autosaveStore().planFile()));
    }

    @Test
    void theLastPlanIsReopenedAtStart() throws Exception {
        MainViewModel vm = vm();
        Path file = writePlan("last.plan.json", ExamplePlans.defaultPlan().withName("the last one"));
        vm.openFile(file);
        MainViewModel next = new MainViewModel(TestContexts.synchronous(dir, dialogs, vm.settings()));
        next.start(true);
        assertEquals("the last one", next.planProperty().get().name());
    }

    @Test
    void csvExportWritesTheCostTablesAndOpensTheirFolder() throws Exception {
        MainViewModel vm = new MainViewModel(TestContexts.synchronous(dir, dialogs), SeedPlan.plan());
        vm.loadCatalogs();
        Path target = dir.resolve("out").resolve("seed");
        java.nio.file.Files.createDirectories(target.getParent());
        dialogs.filesToSave.add(target);
        vm.exportCsv();
        Path csv = dir.resolve("out").resolve("seed.csv");
        assertTrue(Files.isRegularFile(csv), vm.statusProperty().get());
        assertTrue(Files.readString(csv).contains(SeedPlan.MEERKAT));
        assertTrue(vm.statusProperty().get().startsWith("Wrote "), vm.statusProperty().get());
        assertEquals(List.of(csv.getParent().toAbsolutePath()), dialogs.openedFolders);
    }

    @Test
    void exportingThePdfWritesAReportOfThePlanAndOpensTheFolder() throws Exception {
        MainViewModel vm = new MainViewModel(TestContexts.synchronous(dir, dialogs), SeedPlan.plan());
        vm.loadCatalogs();
        Path target = dir.resolve("pdf-out").resolve("seed");
        java.nio.file.Files.createDirectories(target.getParent());
        dialogs.filesToSave.add(target);
        vm.exportPdf();
        Path pdf = dir.resolve("pdf-out").resolve("seed.pdf");
        assertTrue(Files.isRegularFile(pdf), vm.statusProperty().get());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(vm.statusProperty().get().startsWith("Wrote seed.pdf ("), vm.statusProperty().get());
        assertEquals(List.of(pdf.getParent().toAbsolutePath()), dialogs.openedFolders);
    }

    @Test
    void withoutResultsThereIsNoPdfToExport() {
        MainViewModel vm = vm();
        vm.exportPdf();
        assertEquals("Nothing to export yet", vm.problemProperty().get().headline());
        assertTrue(dialogs.asked.isEmpty());
    }

    @Test
    void withoutResultsThereIsNothingToExportAndNoFileIsAskedFor() {
        MainViewModel vm = vm(); // catalogs not loaded: nothing sized
        vm.exportCsv();
        assertEquals("Nothing to export yet", vm.problemProperty().get().headline());
        assertTrue(dialogs.asked.isEmpty());
    }

    @Test
    void theThemeChoiceIsRemembered() {
        MainViewModel vm = vm();
        assertFalse(vm.darkThemeProperty().get());
        vm.toggleTheme();
        MainViewModel next = new MainViewModel(TestContexts.synchronous(dir, dialogs, vm.settings()));
        assertTrue(next.darkThemeProperty().get());
    }

    @Test
    void aPlanImportedFromTheLiveClusterAsksAboutUnsavedChangesAndOpensUnsaved() {
        MainViewModel vm = vm();
        vm.document().edit("rename", p -> p.withName("edited"));
        Plan live = SeedPlan.plan().withName("Live node1 2026-11-25");
        dialogs.saveChoices.add(DialogService.SaveChoice.CANCEL);
        assertFalse(vm.openImportedPlan(live));
        assertEquals("edited", vm.planProperty().get().name(), "cancel keeps the open plan");

        dialogs.saveChoices.add(DialogService.SaveChoice.DISCARD);
        assertTrue(vm.openImportedPlan(live));
        assertSame(live, vm.planProperty().get());
        assertNull(vm.document().file(), "not tied to a file: saving asks where");
        assertTrue(vm.document().isModified(), "an imported plan is unsaved");
        assertEquals(List.of("save changes to edited", "save changes to edited"), dialogs.asked);
    }
}
