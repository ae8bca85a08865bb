package dev.clusterplanner.ui;

/**
 * Runs work off the UI thread and reports back on it, so the screen never freezes. The window uses
 * {@link FxBackgroundExecutor}; view-model tests use {@link SynchronousExecutor}, which runs the
 * task at once on the caller's thread, so they need no toolkit and no waiting.
 */
public interface BackgroundExecutor {

    /** Starts {@code task}; its outcome reaches {@code listener} on the UI thread. */
    <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<? super T> listener);
}
