package dev.clusterplanner.cli;

import dev.clusterplanner.adapters.ceph.CephLab;
import dev.clusterplanner.lab.IncusLab;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code probe ... --ceph-metrics URL / --ceph-cli} against the real Incus lab and the real Ceph lab together. */
class ProbeCephLabTest {

    record Result(int code, String out, String err) {
    }

    static Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static List<String> probe(IncusLab incus, String... more) {
        List<String> a = new ArrayList<>(List.of("probe", "--url", incus.url(), "--cert", incus.cert().toString(),
                "--key", incus.key().toString(), "--fingerprint", incus.fingerprint()));
        a.addAll(List.of(more));
        return a;
    }

    /** A one-site Ceph plan whose workloads need {@code disks} x 1 GiB. */
    static Path plan(Path dir, int disks) throws Exception {
        Path f = dir.resolve("ceph-" + disks + ".plan.json");
        Files.writeString(f, """
                {"format": 1, "name": "ceph lab", "sites": [{"name": "lab", "kind": "cluster", "hardware": [],
                  "policy": {"storage": "ceph"},
                  "workloads": [{"name": "vm", "kind": "container", "count": %d, "vcpu": 1, "memoryGib": 0.25, "diskGib": 1}]}]}
                """.formatted(disks));
        return f;
    }

    @Test
    void aPlanAskingMoreUsableCapacityThanTheCephLabHasIsAFindingAndExit3(@TempDir Path dir) throws Exception {
        IncusLab incus = IncusLab.require();
        CephLab ceph = CephLab.require();
        // the Ceph lab: 3 x 10 GiB raw, size 3, nearfull 0.85: 30 x 0.85 / 3 = 8.5 GiB; the plan needs 20 x 1 GiB
        Result big = run(probe(incus, "--plan", plan(dir, 20).toString(), "--ceph-metrics", ceph.metricsUrl()));
        assertEquals(Cli.FINDINGS, big.code(), big.err() + big.out());
        assertTrue(big.out().contains("Ceph: HEALTH_OK, 3 OSD(s) on 1 host(s)"), big.out());
        assertTrue(big.out().contains("ceph.live.usable-below-plan: the plan's workloads need 20 GiB"), big.out());
        assertTrue(big.out().contains("node1"), "the Incus part is printed too: " + big.out());
        // 8 x 1 GiB fits: no capacity finding (the lab's single host still is one)
        Result small = run(probe(incus, "--plan", plan(dir, 8).toString(), "--ceph-cli", "--ceph-conf", ceph.conf().toString()));
        assertFalse(small.out().contains("ceph.live.usable-below-plan"), small.out());
        assertTrue(small.out().contains("ceph.live.single-host"), small.out());
        assertTrue(small.out().contains("replicated size 3/min_size 2"), "the ceph command gives min_size: " + small.out());
    }

