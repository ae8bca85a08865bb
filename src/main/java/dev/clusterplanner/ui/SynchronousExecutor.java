package dev.clusterplanner.ui;

/**
 * Runs each task at once on the calling thread and calls the listener before {@code submit} returns.
 * For view-model tests: no toolkit, no threads, no waiting.
 */
public final class SynchronousExecutor implements BackgroundExecutor {

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<? super T> listener) {
        TaskHandle handle = new TaskHandle(listener::cancelled);
        T value;
        try {
            value = task.call(new BackgroundTask.TaskContext() {
                @Override
                public boolean isCancelled() {
                    return handle.isCancelled();
                }

                @Override
                public void progress(double fraction, String message) {
                    if (!handle.isCancelled()) {
                        listener.progressed(fraction, message);
                    }
                }
            });
        } catch (Exception | Error e) {
            if (handle.finish()) {
                listener.failed(e);
            }
            return handle;
        }
        if (handle.finish()) {
            listener.succeeded(value);
        }
        return handle;
    }
}
