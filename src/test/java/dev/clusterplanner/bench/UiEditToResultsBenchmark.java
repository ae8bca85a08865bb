package dev.clusterplanner.bench;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SynchronousExecutor;
import dev.clusterplanner.ui.plan.PlanResultsViewModel;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The desktop app's "edit a workload, see the results" path for the seed's example plan (the default plan:
 * Meerkat cluster compared with bare metal and AWS): one undoable edit of the first workload's count through
 * {@link PlanDocument}, then the Plan & compare view-model sizes, analyses storage/network/power and rebuilds the
 * option cards, placement and cost curves. Synchronous executor, so the time is the whole recompute; drawing the
 * cards is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class UiEditToResultsBenchmark {

    PlanDocument document;
    PlanResultsViewModel vm;
    int flip;

    @Setup
    public void setUp() throws Exception {
        Catalog catalog = new CatalogService().load();
        document = new PlanDocument(ExamplePlans.defaultPlan());
        vm = new PlanResultsViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
                new PlanningService(), new SimpleIntegerProperty(0));
    }

    @Benchmark
    public int editCountAndRecompute() {
        int count = 2 + (flip++ & 1);
        document.edit("count", p -> p.withSite(0, s -> {
            List<Workload> ws = new ArrayList<>(s.workloads());
            ws.set(0, ws.get(0).withCount(count));
            return s.withWorkloads(ws);
        }));
        if (vm.cards().isEmpty()) {
            throw new IllegalStateException("no results: " + vm.stateProperty().get());
        }
        return vm.cards().get(0).hosts();
    }
}
