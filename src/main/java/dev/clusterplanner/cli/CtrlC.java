package dev.clusterplanner.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl+C (or a termination signal) during long work asks that work to stop rather than killing the command: the
 * shutdown hook raises {@link #stopped()} and waits (at most {@code graceSeconds}) until the command has printed and
 * saved what it has, i.e. until {@link #close()}. Used by {@code probe --watch} (keeps what was sampled) and
 * {@code plan --fleet} (keeps the best fleet found so far).
 */
final class CtrlC implements AutoCloseable {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    CtrlC(String name, int graceSeconds) {
        hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(graceSeconds, TimeUnit.SECONDS); // let the command print and save what it has
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once Ctrl+C was pressed (or the process was asked to terminate). */
    boolean stopped() {
        return stop.get();
    }

    /** The command is done: the hook may let the process end; without Ctrl+C the hook is removed. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running and waits for 'done'
        }
    }
}
