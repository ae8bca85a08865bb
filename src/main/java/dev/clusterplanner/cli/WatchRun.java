package dev.clusterplanner.cli;

import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.app.WatchService;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.usage.InstanceUsage;
import dev.clusterplanner.core.usage.MemberUsage;
import dev.clusterplanner.core.usage.UsageGap;
import dev.clusterplanner.core.usage.UsageSample;
import dev.clusterplanner.core.usage.UsageStats;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code probe ... --watch DURATION [--interval SECONDS] [--samples FILE] | --resume FILE}: samples the cluster over
 * time (see {@link WatchService}), prints progress on standard error, then the usage per instance and member and the
 * findings; Ctrl+C ends the watch early and keeps what was sampled.
 */
final class WatchRun {

    /** The longest watch one command takes: 31 days. */
    static final Duration MAX_WATCH = Duration.ofDays(31);

    private WatchRun() {
    }

    /** "20s", "5m", "2h", "1d", or plain seconds ({@link WatchService#parseDuration}). */
    static Duration parseDuration(String text) {
        return WatchService.parseDuration(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a duration: write 20s, 5m, 2h or 1d"));
    }

    static int run(ProbeCommand c, ProbeService.Request request, Plan plan) throws Exception {
        PrintWriter out = c.spec.commandLine().getOut();
        PrintWriter err = c.spec.commandLine().getErr();
        CommandLine cl = c.spec.commandLine();
        if (c.headroomPct < 0 || c.headroomPct > 1000 || Double.isNaN(c.headroomPct)) {
            throw new CommandLine.ParameterException(cl, "--headroom must be between 0 and 1000 (per cent), got " + c.headroomPct);
        }
        WatchService service = new WatchService();
        try (CtrlC ctrlC = new CtrlC("watch-stop", 20)) {
            java.util.function.BooleanSupplier stop = ctrlC::stopped;
            WatchService.Listener progress = new WatchService.Listener() {
                @Override
                public void started(LiveSnapshot snapshot, int planned) {
                    err.printf("Watching %s: %d member(s), %d instance(s), %d sample(s) planned; Ctrl+C ends it early and keeps what was sampled%n",
                            snapshot.source(), snapshot.members().size(), snapshot.instances().size(), planned);
                    err.flush();
                }

                @Override
                public void sampled(int taken, int planned, UsageSample s) {
                    long silent = s.members().stream().filter(m -> !m.answered()).count();
                    err.printf("  sample %d/%d at %s: %d instance(s)%s%s%n", taken, planned, s.at(), s.instances().size(),
                            silent == 0 ? "" : ", " + silent + " member(s) not answering",
                            s.problems().isEmpty() ? "" : ", " + s.problems().size() + " part(s) not read");
                    err.flush();
                }
            };
            WatchService.Result result;
            try {
                if (c.resume != null) {
                    result = service.resume(request, c.resume, c.headroomPct, plan, c.site, progress, stop);
                } else {
                    Duration duration;
                    try {
                        duration = parseDuration(c.watch);
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(cl, "--watch: " + e.getMessage());
                    }
                    if (duration.isZero() || duration.compareTo(MAX_WATCH) > 0) {
                        throw new CommandLine.ParameterException(cl, "--watch must be between 1s and 31d, got " + c.watch);
                    }
                    Duration every;
                    try {
                        every = parseDuration(c.interval);
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(cl, "--interval: " + e.getMessage());
                    }
                    if (every.toSeconds() < 1 || every.compareTo(duration) > 0) {
                        throw new CommandLine.ParameterException(cl, "--interval must be at least 1 second and at most the watch ("
                                + duration.toSeconds() + " s), got " + c.interval);
                    }
                    Path log = c.samples != null ? c.samples : defaultLog(c.json == null || c.json.equals("-") ? null : Path.of(c.json));
                    result = service.watch(request, new WatchService.Settings(duration, every, c.headroomPct),
                            log, plan, c.site, progress, stop);
                }
            } catch (ProbeException e) {
                err.println(e.describe());
                return Cli.INPUT_REJECTED;
            }
            WatchService.DemandComparison demand = plan == null ? null : service.compare(result, plan, c.site);
            ProbeCommand.printBody(out, result.probe(), null);
            print(out, result, demand);
            ProbeCommand.printFindings(out, result.probe());
            out.println("Samples: " + result.log() + (c.resume == null ? " (continue an interrupted watch with --resume " + result.log() + ")" : ""));
            if (c.json != null) {
                if (c.json.equals("-")) {
                    out.print(service.toJson(result, demand));
                } else {
                    service.save(result, demand, Path.of(c.json));
                    out.println("Saved the snapshot and the watch to " + c.json);
                }
            }
            if (c.importPlan != null) {
                boolean observed = "p95".equalsIgnoreCase(c.demand);
                var imported = service.importAsPlan(result, observed, "Live cluster " + result.probe().snapshot().serverName()
                        + (observed ? " (observed use)" : ""));
                if (c.importPlan.equals("-")) {
                    out.print(new PlanService().toJson(imported));
                } else {
                    new PlanService().save(imported, Path.of(c.importPlan));
                }
                (c.importPlan.equals("-") ? err : out).println("Wrote the live cluster as a plan (" + (observed ? "demands from observed P95 + " + ProbeCommand.fmt(c.headroomPct)
                        + " % headroom" : "demands from limits") + ") to " + c.importPlan);
            }
            out.flush();
            return result.probe().hasAtLeast(Severity.WARNING) ? Cli.FINDINGS : Cli.OK;
        }
    }

    /** Beside the JSON file when there is one, else reports/watch-YYYYMMDD-HHMMSS.jsonl. */
    static Path defaultLog(Path json) {
        if (json != null && !json.toString().equals("-")) {
            return Path.of(json + ".samples.jsonl");
        }
        return Path.of("reports", "watch-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jsonl");
    }

    static void print(PrintWriter out, WatchService.Result r, WatchService.DemandComparison demand) {
        var u = r.summary();
        out.println();
        out.printf("Usage over %s (%d of %d samples, every %d s)%s; P95 = 95th percentile%n",
                u.samples() < 2 ? "-" : dev.clusterplanner.core.usage.UsageSummary.human(Duration.between(u.from(), u.to())),
                u.samples(), r.settings().plannedSamples(), r.settings().interval().toSeconds(), r.stoppedEarly() ? ", stopped early" : "");
        out.printf("%-24s %-10s %6s %22s %22s %16s%n", "INSTANCE", "LOCATION", "LIMIT", "CORES mean/P95/max", "MEMORY P95 / LIMIT",
                "NET P95 Mbit/s");
        for (InstanceUsage i : u.instances()) {
            LiveInstance live = r.probe().snapshot().instances().stream()
                    .filter(x -> x.project().equals(i.project()) && x.name().equals(i.name())).findFirst().orElse(null);
            out.printf("%-24s %-10s %6s %22s %22s %16s%n", ("default".equals(i.project()) ? "" : i.project() + "/") + i.name(), i.location(),
                    live == null || live.cpuLimit() == null ? "-" : ProbeCommand.fmt(live.cpuLimit()), triple(i.cores()),
                    (i.memoryBytes().empty() ? "-" : IncusUnits.human((long) i.memoryBytes().p95())) + " / "
                            + (live == null || live.memoryLimitBytes() == null ? "-" : IncusUnits.human(live.memoryLimitBytes())),
                    i.netRxMbps().empty() ? "-" : f2(i.netRxMbps().p95()) + " in " + f2(i.netTxMbps().p95()) + " out");
        }
        out.printf("%-16s %10s %24s %10s %22s%n", "MEMBER", "ANSWERED", "INSTANCE CORES mean/P95", "LOAD P95", "MEMORY USED P95");
        for (MemberUsage m : u.members()) {
            out.printf("%-16s %10s %24s %10s %22s%n", m.name(), m.answered() + "/" + m.samples(),
                    m.instanceCores().empty() ? "-" : f2(m.instanceCores().mean()) + " / " + f2(m.instanceCores().p95()),
                    m.load1().empty() ? "-" : f2(m.load1().p95()),
                    m.memoryUsedBytes().empty() ? "-" : IncusUnits.human((long) m.memoryUsedBytes().p95()) + " of " + IncusUnits.human(m.memoryTotalBytes()));
            for (UsageGap g : m.gaps()) {
                out.printf("  no answer from %s to %s: %s%n", g.from(), g.to(), g.reason());
            }
        }
        r.notes().forEach(n -> out.println("Note: " + n));
        if (demand != null) {
            out.printf("Plan site '%s' for these workloads: by limits %s; by observed use %s%n", demand.site(),
                    demand.hostsByLimits() == null ? "no option fits" : demand.hostsByLimits() + " host(s) of " + demand.optionByLimits(),
                    demand.hostsByUsage() == null ? "no option fits" : demand.hostsByUsage() + " host(s) of " + demand.optionByUsage());
        }
    }

    static String triple(UsageStats s) {
        return s.empty() ? "-" : f2(s.mean()) + " / " + f2(s.p95()) + " / " + f2(s.max());
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
