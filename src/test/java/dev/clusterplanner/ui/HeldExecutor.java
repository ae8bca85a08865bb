package dev.clusterplanner.ui;

import java.util.ArrayList;
import java.util.List;

/** Holds every submitted task without running it, so a test can look at a view-model while its work is "running". */
public final class HeldExecutor implements BackgroundExecutor {

    /** A task that was submitted: its listener can be told progress, and its handle shows whether it was cancelled. */
    public record Held(TaskListener<?> listener, TaskHandle handle) {
    }

    public final List<Held> held = new ArrayList<>();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<? super T> listener) {
        TaskHandle h = new TaskHandle(listener::cancelled);
        held.add(new Held(listener, h));
        return h;
    }
}
