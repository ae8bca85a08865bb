package dev.clusterplanner.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

/**
 * A condition on the scene graph checked on the JavaFX thread: looking nodes up from the test thread while the
 * window rebuilds them (result cards after a computation) can meet a half-changed child list.
 */
public final class OnFx {

    private OnFx() {
    }

    public static <T> T get(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** For {@code WaitForAsyncUtils.waitFor}: the condition, evaluated on the JavaFX thread. */
    public static Callable<Boolean> condition(Callable<Boolean> query) {
        return () -> get(query);
    }
}
