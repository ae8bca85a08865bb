package dev.clusterplanner.app;

import dev.clusterplanner.adapters.ceph.CephLab;
import dev.clusterplanner.adapters.ceph.CephReadException;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.core.validation.CephValidator;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CephProbeServiceTest {

    static Plan plan(int oneGibDisks) {
        Site site = new Site("lab", SiteKind.CLUSTER, List.of(Workload.of("vm", WorkloadKind.VM, oneGibDisks, 1, 1, 1)),
                List.of(), null, null);
        return new Plan("lab plan", "", List.of(site), null);
    }

    static String closedUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/metrics";
        }
    }

    @Test
    void anUnreachableSourceIsAnErrorFindingAndTheOtherSourceIsStillValidated() throws Exception {
        CephLab lab = CephLab.require();
        String dead = closedUrl();
        CephProbeService.Result r = new CephProbeService().probe(new CephProbeService.Request(dead, true, lab.conf()),
                plan(20), null, Map.of());
        Finding unreachable = r.findings().get(0);
        assertEquals(CephValidator.RULE_UNREACHABLE, unreachable.rule());
        assertEquals(Severity.ERROR, unreachable.severity());
        assertTrue(unreachable.text().contains(dead), unreachable.text());
        assertNotNull(r.cluster(), "the ceph command still answered");
        assertEquals(2, r.cluster().pool("cp-replicated").minSize());
        assertEquals("lab", r.site());
        // 20 x 1 GiB > 3 x 10 GiB x 0.85 / 3 = 8.5 GiB
        assertFalse(r.validation().withRule(CephValidator.RULE_USABLE_BELOW_PLAN).isEmpty());
    }

    @Test
    void whenNothingAnswersEachSourceIsReportedAndNoPictureIsInvented() {
        CephProbeService.Result r = new CephProbeService().probe(
                List.of(() -> {
                    throw new CephReadException("connection refused");
                }, () -> {
                    throw new CephReadException("no answer within 5 s");
                }), List.of("http://a:9283/metrics", "ceph CLI"), plan(1), null, Map.of());
        assertNull(r.cluster());
        assertNull(r.validation());
        assertEquals(List.of(CephValidator.RULE_UNREACHABLE, CephValidator.RULE_UNREACHABLE), r.findings().stream().map(Finding::rule).toList());
        assertTrue(r.findings().get(1).text().contains("ceph CLI: no answer within 5 s"), r.findings().get(1).text());
        assertTrue(r.hasAtLeast(Severity.WARNING));
    }

    @Test
    void aPlanThatFitsTheLabHasNoCapacityFinding() throws Exception {
        CephLab lab = CephLab.require();
        CephProbeService.Result r = new CephProbeService().probe(new CephProbeService.Request(lab.metricsUrl(), false, null),
                plan(8), null, Map.of());  // 8 GiB <= 8.5 GiB
        assertTrue(r.validation().withRule(CephValidator.RULE_USABLE_BELOW_PLAN).isEmpty(), () -> r.findings().toString());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().equals(CephValidator.RULE_UNREACHABLE)));
    }

    @Test
    void aNamedSiteThatIsNotInThePlanIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CephProbeService.pickSite(plan(1), "prod"));
        assertTrue(e.getMessage().contains("no site 'prod' (sites: lab)"), e.getMessage());
    }
}
