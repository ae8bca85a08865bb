package dev.clusterplanner.ui;

import java.util.concurrent.atomic.AtomicInteger;

/** A submitted task: cancel it, ask whether it is still running. Methods are called on the UI thread. */
public final class TaskHandle {

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int CANCELLED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final Runnable onCancel;

    TaskHandle(Runnable onCancel) {
        this.onCancel = onCancel;
    }

    /** Cancels the task if it is still running; its listener hears {@code cancelled()} at once. Returns whether it was running. */
    public boolean cancel() {
        if (state.compareAndSet(RUNNING, CANCELLED)) {
            onCancel.run();
            return true;
        }
        return false;
    }

    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    public boolean isRunning() {
        return state.get() == RUNNING;
    }

    /** Marks the task finished; false if it had been cancelled first (then its result is dropped). */
    boolean finish() {
        return state.compareAndSet(RUNNING, DONE);
    }
}
