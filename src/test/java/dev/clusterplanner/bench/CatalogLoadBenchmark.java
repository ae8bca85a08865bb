package dev.clusterplanner.bench;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.core.model.Catalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3's target: loading all shipped catalogs (every hardware, price and workload CSV, read from
 * the class path, parsed strictly and merged) in under 100 ms. {@code warm} is the steady state (sampled: the median resists the spikes of a shared machine);
 * {@code cold} is the first load in a fresh JVM (class loading of OpenCSV included), as at app start.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogLoadBenchmark {

    private final CatalogService service = new CatalogService(null,
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Fork(1)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Catalog warm() throws Exception {
        return service.loadReport().catalog();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(3)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Catalog cold() throws Exception {
        return service.loadReport().catalog();
    }
}
