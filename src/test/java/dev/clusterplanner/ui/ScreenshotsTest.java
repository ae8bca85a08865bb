package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retakes the light and dark screenshots of the user guide (docs/images) from the app's own scene at 1366x768, rendered
 * headless. Runs only when asked: {@code mvn -o test -Dtest=ScreenshotsTest -Dscreenshots=docs/images}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    MainViewModel viewModel;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), Files.createTempDirectory("cp-shots").resolve("recovery"));
        viewModel = new MainViewModel(ctx);
        Theme.apply(false);
        viewModel.darkThemeProperty().addListener((o, a, dark) -> Theme.apply(dark));
        Scene scene = new Scene(new MainView(viewModel).root(), 1366, 768);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    void shoot(Path file) throws Exception {
        WritableImage image = OnFx.get(() -> stage.getScene().snapshot(null));
        PixelReader px = image.getPixelReader();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }

    @Test
    void lightAndDarkScreenshots(FxRobot robot) throws Exception {
        String folder = System.getProperty("screenshots");
        Assumptions.assumeTrue(folder != null, "screenshots are taken only when asked (-Dscreenshots=docs/images)");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup("#recommendedTco").tryQuery().isPresent()));
        robot.interact(() -> robot.lookup("#planDetails").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = Path.of(folder);
        shoot(dir.resolve("screenshot-light.png"));
        robot.interact(() -> viewModel.darkThemeProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        shoot(dir.resolve("screenshot-dark.png"));
        robot.interact(() -> viewModel.darkThemeProperty().set(false));
        assertTrue(Files.size(dir.resolve("screenshot-dark.png")) > 10_000);
    }
}
