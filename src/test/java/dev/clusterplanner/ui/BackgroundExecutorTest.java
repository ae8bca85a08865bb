package dev.clusterplanner.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundExecutorTest {

    /** Records what a listener heard, in order. */
    static class Recorder implements TaskListener<Integer> {
        final List<String> heard = new ArrayList<>();

        @Override
        public void succeeded(Integer value) {
            heard.add("ok " + value);
        }

        @Override
        public void failed(Throwable error) {
            heard.add("failed " + error.getMessage());
        }

        @Override
        public void progressed(double fraction, String message) {
            heard.add("progress " + fraction);
        }

        @Override
        public void cancelled() {
            heard.add("cancelled");
        }
    }

    @Test
    void synchronousExecutorDeliversProgressThenTheResultBeforeSubmitReturns() {
        Recorder r = new Recorder();
        TaskHandle h = new SynchronousExecutor().submit(c -> {
            c.progress(0.5, "half");
            return 6 * 7;
        }, r);
        assertEquals(List.of("progress 0.5", "ok 42"), r.heard);
        assertTrue(!h.isRunning() && !h.isCancelled());
    }

    @Test
    void synchronousExecutorReportsAFailure() {
        Recorder r = new Recorder();
        new SynchronousExecutor().submit(c -> {
            throw new IllegalStateException("boom");
        }, r);
        assertEquals(List.of("failed boom"), r.heard);
    }

    @Test
    void aCancelledTaskDeliversOnlyCancelledAndNeverItsResult() throws Exception {
        // the "UI thread" is a queue this test drains, so the order of deliveries is visible
        ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
        FxBackgroundExecutor executor = new FxBackgroundExecutor(1, ui::add);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder r = new Recorder();
        TaskHandle h = executor.submit(c -> {
            started.countDown();
            release.await(5, TimeUnit.SECONDS);
            return c.isCancelled() ? -1 : 1;
        }, r);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(h.cancel());
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ui.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        ui.forEach(Runnable::run);
        assertEquals(List.of("cancelled"), r.heard, "the result computed after cancel is dropped");
        executor.shutdown();
    }

    @Test
    void fxExecutorCoalescesProgressToTheLatestValue() throws Exception {
        ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
        FxBackgroundExecutor executor = new FxBackgroundExecutor(1, ui::add);
        Recorder r = new Recorder();
        CountDownLatch done = new CountDownLatch(1);
        executor.submit(c -> {
            for (int i = 1; i <= 1000; i++) {
                c.progress(i / 1000.0, "step");
            }
            done.countDown();
            return 1;
        }, r);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ui.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        ui.forEach(Runnable::run);
        // one progress delivery is pending at a time, and it carries the newest value
        assertEquals(List.of("progress 1.0", "ok 1"), r.heard);
        executor.shutdown();
    }
}
