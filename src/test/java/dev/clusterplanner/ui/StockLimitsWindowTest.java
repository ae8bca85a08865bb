package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.ui.plan.PlanResultsViewModel.OptionCard;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Settings area's "Stock limits": a count checked as typed, a limit added that the Plan area's options obey, undone, saved. */
@ExtendWith(ApplicationExtension.class)
class StockLimitsWindowTest {

    MainViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), Files.createTempDirectory("cp-stock").resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx, SeedPlan.plan());
        Scene scene = new Scene(new MainView(viewModel).root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    Map<String, Integer> available() {
        return viewModel.document().plan().sites().get(0).available();
    }

    String problem(FxRobot robot, String field) {
        return robot.lookup("#stockProblem-" + field).queryAs(Label.class).getText();
    }

    void typeAndExpect(FxRobot robot, String typed, String expected) {
        OwnedHostsWindowTest.replaceText(robot, "#stockMost", typed);
        assertEquals(expected, problem(robot, "most"), "refused as typed: " + typed);
    }

    /** The Meerkat-only option's card, once the analysis of the current plan has come back. */
    OptionCard meerkatCard() {
        return OnFx.get(() -> viewModel.results().cards().stream()
                .filter(c -> c.scenario().hardwareIds().equals(java.util.List.of(SeedPlan.MEERKAT))).findFirst().orElse(null));
    }

    @Test
    void aLimitBelowWhatTheRecommendedOptionNeedsShowsInItsCardAndCtrlZRestoresIt(FxRobot robot) throws Exception {
        // before: the seed's 3 Meerkats (the policy minimum of a Ceph cluster) are the recommended option
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> meerkatCard() != null && meerkatCard().recommended());
        assertEquals(3, meerkatCard().hosts());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> hardware = robot.lookup("#stockHardware").queryAs(ChoiceBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, OnFx.condition(() -> hardware.getItems().contains(SeedPlan.MEERKAT)));
        robot.interact(() -> hardware.setValue(SeedPlan.MEERKAT));

        OwnedHostsWindowTest.replaceText(robot, "#stockMost", "-1");
        assertEquals("The most hosts cannot be below 0 (0: this site may use none of this row).", problem(robot, "most"));
        assertTrue(robot.lookup("#stockMost").query().getStyleClass().contains(Styles.FIELD_INVALID));
        typeAndExpect(robot, "2.5", "The most hosts must be a whole number of hosts (not 2.5).");
        typeAndExpect(robot, "1001", "The most hosts can be at most 1,000.");
        OwnedHostsWindowTest.click(robot, "#stockAdd");
        assertTrue(available().isEmpty(), "nothing is saved while the count is wrong");
        assertEquals("The most hosts can be at most 1,000.", robot.lookup("#stockProblem").queryAs(Label.class).getText());

        OwnedHostsWindowTest.replaceText(robot, "#stockMost", "2");
        assertEquals("", problem(robot, "most"), "the mark clears once the value is fixed");
        assertFalse(robot.lookup("#stockMost").query().getStyleClass().contains(Styles.FIELD_INVALID));
        OwnedHostsWindowTest.click(robot, "#stockAdd");
        assertEquals(Map.of(SeedPlan.MEERKAT, 2), available());
        @SuppressWarnings("unchecked")
        ListView<?> list = robot.lookup("#stockLimitsList").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c
                && (SeedPlan.MEERKAT + ": at most 2 hosts (the catalog: no limit)").equals(c.getText())).tryQuery().isPresent(), "the list says it in words");

        // the option needs 3, the site may use 2: it no longer fits and its card says why
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> meerkatCard() != null && !meerkatCard().feasible());
        assertTrue(meerkatCard().explanation().startsWith("needs 3 hosts; 2 in stock"), meerkatCard().explanation());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.isVisible() && l.getText() != null
                && l.getText().startsWith("needs 3 hosts; 2 in stock")).tryQuery().isPresent());

        // Ctrl+Z: the limit is gone and the option recommended again
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(available().isEmpty(), "Ctrl+Z takes the limit back out");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> meerkatCard() != null && meerkatCard().recommended());
        assertFalse(meerkatCard().explanation().contains("in stock"), meerkatCard().explanation());

        // redone and saved with the plan: read back from the file
        robot.interact(() -> viewModel.document().redo());
        Path file = Files.createTempDirectory("cp-stock-save").resolve("stock.plan.json");
        new PlanService().save(viewModel.document().plan(), file);
        assertTrue(Files.readString(file).contains("\"available\""));
        Plan back = new PlanService().open(file);
        assertEquals(Map.of(SeedPlan.MEERKAT, 2), back.sites().get(0).available());
    }
}
