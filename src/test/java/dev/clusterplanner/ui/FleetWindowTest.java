package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Find the cheapest fleet" in the real window (headless, the real background executor): the button runs the search with
 * progress, Cancel stops it and keeps the best fleet so far, and the answer is one more option card.
 */
@ExtendWith(ApplicationExtension.class)
class FleetWindowTest {

    MainViewModel viewModel;

    /** 215 containers of ten sizes on three desktop and rack candidates: the search does not prove its answer in seconds. */
    static Plan hardPlan() throws Exception {
        StringBuilder ws = new StringBuilder();
        int[][] sizes = {{1, 3}, {2, 5}, {3, 7}, {4, 11}, {6, 13}, {8, 19}, {5, 9}, {7, 23}, {2, 14}, {3, 29}};
        for (int i = 0; i < sizes.length; i++) {
            ws.append(i == 0 ? "" : ",").append("{\"name\": \"w").append(i).append("\", \"kind\": \"container\", \"count\": ").append(17 + i)
                    .append(", \"vcpu\": ").append(sizes[i][0]).append(", \"memoryGib\": ").append(sizes[i][1]).append(", \"diskGib\": 10}");
        }
        return new PlanService().parse("""
                {"format": 1, "name": "hard", "sites": [{"name": "s", "kind": "cluster",
                  "hardware": ["desktop-meerkat-tall-i5", "desktop-thelio-32c-gpu16", "rack-supermicro-as1115sv-8224p"],
                  "policy": {"storage": "local", "failuresTolerated": 1, "minHosts": 3}, "workloads": [%s]}]}
                """.formatted(ws), "hard");
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("cp-fleet");
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), dir.resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx, hardPlan());
        Scene scene = new Scene(new MainView(viewModel).root(), 1366, 740);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    static boolean present(FxRobot robot, String id) {
        return OnFx.get(() -> robot.lookup(id).tryQuery().isPresent());
    }

    static String status(FxRobot robot) {
        return OnFx.get(() -> robot.lookup("#fleetStatus").queryAs(Label.class).getText());
    }

    void waitForResults(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> present(robot, "#card-rack-supermicro-as1115sv-8224p"));
    }

    @Test
    void theButtonFindsTheCheapestFleetAndShowsItAsOneMoreCardWithItsBoundAndGap(FxRobot robot) throws Exception {
        waitForResults(robot);
        assertFalse(present(robot, "#card-fleet"), "no fleet before it is asked for");
        robot.interact(() -> robot.lookup("#fleetSeconds").queryAs(TextField.class).setText("0.2"));
        robot.clickOn("#findFleet");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> present(robot, "#card-fleet"));
        assertTrue(status(robot).contains("no fleet costs less than"), status(robot));
        assertFalse(OnFx.get(() -> robot.lookup("#cancelFleet").query().isVisible()), "Cancel shows only while searching");
        String title = OnFx.get(() -> robot.lookup("#card-fleet").lookup(".card-title").queryAs(Label.class).getText());
        assertTrue(title.contains("Cheapest fleet"), title);
    }

    @Test
    void cancelStopsTheSearchAndKeepsTheBestFleetSoFar(FxRobot robot) throws Exception {
        waitForResults(robot);
        robot.interact(() -> robot.lookup("#fleetSeconds").queryAs(TextField.class).setText("120"));
        robot.clickOn("#findFleet");
        // progress arrives: best so far, the bound and the gap, with the bar and Cancel shown
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status(robot).contains("USD so far"));
        assertTrue(status(robot).contains("no fleet below") && status(robot).contains("gap"), status(robot));
        assertTrue(OnFx.get(() -> robot.lookup("#fleetProgress").query().isVisible()));
        assertTrue(OnFx.get(() -> robot.lookup("#findFleet").query().isDisabled()), "one search at a time");
        robot.clickOn("#cancelFleet");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !viewModel.results().fleet().runningProperty().get());
        assertTrue(status(robot).contains("cancelled (the best answer so far)"), status(robot));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> present(robot, "#card-fleet"));
    }
}
