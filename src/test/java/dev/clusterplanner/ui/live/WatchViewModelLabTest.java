package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.TrustedCertificates;
import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.lab.IncusLab;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.ScriptedDialogs;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.TestContexts;
import dev.clusterplanner.ui.UserSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The usage part of the Live area against the real Incus lab, without the toolkit: a watch runs on the test's thread
 * (synchronous executor), its charts' lines, table and findings fill, it opens again from its samples file, and the
 * observed use becomes a plan.
 */
class WatchViewModelLabTest {

    static IncusLab lab;

    @TempDir
    Path dir;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final UserSettings settings = UserSettings.inMemory();
    final List<Plan> imported = new ArrayList<>();
    LiveViewModel vm;

    @BeforeAll
    static void containers() {
        lab = IncusLab.requireEmpty();
        lab.incus("launch", "tiny", "ui-idle-1", "--target", "node1", "-c", "limits.cpu=2", "-c", "limits.memory=512MiB");
    }

    @AfterAll
    static void deleteThem() {
        if (lab != null && lab.incus("list", "--format", "csv", "-c", "n").lines().anyMatch("ui-idle-1"::equals)) {
            lab.incus("delete", "--force", "ui-idle-1");
        }
    }

    @BeforeEach
    void viewModel() {
        vm = new LiveViewModel(new PlanDocument(SeedPlan.plan()), TestContexts.synchronous(dir, dialogs, settings), p -> imported.add(p));
        vm.connectionProperty().set(LiveViewModel.Connection.URL);
        vm.urlProperty().set(lab.url());
        vm.certificateProperty().set(lab.cert());
        vm.keyProperty().set(lab.key());
    }

    @Test
    void overAUrlTheServerMustBeTrustedByAConnectionFirst() {
        vm.startWatch();
        assertTrue(vm.watch().statusProperty().get().startsWith("Connect and read once first"), vm.watch().statusProperty().get());
        assertTrue(vm.watch().rows().isEmpty());
    }

    @Test
    void aWatchFillsTheChartsTableAndFindingsAndOpensAgainFromItsFile() throws Exception {
        new TrustedCertificates(settings).trust(new ProbeService.Url(lab.url(), lab.cert(), lab.key()), lab.fingerprint());
        WatchViewModel w = vm.watch();
        w.durationProperty().set("6s");
        w.intervalProperty().set("2s");
        vm.startWatch();
        assertFalse(w.runningProperty().get());
        assertNotNull(w.resultProperty().get(), w.statusProperty().get());
        assertEquals(4, w.resultProperty().get().samples().size());          // 6 s / 2 s + 1
        WatchViewModel.Row idle = w.rows().stream().filter(r -> r.instance().equals("ui-idle-1")).findFirst().orElseThrow();
        assertEquals("2", idle.cpuLimit());
        assertTrue(idle.cores().startsWith("mean 0.0"), idle.cores());
        assertTrue(w.instanceLines().stream().anyMatch(l -> l.name().equals("ui-idle-1") && l.points().size() == 3));
        assertEquals(3, w.memberLines().size());
        assertTrue(w.findings().stream().anyMatch(f -> f.rule().equals("usage.cpu-oversized") && f.text().startsWith("ui-idle-1: 2 CPU limit")),
                w.findings().toString());
        Path log = w.resultProperty().get().log();
        assertTrue(Files.isRegularFile(log) && log.startsWith(dir), log.toString());

        // a saved watch opens again later, in a new view-model
        LiveViewModel again = new LiveViewModel(new PlanDocument(SeedPlan.plan()), TestContexts.synchronous(dir, dialogs, settings), imported::add);
        dialogs.filesToOpen.add(log);
        again.openWatch();
        assertEquals(4, again.watch().resultProperty().get().samples().size());
        assertEquals(w.rows(), again.watch().rows());

        // observed use as a plan: the idle container asks for a tenth of a core, not its 2 CPU limit
        again.watch().importObserved();
        assertEquals(1, imported.size());
        Workload idleLoad = imported.get(0).sites().get(0).workloads().stream().filter(x -> x.name().equals("ui-idle")).findFirst().orElseThrow();
        assertEquals(0.1, idleLoad.vcpu(), 1e-9);
    }
}
