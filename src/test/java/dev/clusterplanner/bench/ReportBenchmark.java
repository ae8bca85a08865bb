package dev.clusterplanner.bench;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.PlanResult;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.app.ReportService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 8's target: the PDF report of the seed's example plan (three Meerkat desktops) in under 2 s.
 * {@code analyseAndRender} is what {@code plan PLAN.json --pdf FILE} does after loading the files: the
 * analysis (sizing, storage, network, power, cost) and the report (mapping, layout, font subsetting,
 * saving), in memory. {@code render} is the report alone, on a ready analysis.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReportBenchmark {

    private Catalog catalog;
    private Plan plan;
    private PlanResult result;
    private final PlanningService planning = new PlanningService();
    private final ReportService reports = new ReportService(planning);

    @Setup(Level.Trial)
    public void load() throws Exception {
        catalog = new CatalogService().load();
        plan = ExamplePlans.defaultPlan();
        result = planning.analyse(plan, catalog);
    }

    @Benchmark
    public byte[] analyseAndRender() throws Exception {
        PlanResult r = planning.analyse(plan, catalog);
        return reports.render(plan, catalog, r, List.of(), ReportService.Paper.A4, LocalDate.of(2026, 11, 25), null).pdf();
    }

    @Benchmark
    public byte[] render() throws Exception {
        return reports.render(plan, catalog, result, List.of(), ReportService.Paper.A4, LocalDate.of(2026, 11, 25), null).pdf();
    }
}
