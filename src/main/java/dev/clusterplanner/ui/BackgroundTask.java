package dev.clusterplanner.ui;

/**
 * Work that runs off the UI thread: loading a file, sizing a plan, a simulation. It checks
 * {@link TaskContext#isCancelled()} now and then and reports progress through the context.
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    T call(TaskContext context) throws Exception;

    /** What a running task sees of its surroundings. */
    interface TaskContext {

        /** True once the task was cancelled; a long task should stop soon after. */
        boolean isCancelled();

        /** Reports progress, fraction in 0..1 (negative for "unknown"); delivered on the UI thread, coalesced. */
        void progress(double fraction, String message);
    }
}
