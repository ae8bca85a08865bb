package dev.clusterplanner.adapters.ceph;

import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephPool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapping of answers recorded from the real Ceph lab (each file's first line says when and how). */
class CephRecordedTest {

    static final long GIB = 1024L * 1024 * 1024;

    static String recorded(String name) throws IOException {
        try (InputStream in = CephRecordedTest.class.getResourceAsStream("/ceph/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("# scraped from the real Ceph lab"), name);
            return text;
        }
    }

    static com.fasterxml.jackson.databind.JsonNode json(String name) throws IOException {
        String text = recorded(name);
        return CephJson.parse(text.substring(text.indexOf('\n') + 1), name);
    }

    @Test
    void recordedMetricsMapToTheLabAsCreated() throws IOException {
        CephCluster c = CephMetrics.toCluster(PrometheusText.parse(recorded("lab-metrics.txt")), "recorded", Instant.EPOCH);
        assertEquals(CephHealth.OK, c.health());
        assertEquals(3, c.osds().size());
        assertEquals(3 * 10 * GIB, c.totalBytes());
        // ceph_osd_stat_bytes_used of osd.0 in the recording
        assertEquals(306_913_280L, c.osds().get(0).usedBytes());
        CephPool ec = c.pool("cp-erasure");
        assertEquals(2, ec.k());
        assertEquals(1, ec.m());
        assertEquals(2 * 1024 * 1024 + 16 * 1024, ec.storedBytes());
        CephPool rep = c.pool("cp-replicated");
        assertEquals(3, rep.size());
        assertNull(rep.minSize());
        assertEquals(1024 * 1024 + 256 * 1024 + 8 * 1024, rep.storedBytes());
        assertTrue(c.version().startsWith("ceph version 16.2.15"), c.version());
        assertEquals(0, c.warnings().size(), () -> c.warnings().toString());
    }

    @Test
    void recordedCliAnswersMapToTheLabAsCreated() throws IOException {
        CephCluster c = CephJson.toCluster(new CephJson.Answers(json("cli-status.json"), json("cli-df.json"), json("cli-osd-df.json"),
                json("cli-osd-pool-ls-detail.json"), json("cli-osd-metadata.json"), json("cli-osd-dump.json")), "recorded", Instant.EPOCH);
        assertEquals(CephHealth.OK, c.health());
        assertEquals(3, c.osds().size());
        assertEquals(10 * GIB, c.osds().get(2).sizeBytes()); // kb 10,485,760 x 1,024
        assertEquals("vm", c.osds().get(2).host());
        CephPool rep = c.pool("cp-replicated");
        assertEquals(2, rep.minSize());
        assertEquals(3, rep.size());
        CephPool ec = c.pool("cp-erasure");
        assertTrue(ec.erasureCoded());
        assertEquals(2, ec.k());
        assertEquals(1, ec.m());
        assertEquals(2, ec.minSize()); // Ceph's default for EC: k + 1
        assertEquals(0.85, c.nearfullRatio());
        assertEquals(3 * 10 * GIB, c.totalBytes());
        assertEquals(c.totalBytes(), c.usedRawBytes() + c.availBytes());
    }

    @Test
    void aNonJsonAnswerIsReported() {
        CephReadException e = org.junit.jupiter.api.Assertions.assertThrows(CephReadException.class,
                () -> CephJson.parse("Error EACCES: access denied", "ceph df"));
        assertTrue(e.getMessage().startsWith("ceph df: not JSON"), e.getMessage());
    }

    @Test
    void malformedMetricLinesBecomeWarningsAndTheRestIsStillMapped() {
        String text = """
                ceph_health_status 1
                ceph_osd_up{ceph_daemon="osd.0"} 1
                ceph_osd_stat_bytes{ceph_daemon="osd.0" 100
                ceph_osd_metadata{ceph_daemon="osd.0",hostname="h1",device_class="ssd"} 1
                """;
        CephCluster c = CephMetrics.toCluster(PrometheusText.parse(text), "t", Instant.EPOCH);
        assertEquals(CephHealth.WARN, c.health());
        assertEquals(1, c.osds().size());
        assertEquals("h1", c.osds().get(0).host());
        assertEquals(0, c.osds().get(0).sizeBytes(), "the malformed size line is skipped, not guessed");
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("metrics line 3: ")), () -> c.warnings().toString());
    }
}
