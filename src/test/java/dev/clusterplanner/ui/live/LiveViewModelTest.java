package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveNic;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.ScriptedDialogs;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.TestContexts;
import dev.clusterplanner.ui.UserSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveViewModelTest {

    @TempDir
    Path dir;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final UserSettings settings = UserSettings.inMemory();
    final PlanDocument document = new PlanDocument(SeedPlan.plan());
    final List<Plan> imported = new ArrayList<>();
    LiveViewModel vm;

    @BeforeEach
    void viewModel() {
        vm = new LiveViewModel(document, TestContexts.synchronous(dir, dialogs, settings), p -> imported.add(p));
    }

    @Test
    void withoutASourceNothingIsProbedAndTheUserIsToldWhatToGive() {
        vm.ceph().probeCeph();
        assertTrue(vm.ceph().statusProperty().get().startsWith("Give the Ceph manager's metrics URL"));
        assertTrue(vm.ceph().findings().isEmpty());
    }

    @Test
    void anUnreachableMetricsEndpointBecomesAnErrorFindingNotACrash() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        vm.ceph().metricsUrlProperty().set("http://127.0.0.1:" + port + "/metrics");
        vm.ceph().probeCeph();
        assertFalse(vm.ceph().probingProperty().get());
        assertTrue(vm.ceph().findings().stream().anyMatch(f -> f.severity() == Severity.ERROR && f.rule().equals("ceph.live.unreachable")),
                vm.ceph().findings().toString());
        assertEquals(Severity.ERROR, vm.ceph().findings().get(0).severity(), "worst first");
        assertTrue(vm.ceph().statusProperty().get().startsWith("Ceph could not be read"), vm.ceph().statusProperty().get());
    }

    // ----- Incus

    static final long GIB = 1L << 30;

    /** node1: 8 threads, 64 GiB, a 10 GbE port; node2: did not answer in time. */
    static LiveSnapshot snapshot() {
        LiveResources r = new LiveResources("cpu", 1, 4, 8, 64 * GIB, 0, List.of(), List.of(new LiveNic("eth0", "ixgbe", 10_000L, true)), List.of());
        LiveMember up = new LiveMember("node1", "https://10.0.0.1:8443", MemberStatus.ONLINE, "", List.of(), "", r, "");
        LiveMember slow = new LiveMember("node2", "https://10.0.0.2:8443", MemberStatus.SLOW, "", List.of(), "", null, "timed out");
        return new LiveSnapshot(Instant.parse("2026-11-25T19:00:00Z"), "https://10.0.0.1:8443", "node1", "6.0.4", true, "",
                List.of(up, slow), List.of(), List.of(), List.of(), List.of(), 12);
    }

    LiveComparisonTable.Row row(String member, String figure) {
        return vm.rows().stream().filter(r -> r.member().equals(member) && r.figure().equals(figure)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + member + "/" + figure + " in " + vm.rows()));
    }

    @Test
    void theRemotesOfTheIncusClientAreListedWithItsDefaultPickedAndImageServersLeftOut() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("incus-conf"));
        Files.writeString(conf.resolve("config.yml"), """
                default-remote: prod
                remotes:
                  images: {addr: 'https://images.linuxcontainers.org', protocol: simplestreams, public: true}
                  prod: {addr: 'https://10.0.0.1:8443', auth_type: tls, protocol: incus}
                  lab: {addr: 'https://127.0.0.1:8443', auth_type: tls, protocol: incus}
                """);
        vm.configDirProperty().set(conf);
        // "local" is added as the incus client does; the image server cannot be probed
        assertEquals(List.of("prod", "lab", "local"), List.copyOf(vm.remotes()));
        assertEquals("prod", vm.remoteProperty().get());
        assertEquals(LiveViewModel.Connection.REMOTE, vm.connectionProperty().get());
    }

    @Test
    void withoutAnIncusClientConfigurationTheFormSwitchesToUrlAndSaysWhereItLooked() {
        vm.connectionProperty().set(LiveViewModel.Connection.REMOTE);
        vm.configDirProperty().set(dir.resolve("nothing-here"));
        assertTrue(vm.remotes().isEmpty());
        assertEquals(LiveViewModel.Connection.URL, vm.connectionProperty().get());
        assertTrue(vm.remotesNoteProperty().get().contains(dir.resolve("nothing-here").resolve("config.yml").toString()),
                vm.remotesNoteProperty().get());
    }

    @Test
    void aUrlWithoutCertificateAndKeyIsNotTriedAndTheUserIsToldWhatIsMissing() {
        vm.connectionProperty().set(LiveViewModel.Connection.URL);
        vm.urlProperty().set("https://10.0.0.1:8443");
        vm.certificateProperty().set(null);
        vm.keyProperty().set(null);
        vm.connect();
        assertEquals("Give the client certificate (client.crt), its key (client.key).", vm.incusStatusProperty().get());
        assertFalse(vm.connectingProperty().get());
        assertNull(vm.incusResultProperty().get());
    }

    @Test
    void theCertificateAndKeyComeFromTheFileChooser() {
        dialogs.filesToOpen.add(dir.resolve("client.crt"));
        dialogs.filesToOpen.add(dir.resolve("client.key"));
        vm.chooseCertificate();
        vm.chooseKey();
        assertEquals(dir.resolve("client.crt"), vm.certificateProperty().get());
        assertEquals(dir.resolve("client.key"), vm.keyProperty().get());
        assertEquals(List.of("Client certificate", "Client key"), dialogs.asked);
    }

    @Test
    void aMissingUnixSocketIsAConnectionErrorInTheStatusLineNotACrash() {
        vm.connectionProperty().set(LiveViewModel.Connection.LOCAL);
        vm.socketProperty().set(dir.resolve("no.socket").toString());
        vm.connect();
        assertFalse(vm.connectingProperty().get());
        assertEquals(0.0, vm.progressProperty().get());
        assertTrue(vm.incusStatusProperty().get().startsWith("Not connected: connection error"), vm.incusStatusProperty().get());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aSavedSnapshotOpensAsThePlanVsActualTableWithSeverities() throws Exception {
        Path file = dir.resolve("lab.snapshot.json");
        ProbeService probes = new ProbeService();
        probes.save(probes.check(snapshot(), null, null), file);
        dialogs.filesToOpen.add(file);
        vm.openSnapshot();
        assertTrue(vm.incusStatusProperty().get().startsWith("Opened lab.snapshot.json: node1 6.0.4, 2 member(s), 0 instance(s), compared with site 'production'"),
                vm.incusStatusProperty().get());
        // the seed plan's host is the Meerkat: 12 threads, 32 GiB, 0 GPUs, 2.5 Gb/s (catalogs/hardware/desktop.csv)
        LiveComparisonTable.Row threads = row("node1", "threads");
        assertEquals("12", threads.planned());
        assertEquals("8", threads.actual());
        assertEquals(Severity.WARNING, threads.severity(), "8 < 12 threads: the validator's live.threads-below-plan");
        LiveComparisonTable.Row memory = row("node1", "memory");
        assertEquals("32", memory.planned());
        assertEquals("64", memory.actual());
        assertNull(memory.severity());
        assertEquals("ok", memory.status(), "64 GiB >= 32 GiB");
        assertEquals("ok", row("node1", "nic").status(), "10 Gb/s >= 2.5 Gb/s");
        LiveComparisonTable.Row down = row("node2", "status");
        assertEquals("slow", down.actual());
        assertEquals(Severity.WARNING, down.severity());
        // the cluster: one member readable; its totals are below three Meerkats, 3 x 12 = 36 threads
        LiveComparisonTable.Row clusterThreads = row(LiveComparisonTable.CLUSTER, "threads");
        assertEquals("8", clusterThreads.actual());
        assertTrue(clusterThreads.severity() != null, "fewer threads than planned is never shown as fine: " + clusterThreads);
        for (int i = 1; i < vm.incusFindings().size(); i++) {
            assertTrue(vm.incusFindings().get(i - 1).severity().compareTo(vm.incusFindings().get(i).severity()) >= 0,
                    "worst first: " + vm.incusFindings());
        }
        assertTrue(vm.incusFindings().stream().anyMatch(f -> f.rule().equals("live.member-down") && f.text().startsWith("node2:")));
        assertTrue(vm.hasIncusResultProperty().get());
    }

    @Test
    void aSavedSnapshotCarriesTheCephReadingTooAsTheCommandLineDoes() throws Exception {
        Path in = dir.resolve("in.snapshot.json");
        ProbeService probes = new ProbeService();
        probes.save(probes.check(snapshot(), null, null), in);
        dialogs.filesToOpen.add(in);
        vm.openSnapshot();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: the Ceph reading is an "unreachable" finding
        }
        vm.ceph().metricsUrlProperty().set("http://127.0.0.1:" + port + "/metrics");
        vm.ceph().probeCeph();
        Path out = dir.resolve("with-ceph.json");
        dialogs.filesToSave.add(out);
        vm.saveSnapshot();
        String json = Files.readString(out);
        assertTrue(json.contains("\"ceph\"") && json.contains("ceph.live.unreachable"), json);
        assertEquals(List.of("node1", "node2"), probes.load(out).members().stream().map(LiveMember::name).toList());
    }

    @Test
    void theSnapshotIsSavedWhereTheUserChoseAndReadsBackTheSameMembers() throws Exception {
        Path in = dir.resolve("in.snapshot.json");
        ProbeService probes = new ProbeService();
        probes.save(probes.check(snapshot(), null, null), in);
        dialogs.filesToOpen.add(in);
        vm.openSnapshot();
        Path out = dir.resolve("out");
        dialogs.filesToSave.add(out);
        vm.saveSnapshot();
        assertTrue(dialogs.asked.contains("Save snapshot:node1-20261125-1900.snapshot.json"), dialogs.asked.toString());
        Path written = dir.resolve("out.json");
        assertTrue(Files.isRegularFile(written), "the .json extension is added");
        assertEquals(List.of("node1", "node2"), probes.load(written).members().stream().map(LiveMember::name).toList());
        assertEquals("Saved the snapshot to " + written, vm.incusStatusProperty().get());
    }

    @Test
    void importAsPlanHandsTheClusterAsANewPlanToTheWindow() throws Exception {
        Path in = dir.resolve("in.snapshot.json");
        ProbeService probes = new ProbeService();
        probes.save(probes.check(snapshot(), null, null), in);
        dialogs.filesToOpen.add(in);
        vm.openSnapshot();
        vm.importAsPlan();
        assertEquals(1, imported.size());
        assertEquals("Live node1 2026-11-25", imported.get(0).name());
        assertTrue(vm.incusStatusProperty().get().startsWith("Imported the cluster as the plan \"Live node1 2026-11-25\""),
                vm.incusStatusProperty().get());
    }

    @Test
    void nothingIsSavedOrImportedBeforeAClusterWasRead() {
        vm.saveSnapshot();
        assertEquals("Nothing to save: connect to a cluster first.", vm.incusStatusProperty().get());
        vm.importAsPlan();
        assertEquals("Nothing to import: connect to a cluster first.", vm.incusStatusProperty().get());
        assertTrue(imported.isEmpty());
        assertTrue(dialogs.asked.isEmpty());
    }

    @Test
    void whileTheMembersAreReadProgressShowsTheirNamesAndCancelStopsWaitingAtOnce() {
        dev.clusterplanner.ui.HeldExecutor held = new dev.clusterplanner.ui.HeldExecutor();
        LiveViewModel slow = new LiveViewModel(document, TestContexts.synchronous(dir, dialogs, settings).withExecutor(held), imported::add);
        slow.connectionProperty().set(LiveViewModel.Connection.LOCAL);
        slow.socketProperty().set("/run/incus/unix.socket");
        slow.connect();
        assertTrue(slow.connectingProperty().get());
        assertEquals(-1.0, slow.progressProperty().get(), "indeterminate until the member names are known");
        assertEquals("Connecting to /run/incus/unix.socket ...", slow.incusStatusProperty().get());
        held.held.get(0).listener().progressed(-1, "Reading 3 member(s): node1, node2, node3 ...");
        assertEquals("Reading 3 member(s): node1, node2, node3 ...", slow.incusStatusProperty().get());

        slow.cancelConnect();
        assertTrue(held.held.get(0).handle().isCancelled());
        assertFalse(slow.connectingProperty().get());
        assertEquals(0.0, slow.progressProperty().get());
        assertEquals("Cancelled; nothing was read.", slow.incusStatusProperty().get());
    }

    @Test
    void theClusterIsComparedWithTheSiteTheUserPicks() throws Exception {
        var prod = SeedPlan.plan().sites().get(0);
        var dr = new dev.clusterplanner.core.model.Site("dr", prod.kind(), prod.workloads(), prod.hardware(), prod.policy(), prod.facility());
        Plan two = SeedPlan.plan().withSites(List.of(prod, dr));
        document.replace(two, null, true);
        assertEquals(List.of(LiveViewModel.AUTO_SITE, "production", "dr"), List.copyOf(vm.sites()));
        vm.siteProperty().set("dr");
        Path file = dir.resolve("lab.snapshot.json");
        ProbeService probes = new ProbeService();
        probes.save(probes.check(snapshot(), null, null), file);
        dialogs.filesToOpen.add(file);
        vm.openSnapshot();
        assertTrue(vm.incusStatusProperty().get().contains("compared with site 'dr'"), vm.incusStatusProperty().get());
        // a plan without that site falls back to automatic
        document.replace(SeedPlan.plan(), null, true);
        assertEquals(LiveViewModel.AUTO_SITE, vm.siteProperty().get());
    }
}
