package dev.clusterplanner.ui;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs tasks on a small pool of daemon threads and delivers every outcome with
 * {@link Platform#runLater}. Progress is coalesced: however often a task reports, the UI thread
 * sees at most one pending update, the latest.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private final ExecutorService pool;
    private final Consumer<Runnable> uiThread;

    public FxBackgroundExecutor() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()), Platform::runLater);
    }

    public FxBackgroundExecutor(int threads, Consumer<Runnable> uiThread) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "cluster-planner-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
        this.uiThread = uiThread;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<? super T> listener) {
        TaskHandle handle = new TaskHandle(listener::cancelled);
        AtomicReference<Object[]> latestProgress = new AtomicReference<>();
        AtomicBoolean progressPending = new AtomicBoolean();
        BackgroundTask.TaskContext context = new BackgroundTask.TaskContext() {
            @Override
            public boolean isCancelled() {
                return handle.isCancelled();
            }

            @Override
            public void progress(double fraction, String message) {
                latestProgress.set(new Object[] {fraction, message});
                if (progressPending.compareAndSet(false, true)) {
                    uiThread.accept(() -> {
                        progressPending.set(false);
                        Object[] p = latestProgress.get();
                        if (handle.isRunning() && p != null) {
                            listener.progressed((Double) p[0], (String) p[1]);
                        }
                    });
                }
            }
        };
        pool.execute(() -> {
            try {
                T value = task.call(context);
                uiThread.accept(() -> {
                    if (handle.finish()) {
                        listener.succeeded(value);
                    }
                });
            } catch (Exception | Error e) {
                uiThread.accept(() -> {
                    if (handle.finish()) {
                        listener.failed(e);
                    }
                });
            }
        });
        return handle;
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
