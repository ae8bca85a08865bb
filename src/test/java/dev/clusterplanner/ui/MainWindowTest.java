package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, driven headless (Monocle) with the real background executor; only the file choosers are scripted.
 * Waits are generous because the build machine is shared (they return as soon as the condition holds).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    MainViewModel viewModel;
    ScriptedDialogs dialogs;
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("cp-window");
        dialogs = new ScriptedDialogs();
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(), new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(), UserSettings.inMemory(),
                dialogs, dir.resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx);
        MainView view = new MainView(viewModel);
        Scene scene = new Scene(view.root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    @Test
    void mainWindowShowsMenusAreasAndStatusBar(FxRobot robot) {
        MenuBar menuBar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals(java.util.List.of("File", "Edit", "View", "Help"),
                menuBar.getMenus().stream().map(m -> m.getText().replace("_", "")).toList());
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals(java.util.List.of("planAreaTab", "workloadsAreaTab", "catalogAreaTab", "riskAreaTab", "liveAreaTab", "settingsAreaTab"),
                tabs.getTabs().stream().map(t -> t.getId()).toList());
        assertTrue(robot.lookup("#statusBar").tryQuery().isPresent());
    }

    @Test
    void opensOnTheDefaultExamplePlanNotAnEmptyScreen(FxRobot robot) {
        assertTrue(viewModel.planProperty().get().sites().get(0).instanceCount() > 0);
        assertTrue(viewModel.titleProperty().getValue().startsWith("Three-host System76 Meerkat"));
    }

    @Test
    void aMalformedPlanShowsItsErrorAndThePreviousPlanStaysOpen(FxRobot robot) throws Exception {
        Plan before = viewModel.planProperty().get();
        Path bad = dir.resolve("broken.plan.json");
        Files.writeString(bad, "{\n  \"format\": 1,\n  \"name\": \"broken\",\n  \"sites\": [ { \"name\": \"x\", \"kind\": \"spaceship\",\n"
                + "    \"hardware\": [], \"workloads\": [] } ]\n}\n");
        dialogs.filesToOpen.add(bad);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#problemBanner").query().isVisible());
        String headline = robot.lookup("#problemHeadline").queryAs(Label.class).getText();
        String details = robot.lookup("#problemDetails").queryAs(Label.class).getText();
        assertTrue(headline.startsWith("Could not open broken.plan.json"), headline);
        assertTrue(details.contains("broken.plan.json:4") && details.contains("spaceship"), details);
        assertSame(before, viewModel.planProperty().get());
        assertTrue(robot.lookup("#statusText").queryAs(Label.class).getText().contains("previous plan is still open"));
        robot.clickOn("#dismissProblem");
        assertTrue(!robot.lookup("#problemBanner").query().isVisible());
    }

    /** The text of the "N hosts" label on the card of the given hardware option, once the results are in. */
    static String hostsOn(FxRobot robot, String hardwareId) {
        return OnFx.get(() -> robot.lookup(n -> ("hosts-" + hardwareId).equals(n.getId())).tryQueryAs(Label.class).map(Label::getText).orElse(""));
    }

    @Test
    void changingAWorkloadCountChangesTheHostCountOnThePlanCards(FxRobot robot) throws Exception {
        // hand arithmetic in PlanResultsViewModelTest: the seed needs 3 Meerkats, 20 app instances need 4
        robot.interact(() -> viewModel.document().replace(SeedPlan.plan(), null, true));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> hostsOn(robot, "desktop-meerkat-tall-i5").equals("3 hosts"));
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        TableView<?> table = robot.lookup("#workloadsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(1)); // app, 4 instances
        typeInto(robot, "#field-count", "20");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertTrue(robot.lookup("#planArea").query().isVisible(), "Ctrl+1 shows the plan area");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> hostsOn(robot, "desktop-meerkat-tall-i5").equals("4 hosts"));
        assertTrue(robot.lookup("#planState").queryAs(Label.class).getText().startsWith("Up to date"));
    }

    @Test
    void aSimulationRunsToItsHistogramAndALongOneCanBeCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.document().replace(SeedPlan.plan(), null, true));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.catalogProperty().get().hardware().isEmpty());
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(3));
        robot.interact(() -> viewModel.risk().trialsProperty().set(1000));
        robot.clickOn("#runSimulation");
        Label status = robot.lookup("#simulationStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> status.getText().startsWith("1,000 trials per site"));
        javafx.scene.chart.BarChart<?, ?> histogram = robot.lookup("#costHistogram").queryAs(javafx.scene.chart.BarChart.class);
        int trials = histogram.getData().get(0).getData().stream().mapToInt(d -> ((Number) d.getYValue()).intValue()).sum();
        assertEquals(1000, trials, "every trial is in one bar");

        robot.interact(() -> viewModel.risk().trialsProperty().set(5_000_000));
        robot.clickOn("#runSimulation");
        javafx.scene.control.Button cancel = robot.lookup("#cancelSimulation").queryAs(javafx.scene.control.Button.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !cancel.isDisabled());
        robot.clickOn("#cancelSimulation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cancelled; the results shown are from the previous run", status.getText());
        assertTrue(!robot.lookup("#runSimulation").queryAs(javafx.scene.control.Button.class).isDisabled(), "Run is available again");
        assertEquals(1000, viewModel.risk().histogram().stream().mapToInt(dev.clusterplanner.ui.risk.RiskViewModel.Bar::trials).sum());
    }

    @Test
    void exportingCsvWritesTheCostTablesWhereTheUserChoseAndOpensTheFolder(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.document().replace(SeedPlan.plan(), null, true));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> hostsOn(robot, "desktop-meerkat-tall-i5").equals("3 hosts")
                && viewModel.results().stateProperty().get().startsWith("Up to date"));
        Path target = dir.resolve("export").resolve("seed.csv");
        Files.createDirectories(target.getParent());
        dialogs.filesToSave.add(target);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        Label status = robot.lookup("#statusText").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().startsWith("Wrote "));
        assertTrue(Files.isRegularFile(target), "the comparison is where the user chose");
        assertTrue(Files.readString(target).contains("desktop-meerkat-tall-i5"), Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertTrue(files.filter(f -> f.getFileName().toString().startsWith("seed-")).count() >= 1, "sibling tables");
        }
        assertEquals(List.of(target.getParent().toAbsolutePath()), dialogs.openedFolders);
    }

    @Test
    void exportingAPdfReportWritesItWhereTheUserChoseAndOpensTheFolder(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.document().replace(SeedPlan.plan(), null, true));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> hostsOn(robot, "desktop-meerkat-tall-i5").equals("3 hosts")
                && viewModel.results().stateProperty().get().startsWith("Up to date"));
        Path target = dir.resolve("report").resolve("seed.pdf");
        Files.createDirectories(target.getParent());
        dialogs.filesToSave.add(target);
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        Label status = robot.lookup("#statusText").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> status.getText().startsWith("Wrote seed.pdf"));
        // read back: the report of this plan, with as many pages as the status line says
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(target.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Seed Meerkat cluster (test)"), text.substring(0, Math.min(400, text.length())));
            assertEquals("Wrote seed.pdf (" + pdf.getNumberOfPages() + " pages)", status.getText());
        }
        assertEquals(List.of(target.getParent().toAbsolutePath()), dialogs.openedFolders);
    }

    @Test
    void openingAnExampleFromTheMenuAsksAboutUnsavedChangesFirst(FxRobot robot) {
        robot.interact(() -> viewModel.document().edit("rename", p -> p.withName("scratch")));
        dialogs.saveChoices.add(DialogService.SaveChoice.DISCARD);
        robot.clickOn("File").clickOn("Open example").clickOn("meerkat-cluster");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("save changes to scratch"), dialogs.asked);
        assertTrue(viewModel.planProperty().get().name().startsWith("Three-host System76 Meerkat"));
        assertTrue(!viewModel.document().isModified());
    }

    @Test
    void editingACountInTheWorkloadFormChangesThePlanAndUndoRestoresIt(FxRobot robot) {
        robot.interact(() -> viewModel.document().replace(SeedPlan.plan(), null, true));
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        TableView<?> table = robot.lookup("#workloadsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(1)); // app, 4 instances
        typeInto(robot, "#field-count", "10");
        // 2 postgres + 10 app + 2 proxy + 1 monitoring
        assertEquals(15, viewModel.planProperty().get().sites().get(0).instanceCount());
        assertTrue(viewModel.titleProperty().get().startsWith("*"), "marked modified");
        robot.interact(table::requestFocus); // in a text field Ctrl+Z undoes the typing, elsewhere the plan edit
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals(9, viewModel.planProperty().get().sites().get(0).instanceCount());
    }

    /** Focuses a text field, selects its text, types over it and presses Enter (keyboard only: mouse moves are slow headless). */
    static void typeInto(FxRobot robot, String query, String text) {
        javafx.scene.control.TextField field = robot.lookup(query).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text).type(KeyCode.ENTER);
    }

    @Test
    void aCountTheRulesForbidIsRefusedWithTheReasonBesideTheField(FxRobot robot) {
        robot.interact(() -> viewModel.document().replace(SeedPlan.plan(), null, true));
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        TableView<?> table = robot.lookup("#workloadsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(1));
        typeInto(robot, "#field-count", "0");
        assertEquals(9, viewModel.planProperty().get().sites().get(0).instanceCount());
        String reason = robot.lookup("#formProblem").queryAs(Label.class).getText();
        assertTrue(reason.contains("Count must be 1 or more, got 0"), reason);
    }
}
