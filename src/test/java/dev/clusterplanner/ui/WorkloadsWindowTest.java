package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Workloads area's words and selection in the real window (synchronous executor: no results needed). */
@ExtendWith(ApplicationExtension.class)
class WorkloadsWindowTest {

    MainViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        UiContext ctx = TestContexts.synchronous(Files.createTempDirectory("cp-wl"), new ScriptedDialogs());
        Theme.apply(false);
        viewModel = new MainViewModel(ctx, SeedPlan.plan());
        Scene scene = new Scene(new MainView(viewModel).root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        robotSelectWorkloads(stage);
    }

    private static void robotSelectWorkloads(Stage stage) {
        ((TabPane) stage.getScene().lookup("#mainTabs")).getSelectionModel().select(1);
    }

    @Test
    void afterAddTheNewRowIsSelectedAndTheFormEditsIt(FxRobot robot) {
        TableView<?> table = robot.lookup("#workloadsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0)); // postgres
        robot.clickOn("#addWorkload");
        assertEquals(4, table.getSelectionModel().getSelectedIndex());
        assertEquals("workload", robot.lookup("#field-name").queryAs(TextField.class).getText());
        TextField memory = robot.lookup("#field-memoryGib").queryAs(TextField.class);
        robot.interact(() -> {
            memory.requestFocus();
            memory.selectAll();
        });
        robot.write("3").type(KeyCode.ENTER);
        assertEquals(3.0, viewModel.document().plan().sites().get(0).workloads().get(4).memoryGib());
        assertEquals(6.0, viewModel.document().plan().sites().get(0).workloads().get(0).memoryGib(), "postgres untouched");
        assertEquals("Undo set memory of workload", viewModel.document().undoTextProperty().get());
    }

    @Test
    void kindIsAChoiceAndSpreadSaysItMeansAntiAffinity(FxRobot robot) {
        TableView<?> table = robot.lookup("#workloadsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(1)); // app, a container
        @SuppressWarnings("unchecked")
        ChoiceBox<String> kind = robot.lookup("#field-kind").queryAs(ChoiceBox.class);
        assertEquals(java.util.List.of("container", "vm", "oci"), kind.getItems());
        robot.interact(() -> kind.setValue("vm"));
        assertEquals("vm", viewModel.document().plan().sites().get(0).workloads().get(1).kind().id());
        assertTrue(robot.lookup(n -> n instanceof Label l && "Spread: instances on distinct hosts (anti-affinity)".equals(l.getText()))
                .tryQuery().isPresent());
    }

    @Test
    void aRowsErrorMarkClearsWhenTheValueIsFixed(FxRobot robot) {
        TableView<?> table = robot.lookup("#workloadsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(1));
        TextField count = robot.lookup("#field-count").queryAs(TextField.class);
        robot.interact(() -> {
            count.requestFocus();
            count.selectAll();
        });
        robot.write("0").type(KeyCode.ENTER);
        assertTrue(!viewModel.workloads().rows().get(1).problem().isEmpty());
        robot.interact(() -> count.selectAll());
        robot.write("4").type(KeyCode.ENTER);
        assertEquals("", viewModel.workloads().rows().get(1).problem());
        assertEquals("", robot.lookup("#formProblem").queryAs(Label.class).getText());
    }
}
