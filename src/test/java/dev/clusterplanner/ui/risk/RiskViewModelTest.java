package dev.clusterplanner.ui.risk;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.SimulationService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.ui.FxBackgroundExecutor;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Risk view-model on the seed plan, without the toolkit. */
class RiskViewModelTest {

    static Catalog catalog;

    @BeforeAll
    static void loadCatalog() throws Exception {
        catalog = new CatalogService().load();
    }

    final PlanDocument document = new PlanDocument(SeedPlan.plan());

    @Test
    void aRunFillsTheHistogramWithEveryTrialAndTheExhaustionCurveWithEveryMonth() {
        RiskViewModel vm = new RiskViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
                new SimulationService(), new SimpleIntegerProperty(0));
        vm.trialsProperty().set(500);
        vm.run();
        assertFalse(vm.runningProperty().get());
        assertEquals(1, vm.results().size(), vm.statusProperty().get());
        // every trial lands in exactly one bin of the selected option's histogram
        assertEquals(500, vm.histogram().stream().mapToInt(RiskViewModel.Bar::trials).sum());
        // the default horizon is 5 years = 60 months
        assertEquals(60, vm.exhaustion().size());
        for (int m = 1; m < vm.exhaustion().size(); m++) {
            assertTrue(vm.exhaustion().get(m) >= vm.exhaustion().get(m - 1), "exhaustion by month m can only grow");
        }
        assertTrue(vm.summaryProperty().get().contains("500 trials"), vm.summaryProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
    }

    @Test
    void theAnswerComesFirstAndTheHistogramOpensOnTheRecommendedOptionWithItsPercentiles() {
        RiskViewModel vm = new RiskViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
                new SimulationService(), new SimpleIntegerProperty(0));
        assertEquals("", vm.headlineProperty().get(), "nothing before a run");
        vm.trialsProperty().set(400);
        vm.run();
        var sim = vm.results().get(0);
        String answer = vm.headlineProperty().get();
        assertTrue(answer.startsWith("Owning 3 x " + SeedPlan.MEERKAT + " is cheaper than every alternative in "), answer);
        assertTrue(answer.contains("% of 400 futures; capacity "), answer);
        int owned = sim.inputs().ownedOption();
        assertTrue(owned >= 0);
        assertEquals(owned, vm.optionIndexProperty().get(), "the recommended (owned) option's histogram first");
        var stats = sim.result().options().get(owned);
        assertEquals(stats.p50(), vm.p50Property().get());
        assertEquals(stats.p90(), vm.p90Property().get());
        assertTrue(vm.p50Property().get() <= vm.p90Property().get());
    }

    @Test
    void aSeedThatIsNotANumberIsRefusedBeforeRunning() {
        RiskViewModel vm = new RiskViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
                new SimulationService(), new SimpleIntegerProperty(0));
        vm.seedProperty().set("lucky");
        vm.run();
        assertEquals("The seed must be a whole number, got 'lucky'", vm.statusProperty().get());
        assertTrue(vm.results().isEmpty());
    }

    @Test
    void cancellingARunStopsItAndKeepsThePreviousResults() throws Exception {
        ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
        FxBackgroundExecutor executor = new FxBackgroundExecutor(1, ui::add);
        RiskViewModel vm = new RiskViewModel(document, new SimpleObjectProperty<>(catalog), executor,
                new SimulationService(), new SimpleIntegerProperty(0));
        vm.trialsProperty().set(200);
        vm.run();
        drainUntil(ui, () -> !vm.runningProperty().get());
        assertEquals(1, vm.results().size());
        var first = vm.results().get(0);

        vm.trialsProperty().set(5_000_000);
        vm.run();
        assertTrue(vm.runningProperty().get());
        vm.cancel();
        assertFalse(vm.runningProperty().get(), "the screen is released at once");
        assertEquals("Cancelled; the results shown are from the previous run", vm.statusProperty().get());
        drainFor(ui, 300);
        assertEquals(1, vm.results().size());
        assertTrue(first == vm.results().get(0), "the cancelled run's partial result never replaces the previous one");
        executor.shutdown();
    }

    static void drainUntil(ConcurrentLinkedQueue<Runnable> ui, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable r = ui.poll();
            if (r == null) {
                Thread.sleep(5);
            } else {
                r.run();
            }
        }
        assertTrue(done.getAsBoolean(), "timed out");
    }

    static void drainFor(ConcurrentLinkedQueue<Runnable> ui, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            Runnable r = ui.poll();
            if (r == null) {
                Thread.sleep(5);
            } else {
                r.run();
            }
        }
    }
}
