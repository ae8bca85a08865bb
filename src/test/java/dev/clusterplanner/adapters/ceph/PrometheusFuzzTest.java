package dev.clusterplanner.adapters.ceph;

import dev.clusterplanner.fuzz.Mutations;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The Prometheus text reader and the Ceph mapping on mutated recorded metrics and random text. */
class PrometheusFuzzTest {

    static String recorded() {
        try (InputStream in = PrometheusFuzzTest.class.getResourceAsStream("/ceph/lab-metrics.txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.length() > 20_000 ? all.substring(0, all.lastIndexOf('\n', 20_000) + 1) : all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> expositions() {
        return Mutations.inputs(List.of(recorded(), "# TYPE ceph_health_status gauge\nceph_health_status 0\nceph_osd_up{ceph_daemon=\"osd.0\"} 1\n"), 300);
    }

    @Property
    void theTextReaderNeverThrowsAndReportsBadLinesAsProblems(@ForAll("expositions") String text) {
        PrometheusText.Exposition x = PrometheusText.parse(text);
        assertNotNull(x.samples());
        x.problems().forEach(p -> assertFalse(p.describe().isBlank()));
    }

    @Property
    void theCephMappingGivesAClusterOrSaysWhyNot(@ForAll("expositions") String text) {
        try {
            assertNotNull(CephMetricsReader.toCluster(text, "http://fuzz:9283/metrics", Instant.EPOCH));
        } catch (CephReadException e) {
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }
}
