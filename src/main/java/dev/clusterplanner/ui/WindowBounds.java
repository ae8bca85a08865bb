package dev.clusterplanner.ui;

import javafx.geometry.Rectangle2D;

import java.util.List;

/**
 * Where the window opens: the remembered position and size, clamped to a screen that is there now (a window remembered
 * on a large screen must not open off-screen, its menu bar above the top edge, on a smaller one).
 *
 * @param x NaN when no position was remembered (the window is centred)
 */
public record WindowBounds(double x, double y, double width, double height) {

    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;

    /** The visible bounds of the screens now attached (the first is the primary); tests pass fixed ones. */
    public interface Screens {
        List<Rectangle2D> visualBounds();

        static Screens system() {
            return () -> javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds).toList();
        }
    }

    /** The bounds remembered in the settings (NaN position when there is none). */
    public static WindowBounds remembered(UserSettings settings) {
        return new WindowBounds(settings.getDouble("window.x", Double.NaN), settings.getDouble("window.y", Double.NaN),
                settings.getDouble("window.width", 1280), settings.getDouble("window.height", 800));
    }

    public void remember(UserSettings settings) {
        settings.put("window.x", String.valueOf(x));
        settings.put("window.y", String.valueOf(y));
        settings.put("window.width", String.valueOf(width));
        settings.put("window.height", String.valueOf(height));
    }

    /**
     * These bounds moved and shrunk onto a screen: the screen holding most of the window (else the one holding its
     * top-left corner, else the primary); no larger than the screen, its top-left corner on it.
     */
    public WindowBounds clampedTo(List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        Rectangle2D screen = screens.get(0);
        double best = -1;
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            for (Rectangle2D s : screens) {
                double overlap = overlap(s);
                if (overlap > best) {
                    best = overlap;
                    screen = s;
                }
            }
            if (best <= 0) {
                screen = screens.stream().filter(s -> s.contains(x, y)).findFirst().orElse(screens.get(0));
            }
        }
        double w = Math.min(Math.max(width, Math.min(MIN_WIDTH, screen.getWidth())), screen.getWidth());
        double h = Math.min(Math.max(height, Math.min(MIN_HEIGHT, screen.getHeight())), screen.getHeight());
        double nx = Double.isNaN(x) ? screen.getMinX() + (screen.getWidth() - w) / 2 : clamp(x, screen.getMinX(), screen.getMaxX() - w);
        double ny = Double.isNaN(y) ? screen.getMinY() + (screen.getHeight() - h) / 2 : clamp(y, screen.getMinY(), screen.getMaxY() - h);
        return new WindowBounds(nx, ny, w, h);
    }

    private double overlap(Rectangle2D s) {
        double w = Math.min(x + width, s.getMaxX()) - Math.max(x, s.getMinX());
        double h = Math.min(y + height, s.getMaxY()) - Math.max(y, s.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
