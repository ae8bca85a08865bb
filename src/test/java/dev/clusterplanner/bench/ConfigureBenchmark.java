package dev.clusterplanner.bench;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.PlanResult;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.configure.ConfigurationChoice;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.model.Plan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What configure-to-order costs an analysis: the whole plan analysis (configuration choice, sizing, storage, power,
 * cost) of an example plan with the shipped catalog's options ({@code withOptions}) and with a catalog that has none
 * ({@code withoutOptions}), in the same run; and the configuration choice alone ({@code choiceOnly}).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ConfigureBenchmark {

    @Param({"supermicro-cluster.plan.json", "hybrid.plan.json"})
    public String example;

    private Catalog catalog;
    private Catalog bare;
    private Plan plan;
    private final PlanningService planning = new PlanningService();

    @Setup(Level.Trial)
    public void load() throws Exception {
        catalog = new CatalogService().load();
        bare = new Catalog(catalog.hardware(), catalog.prices(), catalog.profiles(), catalog.overridden(), catalog.userRows(), List.of());
        plan = ExamplePlans.load(example);
    }

    @Benchmark
    public PlanResult withOptions() throws Exception {
        return planning.analyse(plan, catalog);
    }

    @Benchmark
    public PlanResult withoutOptions() throws Exception {
        return planning.analyse(plan, bare);
    }

    /** The configuration choice alone, for every site of the plan (what configure-to-order adds to an analysis). */
    @Benchmark
    public int choiceOnly() {
        int n = 0;
        HostCost cost = HostCost.simple(plan.cost().months());
        for (Site s : plan.sites()) {
            List<Hardware> hw = s.hardware().stream().map(id -> catalog.hardware(id).orElseThrow()).toList();
            n += ConfigurationChoice.choose(s, hw, catalog, cost).chosen().size();
        }
        return n;
    }
}
