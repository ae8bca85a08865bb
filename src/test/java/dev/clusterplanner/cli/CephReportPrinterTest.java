package dev.clusterplanner.cli;

import dev.clusterplanner.adapters.ceph.CephMetrics;
import dev.clusterplanner.adapters.ceph.PrometheusText;
import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.core.live.CephCluster;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CephReportPrinterTest {

    @Test
    void printsHealthOsdsPoolsAndTheFormulasOfTheRecordedLab() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/ceph/lab-metrics.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CephCluster lab = CephMetrics.toCluster(PrometheusText.parse(text), "http://127.0.0.1:9283/metrics", Instant.EPOCH);
        CephProbeService.Result r = new CephProbeService().probe(List.of(() -> lab), List.of("recorded"), null, null, Map.of());
        StringWriter out = new StringWriter();
        CephReportPrinter.print(r, new PrintWriter(out, true));
        String s = out.toString();
        assertTrue(s.startsWith("Ceph: HEALTH_OK, 3 OSD(s) on 1 host(s), read from http://127.0.0.1:9283/metrics"), s);
        // 3 x 10 GiB
        assertTrue(s.contains("raw 30.000 GiB"), s);
        assertTrue(s.contains("osd.2"), s);
        assertTrue(s.contains("cp-erasure") && s.contains("EC 2+1"), s);
        assertTrue(s.contains("against Ceph's defaults"), s);
        assertTrue(s.contains("liveCapacityTiB: raw 0.03 TiB x the plan's nearfull ratio 0.85 / overhead 3"), s);
        assertTrue(r.cluster() != null && r.cluster().pools().size() == 3,
                String.valueOf(r.cluster()));
    }

    @Test
    void anUnreadClusterSaysSo() {
        CephProbeService.Result r = new CephProbeService().probe(List.of(() -> {
            throw new dev.clusterplanner.adapters.ceph.CephReadException("refused");
        }), List.of("x"), null, null, Map.of());
        StringWriter out = new StringWriter();
        CephReportPrinter.print(r, new PrintWriter(out, true));
        assertTrue(out.toString().startsWith("Ceph: not read (see findings)"), out.toString());
    }
}
