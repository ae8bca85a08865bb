package dev.clusterplanner.app;

import dev.clusterplanner.adapters.incus.IncusClient;
import dev.clusterplanner.adapters.incus.WatchLog;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.usage.UsageSample;
import dev.clusterplanner.core.usage.UsageSummary;
import dev.clusterplanner.core.validation.LivePlanImport;
import dev.clusterplanner.core.validation.RightSizing;
import dev.clusterplanner.core.validation.UsagePlanImport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Watches a running cluster over time, for both front ends: samples every member and instance every interval for a
 * duration, appends each sample to a log file as it comes ({@link WatchLog}), and boils the samples down to usage
 * figures and right-sizing findings. A watch can be stopped early (what was sampled is kept), continued later from
 * its log, or summarised again from the log alone.
 */
public class WatchService {

    /** How long, how often, and the headroom added to P95 before it is compared with limits. */
    public record Settings(Duration duration, Duration interval, double headroomPct) {
        public Settings {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("the interval must be at least 1 second");
            }
        }

        /** Samples of a whole watch: one at the start and one after every full interval. */
        public int plannedSamples() {
            return (int) (duration.toMillis() / interval.toMillis()) + 1;
        }
    }

    /** Hears a watch's progress (the CLI prints it, the window draws it). */
    public interface Listener {
        void started(LiveSnapshot snapshot, int plannedSamples);

        void sampled(int taken, int plannedSamples, UsageSample sample);

        Listener NONE = new Listener() {
            @Override
            public void started(LiveSnapshot snapshot, int plannedSamples) {
            }

            @Override
            public void sampled(int taken, int plannedSamples, UsageSample sample) {
            }
        };
    }

    /** Waits until an instant unless stopped first (tests wait for nothing). */
    public interface Pause {
        void until(Instant when, BooleanSupplier stop) throws InterruptedException;
    }

    /**
     * A watch and what it found.
     *
     * @param probe        the snapshot read at the start, checked against the plan, with the usage findings appended
     * @param usageFindings right-sizing findings only
     * @param stoppedEarly stopped before its planned end (Ctrl+C, cancel, or a resumed watch whose end had passed)
     * @param notes        what the user should know about how the samples were gathered (cut lines, resumes)
     */
    public record Result(ProbeService.Result probe, Settings settings, List<UsageSample> samples, UsageSummary summary,
                         List<Finding> usageFindings, Path log, boolean stoppedEarly, List<String> notes) {
        public Result {
            samples = List.copyOf(samples);
            usageFindings = List.copyOf(usageFindings);
            notes = List.copyOf(notes);
        }
    }

    /** Hosts the plan site's candidates need for the live workloads by limits and by observed use, side by side. */
    public record DemandComparison(String site, Integer hostsByLimits, String optionByLimits, Integer hostsByUsage, String optionByUsage) {
    }

    private final ProbeService probes;
    private final Clock clock;
    private final Pause pause;

    public WatchService() {
        this(new ProbeService(), Clock.systemUTC(), WatchService::sleepUntil);
    }

    /** With the probe service the front end already has (the window's). */
    public WatchService(ProbeService probes) {
        this(probes, Clock.systemUTC(), WatchService::sleepUntil);
    }

    public WatchService(ProbeService probes, Clock clock, Pause pause) {
        this.probes = probes;
        this.clock = clock;
        this.pause = pause;
    }

    /** A new watch, logged to {@code logFile} (which must not exist yet). */
    public Result watch(ProbeService.Request request, Settings settings, Path logFile, Plan plan, String site, Listener listener,
                        BooleanSupplier stop) throws ProbeException, IOException, InputRejectedException {
        try (IncusClient client = ProbeService.open(request)) {
            LiveSnapshot snapshot = client.snapshot();
            Instant start = clock.instant();
            WatchLog.Header header = new WatchLog.Header(client.target(), start, settings.duration(), settings.interval(), snapshot);
            List<UsageSample> samples = new ArrayList<>();
            boolean early;
            try (WatchLog log = WatchLog.create(logFile, header)) {
                listener.started(snapshot, settings.plannedSamples());
                early = sample(client, snapshot, header, 0, samples, log, listener, stop, settings.plannedSamples());
            }
            return finish(snapshot, settings, samples, logFile, early, List.of(), plan, site);
        }
    }

    /** Continues the watch of {@code logFile} to its planned end, appending to the same file. */
    public Result resume(ProbeService.Request request, Path logFile, double headroomPct, Plan plan, String site, Listener listener,
                         BooleanSupplier stop) throws ProbeException, IOException, InputRejectedException {
        WatchLog.Saved saved = WatchLog.read(logFile);
        WatchLog.Header header = saved.header();
        Settings settings = new Settings(header.duration(), header.interval(), headroomPct);
        List<String> notes = new ArrayList<>(saved.notes());
        List<UsageSample> samples = new ArrayList<>(saved.samples());
        boolean early = false;
        try (IncusClient client = ProbeService.open(request)) {
            if (!client.target().equals(header.source())) {
                throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, logFile + " is a watch of " + header.source()
                        + ", not of " + client.target() + ": resume it against the same cluster");
            }
            Instant now = clock.instant();
            long elapsed = Duration.between(header.startedAt(), now).toMillis();
            int next = (int) Math.max(0, (elapsed + header.interval().toMillis() - 1) / header.interval().toMillis());
            listener.started(header.snapshot(), settings.plannedSamples());
            if (next >= settings.plannedSamples()) {
                notes.add("the watch's planned end (" + header.plannedEnd() + ") had passed: nothing more was sampled");
            } else {
                notes.add("resumed at " + now + " with " + samples.size() + " sample(s) already taken");
                try (WatchLog log = WatchLog.append(logFile, now)) {
                    early = sample(client, header.snapshot(), header, next, samples, log, listener, stop, settings.plannedSamples());
                }
            }
        }
        return finish(header.snapshot(), settings, samples, logFile, early, notes, plan, site);
    }

    /** Summarises a saved watch again, with no connection (the window's "open watch", the PDF). */
    public Result open(Path logFile, double headroomPct, Plan plan, String site) throws IOException, InputRejectedException {
        WatchLog.Saved saved = WatchLog.read(logFile);
        WatchLog.Header header = saved.header();
        Settings settings = new Settings(header.duration(), header.interval(), headroomPct);
        List<String> notes = new ArrayList<>(saved.notes());
        saved.resumedAt().forEach(t -> notes.add("resumed at " + t));
        boolean early = saved.samples().size() < settings.plannedSamples();
        return finish(header.snapshot(), settings, saved.samples(), logFile, early, notes, plan, site);
    }

    /** The watch saved inside a probe JSON ({@code probe --watch --json}), summarised again against a plan; empty without one. */
    public java.util.Optional<Result> fromSavedProbe(Path probeJson, Plan plan, String site) throws IOException, InputRejectedException {
        var in = WatchLog.fromSavedProbe(probeJson);
        if (in.isEmpty()) {
            return java.util.Optional.empty();
        }
        WatchLog.Saved saved = in.get().saved();
        Settings settings = new Settings(saved.header().duration(), saved.header().interval(), in.get().headroomPct());
        boolean early = saved.samples().size() < settings.plannedSamples();
        return java.util.Optional.of(finish(saved.header().snapshot(), settings, saved.samples(), probeJson, early, saved.notes(), plan, site));
    }

    private boolean sample(IncusClient client, LiveSnapshot snapshot, WatchLog.Header header, int first, List<UsageSample> samples,
                           WatchLog log, Listener listener, BooleanSupplier stop, int planned) throws IOException {
        List<String> members = snapshot.members().stream().map(LiveMember::name).toList();
        for (int k = first; k < planned; k++) {
            Instant due = header.startedAt().plus(header.interval().multipliedBy(k));
            try {
                pause.until(due, stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            if (stop.getAsBoolean()) {
                return true;
            }
            UsageSample s = client.sample(members, snapshot.clustered());
            log.add(s);
            samples.add(s);
            listener.sampled(samples.size(), planned, s);
        }
        return false;
    }

    private Result finish(LiveSnapshot snapshot, Settings settings, List<UsageSample> samples, Path logFile, boolean early, List<String> notes,
                          Plan plan, String siteName) throws InputRejectedException {
        UsageSummary summary = UsageSummary.of(samples, settings.interval());
        ProbeService.Result probe = probes.check(snapshot, plan, siteName);
        Site site = plan == null ? null : ProbeService.pickSite(plan, siteName);
        List<Finding> usage = RightSizing.findings(summary, snapshot, settings.headroomPct(), site);
        return new Result(probe.withMore(usage), settings, samples, summary, usage, logFile, early, notes);
    }

    /** The live cluster as a plan, its demands from limits or from observed use (P95 plus the watch's headroom). */
    public Plan importAsPlan(Result watch, boolean observed, String planName) {
        LiveSnapshot s = watch.probe().snapshot();
        return observed ? UsagePlanImport.toPlan(s, watch.summary(), watch.settings().headroomPct(), planName) : LivePlanImport.toPlan(s, planName);
    }

    /**
     * Sizes the plan site's hardware candidates for the live workloads twice, by limits and by observed use: the
     * recommended option of each. Null when there is no plan.
     */
    public DemandComparison compare(Result watch, Plan plan, String siteName) throws InputRejectedException, IOException {
        if (plan == null) {
            return null;
        }
        Site site = ProbeService.pickSite(plan, siteName);
        Plan byLimits = importAsPlan(watch, false, "limits");
        Plan byUse = importAsPlan(watch, true, "observed");
        var catalog = new CatalogService().load();
        PlanningService planning = new PlanningService();
        var a = planning.analyse(plan.withSites(List.of(site.withWorkloads(byLimits.sites().get(0).workloads()))), catalog)
                .sites().get(0).recommended();
        var b = planning.analyse(plan.withSites(List.of(site.withWorkloads(byUse.sites().get(0).workloads()))), catalog)
                .sites().get(0).recommended();
        return new DemandComparison(site.name(), a.map(ScenarioResult::hosts).orElse(null), a.map(r -> String.join(" + ", r.hardwareIds())).orElse(""),
                b.map(ScenarioResult::hosts).orElse(null), b.map(r -> String.join(" + ", r.hardwareIds())).orElse(""));
    }

    /** The watch as the {@code "watch"} part of the probe JSON: figures per instance and member, findings, the samples. */
    public static java.util.Map<String, Object> document(Result r, DemandComparison demand) {
        java.util.Map<String, Object> w = new java.util.LinkedHashMap<>();
        UsageSummary u = r.summary();
        w.put("from", u.samples() == 0 ? null : u.from().toString());
        w.put("to", u.samples() == 0 ? null : u.to().toString());
        w.put("durationSeconds", r.settings().duration().toSeconds());
        w.put("intervalSeconds", r.settings().interval().toSeconds());
        w.put("plannedSamples", r.settings().plannedSamples());
        w.put("samplesTaken", u.samples());
        w.put("stoppedEarly", r.stoppedEarly());
        w.put("headroomPct", r.settings().headroomPct());
        w.put("log", r.log() == null ? null : r.log().toString());
        List<java.util.Map<String, Object>> instances = new ArrayList<>();
        for (var i : u.instances()) {
            var live = r.probe().snapshot().instances().stream()
                    .filter(x -> x.project().equals(i.project()) && x.name().equals(i.name())).findFirst();
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", i.name());
            m.put("project", i.project());
            m.put("location", i.location());
            m.put("cpuLimit", live.map(x -> x.cpuLimit()).orElse(null));
            m.put("memoryLimitBytes", live.map(x -> x.memoryLimitBytes()).orElse(null));
            m.put("cores", i.cores());
            m.put("memoryBytes", i.memoryBytes());
            m.put("rootDiskBytes", i.rootDiskBytes());
            m.put("netRxMbps", i.netRxMbps());
            m.put("netTxMbps", i.netTxMbps());
            instances.add(m);
        }
        w.put("instances", instances);
        w.put("members", u.members());
        w.put("gaps", u.gaps());
        w.put("notes", r.notes());
        w.put("rightSizing", r.usageFindings().stream().map(f -> java.util.Map.of("severity", f.severity().id(), "rule", f.rule(),
                "text", f.text())).toList());
        if (demand != null) {
            w.put("demand", demand);
        }
        w.put("samples", r.samples());
        return w;
    }

    /** Saves the probe with its watch as JSON (atomically), or returns it as text for standard output. */
    public void save(Result r, DemandComparison demand, Path file) throws IOException {
        ProbeService.Result p = r.probe();
        dev.clusterplanner.adapters.incus.SnapshotJson.write(file, p.snapshot(), p.validation(), p.findings(), ProbeService.cephPart(p),
                p.storage(), document(r, demand));
    }

    public String toJson(Result r, DemandComparison demand) {
        ProbeService.Result p = r.probe();
        return dev.clusterplanner.adapters.incus.SnapshotJson.toJson(p.snapshot(), p.validation(), p.findings(), ProbeService.cephPart(p),
                p.storage(), document(r, demand));
    }

    private static final java.util.regex.Pattern DURATION =
            java.util.regex.Pattern.compile("(\\d{1,9})\\s*(s|sec|m|min|h|d)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A watch's length or interval as people write it: "20s", "5m", "2h", "1d", or plain seconds (both front ends read
     * it here). Empty when it is not such a duration.
     */
    public static java.util.Optional<Duration> parseDuration(String text) {
        java.util.regex.Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(java.util.Locale.ROOT);
        return java.util.Optional.of(switch (unit) {
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        });
    }

    /** Sleeps until {@code when} in steps of at most 200 ms, so a stop is heard within a fifth of a second. */
    static void sleepUntil(Instant when, BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            long left = Duration.between(Instant.now(), when).toMillis();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(left, 200));
        }
    }
}
