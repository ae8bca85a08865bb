package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Odd plans (new and empty, no hardware, nothing fits) walked through every area of the real window: no Java exception
 * class name or JVM message is ever shown, and an empty plan says what to do next.
 */
@ExtendWith(ApplicationExtension.class)
class NoJavaErrorsShownTest {

    private static final Pattern JAVA_WORDS = Pattern.compile("Exception|java\\.|\\bnull\\b|Cannot invoke");

    MainViewModel viewModel;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), Files.createTempDirectory("cp-odd").resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx);
        Scene scene = new Scene(new MainView(viewModel).root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    static List<String> shownTexts(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    void walkEveryArea(FxRobot robot, String plan) throws Exception {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.results().computingProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> bad = OnFx.get(() -> shownTexts(stage.getScene().getRoot())).stream().filter(t -> JAVA_WORDS.matcher(t).find()).toList();
            assertEquals(List.of(), bad, plan + ", area " + tabs.getTabs().get(i).getText());
        }
    }

    void show(FxRobot robot, Plan plan) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.catalogProperty().get().hardware().isEmpty());
        robot.interact(() -> viewModel.document().replace(plan, null, true));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.results().computingProperty().get());
    }

    @Test
    void fileNewSaysWhatToDoNextAndShowsNoJavaError(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.catalogProperty().get().hardware().isEmpty());
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(0));
        robot.interact(viewModel::newPlan);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup("#planGuidance").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("no workloads")).orElse(false)));
        String next = robot.lookup("#planGuidance").queryAs(Label.class).getText();
        assertTrue(next.contains("no workloads yet") && next.contains("Workloads area"), next);
        assertTrue(!robot.lookup("#problemBanner").query().isVisible(), "no error banner on a new plan");
        assertTrue(!robot.lookup("#sizingProblem").query().isVisible(), "no sizing error on a new plan");
        walkEveryArea(robot, "new plan");
    }

    @Test
    void aPlanWithoutHardwareSaysWhereToPickSome(FxRobot robot) throws Exception {
        Site site = new Site("production", SiteKind.CLUSTER, List.of(Workload.of("db", WorkloadKind.VM, 2, 2, 8, 50)), List.of(), null, null);
        show(robot, new Plan("no hardware", "", List.of(site), null));
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup("#planGuidance").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("Catalog area")).orElse(false)));
        walkEveryArea(robot, "plan without hardware");
    }

    @Test
    void aPlanThatFitsNothingShowsNoJavaError(FxRobot robot) throws Exception {
        Site site = new Site("production", SiteKind.CLUSTER, List.of(Workload.of("huge", WorkloadKind.VM, 1, 4, 100_000, 50)),
                List.of(SeedPlan.MEERKAT), null, null);
        Site empty = new Site("uat", SiteKind.SINGLE_SERVER, List.of(), List.of(SeedPlan.MEERKAT), null, null);
        show(robot, new Plan("fits nothing", "", List.of(site, empty), null));
        walkEveryArea(robot, "plan that fits nothing");
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(3));
        robot.interact(() -> viewModel.risk().trialsProperty().set(200));
        robot.interact(() -> viewModel.risk().run());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.risk().runningProperty().get());
        walkEveryArea(robot, "plan that fits nothing, after a simulation");
    }
}
