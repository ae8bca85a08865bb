package dev.clusterplanner.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.lang.management.ManagementFactory;

/**
 * The desktop application: applies the theme, builds the main window on the default plan, restores the
 * window size and reopens the last plan, autosaves unsaved changes for crash recovery.
 *
 * <p>With {@code -Dclusterplanner.startupProbe=true} it prints the time from JVM start to the first
 * rendered frame of a usable window and exits (the startup-time harness, docs/dev/benchmarks.md).
 */
public class ClusterPlannerApp extends Application {

    /** Seconds between autosaves of unsaved changes. */
    static final double AUTOSAVE_SECONDS = 5;

    private MainViewModel viewModel;
    private Stage stage;

    public static void main(String[] args) {
        launch(ClusterPlannerApp.class, args);
    }

    @Override
    public void start(Stage primary) {
        long toolkitReady = sinceJvmStart();
        this.stage = primary;
        UiContext ctx = UiContext.desktop(new FxDialogService(() -> stage));
        viewModel = new MainViewModel(ctx);
        Theme.apply(viewModel.darkThemeProperty().get());
        viewModel.darkThemeProperty().addListener((o, a, dark) -> Theme.apply(dark));
        long modelReady = sinceJvmStart();
        MainView view = new MainView(viewModel);
        long viewBuilt = sinceJvmStart();
        UserSettings settings = ctx.settings();
        // the remembered bounds, clamped to the screens attached now
        WindowBounds bounds = WindowBounds.remembered(settings).clampedTo(WindowBounds.Screens.system().visualBounds());
        Scene scene = new Scene(view.root());
        Styles.apply(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        stage.setX(bounds.x());
        stage.setY(bounds.y());
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        stage.setMinWidth(Math.min(WindowBounds.MIN_WIDTH, bounds.width()));
        stage.setMinHeight(Math.min(WindowBounds.MIN_HEIGHT, bounds.height()));
        stage.setMaximized(settings.getBoolean("window.maximized", false));
        view.setOnQuit(() -> {
            if (mayClose()) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume();
            }
        });
        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(AUTOSAVE_SECONDS), e -> viewModel.autosaveTick()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
        stage.show();
        long shown = sinceJvmStart();
        boolean probe = Boolean.getBoolean("clusterplanner.startupProbe");
        // a plan given on the command line (a double-clicked *.plan.json) opens instead of the last plan
        java.util.List<String> files = getParameters().getRaw();
        viewModel.start(!probe && files.isEmpty());
        if (files.size() == 1) {
            viewModel.openFile(java.nio.file.Path.of(files.get(0)).toAbsolutePath());
        }
        if (probe) {
            System.out.println("startup-phases toolkit " + toolkitReady + " ms, view-model " + modelReady + " ms, view "
                    + viewBuilt + " ms, shown " + shown + " ms, started " + sinceJvmStart() + " ms");
            reportStartupAndExit(scene);
        }
    }

    private boolean mayClose() {
        if (!viewModel.requestExit()) {
            return false;
        }
        UserSettings settings = viewModel.settings();
        settings.put("window.maximized", String.valueOf(stage.isMaximized()));
        if (!stage.isMaximized()) {
            new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()).remember(settings);
        }
        return true;
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void reportStartupAndExit(Scene scene) {
        // the window is usable once a frame with its content was rendered: wait for the next pulse
        Runnable[] after = new Runnable[1];
        after[0] = () -> {
            scene.removePostLayoutPulseListener(after[0]);
            Platform.runLater(() -> {
                System.out.println("startup-ms " + sinceJvmStart());
                Platform.exit();
            });
        };
        scene.addPostLayoutPulseListener(after[0]);
    }
}
