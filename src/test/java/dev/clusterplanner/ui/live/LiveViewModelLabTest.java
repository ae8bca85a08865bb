package dev.clusterplanner.ui.live;

import dev.clusterplanner.core.model.Plan;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Live view-model against the real Incus lab (three members, one container), without the toolkit: the
 * {@link dev.clusterplanner.ui.SynchronousExecutor} runs the probe on the test's thread.
 */
class LiveViewModelLabTest {

    static IncusLab lab;

    @TempDir
    Path dir;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final UserSettings settings = UserSettings.inMemory();
    final List<Plan> imported = new ArrayList<>();
    LiveViewModel vm;

    @BeforeAll
    static void oneContainer() {
        lab = IncusLab.requireEmpty();
        lab.incus("launch", "tiny", "ui-web-1", "--target", "node2", "-c", "limits.cpu=1", "-c", "limits.memory=256MiB");
    }

    @AfterAll
    static void deleteIt() {
        if (lab != null && lab.incus("list", "--format", "csv", "-c", "n").lines().anyMatch("ui-web-1"::equals)) {
            lab.incus("delete", "--force", "ui-web-1");
        }
    }

    @BeforeEach
    void viewModel() {
        vm = new LiveViewModel(new PlanDocument(SeedPlan.plan()), TestContexts.synchronous(dir, dialogs, settings), imported::add);
        vm.connectionProperty().set(LiveViewModel.Connection.URL);
        vm.urlProperty().set(lab.url());
        vm.certificateProperty().set(lab.cert());
        vm.keyProperty().set(lab.key());
    }

    List<String> members() {
        return vm.rows().stream().map(LiveComparisonTable.Row::member).filter(m -> m.startsWith("node")).distinct().toList();
    }

    @Test
    void anUnknownServerCertificateIsShownAndRefusingItReadsNothing() {
        dialogs.fingerprintAnswers.add(false);
        vm.connect();
        assertEquals(List.of("trust " + lab.url() + " " + lab.fingerprint()), dialogs.asked);
        assertEquals("Not connected: the certificate of " + lab.url() + " (SHA-256 " + lab.fingerprint() + ") was not trusted.",
                vm.incusStatusProperty().get());
        assertNull(vm.incusResultProperty().get());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aTrustedCertificateIsReadWithEveryMemberAndPinnedForTheNextConnection() {
        dialogs.fingerprintAnswers.add(true);
        vm.connect();
        assertEquals(List.of("node1", "node2", "node3"), members(), vm.incusStatusProperty().get());
        assertTrue(vm.incusStatusProperty().get().startsWith("Read " + lab.url() + ": "), vm.incusStatusProperty().get());
        assertTrue(vm.incusStatusProperty().get().contains("3 member(s), 1 instance(s), compared with site 'production'"),
                vm.incusStatusProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        // the seed plan has 9 instances; the lab runs 1 (ui-web-1, unplanned)
        LiveComparisonTable.Row instances = vm.rows().stream().filter(r -> r.member().equals(LiveComparisonTable.ALLOCATED) && r.figure().equals("instances"))
                .findFirst().orElseThrow();
        assertEquals("9", instances.planned());
        assertEquals("1", instances.actual());
        assertTrue(vm.incusFindings().stream().anyMatch(f -> f.rule().equals("live.instance-missing")));

        // the second connection uses the pinned fingerprint: no question (a question with no scripted answer fails)
        vm.connect();
        assertEquals(1, dialogs.asked.size(), dialogs.asked.toString());
        assertEquals(List.of("node1", "node2", "node3"), members());
    }

    @Test
    void aForgottenCertificateIsShownAgainAtTheNextConnection() {
        dialogs.fingerprintAnswers.add(true);
        vm.connect();
        assertEquals(List.of("node1", "node2", "node3"), members());
        vm.forgetFingerprint();
        assertEquals("Forgot the certificate trusted for " + lab.url() + "; the next connection shows its fingerprint.",
                vm.incusStatusProperty().get());
        dialogs.fingerprintAnswers.add(true);
        vm.connect();
        assertEquals(List.of("trust " + lab.url() + " " + lab.fingerprint(), "trust " + lab.url() + " " + lab.fingerprint()), dialogs.asked);
    }

    @Test
    void aCertificateOtherThanTheTrustedOneIsRefusedWithAHowTo() {
        // a pin left from an earlier server at this address: the lab's certificate does not match it
        settings.put(dev.clusterplanner.app.TrustedCertificates.key(new dev.clusterplanner.app.ProbeService.Url(lab.url(), lab.cert(), lab.key())), "ab".repeat(32));
        vm.connect();
        String status = vm.incusStatusProperty().get();
        assertTrue(status.startsWith("Not connected: TLS error: server certificate changed"), status);
        assertTrue(status.contains("'Forget trusted certificate'"), status);
        assertTrue(dialogs.asked.isEmpty(), "a changed certificate is never offered for trust: " + dialogs.asked);
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aRemoteOfTheLabsIncusClientIsListedAndReadWithItsPinnedCertificate() {
        vm.configDirProperty().set(lab.clientConfigDir());
        assertTrue(vm.remotes().contains(lab.get("CP_INCUS_REMOTE")), vm.remotes().toString());
        vm.remoteProperty().set(lab.get("CP_INCUS_REMOTE"));
        vm.connectionProperty().set(LiveViewModel.Connection.REMOTE);
        vm.connect();
        assertEquals(List.of("node1", "node2", "node3"), members(), vm.incusStatusProperty().get());
        assertTrue(dialogs.asked.isEmpty(), "servercerts/ pins the lab's certificate: " + dialogs.asked);

        vm.importAsPlan();
        assertEquals(1, imported.size());
        assertEquals(1, imported.get(0).sites().stream().mapToInt(s -> s.instanceCount()).sum(), "ui-web-1 becomes one planned instance");
    }
}
