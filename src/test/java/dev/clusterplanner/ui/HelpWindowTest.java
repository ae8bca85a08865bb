package dev.clusterplanner.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help from the real window: F1 opens "Start here" in a window that fits the screen; Esc and Close close it; About has the version. */
@ExtendWith(ApplicationExtension.class)
class HelpWindowTest {

    Stage main;

    @Start
    void start(Stage stage) throws Exception {
        main = stage;
        UiContext ctx = TestContexts.synchronous(Files.createTempDirectory("cp-help"), new ScriptedDialogs());
        Theme.apply(false);
        Scene scene = new Scene(new MainView(new MainViewModel(ctx, SeedPlan.plan())).root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    static List<Stage> helpWindows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Cluster Planner help".equals(s.getTitle()))
                .map(w -> (Stage) w).toList();
    }

    @Test
    void f1OpensStartHereThatFitsTheScreenAndEscClosesIt(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(helpWindows().size() == 1, "one help window");
        Stage help = helpWindows().get(0);
        var screen = WindowBounds.Screens.system().visualBounds().get(0);
        assertTrue(help.getWidth() <= screen.getWidth() && help.getHeight() <= screen.getHeight(), "fits the screen");
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText().contains("Workloads (Ctrl+2): list what you want to run"))
                .tryQuery().isPresent(), "Start here says what to do first");
        assertTrue(robot.lookup("#closeHelp").tryQuery().isPresent());
        robot.interact(help::requestFocus);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(help.isShowing(), "Esc closed it");
    }

    @Test
    void aboutShowsTheVersionAndTheGuidePagesAreListed(FxRobot robot) {
        robot.interact(() -> HelpView.show(main, "about"));
        Stage help = helpWindows().get(0);
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText().startsWith("Cluster Planner ")).tryQuery().isPresent());
        ListView<?> pages = robot.lookup("#helpPages").queryAs(ListView.class);
        assertTrue(pages.getItems().size() >= 10, "start, the guide pages, shortcuts, about: " + pages.getItems().size());
        robot.clickOn("#closeHelp");
        assertFalse(help.isShowing());
    }
}
