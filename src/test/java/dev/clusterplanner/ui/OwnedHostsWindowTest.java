package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Plan;
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
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Settings area's "Hardware you already own": typed values checked as typed, added, undone, changed, removed, saved. */
@ExtendWith(ApplicationExtension.class)
class OwnedHostsWindowTest {

    MainViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), Files.createTempDirectory("cp-owned").resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx, SeedPlan.plan());
        Scene scene = new Scene(new MainView(viewModel).root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    static void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
    }

    /** Scrolls the Settings area to its end (where the section is) and clicks the button. */
    static void click(FxRobot robot, String query) {
        javafx.scene.Node n = robot.lookup(query).query();
        robot.interact(() -> {
            for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp) {
                    sp.layout();
                    sp.setVvalue(sp.getVmax());
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    List<OwnedHosts> owned() {
        return viewModel.document().plan().sites().get(0).owned();
    }

    String problem(FxRobot robot, String field) {
        return robot.lookup("#ownedProblem-" + field).queryAs(Label.class).getText();
    }

    @Test
    void ownedHostsAreCheckedAsTypedAddedUndoneChangedRemovedAndSaved(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> hardware = robot.lookup("#ownedHardware").queryAs(ChoiceBox.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> hardware.getItems().contains(SeedPlan.MEERKAT)));
        assertTrue(owned().isEmpty());
        robot.interact(() -> hardware.setValue(SeedPlan.MEERKAT));

        replaceText(robot, "#ownedCount", "0");
        assertEquals("How many must be 1 or more.", problem(robot, "count"));
        assertTrue(robot.lookup("#ownedCount").query().getStyleClass().contains(Styles.FIELD_INVALID));
        replaceText(robot, "#ownedCount", "2");
        assertEquals("", problem(robot, "count"), "the mark clears once the value is fixed");

        replaceText(robot, "#ownedPurchased", "2023-13-01");
        assertEquals("Purchase date must look like 2023-04-01 (year-month-day), or be left empty when unknown.", problem(robot, "purchased"));
        click(robot, "#ownedAdd");
        assertTrue(owned().isEmpty(), "nothing is saved while a field is wrong");
        replaceText(robot, "#ownedPurchased", "2023-04-01");
        assertEquals("", problem(robot, "purchased"));
        replaceText(robot, "#ownedPrice", "900");
        click(robot, "#ownedAdd");

        assertEquals(List.of(new OwnedHosts(SeedPlan.MEERKAT, 2, LocalDate.of(2023, 4, 1), 900.0)), owned());
        assertEquals("Undo add owned hosts 2 x " + SeedPlan.MEERKAT, viewModel.document().undoTextProperty().get());
        @SuppressWarnings("unchecked")
        ListView<OwnedHosts> list = robot.lookup("#ownedHostsList").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(owned().isEmpty(), "Ctrl+Z takes the entry back out");
        robot.interact(() -> viewModel.document().redo());
        assertEquals(1, owned().size());

        // change: select the row (the form fills), a new count, Change selected
        robot.interact(() -> list.getSelectionModel().select(0));
        assertEquals("2", robot.lookup("#ownedCount").queryAs(TextField.class).getText());
        replaceText(robot, "#ownedCount", "3");
        click(robot, "#ownedChange");
        assertEquals(3, owned().get(0).count());

        // saved with the plan and read back
        Path file = Files.createTempDirectory("cp-owned-save").resolve("owned.plan.json");
        new PlanService().save(viewModel.document().plan(), file);
        Plan back = new PlanService().open(file);
        assertEquals(new OwnedHosts(SeedPlan.MEERKAT, 3, LocalDate.of(2023, 4, 1), 900.0), back.sites().get(0).owned().get(0));

        robot.interact(() -> list.getSelectionModel().select(0));
        click(robot, "#ownedRemove");
        assertTrue(owned().isEmpty());
    }
}
