package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dark theme switched on while the window runs: every area's page turns dark and its text light (the colours
 * come from the theme's palette through looked-up colours), and back.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeWindowTest {

    MainViewModel viewModel;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        UiContext ctx = new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(),
                new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new FxBackgroundExecutor(),
                UserSettings.inMemory(), new ScriptedDialogs(), Files.createTempDirectory("cp-theme").resolve("recovery"));
        viewModel = new MainViewModel(ctx, SeedPlan.plan());
        Theme.apply(false);
        viewModel.darkThemeProperty().addListener((o, a, dark) -> Theme.apply(dark));
        Scene scene = new Scene(new MainView(viewModel).root(), 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start(false);
    }

    @AfterEach
    void light() {
        javafx.application.Platform.runLater(() -> Theme.apply(false));
    }

    /** WCAG relative luminance (sRGB channels linearised). */
    static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The colour painted behind a node: the nearest ancestor (or itself) with an opaque background fill. */
    static Color backgroundBehind(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Region r && r.getBackground() != null) {
                for (int i = r.getBackground().getFills().size() - 1; i >= 0; i--) {
                    BackgroundFill f = r.getBackground().getFills().get(i);
                    if (f.getFill() instanceof Color c && c.getOpacity() > 0.9) {
                        return c;
                    }
                }
            }
        }
        return (Color) n.getScene().getFill();
    }

    static List<Labeled> labels(Node n) {
        List<Labeled> out = new ArrayList<>();
        if (n instanceof Labeled l && n.isVisible() && l.getText() != null && !l.getText().isBlank() && l.getTextFill() instanceof Color) {
            out.add(l);
        }
        if (n instanceof Parent p && n.isVisible()) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(labels(c)));
        }
        return out;
    }

    /** Every visible text of the selected area is light on a dark background (dark) or dark on light (light). */
    void assertReadable(FxRobot robot, boolean dark) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            Node page = tabs.getTabs().get(i).getContent();
            List<Labeled> all = OnFx.get(() -> labels(page));
            assertTrue(all.size() > 3, "area " + i + " shows text");
            for (Labeled l : all) {
                Color text = (Color) l.getTextFill();
                Color back = backgroundBehind(l);
                double contrast = (Math.max(luminance(text), luminance(back)) + 0.05) / (Math.min(luminance(text), luminance(back)) + 0.05);
                String where = tabs.getTabs().get(i).getText() + ": '" + l.getText() + "' " + text + " on " + back;
                assertTrue(dark ? luminance(back) < 0.1 : luminance(back) > 0.5, "background " + where);
                assertTrue(contrast >= 3, "contrast " + contrast + " " + where);
            }
        }
    }

    @Test
    void switchingToDarkWhileRunningTurnsEveryAreaDarkAndReadableAndBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, OnFx.condition(() -> robot.lookup("#recommendedTco").tryQuery().isPresent()));
        assertReadable(robot, false);
        robot.interact(() -> viewModel.darkThemeProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertReadable(robot, true);
        robot.interact(() -> viewModel.darkThemeProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertReadable(robot, false);
        assertEquals(Boolean.FALSE, viewModel.darkThemeProperty().getValue());
    }
}
