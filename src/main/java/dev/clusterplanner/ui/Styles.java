package dev.clusterplanner.ui;

import javafx.scene.Scene;

/** Style-class names used by the views (no inline styles); the rules live in app.css. */
public final class Styles {

    public static final String STATUS_BAR = "status-bar";
    public static final String AREA_TITLE = "area-title";
    public static final String PLACEHOLDER = "placeholder";

    private Styles() {
    }

    /** Adds the app's stylesheet to a scene. */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(Styles.class.getResource("app.css").toExternalForm());
    }
}
