package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.app.SimulationService;
import dev.clusterplanner.lab.IncusLab;
import dev.clusterplanner.ui.FxBackgroundExecutor;
import dev.clusterplanner.ui.MainView;
import dev.clusterplanner.ui.MainViewModel;
import dev.clusterplanner.ui.ScriptedDialogs;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.Styles;
import dev.clusterplanner.ui.Theme;
import dev.clusterplanner.ui.UiContext;
import dev.clusterplanner.ui.UserSettings;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Live cluster tab of the real window, headless, against the real Incus lab: connect by URL with the lab's client
 * certificate and key (file choosers scripted), confirm the server's fingerprint, and see the members in the table.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWindowLabTest {

    static IncusLab lab;
    MainViewModel viewModel;
    ScriptedDialogs dialogs;

    @BeforeAll
    static void theLab() {
        lab = IncusLab.require();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("cp-live-window");
        dialogs = new ScriptedDialogs();
        CatalogService catalogs = new CatalogService();
        UiContext ctx = new UiContext(new PlanService(), catalogs, new PlanningService(), new SimulationService(), new CephProbeService(),
                new ProbeService(catalogs), new FxBackgroundExecutor(), UserSettings.inMemory(), dialogs, dir.resolve("recovery"));
        Theme.apply(false);
        viewModel = new MainViewModel(ctx, SeedPlan.plan());
        Scene scene = new Scene(new MainView(viewModel).root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void connectingByUrlAsksToTrustTheFingerprintAndShowsEveryMemberAgainstThePlan(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(4));
        robot.interact(() -> viewModel.live().connectionProperty().set(LiveViewModel.Connection.URL));
        TextField url = robot.lookup("#liveUrl").queryAs(TextField.class);
        assertTrue(url.isVisible(), "the URL form shows for 'URL and client certificate'");
        robot.interact(() -> {
            url.requestFocus();
            url.selectAll();
        });
        robot.write(lab.url());
        dialogs.filesToOpen.add(lab.cert());
        dialogs.filesToOpen.add(lab.key());
        robot.clickOn("#chooseCertificate");
        robot.clickOn("#chooseKey");
        assertEquals(lab.cert().getFileName().toString(), robot.lookup("#certificateFile").queryAs(Label.class).getText());
        dialogs.fingerprintAnswers.add(true);
        robot.clickOn("#connectIncus");

        TableView<?> table = robot.lookup("#liveRows").queryAs(TableView.class);
        Label statusLabel = robot.lookup("#incusStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.live().connectingProperty().get() && table.getItems().size() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Client certificate", "Client key", "trust " + lab.url() + " " + lab.fingerprint()), dialogs.asked);
        List<String> members = viewModel.live().rows().stream().map(LiveComparisonTable.Row::member).filter(m -> m.startsWith("node")).distinct().toList();
        assertEquals(lab.members(), members);
        String status = statusLabel.getText();
        assertTrue(status.startsWith("Read " + lab.url() + ": ") && status.contains("3 member(s)"), status);
        assertFalse(robot.lookup("#saveSnapshot").queryAs(javafx.scene.control.Button.class).isDisabled(), "a reading can be saved");

        // every shown line that was compared carries a severity colour by style class
        Set<String> colours = Set.of(Styles.SEVERITY_OK, Styles.SEVERITY_INFO, Styles.SEVERITY_WARNING, Styles.SEVERITY_ERROR);
        List<TableRow<?>> shown = robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .<TableRow<?>>map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null).toList();
        assertFalse(shown.isEmpty());
        for (TableRow<?> r : shown) {
            LiveComparisonTable.Row row = (LiveComparisonTable.Row) r.getItem();
            boolean coloured = r.getStyleClass().stream().anyMatch(colours::contains);
            assertEquals(!row.status().equals("not compared"), coloured, row + " " + r.getStyleClass());
        }
    }
}
