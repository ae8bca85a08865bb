package dev.clusterplanner.bench;

import dev.clusterplanner.adapters.ceph.CephMetrics;
import dev.clusterplanner.adapters.ceph.PrometheusText;
import dev.clusterplanner.core.live.CephCluster;
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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Parsing and mapping the Ceph manager's metrics: the lab's real scrape (90 KB, 874 samples, 3 OSDs) and the
 * same text repeated 100 times with renumbered OSDs and pools, about the size a 300-OSD cluster serves (9 MB).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CephMetricsParseBenchmark {

    String lab;
    String large;

    @Setup
    public void load() throws Exception {
        try (InputStream in = CephMetricsParseBenchmark.class.getResourceAsStream("/ceph/lab-metrics.txt")) {
            lab = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            int base = i * 3;
            b.append(lab.replace("osd.0\"", "osd." + base + "\"").replace("osd.1\"", "osd." + (base + 1) + "\"")
                    .replace("osd.2\"", "osd." + (base + 2) + "\"").replace("pool_id=\"", "pool_id=\"" + i));
        }
        large = b.toString();
    }

    @Benchmark
    public CephCluster labScrape() {
        return CephMetrics.toCluster(PrometheusText.parse(lab), "bench", Instant.EPOCH);
    }

    @Benchmark
    public CephCluster hundredTimesTheLab() {
        return CephMetrics.toCluster(PrometheusText.parse(large), "bench", Instant.EPOCH);
    }
}