    @Test
    void probeJsonCarriesTheCephPoolsAndOsdsTheLabCreated(@TempDir Path dir) throws Exception {
        IncusLab incus = IncusLab.require();
        CephLab ceph = CephLab.require();
        Path json = dir.resolve("probe.json");
        Result r = run(probe(incus, "--ceph-cli", "--ceph-conf", ceph.conf().toString(), "--json", json.toString()));
        assertEquals(Cli.FINDINGS, r.code(), "the lab's single Ceph host is an error finding: " + r.err() + r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode c = root.path("ceph").path("cluster");
        assertEquals("HEALTH_OK", c.path("health").asText());
        long osds = ceph.number("CP_CEPH_OSDS");
        long osdBytes = ceph.number("CP_CEPH_OSD_BYTES");
        assertEquals(osds, c.path("osds").size());
        for (JsonNode o : c.path("osds")) {
            assertEquals(osdBytes, o.path("sizeBytes").asLong());
            assertEquals(ceph.get("CP_CEPH_HOST"), o.path("host").asText());
            assertTrue(o.path("up").asBoolean() && o.path("in").asBoolean());
        }
        assertEquals(osds * osdBytes, c.path("totalBytes").asLong(), "3 x 10 GiB");
        Map<String, JsonNode> pools = new HashMap<>();
        c.path("pools").forEach(p -> pools.put(p.path("name").asText(), p));
        JsonNode rep = pools.get(ceph.get("CP_CEPH_REP_POOL"));
        assertEquals("replicated", rep.path("type").asText());
        assertEquals(3, rep.path("size").asInt());
        assertEquals(2, rep.path("minSize").asInt());
        // object counts are not compared with what the lab wrote: in this one-host lab Ceph's per-PG object counts flicker
        // (measured over 2 minutes: 3 to 5 for the 3 objects written, while the stored bytes stay exact), so bytes are the check
        assertTrue(rep.path("objects").asLong() > 0, rep.toString());
        assertEquals(ceph.number("CP_CEPH_REP_STORED"), rep.path("storedBytes").asLong());
        JsonNode ec = pools.get(ceph.get("CP_CEPH_EC_POOL"));
        assertEquals("erasure", ec.path("type").asText());
        assertEquals(2, ec.path("k").asInt());
        assertEquals(1, ec.path("m").asInt());
        assertTrue(ec.path("objects").asLong() > 0, ec.toString());
        assertEquals(ceph.number("CP_CEPH_EC_STORED"), ec.path("storedBytes").asLong());
        // raw capacity figure: 3 x 10 GiB = 30 GiB = 30/1024 TiB
        JsonNode raw = null;
        for (JsonNode f : root.path("ceph").path("figures")) {
            if (f.path("figure").asText().equals("liveRawTiB")) {
                raw = f;
            }
        }
        assertEquals(osds * osdBytes / (1024.0 * 1024 * 1024 * 1024), raw.path("value").asDouble(), 1e-12);
        // the lab's Ceph host is the machine's name, its Incus members are node1..: no match, and the probe says so
        JsonNode host = root.path("cephStorage").path("hosts").get(0);
        assertEquals(ceph.get("CP_CEPH_HOST"), host.path("cephHost").asText());
        assertEquals("", host.path("member").asText());
        List<String> rules = new ArrayList<>();
        root.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
        assertTrue(rules.contains("live.ceph-hosts-not-members"), rules.toString());
        assertTrue(rules.contains("ceph.live.single-host"), rules.toString());
        assertTrue(r.out().contains("Ceph OSD hosts as Incus members:"), r.out());

        // the saved probe in the PDF report: plan --pdf --live
        Path pdf = dir.resolve("report.pdf");
        Result report = run(List.of("plan", sizedPlan(dir).toString(), "--pdf", pdf.toString(), "--live", json.toString()));
        assertTrue(report.code() == Cli.OK || report.code() == Cli.FINDINGS, report.err() + report.out());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Live cluster Probe of " + incus.url()), text);
        // stored bytes in MiB with two decimals, from the bytes the lab wrote: 1,318,912 B = 1.26 MiB, 2,113,536 B = 2.02 MiB
        String repStored = mib(ceph.number("CP_CEPH_REP_STORED"));
        String ecStored = mib(ceph.number("CP_CEPH_EC_STORED"));
        assertTrue(text.contains(ceph.get("CP_CEPH_REP_POOL") + " replicated size 3/min_size 2 " + rep.path("objects").asText() + " " + repStored),
                repStored + " in " + text);
        assertTrue(text.contains(ceph.get("CP_CEPH_EC_POOL") + " EC 2+1 (profile cp-ec21) " + ec.path("objects").asText() + " " + ecStored),
                ecStored + " in " + text);
        assertTrue(text.contains("OSDs " + osds + " on 1 host(s), " + osds + " up, " + osds + " in"), text);
        assertTrue(text.contains("ceph.live.single-host"), "the live findings are in the report");
        for (String member : incus.members()) {
            assertTrue(text.contains(member + " online"), member + " compared in the report");
        }
    }

    /** A Ceph plan with a hardware candidate, so that {@code plan} can size it. */
    static Path sizedPlan(Path dir) throws Exception {
        Path f = dir.resolve("ceph-sized.plan.json");
        Files.writeString(f, """
                {"format": 1, "name": "ceph lab sized", "sites": [{"name": "lab", "kind": "cluster", "hardware": ["desktop-meerkat-tall-i5"],
                  "policy": {"storage": "ceph"},
                  "workloads": [{"name": "vm", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 0.25, "diskGib": 1}]}]}
                """);
        return f;
    }

    static String mib(long bytes) {
        String s = String.format(java.util.Locale.ROOT, "%.2f", bytes / 1048576.0);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "") + " MiB";
    }

    @Test
    void anUnreachableMetricsEndpointIsAFindingAndTheIncusPartIsKept() throws Exception {
        IncusLab incus = IncusLab.require();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/metrics";
        Result r = run(probe(incus, "--ceph-metrics", url));
        assertEquals(Cli.FINDINGS, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("ceph.live.unreachable: Ceph could not be read from " + url), r.out());
        assertTrue(r.out().contains("Ceph: not read (see findings)"), r.out());
        for (String member : incus.members()) {
            assertTrue(r.out().contains(member), member + " still listed: " + r.out());
        }
    }
}
