package dev.clusterplanner.adapters.ceph;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is not a Ceph metrics answer is said to be so, instead of reading as a cluster with 0 OSDs. */
class CephNotMetricsTest {

    static final String URL = "http://mgr:9283/metrics";

    static String refusal(String body) {
        return assertThrows(CephReadException.class, () -> CephMetricsReader.toCluster(body, URL, Instant.EPOCH)).getMessage();
    }

    @Test
    void anEmptyCompressedBinaryOrForeignAnswerIsNotACephMetricsEndpoint() {
        for (String body : new String[]{"", "  \n", "\u001f\ufffd\b\u0000\u0000", "\u0000\u0001\u0002garbage", "<html><body>login</body></html>",
                "# TYPE node_load1 gauge\nnode_load1 0.5\n"}) {
            String m = refusal(body);
            assertTrue(m.contains("not a Ceph metrics endpoint") && m.contains(URL), m);
        }
    }

    @Test
    void theSameSeriesTwiceWithDifferentValuesIsRefusedNamingBothLines() {
        String m = refusal("ceph_health_status 0\nceph_osd_up{ceph_daemon=\"osd.0\"} 1\nceph_osd_up{ceph_daemon=\"osd.0\"} 0\n");
        assertTrue(m.contains("ceph_osd_up") && m.contains("line 2") && m.contains("line 3"), m);
    }

    @Test
    void theSameSeriesTwiceWithTheSameValueAndDistinctLabelsAreRead() throws CephReadException {
        var c = CephMetricsReader.toCluster("ceph_health_status 0\nceph_health_status 0\nceph_osd_up{ceph_daemon=\"osd.0\"} 1\n"
                + "ceph_osd_up{ceph_daemon=\"osd.1\"} 1\n", URL, Instant.EPOCH);
        assertEquals(URL, c.source());
    }
}
