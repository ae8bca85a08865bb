package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.app.TrustedCertificates;
import dev.clusterplanner.core.live.FingerprintPrompt;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.validation.Comparison;
import dev.clusterplanner.core.validation.LiveValidation;
import dev.clusterplanner.core.validation.MemberComparison;
import dev.clusterplanner.ui.BackgroundExecutor;
import dev.clusterplanner.ui.DialogService;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.TaskHandle;
import dev.clusterplanner.ui.TaskListener;
import dev.clusterplanner.ui.UiContext;
import dev.clusterplanner.ui.UserSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The Live cluster area.
 *
 * <p>Incus: connect to a running cluster (a remote of the user's incus client, a URL with a client certificate and
 * key, or the local unix socket), read it in the background with progress and cancel, and show the plan-vs-actual
 * table (per member, cluster totals, live allocation) with a severity per row, and the findings. An unknown server
 * certificate is shown to the user ({@link DialogService#confirmFingerprint}) before anything is read; a trusted one
 * is remembered (pinned) per server. The reading can be saved as a snapshot, a saved snapshot opened again, and the
 * cluster imported as a new plan.
 *
 * <p>Ceph: reads a running Ceph cluster (the manager's Prometheus endpoint and/or the local ceph command) and lists
 * the live figures and the findings against the plan, worst first. When the Incus cluster was read first, its NIC
 * speeds feed the Ceph network checks. A source that cannot be read is an error finding, not a crash.
 */
public class LiveViewModel {

    /** How to reach the Incus cluster. */
    public enum Connection {
        REMOTE("Remote of the incus client"), URL("URL and client certificate"), LOCAL("Local unix socket");

        private final String label;

        Connection(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The site choice that lets the probes pick: Incus the first cluster site (else the first), Ceph the first site with Ceph storage. */
    public static final String AUTO_SITE = "automatic";
    static final String KEY_CONNECTION = "live.connection";
    static final String KEY_REMOTE = "live.remote";
    static final String KEY_URL = "live.url";
    static final String KEY_CERT = "live.cert";
    static final String KEY_KEY = "live.key";
    static final String KEY_SOCKET = "live.socket";

    private final PlanDocument document;
    private final BackgroundExecutor executor;
    private final CephProbeService ceph;
    private final ProbeService probes;
    private final DialogService dialogs;
    private final UserSettings settings;
    private final Predicate<Plan> openAsPlan;
    private final TrustedCertificates trusted;
    private final CephLiveModel cephPart;
    private final WatchViewModel watchPart;

    // ----- Incus
    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(Connection.REMOTE);
    private final ObjectProperty<Path> configDir = new SimpleObjectProperty<>();
    private final ObservableList<String> remotes = FXCollections.observableArrayList();
    private final StringProperty remote = new SimpleStringProperty("");
    private final StringProperty remotesNote = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<Path> certificate = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> key = new SimpleObjectProperty<>();
    private final StringProperty socket = new SimpleStringProperty("");
    private final ObservableList<String> sites = FXCollections.observableArrayList();
    private final StringProperty site = new SimpleStringProperty(AUTO_SITE);
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty incusStatus = new SimpleStringProperty("Not connected.");
    private final ObjectProperty<ProbeService.Result> incusResult = new SimpleObjectProperty<>();
    /** The last Ceph reading, saved with the Incus snapshot (as `probe --json` does with --ceph-*). */
    private CephProbeService.Result lastCeph;
    private final ObservableList<LiveComparisonTable.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Finding> incusFindings = FXCollections.observableArrayList();
    private final BooleanBinding hasIncusResult = incusResult.isNotNull();
    private TaskHandle incusHandle;
    private boolean remotesLoaded;


    /**
     * @param openAsPlan opens an imported plan as the document (asking about unsaved changes first); false when the user cancelled
     */
    public LiveViewModel(PlanDocument document, UiContext ctx, Predicate<Plan> openAsPlan) {
        this.document = document;
        this.executor = ctx.executor();
        this.ceph = ctx.ceph();
        this.probes = ctx.probes();
        this.dialogs = ctx.dialogs();
        this.settings = ctx.settings();
        this.openAsPlan = openAsPlan;
        this.trusted = new TrustedCertificates(settings);
        this.watchPart = new WatchViewModel(executor, dialogs, probes, ctx.recoveryDir().resolve("watches"), openAsPlan);
        this.cephPart = new CephLiveModel(executor, ceph, document::plan, this::siteName, incusResult::get, r -> lastCeph = r);
        url.set(settings.get(KEY_URL, ""));
        socket.set(settings.get(KEY_SOCKET, ""));
        Optional.ofNullable(settings.get(KEY_CERT)).map(Path::of).ifPresent(certificate::set);
        Optional.ofNullable(settings.get(KEY_KEY)).map(Path::of).ifPresent(key::set);
        String savedConnection = settings.get(KEY_CONNECTION);
        configDir.set(ProbeService.defaultConfigDir());
        if (savedConnection != null) {
            try {
                connection.set(Connection.valueOf(savedConnection));
            } catch (IllegalArgumentException ignored) {
                // an older setting: keep the default
            }
        }
        configDir.addListener((o, a, b) -> loadRemotes(false));
        fillSites();
        document.planProperty().addListener((o, a, b) -> fillSites());
    }

    private void fillSites() {
        List<String> names = new ArrayList<>();
        names.add(AUTO_SITE);
        document.plan().sites().forEach(x -> names.add(x.name()));
        String keep = site.get();
        sites.setAll(names);
        site.set(names.contains(keep) ? keep : AUTO_SITE);
    }

    /** The plan site the cluster is compared with: null lets the probe pick ({@link #AUTO_SITE}). */
    private String siteName() {
        return site.get() == null || site.get().equals(AUTO_SITE) ? null : site.get();
    }

    // ----- Incus properties

    /** {@link #AUTO_SITE} and the plan's site names. */
    public ObservableList<String> sites() {
        return sites;
    }

    /** The plan site to compare with ({@link #AUTO_SITE} or a site name); also used by the Ceph check. */
    public StringProperty siteProperty() {
        return site;
    }

    public ObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    /** Where the incus client configuration is read from ($INCUS_CONF or ~/.config/incus unless changed). */
    public ObjectProperty<Path> configDirProperty() {
        return configDir;
    }

    /** The Incus remotes of the client configuration (image servers left out). */
    public ObservableList<String> remotes() {
        return remotes;
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    /** Why there are no remotes to pick (no configuration found), or where they came from. */
    public StringProperty remotesNoteProperty() {
        return remotesNote;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<Path> certificateProperty() {
        return certificate;
    }

    public ObjectProperty<Path> keyProperty() {
        return key;
    }

    /** The unix socket; blank means $INCUS_SOCKET, $INCUS_DIR/unix.socket or the packaged default. */
    public StringProperty socketProperty() {
        return socket;
    }

    public BooleanProperty connectingProperty() {
        return connecting;
    }

    /** Progress of the reading: negative while unknown (indeterminate), 0 when idle, 1 when done. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty incusStatusProperty() {
        return incusStatus;
    }

    public ObjectProperty<ProbeService.Result> incusResultProperty() {
        return incusResult;
    }

    /** True once a cluster was read (or a snapshot opened): the snapshot can be saved or imported. */
    public BooleanBinding hasIncusResultProperty() {
        return hasIncusResult;
    }

    public ObservableList<LiveComparisonTable.Row> rows() {
        return rows;
    }

    public ObservableList<Finding> incusFindings() {
        return incusFindings;
    }

    // ----- Incus actions

    /** Reads the remotes of the client configuration again, keeping the one picked if it is still there. */
    public void reloadRemotes() {
        loadRemotes(true);
    }

    /**
     * Reads the remotes the first time they are needed (the view calls it when the Live area is first shown): the
     * window's cold start does not pay for reading the incus client's YAML.
     */
    public void loadRemotesOnce() {
        if (!remotesLoaded) {
            loadRemotes(true);
        }
    }

    /** Picks, in order: the one picked (when {@code keepPick}), the one last connected to, the configured default, the first. */
    private void loadRemotes(boolean keepPick) {
        remotesLoaded = true;
        Path dir = configDir.get();
        try {
            List<ProbeService.RemoteInfo> found = probes.remotes(dir);
            String picked = remote.get();
            remotes.setAll(found.stream().map(ProbeService.RemoteInfo::name).toList());
            String keep = keepPick && picked != null && remotes.contains(picked) ? picked : settings.get(KEY_REMOTE);
            String pick = keep != null && remotes.contains(keep) ? keep
                    : found.stream().filter(ProbeService.RemoteInfo::isDefault).map(ProbeService.RemoteInfo::name).findFirst()
                    .orElse(remotes.isEmpty() ? "" : remotes.get(0));
            remote.set(pick);
            remotesNote.set(found.size() + " remote(s) in " + dir.resolve("config.yml"));
        } catch (ProbeException e) {
            remotes.clear();
            remote.set("");
            remotesNote.set(e.getMessage());
            if (connection.get() == Connection.REMOTE) {
                connection.set(Connection.URL);
            }
        }
    }

    public void chooseCertificate() {
        dialogs.chooseFileToOpen("Client certificate", "PEM certificates", "*.crt", "*.pem").ifPresent(certificate::set);
    }

    public void chooseKey() {
        dialogs.chooseFileToOpen("Client key", "PEM keys", "*.key", "*.pem").ifPresent(key::set);
    }

    /** The target the form describes, or empty with the reason in the status line. */
    Optional<ProbeService.Target> target() {
        switch (connection.get()) {
            case REMOTE -> {
                loadRemotesOnce();
                if (remote.get() == null || remote.get().isBlank()) {
                    incusStatus.set("Pick a remote of the incus client (" + remotesNote.get() + "), or connect by URL.");
                    return Optional.empty();
                }
                return Optional.of(new ProbeService.Remote(configDir.get(), remote.get()));
            }
            case URL -> {
                List<String> missing = new ArrayList<>();
                if (url.get() == null || url.get().isBlank()) {
                    missing.add("the server's URL (e.g. https://10.0.0.1:8443)");
                }
                if (certificate.get() == null) {
                    missing.add("the client certificate (client.crt)");
                }
                if (key.get() == null) {
                    missing.add("its key (client.key)");
                }
                if (!missing.isEmpty()) {
                    incusStatus.set("Give " + String.join(", ", missing) + ".");
                    return Optional.empty();
                }
                return Optional.of(new ProbeService.Url(url.get().trim(), certificate.get(), key.get()));
            }
            default -> {
                return Optional.of(new ProbeService.Local(socket.get() == null || socket.get().isBlank() ? null : Path.of(socket.get().trim())));
            }
        }
    }

    static String describe(ProbeService.Target t) {
        if (t instanceof ProbeService.Remote r) {
            return "remote '" + r.name() + "'";
        }
        if (t instanceof ProbeService.Url u) {
            return u.url();
        }
        ProbeService.Local l = (ProbeService.Local) t;
        return l.socket() == null ? "the local unix socket" : l.socket().toString();
    }


    /** Reads the cluster in the background and compares it with the open plan. */
    public void connect() {
        Optional<ProbeService.Target> t = target();
        if (t.isEmpty()) {
            return;
        }
        rememberForm();
        connect(t.get(), null);
    }

    private void connect(ProbeService.Target target, String accepted) {
        cancelConnect();
        String pinned = accepted != null ? accepted : trusted.pinned(target);
        // trust on first use without blocking a worker on a dialog: an unknown certificate is refused and remembered,
        // the user is asked on the UI thread, and a trusted one is pinned for a second connection
        AtomicReference<String[]> offered = new AtomicReference<>();
        FingerprintPrompt prompt = (fp, subject) -> {
            offered.set(new String[] {fp, subject});
            return false;
        };
        ProbeService.Request request = new ProbeService.Request(target, pinned, prompt, null);
        Plan plan = document.plan();
        String where = describe(target);
        connecting.set(true);
        progress.set(-1);
        incusStatus.set("Connecting to " + where + " ...");
        String siteName = siteName();
        incusHandle = executor.submit(c -> probes.probe(request, plan, siteName, names -> c.progress(-1,
                "Reading " + names.size() + " member(s): " + String.join(", ", names) + " ...")), new TaskListener<>() {
            @Override
            public void succeeded(ProbeService.Result r) {
                connecting.set(false);
                progress.set(1);
                show(r, "Read " + where);
            }

            @Override
            public void progressed(double fraction, String message) {
                progress.set(fraction);
                incusStatus.set(message);
            }

            @Override
            public void failed(Throwable error) {
                connecting.set(false);
                progress.set(0);
                if (error instanceof ProbeException p && p.kind() == ProbeException.Kind.FINGERPRINT_REJECTED && offered.get() != null) {
                    String[] fp = offered.get();
                    if (dialogs.confirmFingerprint(where, fp[0], fp[1])) {
                        trusted.trust(target, fp[0]);
                        connect(target, fp[0]);
                    } else {
                        incusStatus.set("Not connected: the certificate of " + where + " (SHA-256 " + fp[0] + ") was not trusted.");
                    }
                    return;
                }
                String why = error instanceof ProbeException p ? p.describe() : message(error);
                boolean ownPin = error instanceof ProbeException p && p.kind() == ProbeException.Kind.FINGERPRINT_MISMATCH
                        && trusted.pinned(target) != null;
                incusStatus.set("Not connected: " + why + (ownPin ? " (If the server's certificate was replaced on purpose, "
                        + "'Forget trusted certificate' and connect again to compare the new fingerprint.)" : ""));
            }

            @Override
            public void cancelled() {
                connecting.set(false);
                progress.set(0);
                incusStatus.set("Cancelled; " + (incusResult.get() == null ? "nothing was read." : "the table shows the previous reading."));
            }
        });
    }

    /** Forgets the fingerprint trusted for the server the form names (the next connection asks again). */
    public void forgetFingerprint() {
        Optional<ProbeService.Target> t = target();
        if (t.isEmpty() || t.get() instanceof ProbeService.Local) {
            return;
        }
        if (!trusted.forget(t.get())) {
            incusStatus.set("No certificate was trusted here for " + describe(t.get()) + ".");
            return;
        }
        incusStatus.set("Forgot the certificate trusted for " + describe(t.get()) + "; the next connection shows its fingerprint.");
    }

    public void cancelConnect() {
        if (incusHandle != null) {
            incusHandle.cancel();
            incusHandle = null;
        }
    }

    private void rememberForm() {
        settings.put(KEY_CONNECTION, connection.get().name());
        settings.put(KEY_REMOTE, remote.get() == null ? "" : remote.get());
        settings.put(KEY_URL, url.get() == null ? "" : url.get());
        settings.put(KEY_SOCKET, socket.get() == null ? "" : socket.get());
        if (certificate.get() != null) {
            settings.put(KEY_CERT, certificate.get().toString());
        }
        if (key.get() != null) {
            settings.put(KEY_KEY, key.get().toString());
        }
    }

    private void show(ProbeService.Result r, String what) {
        incusResult.set(r);
        rows.setAll(LiveComparisonTable.rows(r));
        List<Finding> all = Finding.worstFirst(r.findings());
        incusFindings.setAll(all);
        LiveSnapshot s = r.snapshot();
        long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING).count();
        String site = r.validation() == null || r.validation().site().isEmpty() ? "" : ", compared with site '" + r.validation().site() + "'";
        incusStatus.set(String.format(Locale.ROOT, "%s: %s %s, %d member(s), %d instance(s)%s: %d errors, %d warnings, %d notes (%s UTC, %d ms)",
                what, s.serverName(), s.serverVersion(), s.members().size(), s.instances().size(), site, errors, warnings,
                all.size() - errors - warnings, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(s.takenAt()),
                s.durationMillis()));
    }

    /** Saves the last reading (snapshot, comparison and findings) as JSON where the user chooses. */
    public void saveSnapshot() {
        ProbeService.Result read = incusResult.get();
        if (read == null) {
            incusStatus.set("Nothing to save: connect to a cluster first.");
            return;
        }
        ProbeService.Result r = lastCeph != null && read.ceph() == null ? read.withCeph(lastCeph) : read;
        String name = (r.snapshot().serverName().isBlank() ? "incus" : r.snapshot().serverName().replaceAll("[^A-Za-z0-9-]+", "-"))
                + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(r.snapshot().takenAt()) + ".snapshot.json";
        Optional<Path> chosen = dialogs.chooseFileToSave("Save snapshot", name, "Snapshots", "*.json");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get().getFileName().toString().endsWith(".json") ? chosen.get() : chosen.get().resolveSibling(chosen.get().getFileName() + ".json");
        executor.submit(c -> {
            probes.save(r, file);
            return file;
        }, TaskListener.of(f -> incusStatus.set("Saved the snapshot to " + f), e -> incusStatus.set("Snapshot not saved: " + message(e))));
    }

    /** Opens a saved snapshot and compares it with the open plan, as if the cluster had just been read. */
    public void openSnapshot() {
        Optional<Path> chosen = dialogs.chooseFileToOpen("Open snapshot", "Snapshots", "*.json");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        Plan plan = document.plan();
        String siteName = siteName();
        executor.submit(c -> probes.check(probes.load(file), plan, siteName),
                TaskListener.of(r -> show(r, "Opened " + file.getFileName()), e -> incusStatus.set("Could not open " + file.getFileName() + ": " + message(e))));
    }

    /** The cluster as read, as a new plan (asks about unsaved changes to the open plan first). */
    public void importAsPlan() {
        ProbeService.Result r = incusResult.get();
        if (r == null) {
            incusStatus.set("Nothing to import: connect to a cluster first.");
            return;
        }
        String name = "Live " + (r.snapshot().serverName().isBlank() ? "cluster" : r.snapshot().serverName()) + " "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(r.snapshot().takenAt());
        Plan plan = probes.importAsPlan(r.snapshot(), name);
        if (openAsPlan.test(plan)) {
            incusStatus.set("Imported the cluster as the plan \"" + name + "\" (" + plan.sites().stream().mapToInt(s -> s.workloads().size()).sum()
                    + " workload(s)); save it to keep it.");
        }
    }

    private static String message(Throwable e) {
        if (e instanceof InputRejectedException ir && !ir.problems().isEmpty()) {
            return ir.problems().get(0).toString();
        }
        return dev.clusterplanner.ui.UserWords.of(e);
    }

    /** The usage part of the area (a watch over time). */
    public WatchViewModel watch() {
        return watchPart;
    }

    /**
     * Starts a watch of the cluster the connection form names. Over a URL the server's certificate must have been
     * trusted by a connection first (the watch does not ask in the middle of its work).
     */
    public void startWatch() {
        Optional<ProbeService.Target> t = target();
        if (t.isEmpty()) {
            watchPart.statusProperty().set(incusStatus.get());
            return;
        }
        String pinned = trusted.pinned(t.get());
        if (t.get() instanceof ProbeService.Url && pinned == null) {
            watchPart.statusProperty().set("Connect and read once first (Incus tab), to see and trust the server's certificate; then start the watch.");
            return;
        }
        rememberForm();
        watchPart.start(new ProbeService.Request(t.get(), pinned, FingerprintPrompt.REFUSE, null), document.plan(), siteName());
    }

    /** Opens a saved watch and compares it with the open plan. */
    public void openWatch() {
        watchPart.open(document.plan(), siteName());
    }

    /** The Ceph part of the area. */
    public CephLiveModel ceph() {
        return cephPart;
    }

    /** True while Incus or Ceph is being read. */
    public BooleanBinding busyProperty() {
        return Bindings.or(connecting, cephPart.probingProperty());
    }
}
