package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Settings area in the real window: typed values checked as typed, applied on Enter, seen on the plan cards. */
@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {

    MainViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), Files.createTempDirectory("cp-settings").resolve("recovery"));
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

    @Test
    void aTypedHorizonIsCheckedThenAppliedAndTheCardsShowIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup(n -> n instanceof Label l && "5-year TCO".equals(l.getText())).tryQuery().isPresent()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        assertEquals("settingsAreaTab", robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId());
        replaceText(robot, "#setting-years", "40");
        Label problem = robot.lookup("#problem-setting-years").queryAs(Label.class);
        assertEquals("Horizon (years) must be between 1 and 30, got 40", problem.getText());
        assertTrue(robot.lookup("#setting-years").query().getStyleClass().contains(Styles.FIELD_INVALID));
        replaceText(robot, "#setting-years", "3");
        assertEquals("", problem.getText(), "the mark clears once the value is fixed");
        assertTrue(!robot.lookup("#setting-years").query().getStyleClass().contains(Styles.FIELD_INVALID));
        robot.type(KeyCode.ENTER);
        assertEquals(3, viewModel.document().plan().cost().years());
        assertEquals("Undo set horizon (years)", viewModel.document().undoTextProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup(n -> n instanceof Label l && "3-year TCO".equals(l.getText())).tryQuery().isPresent()));
    }
}
