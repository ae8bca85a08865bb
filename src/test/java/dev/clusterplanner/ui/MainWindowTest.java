package dev.clusterplanner.ui;

import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    MainViewModel viewModel;

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        viewModel = new MainViewModel();
        MainView view = new MainView(viewModel);
        Scene scene = new Scene(view.root(), 1024, 700);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void mainWindowShowsMenusAreasAndStatusBar(FxRobot robot) {
        MenuBar menuBar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals(java.util.List.of("File", "Edit", "View", "Help"),
                menuBar.getMenus().stream().map(m -> m.getText().replace("_", "")).toList());
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals(java.util.List.of("planAreaTab", "workloadsAreaTab", "catalogAreaTab", "riskAreaTab", "liveAreaTab"),
                tabs.getTabs().stream().map(t -> t.getId()).toList());
        assertTrue(robot.lookup("#statusBar").tryQuery().isPresent());
    }

    @Test
    void opensOnTheDefaultExamplePlanNotAnEmptyScreen(FxRobot robot) {
        assertTrue(viewModel.planProperty().get().sites().get(0).instanceCount() > 0);
        assertTrue(viewModel.titleProperty().getValue().startsWith("Three-host System76 Meerkat"));
    }
}
