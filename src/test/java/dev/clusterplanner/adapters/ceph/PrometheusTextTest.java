package dev.clusterplanner.adapters.ceph;

import dev.clusterplanner.adapters.ceph.PrometheusText.Exposition;
import dev.clusterplanner.adapters.ceph.PrometheusText.Sample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {

    /** Text scraped from the real Ceph lab's manager (see the file's first line). */
    static String labMetrics() throws IOException {
        try (InputStream in = PrometheusTextTest.class.getResourceAsStream("/ceph/lab-metrics.txt")) {
            assertNotNull(in, "src/test/resources/ceph/lab-metrics.txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEverySampleOfTheRealLabScrape() throws IOException {
        String text = labMetrics();
        assertTrue(text.startsWith("# scraped from the real Ceph lab"), "the recording says where it comes from");
        Exposition x = PrometheusText.parse(text);
        // 1,624 lines: 1 header comment + 374 HELP + 374 TYPE + 1 blank line = 750 lines without a sample
        assertEquals(1624 - 750, x.samples().size());
        // Ceph 16.2 repeats HELP and TYPE of ceph_pool_objects_repaired: 4 times, so 374 - 3 distinct metrics
        assertEquals(371, x.types().size());
        assertEquals(371, x.help().size());
        assertEquals(0, x.problems().size(), () -> x.problems().toString());
        assertEquals(3, x.all("ceph_pool_objects_repaired").size());
    }

    @Test
    void labScrapeValuesAndLabelsAreReadAsServed() throws IOException {
        Exposition x = PrometheusText.parse(labMetrics());
        assertEquals("untyped", x.types().get("ceph_health_status"));
        assertEquals("gauge", x.types().get("ceph_pool_stored"));
        assertEquals("Cluster health status", x.help().get("ceph_health_status"));
        assertEquals(0.0, x.first("ceph_health_status").value());
        // the lab wrote 1 MiB + 256 KiB + 8 KiB = 1,048,576 + 262,144 + 8,192 = 1,318,912 bytes into pool 2
        assertEquals(1_318_912.0, x.find("ceph_pool_stored", "pool_id", "2").value());
        assertEquals(3.0, x.find("ceph_pool_objects", "pool_id", "2").value());
        // and 2 MiB + 16 KiB = 2,097,152 + 16,384 = 2,113,536 bytes into the EC pool 3
        assertEquals(2_113_536.0, x.find("ceph_pool_stored", "pool_id", "3").value());
        // three sparse files of 10 GiB = 3 x 10,737,418,240 bytes
        assertEquals(3 * 10_737_418_240.0, x.first("ceph_cluster_total_bytes").value());
        Sample ec = x.find("ceph_pool_metadata", "name", "cp-erasure");
        assertEquals(Map.of("pool_id", "3", "name", "cp-erasure", "type", "erasure", "description", "ec:2+1",
                "compression_mode", "none"), ec.labels());
        Sample osd = x.find("ceph_osd_metadata", "ceph_daemon", "osd.1");
        assertEquals("hdd", osd.label("device_class"));
        assertTrue(osd.label("ceph_version").startsWith("ceph version 16.2."), osd.label("ceph_version"));
    }

    @Test
    void malformedLinesAreReportedWithTheirNumberSkippedAndTheRestRead() {
        String text = String.join("\n",
                "# HELP ok_total fine",                  // 1
                "# TYPE ok_total counter",               // 2
                "ok_total 1",                            // 3
                "broken{a=\"x\" 2",                      // 4: labels not closed
                "no_value",                              // 5
                "bad_value 12abc",                       // 6
                "9starts_with_digit 1",                  // 7
                "quote{a=\"open} 1",                     // 8: value never closed
                "escape{a=\"\\t\"} 1",                   // 9: unknown escape
                "twice{a=\"1\",a=\"2\"} 1",              // 10
                "ts_bad 1 soon",                         // 11
                "# TYPE ok_total gauge",                 // 12: second TYPE that disagrees
                "# TYPE other sometype",                 // 13
                "after_all 7");                          // 14
        Exposition x = PrometheusText.parse(text);
        assertEquals(2, x.samples().size(), () -> x.samples().toString());
        assertEquals(1.0, x.first("ok_total").value());
        assertEquals(7.0, x.first("after_all").value());
        assertEquals(14, x.first("after_all").line());
        assertEquals(java.util.List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 13),
                x.problems().stream().map(PrometheusText.Problem::line).toList());
        assertTrue(x.problems().get(0).reason().contains("'}'"), x.problems().get(0).reason());
        assertTrue(x.problems().get(1).reason().contains("missing value"), x.problems().get(1).reason());
        assertTrue(x.problems().get(2).reason().contains("12abc"), x.problems().get(2).reason());
        assertTrue(x.problems().get(5).reason().contains("\\t"), x.problems().get(5).reason());
        assertTrue(x.problems().get(6).reason().contains("twice"), x.problems().get(6).reason());
        assertTrue(x.problems().get(7).reason().contains("timestamp"), x.problems().get(7).reason());
        assertTrue(x.problems().get(8).reason().contains("second TYPE"), x.problems().get(8).reason());
        assertTrue(x.problems().get(9).reason().contains("sometype"), x.problems().get(9).reason());
        assertTrue(x.problems().get(0).describe().startsWith("line 4: "), x.problems().get(0).describe());
    }

    @Test
    void anAgreeingRepeatedTypeLineIsAcceptedAsCephServesIt() {
        Exposition x = PrometheusText.parse("# HELP r first\n# TYPE r counter\nr{p=\"1\"} 0\n# HELP r again\n# TYPE r counter\nr{p=\"2\"} 1\n");
        assertEquals(0, x.problems().size(), () -> x.problems().toString());
        assertEquals(2, x.all("r").size());
        assertEquals("first", x.help().get("r"));
    }

    @Test
    void escapedQuotesBackslashesAndNewlinesInLabelValuesAreUnescaped() {
        Exposition x = PrometheusText.parse("m{path=\"C:\\\\dir\\\\x\",msg=\"say \\\"hi\\\"\\nbye\",e=\"\"} 3\n");
        Sample s = x.first("m");
        assertEquals("C:\\dir\\x", s.label("path"));
        assertEquals("say \"hi\"\nbye", s.label("msg"));
        assertEquals("", s.label("e"));
        assertEquals(0, x.problems().size());
    }

    @Test
    void aBraceOrCommaInsideAQuotedValueDoesNotEndTheLabels() {
        Exposition x = PrometheusText.parse("m{a=\"x,}y=\\\"z\",b=\"2\",} 5");
        Sample s = x.first("m");
        assertEquals("x,}y=\"z", s.label("a"));
        assertEquals("2", s.label("b"));
        assertEquals(5.0, s.value());
    }

    @Test
    void specialValuesAndTimestampsAreRead() {
        Exposition x = PrometheusText.parse("""
                a NaN
                b +Inf
                c -Inf
                d 1.5e3 1700000000123
                e -0.25\t42
                f{l="v"}  \t 2E-2
                """);
        assertTrue(Double.isNaN(x.first("a").value()));
        assertEquals(Double.POSITIVE_INFINITY, x.first("b").value());
        assertEquals(Double.NEGATIVE_INFINITY, x.first("c").value());
        assertEquals(1500.0, x.first("d").value());
        assertEquals(1_700_000_000_123L, x.first("d").timestampMs());
        assertEquals(-0.25, x.first("e").value());
        assertEquals(42L, x.first("e").timestampMs());
        assertNull(x.first("f").timestampMs());
        assertEquals(0.02, x.first("f").value());
        assertEquals(0, x.problems().size(), () -> x.problems().toString());
    }

    @Test
    void javaOnlyNumberSpellingsAreRejected() {
        // Double.parseDouble would accept these; Prometheus (Go's ParseFloat) does not
        Exposition x = PrometheusText.parse("a 1d\nb 0x1p3\nc 2f\n");
        assertEquals(0, x.samples().size());
        assertEquals(3, x.problems().size());
    }

    @Test
    void helpTextUnescapesBackslashAndNewlineAndCommentsAreIgnored() {
        Exposition x = PrometheusText.parse("# just a comment\n# HELP m a \\\\ b\\nc\n#\nm 1\r\n# EOF\nignored 2\n");
        assertEquals("a \\ b\nc", x.help().get("m"));
        assertEquals(1, x.samples().size(), "CRLF is accepted and nothing after # EOF is read");
        assertEquals(0, x.problems().size());
    }
}
