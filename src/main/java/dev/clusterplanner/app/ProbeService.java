package dev.clusterplanner.app;

import dev.clusterplanner.adapters.incus.IncusClient;
import dev.clusterplanner.adapters.incus.IncusConnector;
import dev.clusterplanner.adapters.incus.SnapshotJson;
import dev.clusterplanner.core.live.FingerprintPrompt;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.live.ProbeSettings;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.validation.CephStorageMapping;
import dev.clusterplanner.core.validation.CephValidator;
import dev.clusterplanner.core.validation.LivePlanImport;
import dev.clusterplanner.core.validation.LiveValidation;
import dev.clusterplanner.core.validation.LiveValidator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live cluster, for both front ends: read a running Incus (read-only), check it against a plan,
 * save the snapshot as JSON, and import it as a plan. Findings from other probes (Ceph) are merged into
 * the same list with {@link Result#withMore}.
 */
public class ProbeService {

    /** Where the cluster is. */
    public sealed interface Target permits Remote, Url, Local {
    }

    /** A remote of the user's incus client; name null means its default remote; configDir null means $INCUS_CONF or ~/.config/incus. */
    public record Remote(Path configDir, String name) implements Target {
    }

    /** An https URL with a client certificate and key (PEM). */
    public record Url(String url, Path cert, Path key) implements Target {
    }

    /** The unix socket of the member this runs on; null means $INCUS_SOCKET, $INCUS_DIR/unix.socket or /var/lib/incus/unix.socket. */
    public record Local(Path socket) implements Target {
    }

    /**
     * @param fingerprint the server certificate's SHA-256 to pin, or null
     * @param prompt      asked once when nothing is pinned (trust on first use)
     */
    public record Request(Target target, String fingerprint, FingerprintPrompt prompt, ProbeSettings settings) {
        public Request {
            prompt = prompt == null ? FingerprintPrompt.REFUSE : prompt;
            settings = settings == null ? ProbeSettings.DEFAULT : settings;
        }
    }

    /**
     * A probe: the snapshot, its validation (null without a plan) and the findings of every check; with a Ceph probe
     * also its result ({@code ceph}, null when Ceph was not asked for) and the Incus pools and members mapped onto the
     * Ceph cluster ({@code storage}, null when Ceph was not asked for).
     */
    public record Result(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings,
                         CephProbeService.Result ceph, CephStorageMapping storage) {
        public Result {
            findings = List.copyOf(findings);
        }

        public Result(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings) {
            this(snapshot, validation, findings, null, null);
        }

        public boolean hasAtLeast(Severity s) {
            return findings.stream().anyMatch(f -> f.severity().atLeast(s));
        }

        /** The same probe with more findings (for example Ceph's) appended. */
        public Result withMore(List<Finding> more) {
            List<Finding> all = new ArrayList<>(findings);
            all.addAll(more);
            return new Result(snapshot, validation, all, ceph, storage);
        }

        /**
         * The same probe with its Ceph part: the Ceph findings, then the mapping of the Incus pools and members onto
         * the Ceph cluster and its findings, appended to the list.
         */
        public Result withCeph(CephProbeService.Result cephResult) {
            CephStorageMapping mapping = CephStorageMapping.of(snapshot, cephResult.cluster());
            List<Finding> all = new ArrayList<>(findings);
            all.addAll(cephResult.findings());
            all.addAll(mapping.findings());
            return new Result(snapshot, validation, all, cephResult, mapping);
        }
    }

    private final CatalogService catalogs;

    public ProbeService() {
        this(new CatalogService());
    }

    public ProbeService(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    /** A remote of the user's incus client that can be probed (image servers are left out). */
    public record RemoteInfo(String name, String address, boolean isDefault) {
    }

    /** The incus client's configuration folder: $INCUS_CONF, else ~/.config/incus. */
    public static Path defaultConfigDir() {
        return IncusConnector.defaultConfigDir(System.getenv());
    }

    /**
     * The Incus remotes of the client configuration in {@code configDir} (null: {@link #defaultConfigDir()}), in file order;
     * "local" (the unix socket) is always there, as in the incus client. A missing or unreadable config.yml is a
     * {@link ProbeException} of kind CLIENT_CONFIG saying so.
     */
    public List<RemoteInfo> remotes(Path configDir) throws ProbeException {
        Path dir = configDir != null ? configDir : defaultConfigDir();
        return IncusConnector.remotes(dir).stream().filter(IncusConnector.RemoteEntry::probeable)
                .map(r -> new RemoteInfo(r.name(), r.address(), r.isDefault())).toList();
    }

    /** Reads the cluster. Connection, TLS and trust problems are a {@link ProbeException} whose kind says which. */
    public LiveSnapshot read(Request request) throws ProbeException {
        return read(request, names -> { });
    }

    /** Reads the cluster; {@code membersListed} hears the member names once they are known, before their resources are read. */
    public LiveSnapshot read(Request request, java.util.function.Consumer<List<String>> membersListed) throws ProbeException {
        try (IncusClient client = open(request)) {
            return client.snapshot(membersListed::accept);
        }
    }

    static IncusClient open(Request r) throws ProbeException {
        Map<String, String> env = System.getenv();
        if (r.target() instanceof Remote remote) {
            Path dir = remote.configDir() != null ? remote.configDir() : IncusConnector.defaultConfigDir(env);
            return IncusConnector.remote(dir, remote.name(), r.fingerprint(), r.prompt(), r.settings());
        }
        if (r.target() instanceof Url url) {
            return IncusConnector.https(url.url(), url.cert(), url.key(), r.fingerprint(), r.prompt(), r.settings());
        }
        Local local = (Local) r.target();
        return IncusConnector.socket(local.socket() != null ? local.socket() : IncusConnector.defaultSocket(env), r.settings());
    }

    /** Reads the cluster and checks it against the plan (or, with no plan, by the defaults of its kind). */
    public Result probe(Request request, Plan plan, String siteName) throws ProbeException, InputRejectedException {
        return check(read(request), plan, siteName);
    }

    /** {@link #probe(Request, Plan, String)} telling {@code membersListed} the member names once they are known. */
    public Result probe(Request request, Plan plan, String siteName, java.util.function.Consumer<List<String>> membersListed)
            throws ProbeException, InputRejectedException {
        return check(read(request, membersListed), plan, siteName);
    }

    /** Checks a snapshot against a plan site: the site named, else the first cluster site, else the first. */
    public Result check(LiveSnapshot snapshot, Plan plan, String siteName) throws InputRejectedException {
        // the plan site is chosen before sizing: a plan without the named site is rejected, not skipped
        if (plan == null) {
            LiveValidation v = LiveValidator.validate(snapshot, null, null, null);
            return new Result(snapshot, v, v.findings());
        }
        Site site = pickSite(plan, siteName);
        List<Finding> findings = new ArrayList<>();
        Hardware planned = null;
        Integer hosts = null;
        try {
            Catalog catalog = catalogs.load();
            var result = new PlanningService().analyse(plan.withSites(List.of(site)), catalog);
            Optional<SizingOption> best = result.sites().stream().findFirst().flatMap(s -> s.recommended()).map(r -> r.sizing());
            if (best.isPresent() && !best.get().hardwareIds().isEmpty()) {
                planned = catalog.hardware(best.get().hardwareIds().get(0)).orElse(null);
                hosts = planned == null ? null : best.get().hosts();
            }
        } catch (InputRejectedException e) {
            findings.add(Finding.info("live.plan-unsized", "site " + site.name() + " could not be sized ("
                    + (e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).message())
                    + "): members are not compared with a planned host", ""));
        } catch (IOException | RuntimeException e) {
            findings.add(Finding.info("live.plan-unsized", "site " + site.name() + " could not be sized (" + e.getMessage()
                    + "): members are not compared with a planned host", ""));
        }
        LiveValidation v = LiveValidator.validate(snapshot, site, planned, hosts);
        findings.addAll(v.findings());
        return new Result(snapshot, v, findings);
    }

    static Site pickSite(Plan plan, String siteName) throws InputRejectedException {
        if (siteName != null && !siteName.isBlank()) {
            return plan.sites().stream().filter(s -> s.name().equals(siteName)).findFirst()
                    .orElseThrow(() -> new InputRejectedException(new dev.clusterplanner.core.model.InputProblem(plan.name(), 0, 0, "sites",
                            "plan '" + plan.name() + "' has no site '" + siteName + "' (sites: "
                                    + String.join(", ", plan.sites().stream().map(Site::name).toList()) + ")")));
        }
        return plan.sites().stream().filter(s -> s.kind() == SiteKind.CLUSTER).findFirst().orElse(plan.sites().get(0));
    }

    /** Saves the probe as JSON with its timestamp (atomically), with its Ceph part when Ceph was asked for. */
    public void save(Result result, Path file) throws IOException {
        SnapshotJson.write(file, result.snapshot(), result.validation(), result.findings(), cephPart(result), result.storage());
    }

    public String toJson(Result result) {
        return SnapshotJson.toJson(result.snapshot(), result.validation(), result.findings(), cephPart(result), result.storage());
    }

    /** The Ceph part of the saved probe (null when Ceph was not asked for): site, cluster as read, figures, findings. */
    static SnapshotJson.CephPart cephPart(Result r) {
        CephProbeService.Result c = r.ceph();
        return c == null ? null
                : new SnapshotJson.CephPart(c.site(), c.cluster(), c.validation() == null ? List.of() : c.validation().figures(), c.findings());
    }

    /** Reads the snapshot of a saved probe. */
    public LiveSnapshot load(Path file) throws IOException, InputRejectedException {
        return SnapshotJson.read(file);
    }

    /**
     * A saved probe ({@code probe --json}) checked again against a plan: the Incus snapshot and the saved Ceph cluster
     * go through the same checks as a live probe; a Ceph source that was unreachable then stays a finding. Months
     * until the nearfull ratio are counted from the day of the probe.
     *
     * @return the result, and when the file was saved (the snapshot's takenAt)
     */
    public Result recheck(Path saved, Plan plan, String siteName) throws IOException, InputRejectedException {
        SnapshotJson.SavedProbe p = SnapshotJson.readProbe(saved);
        Result r = check(p.snapshot(), plan, siteName);
        if (!p.cephAsked()) {
            return r;
        }
        List<Finding> unreachable = p.findings().stream().filter(f -> f.rule().equals(CephValidator.RULE_UNREACHABLE)).toList();
        CephProbeService.Result ceph;
        if (p.ceph() == null) {
            ceph = new CephProbeService.Result(null, "", null, unreachable);
        } else {
            CephProbeService cephs = new CephProbeService(catalogs, java.time.Duration.ofSeconds(1))
                    .measuredOn(p.takenAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
            CephProbeService.Result c = cephs.probe(List.of(p::ceph), List.of(p.ceph().source()), plan, siteName, nicGbpsByMember(p.snapshot()));
            List<Finding> all = new ArrayList<>(unreachable);
            all.addAll(c.findings());
            ceph = new CephProbeService.Result(c.cluster(), c.site(), c.validation(), all);
        }
        return r.withCeph(ceph);
    }

    /** The live cluster as a plan, to size its growth. */
    public Plan importAsPlan(LiveSnapshot snapshot, String name) {
        return LivePlanImport.toPlan(snapshot, name);
    }

    /** The fastest NIC speed (Gb/s) of every member that reports one: what the Ceph checks need from Incus. */
    public static Map<String, Double> nicGbpsByMember(LiveSnapshot snapshot) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (LiveMember m : snapshot.members()) {
            if (m.readable()) {
                m.resources().fastestNicMbps().ifPresent(mbps -> out.put(m.name(), mbps / 1000.0));
            }
        }
        return out;
    }
}
