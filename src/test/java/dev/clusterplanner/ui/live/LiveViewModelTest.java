package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.SynchronousExecutor;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveViewModelTest {

    final LiveViewModel vm = new LiveViewModel(new PlanDocument(SeedPlan.plan()), new SynchronousExecutor(), new CephProbeService());

    @Test
    void withoutASourceNothingIsProbedAndTheUserIsToldWhatToGive() {
        vm.probeCeph();
        assertTrue(vm.statusProperty().get().startsWith("Give the Ceph manager's metrics URL"));
        assertTrue(vm.findings().isEmpty());
    }

    @Test
    void anUnreachableMetricsEndpointBecomesAnErrorFindingNotACrash() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        vm.metricsUrlProperty().set("http://127.0.0.1:" + port + "/metrics");
        vm.probeCeph();
        assertFalse(vm.probingProperty().get());
        assertTrue(vm.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR && f.rule().equals("ceph.live.unreachable")),
                vm.findings().toString());
        assertEquals(Severity.ERROR, vm.findings().get(0).severity(), "worst first");
        assertTrue(vm.statusProperty().get().startsWith("Ceph could not be read"), vm.statusProperty().get());
    }
}
