package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window at the size of a 1366x768 laptop (1366 x 740 left after a desktop panel): the recommended option's hosts,
 * purchase, monthly and total cost are on the first screen, inside the card strip's visible part, without scrolling.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutWindowTest {

    MainViewModel viewModel;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), Files.createTempDirectory("cp-layout").resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx, SeedPlan.plan());
        Scene scene = new Scene(new MainView(viewModel).root(), 1366, 740);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    static boolean inside(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    @Test
    void theRecommendedOptionsKeyFiguresAreVisibleWithoutScrolling(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup("#recommendedTco").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane cards = robot.lookup("#cardScroll").queryAs(ScrollPane.class);
        assertTrue(cards.getVvalue() == 0, "not scrolled");
        Node viewport = cards.lookup(".viewport");
        Bounds visible = inScene(viewport);
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, 1366, 740);
        Node card = robot.lookup(".card-best").query();
        Node hosts = card.lookup(".card-figure");
        for (Node n : new Node[] {hosts, robot.lookup("#recommendedPurchase").query(), robot.lookup("#recommendedMonthly").query(),
                robot.lookup("#recommendedTco").query()}) {
            Bounds b = inScene(n);
            assertTrue(inside(visible, b), ((Label) n).getText() + " at " + b + " outside the visible card strip " + visible);
            assertTrue(inside(scene, b), ((Label) n).getText() + " outside the window");
        }
    }

    @Test
    void theCostChartKeepsAReadablePlotAreaAtTheSmallestWindow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(WindowBounds.MIN_WIDTH);
            stage.setHeight(WindowBounds.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup("#recommendedTco").tryQuery().isPresent()));
        TabPane details = robot.lookup("#planDetails").queryAs(TabPane.class);
        robot.interact(() -> details.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Node plot = robot.lookup("#cumulativeCostChart").query().lookup(".chart-plot-background");
        Bounds b = plot.getBoundsInLocal();
        assertTrue(b.getHeight() >= 150, "plot area " + b);
        assertTrue(b.getWidth() >= 200, "plot area " + b);
    }

    @Test
    void theOptionsCanBeComparedAsATableOneRowEach(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup("#recommendedTco").tryQuery().isPresent()));
        robot.clickOn("#compareAsTable");
        javafx.scene.control.TableView<?> table = robot.lookup("#comparisonTable").queryAs(javafx.scene.control.TableView.class);
        assertTrue(table.isVisible());
        assertTrue(!robot.lookup("#cardScroll").query().isVisible());
        assertTrue(table.getItems().size() == viewModel.results().cards().size() && !table.getItems().isEmpty());
        String recommendedTco = OnFx.get(() -> robot.lookup("#recommendedTco").queryAs(Label.class).getText());
        var best = viewModel.results().cards().stream().filter(c -> c.recommended()).findFirst().orElseThrow();
        assertTrue(recommendedTco.equals(dev.clusterplanner.ui.plan.PlanResultsViewModel.money(best.tcoUsd())), recommendedTco);
    }
}
