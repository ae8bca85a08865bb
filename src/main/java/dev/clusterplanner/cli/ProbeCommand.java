package dev.clusterplanner.cli;

import dev.clusterplanner.app.OutputBatch;
import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.core.live.FingerprintPrompt;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.live.ProbeSettings;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.validation.CephStorageMapping;
import dev.clusterplanner.core.validation.Comparison;
import dev.clusterplanner.core.validation.LiveValidation;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code probe (--remote NAME | --url URL --cert F --key F | --local) [--plan PLAN.json] [--json FILE]
 * [--ceph-metrics URL] [--ceph-cli [--ceph-conf FILE]]}: reads a running Incus (GET only), and its Ceph when asked
 * (read-only), checks both against the plan, prints members, instances, the Ceph storage and one list of findings. Exit 0 when it
 * matches, 3 when a finding of severity warning or worse exists, 1 when the cluster could not be read (the message
 * says whether it was the connection, TLS, the fingerprint or trust).
 */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Read a running Incus cluster (read-only: GET requests only) and check it against a plan.",
                "Exit 0: it matches; 3: findings of severity warning or worse; 1: connection, TLS or trust error."})
final class ProbeCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--remote", paramLabel = "NAME", description = "a remote of your incus client (config.yml in $INCUS_CONF or ~/.config/incus)")
        String remote;

        @ArgGroup(exclusive = false)
        UrlTarget url;

        @Option(names = "--local", description = "the unix socket of the Incus on this machine (see --socket)")
        boolean local;
    }

    static final class UrlTarget {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "https://HOST[:8443]")
        String url;

        @Option(names = "--cert", required = true, paramLabel = "FILE", description = "client certificate (PEM)")
        Path cert;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "client private key (PEM); never logged or written")
        Path key;
    }

    @Option(names = "--socket", paramLabel = "PATH", description = "unix socket for --local (default $INCUS_SOCKET, $INCUS_DIR/unix.socket, /var/lib/incus/unix.socket)")
    Path socket;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "incus client configuration for --remote (default $INCUS_CONF or ~/.config/incus)")
    Path configDir;

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "pin the server certificate's SHA-256 fingerprint (as `incus info` prints it)")
    String fingerprint;

    @Option(names = "--accept-fingerprint", description = "trust the server certificate shown on first use without asking")
    boolean acceptFingerprint;

    @Option(names = "--plan", paramLabel = "PLAN.json", description = "the plan to check the cluster against")
    Path planFile;

    @Option(names = "--site", paramLabel = "NAME", description = "the plan site to compare with (default: the first cluster site)")
    String site;

    @Option(names = "--json", paramLabel = "FILE", description = "save the snapshot, the validation and the findings as JSON (with a timestamp); '-' for standard output")
    String json;

    @Option(names = "--import-plan", paramLabel = "FILE", description = "write the live cluster as a plan file, to size its growth; '-' for standard output")
    String importPlan;

    @Option(names = "--watch", paramLabel = "DURATION", description = "sample CPU, memory, disk and network use for this long (20s, 5m, 2h, 1d)")
    String watch;

    @Option(names = "--interval", paramLabel = "DURATION", description = "time between samples of a watch: 4s, 1m, or seconds (default ${DEFAULT-VALUE})",
            defaultValue = "10s")
    String interval;

    @Option(names = "--samples", paramLabel = "FILE", description = "where a watch appends its samples as they come (JSON lines; default beside --json, else reports/)")
    Path samples;

    @Option(names = "--resume", paramLabel = "FILE", description = "continue the watch whose samples are in FILE, to its planned end")
    Path resume;

    @Option(names = "--headroom", paramLabel = "PCT", description = "added to observed P95 before comparing with limits or importing (default ${DEFAULT-VALUE})",
            defaultValue = "20")
    double headroomPct;

    @Option(names = "--demand", paramLabel = "p95|limits", description = "--import-plan demands: the limits (default), or observed P95 plus --headroom (needs --watch or --resume)",
            defaultValue = "limits")
    String demand;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "read timeout per request; a member slower than this is reported as slow (default ${DEFAULT-VALUE})",
            defaultValue = "10")
    int timeoutSeconds;

    @CommandLine.Mixin
    CephOptions ceph = new CephOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptionChecks.range(spec, "--timeout", timeoutSeconds, 1, 3600);
        OptionChecks.output(spec, "--json", json);
        if (!demand.equalsIgnoreCase("limits") && !demand.equalsIgnoreCase("p95")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--demand must be p95 or limits, got " + demand);
        }
        if (demand.equalsIgnoreCase("p95") && watch == null && resume == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--demand p95 needs observed use: add --watch DURATION (or --resume FILE)");
        }
        if (watch != null && resume != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch and --resume: give one (a resumed watch keeps its planned length)");
        }
        OptionChecks.output(spec, "--import-plan", importPlan);
        if ("-".equals(json) && "-".equals(importPlan)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "only one of --json and --import-plan can be '-' (standard output)");
        }
        Plan plan = planFile == null ? null : new PlanService().open(planFile);
        ProbeService service = new ProbeService();
        ProbeService.Request request = new ProbeService.Request(target(), fingerprint, prompt(err),
                ProbeSettings.DEFAULT.withReadTimeout(Duration.ofSeconds(timeoutSeconds)));
        if (watch != null || resume != null) {
            return WatchRun.run(this, request, plan);
        }
        ProbeService.Result result;
        try {
            result = service.probe(request, plan, site);
        } catch (ProbeException e) {
            err.println(e.describe());
            return Cli.INPUT_REJECTED;
        } catch (InputRejectedException e) {
            // a problem of the plan found while comparing (no such site): name the plan file, not its title
            throw planFile == null ? e : new PlanService().locate(e, planFile, plan.name());
        }
        CephProbeService.Result cephResult = null;
        if (ceph.requested()) {
            // an unreachable Ceph is a finding in the same list; the Incus part read above is kept
            cephResult = new CephProbeService().probe(ceph.request(), plan, site, ProbeService.nicGbpsByMember(result.snapshot()));
            result = result.withCeph(cephResult);
        }
        boolean jsonOut = "-".equals(json);
        boolean planOut = "-".equals(importPlan);
        PlanService plans = new PlanService();
        Plan imported = importPlan == null ? null : service.importAsPlan(result.snapshot(), "Live cluster " + result.snapshot().serverName());
        // both outputs or neither: a failing --import-plan leaves no snapshot behind
        try (OutputBatch batch = OutputBatch.open()) {
            if (json != null && !jsonOut) {
                service.save(result, Path.of(json));
            }
            if (importPlan != null && !planOut) {
                plans.save(imported, Path.of(importPlan));
            }
            batch.commit();
        }
        if (jsonOut) {
            out.print(service.toJson(result));
        } else if (planOut) {
            out.print(plans.toJson(imported));
        } else {
            print(out, result, cephResult);
        }
        // with the JSON on standard output, notes go to standard error
        PrintWriter note = jsonOut || planOut ? err : out;
        if (json != null && !jsonOut) {
            note.println("Saved the snapshot to " + json);
        }
        if (importPlan != null && !planOut) {
            note.println("Wrote the live cluster as a plan to " + importPlan);
        }
        out.flush();
        note.flush();
        return result.hasAtLeast(Severity.WARNING) ? Cli.FINDINGS : Cli.OK;
    }

    ProbeService.Target target() {
        if (target.remote != null) {
            return new ProbeService.Remote(configDir, target.remote);
        }
        if (target.url != null) {
            return new ProbeService.Url(target.url.url, target.url.cert, target.url.key);
        }
        return new ProbeService.Local(socket);
    }

    /** Trust on first use: --accept-fingerprint, else ask on the terminal, else refuse (the message says how to pin). */
    FingerprintPrompt prompt(PrintWriter err) {
        if (acceptFingerprint) {
            return (fp, subject) -> {
                err.println("Accepting the server certificate " + subject + ", SHA-256 fingerprint " + fp);
                return true;
            };
        }
        Console console = System.console();
        if (console == null) {
            return FingerprintPrompt.REFUSE;
        }
        return (fp, subject) -> {
            console.printf("The server's certificate (%s) has SHA-256 fingerprint%n  %s%nCompare it with `incus info` on a member. Trust it? [y/N] ", subject, fp);
            String answer = console.readLine();
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        };
    }

    static void print(PrintWriter out, ProbeService.Result result) {
        print(out, result, null);
    }

    static void print(PrintWriter out, ProbeService.Result result, CephProbeService.Result ceph) {
        printBody(out, result, ceph);
        printFindings(out, result);
    }

    /** Members, instances, pools, the plan comparison and Ceph: everything but the findings. */
    static void printBody(PrintWriter out, ProbeService.Result result, CephProbeService.Result ceph) {
        LiveSnapshot s = result.snapshot();
        out.printf("Incus %s at %s%s, read %s in %d ms%n", s.serverVersion(), s.source(),
                s.fingerprint().isEmpty() ? "" : " (certificate SHA-256 " + s.fingerprint() + ")", s.takenAt(), s.durationMillis());
        out.println();
        out.printf("%-16s %-12s %8s %10s %12s %9s %5s%n", "MEMBER", "STATUS", "THREADS", "MEMORY", "DISKS", "NIC", "GPUS");
        for (LiveMember m : s.members()) {
            if (!m.readable()) {
                out.printf("%-16s %-12s %s%n", m.name(), m.status().id(), m.readError());
                continue;
            }
            var r = m.resources();
            out.printf("%-16s %-12s %8d %10s %12s %9s %5d%n", m.name(), m.status().id(), r.threads(), IncusUnits.human(r.memoryBytes()),
                    IncusUnits.human(r.diskBytes()), r.fastestNicMbps().isPresent() ? fmt(r.fastestNicMbps().getAsLong() / 1000.0) + " Gb/s" : "unknown",
                    r.gpus().size());
        }
        out.println();
        out.printf("%-24s %-16s %-12s %-9s %6s %10s %10s %10s%n", "INSTANCE", "TYPE", "LOCATION", "STATUS", "CPU", "MEMORY", "ROOT DISK", "MEM USED");
        for (LiveInstance i : s.instances()) {
            out.printf("%-24s %-16s %-12s %-9s %6s %10s %10s %10s%n", (i.project().equals("default") ? "" : i.project() + "/") + i.name(), i.type(),
                    i.location(), i.status(), i.cpuLimit() == null ? "-" : fmt(i.cpuLimit()),
                    i.memoryLimitBytes() == null ? "-" : IncusUnits.human(i.memoryLimitBytes()),
                    i.rootDiskBytes() == null ? "-" : IncusUnits.human(i.rootDiskBytes()),
                    i.usage() == null ? "-" : IncusUnits.human(i.usage().memoryBytes()));
        }
        if (!s.pools().isEmpty()) {
            out.println();
            for (LivePool p : s.pools()) {
                out.printf("pool %s (%s%s): %s used of %s%n", p.name(), p.driver(), p.shared() ? ", shared" : ", per member",
                        IncusUnits.human(p.usedBytes()), IncusUnits.human(p.totalBytes()));
            }
        }
        LiveValidation v = result.validation();
        if (v != null && !v.site().isEmpty()) {
            out.println();
            out.printf("Against plan site '%s' (planned / live):%n", v.site());
            for (Comparison c : v.totals()) {
                out.printf("  %-14s %10s / %-10s %s%n", c.figure(), c.planned() == null ? "-" : fmt(c.planned()), c.actual() == null ? "-" : fmt(c.actual()), c.unit());
            }
            for (Comparison c : v.allocation()) {
                out.printf("  alloc %-8s %10s / %-10s %s%n", c.figure(), c.planned() == null ? "-" : fmt(c.planned()), c.actual() == null ? "-" : fmt(c.actual()), c.unit());
            }
        }
        if (ceph != null) {
            out.println();
            CephReportPrinter.print(ceph, out);
        }
        if (result.storage() != null) {
            printStorage(out, result.storage());
        }
    }

    /** The findings, worst first, and the one-line result. */
    static void printFindings(PrintWriter out, ProbeService.Result result) {
        LiveValidation v = result.validation();
        out.println();
        List<Finding> findings = Finding.worstFirst(result.findings());
        if (findings.isEmpty()) {
            out.println("No findings.");
        } else {
            out.println("Findings (worst first):");
            for (Finding f : findings) {
                out.printf("  %-7s %s: %s%n", f.severity().id().toUpperCase(Locale.ROOT), f.rule(), f.text());
            }
        }
        long serious = findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).count();
        out.println(serious == 0 ? "Result: the cluster matches" + (v != null && !v.site().isEmpty() ? " the plan" : "")
                : "Result: " + serious + " finding(s) of severity warning or worse");
    }

    /** Which Incus pools keep their data in Ceph (and where), and which member each OSD host is. */
    static void printStorage(PrintWriter out, CephStorageMapping m) {
        out.println();
        if (m.pools().isEmpty()) {
            out.println("Incus pools on Ceph: none (no storage pool uses the ceph or cephfs driver)");
        } else {
            out.println("Incus pools on Ceph:");
            for (CephStorageMapping.MappedPool p : m.pools()) {
                List<String> where = new ArrayList<>();
                for (int i = 0; i < p.cephPools().size(); i++) {
                    String name = p.cephPools().get(i);
                    where.add(p.found().isEmpty() ? name : name + (p.found().get(i) ? "" : " (NOT FOUND in Ceph)"));
                }
                out.printf("  %-16s %-7s -> Ceph cluster %s, pool %s; %d instance(s)%s%s%n", p.incusPool(), p.driver(), p.cephCluster(),
                        where.isEmpty() ? "unknown" : String.join(", ", where), p.instances().size(),
                        p.instances().isEmpty() ? "" : " (" + String.join(", ", p.instances()) + "), root disks " + IncusUnits.human(p.rootDiskBytes()),
                        p.storedBytes() == null ? "" : "; Ceph stores " + IncusUnits.human(p.storedBytes()) + ", can take "
                                + IncusUnits.human(p.maxAvailBytes()) + " more");
            }
        }
        if (!m.hosts().isEmpty()) {
            out.println("Ceph OSD hosts as Incus members:");
            for (CephStorageMapping.HostMatch h : m.hosts()) {
                out.printf("  %-24s %s%n", h.cephHost(), h.matched() ? "= " + h.member() + " (" + h.how() + ")" : "not an Incus member");
            }
            if (!m.membersWithoutOsds().isEmpty()) {
                out.println("  members without OSDs: " + String.join(", ", m.membersWithoutOsds()));
            }
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
