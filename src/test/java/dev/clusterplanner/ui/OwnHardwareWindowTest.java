package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A supplier's quote added in the Catalog area of the real window, then found by a new session. */
@ExtendWith(ApplicationExtension.class)
class OwnHardwareWindowTest {

    MainViewModel viewModel;
    Path userFolder;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("cp-own");
        userFolder = dir.resolve("catalogs");
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(userFolder, Clock.systemDefaultZone()),
                new dev.clusterplanner.app.PlanningService(), new dev.clusterplanner.app.SimulationService(),
                new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(), UserSettings.inMemory(), new ScriptedDialogs(),
                dir.resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx, SeedPlan.plan());
        Scene scene = new Scene(new MainView(viewModel).root(), 1366, 740);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    static void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text);
    }

    @Test
    void aQuoteIsAddedAsACandidateAndReadAgainByANewSession(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.catalogProperty().get().hardware().isEmpty());
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.interact(() -> viewModel.catalogBrowser().textProperty().set("meerkat tall"));
        @SuppressWarnings("unchecked")
        TableView<dev.clusterplanner.core.model.Hardware> table = robot.lookup("#catalogTable").queryAs(TableView.class);
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(SeedPlan.MEERKAT)) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        robot.clickOn("#duplicateHardware");
        type(robot, "#hw-id", "meerkat-acme");
        type(robot, "#hw-price", "cheap");
        assertTrue(robot.lookup(n -> n instanceof Label l && "Purchase price (USD) must be a number, got 'cheap'".equals(l.getText()))
                .tryQuery().isPresent(), "refused as typed");
        type(robot, "#hw-price", "950");
        type(robot, "#hw-source", "ACME quote 4711");
        robot.clickOn("#saveHardware");
        Label status = robot.lookup("#hardwareFormStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Saved meerkat-acme"));
        assertTrue(viewModel.document().plan().sites().get(0).hardware().contains("meerkat-acme"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.catalogProperty().get().hardware("meerkat-acme").isPresent());
        assertEquals(950.0, new CatalogService(userFolder, Clock.systemDefaultZone()).load().hardware("meerkat-acme").orElseThrow().priceUsd());
        // the results now compare the quote too
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> viewModel.results().cards().stream()
                .anyMatch(c -> c.scenario().hardwareIds().equals(java.util.List.of("meerkat-acme")) && c.capexUsd() != null && c.capexUsd() == 2850.0));
    }
}
