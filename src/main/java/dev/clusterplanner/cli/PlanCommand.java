package dev.clusterplanner.cli;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.FleetService;
import dev.clusterplanner.app.OutputBatch;
import dev.clusterplanner.app.PlanResult;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.app.ReportService;
import dev.clusterplanner.app.SimulationService;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.app.PolicyOverrides;
import dev.clusterplanner.app.ScenarioResult;
import dev.clusterplanner.app.SiteResult;
import dev.clusterplanner.core.cost.BreakEven;
import dev.clusterplanner.core.cost.ClaimCheck;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.fleet.FleetSummary;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.UnplacedInstance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code plan PLAN.json} or {@code plan --workloads W.csv --hardware H.csv}: sizes every site and prints the
 * ranked options as a table, or writes the result JSON ({@code --json FILE}, {@code -} for standard output).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Size a plan: how many hosts of which hardware, with failure headroom, placement and reasons.",
                "Exit 0 when every site has a feasible option, 1 when the input is rejected, 3 when a site has an error finding",
                "(an instance that fits no candidate, or no feasible option)."})
final class PlanCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PLAN.json", description = "the plan file (or use --workloads and --hardware)")
    Path planFile;

    @Option(names = "--workloads", paramLabel = "W.csv", description = "workloads spreadsheet (profile CSV format), instead of a plan")
    Path workloads;

    @Option(names = "--hardware", paramLabel = "H.csv", description = "hardware spreadsheet (catalog CSV format): every row is a candidate")
    Path hardware;

    @Option(names = "--kind", paramLabel = "KIND", description = "site kind for spreadsheets: desktop, single-server or cluster (default ${DEFAULT-VALUE})",
            defaultValue = "cluster")
    String kind;

    @Option(names = "--failures", paramLabel = "N", description = "host failures to tolerate (default: 1 for a cluster, 0 otherwise)")
    Integer failures;

    @Option(names = "--min-hosts", paramLabel = "N", description = "smallest cluster (default: 3 for a cluster, 1 otherwise)")
    Integer minHosts;

    @Option(names = "--cpu-overcommit", paramLabel = "X", description = "vCPU per host thread, for containers and (unless --cpu-overcommit-vms) VMs (default 4 and 2)")
    Double cpuOvercommit;

    @Option(names = "--cpu-overcommit-vms", paramLabel = "X", description = "vCPU per host thread for VMs (default 2)")
    Double cpuOvercommitVms;

    @Option(names = "--reserve-memory-gib", paramLabel = "X", description = "memory kept per host for the OS and Incus (default 2)")
    Double reserveMemoryGib;

    @Option(names = "--storage", paramLabel = "MODE", description = "local or ceph (default: ceph for a cluster, local otherwise)")
    String storage;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result JSON to FILE, or to standard output with '-'")
    String json;

    @Option(names = "--csv", paramLabel = "FILE-or-DIR", description = {"write the cost tables as CSV: a folder gets comparison.csv, plan-totals.csv,",
            "monthly.csv, bill-of-materials.csv and placement.csv; NAME.csv gets the comparison and NAME-*.csv beside it;",
            "'-' prints the comparison table to standard output"})
    String csv;

    @Option(names = "--pdf", paramLabel = "FILE", description = "write the PDF report (summary, comparison, charts, bill of materials, placement, findings, formulas, catalog rows) to FILE")
    Path pdf;

    @Option(names = "--paper", paramLabel = "SIZE", defaultValue = "a4", description = "paper for --pdf: a4 or letter (default ${DEFAULT-VALUE})")
    String paper;

    @Option(names = "--live", paramLabel = "SNAPSHOT.json", description = "with --pdf: add a Live cluster section from a probe saved by `probe --json`"
            + " (plan against actual per member, the Ceph storage, the live findings), checked again against this plan")
    Path live;

    @Option(names = "--live-site", paramLabel = "NAME", description = "with --live: the plan site the live cluster is (default: the first cluster site)")
    String liveSite;

    @Option(names = "--risk-trials", paramLabel = "N", description = "with --pdf: also run the risk simulation with N trials (seed 1) and add its histograms")
    Integer riskTrials;

    @Option(names = "--fleet", paramLabel = "SECONDS", description = {"also search for the cheapest fleet of each site (any number of its",
            "hardware candidates at once) for up to SECONDS per site, and list it as one more option with its lower bound and",
            "gap (0 or absent: off; the same plan and SECONDS give the same fleet)"})
    Double fleet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean sheets = workloads != null || hardware != null;
        if (sheets && planFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either PLAN.json or --workloads and --hardware, not both");
        }
        if (!sheets && planFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give PLAN.json, or --workloads W.csv and --hardware H.csv");
        }
        if (sheets && (workloads == null || hardware == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--workloads and --hardware go together");
        }
        if (riskTrials != null && pdf == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--risk-trials needs --pdf");
        }
        if ((live != null || liveSite != null) && pdf == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--live needs --pdf");
        }
        OptionChecks.range(spec, "--risk-trials", riskTrials, 1, Limits.MAX_TRIALS);
        OptionChecks.range(spec, "--failures", failures, 0, Limits.MAX_HOSTS);
        OptionChecks.range(spec, "--min-hosts", minHosts, 1, Limits.MAX_HOSTS);
        OptionChecks.range(spec, "--cpu-overcommit", cpuOvercommit, 1, Limits.MAX_CPU_OVERCOMMIT);
        OptionChecks.range(spec, "--cpu-overcommit-vms", cpuOvercommitVms, 1, Limits.MAX_CPU_OVERCOMMIT);
        OptionChecks.range(spec, "--reserve-memory-gib", reserveMemoryGib, 0, Limits.MAX_HOST_GIB);
        OptionChecks.range(spec, "--fleet", fleet, 0, FleetService.MAX_SECONDS);
        OptionChecks.output(spec, "--json", json);
        OptionChecks.output(spec, "--csv", csv);
        if ("-".equals(json) && "-".equals(csv)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "only one of --json and --csv can be '-' (standard output)");
        }
        StorageMode mode = null;
        SiteKind siteKind;
        ReportService.Paper paperSize;
        try {
            mode = storage == null ? null : StorageMode.parse(storage);
            siteKind = SiteKind.parse(kind);
            paperSize = ReportService.Paper.parse(paper);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PolicyOverrides overrides = new PolicyOverrides(failures, minHosts, cpuOvercommit, cpuOvercommitVms, reserveMemoryGib, mode);
        CatalogService catalogs = new CatalogService();
        PlanningService planning = new PlanningService();
        PlanService plans = new PlanService();
        // every input is read and checked before the first output is written
        Catalog catalog = catalogs.load();
        Plan plan;
        String source;
        if (sheets) {
            List<Workload> ws = catalogs.readWorkloads(workloads);
            List<Hardware> hw = catalogs.readHardware(hardware);
            long instances = ws.stream().mapToLong(Workload::count).sum();
            if (instances > Limits.MAX_INSTANCES_PER_PLAN || ws.size() > Limits.MAX_WORKLOADS_PER_SITE) {
                throw new InputRejectedException(new InputProblem(workloads.toString(), 0, 0, "count", ws.size() + " workload rows with "
                        + instances + " instances in all; this program plans at most " + Limits.MAX_WORKLOADS_PER_SITE + " rows and "
                        + Limits.MAX_INSTANCES_PER_PLAN + " instances at once"));
            }
            if (hw.size() > Limits.MAX_HARDWARE_PER_SITE) {
                throw new InputRejectedException(new InputProblem(hardware.toString(), 0, 0, "", hw.size()
                        + " hardware rows; a site compares at most " + Limits.MAX_HARDWARE_PER_SITE + " candidates"));
            }
            plan = planning.planFromSpreadsheets(workloads.getFileName() + " on " + hardware.getFileName(), siteKind, ws, hw);
            catalog = planning.withHardware(catalog, hw);
            source = workloads.toString();
        } else {
            plan = plans.open(planFile);
            source = planFile.toString();
        }
        PlanResult result;
        try {
            result = planning.analyse(plan, catalog, overrides, source);
        } catch (InputRejectedException e) {
            throw planFile == null ? e : plans.locate(e, planFile, source);
        }
        // the report shows the policies the sizing used, overrides included
        Plan used = plan;
        for (int i = 0; i < used.sites().size(); i++) {
            used = used.withSite(i, s -> s.withPolicy(overrides.apply(s.policy())));
        }
        if (fleet == null || fleet <= 0) {
            return write(planning, paperSize, used, catalog, result);
        }
        // Ctrl+C during the search keeps the best fleet found so far, and the command still prints and saves everything
        try (CtrlC ctrlC = new CtrlC("fleet-stop", 60)) {
            List<FleetService.Answer> fleets = searchFleets(used, catalog, fleet, spec.commandLine().getErr(), ctrlC::stopped, result);
            return write(planning, paperSize, used, catalog, planning.analyse(plan, catalog, overrides, source, fleets));
        }
    }

    /** Everything after the analysis: risk, the output files (all or none), the terminal. */
    private int write(PlanningService planning, ReportService.Paper paperSize, Plan used, Catalog catalog, PlanResult result)
            throws Exception {
        ReportService.Live liveProbe = live == null ? null : ReportService.live(live, used, liveSite);
        List<SimulationService.SiteSimulation> risk = riskTrials == null ? List.of()
                : new SimulationService().simulate(used, catalog, result, riskTrials, 1L, Uncertainty.DEFAULT, done -> { }, () -> false);
        PrintWriter out = spec.commandLine().getOut();
        List<Path> csvFiles;
        ReportService.Written written = null;
        try (OutputBatch batch = OutputBatch.open()) {
            csvFiles = csv == null || "-".equals(csv) ? List.of() : planning.writeCsv(result, Path.of(csv));
            if (json != null && !"-".equals(json)) {
                planning.writeJson(result, Path.of(json));
            }
            if (pdf != null) {
                written = new ReportService(planning).write(used, catalog, result, risk, liveProbe, pdf, paperSize, ReportService.Progress.NONE);
            }
            batch.commit();
        }
        boolean stdout = "-".equals(json) || "-".equals(csv);
        if ("-".equals(json)) {
            out.print(planning.toJson(result));
        } else if ("-".equals(csv)) {
            out.print(planning.comparisonCsv(result));
            if (json != null) {
                spec.commandLine().getErr().println("Wrote " + json);
            }
        } else {
            printTable(result, out);
            if (json != null) {
                out.println("Wrote " + json);
            }
            for (Path f : csvFiles) {
                out.println("Wrote " + f);
            }
        }
        if (written != null) {
            // with the JSON on standard output, the note goes to standard error
            PrintWriter note = stdout ? spec.commandLine().getErr() : out;
            note.printf("Wrote %s (%d pages)%n", pdf, written.pages());
            note.flush();
        }
        out.flush();
        return result.hasErrors() ? Cli.FINDINGS : Cli.OK;
    }

    /** The cheapest fleet of every site, one after the other, with a line on standard error as each starts and ends. */
    static List<FleetService.Answer> searchFleets(Plan plan, Catalog catalog, double seconds, PrintWriter err, BooleanSupplier stop,
                                                  PlanResult sized) {
        FleetService service = new FleetService();
        List<FleetService.Answer> out = new java.util.ArrayList<>();
        for (int i = 0; i < plan.sites().size(); i++) {
            String name = plan.sites().get(i).name();
            err.printf("Searching for the cheapest fleet of site '%s' (time limit %s s; Ctrl+C keeps the best found so far) ...%n",
                    name, OptionChecks.fmt(seconds));
            err.flush();
            // the analysis above is the search's start (its options, not sized again)
            FleetService.Answer a = service.cheapest(plan, catalog, i, FleetService.settings(seconds), p -> { }, stop,
                    sized.sites().get(i).sizing().options());
            err.printf("  %s USD in %.1f s: %s%n", FleetSummary.usd(a.summary().costUsd()), a.summary().seconds(), a.summary().sentence());
            err.flush();
            out.add(a);
        }
        return out;
    }

    static void printTable(PlanResult result, PrintWriter out) {
        out.printf("Plan '%s' (%d years)%n", result.plan(), result.years());
        for (SiteResult s : result.sites()) {
            out.println();
            out.printf("Site '%s': %s, %s storage, %d instance(s), tolerates %d host failure(s)%n", s.name(), s.kind().id(),
                    s.sizing().storage().id(), s.sizing().instances(), s.sizing().failuresTolerated());
            if (s.sizing().instances() == 0) {
                out.printf("Site '%s' has no workloads: nothing to place; each option below is the empty cluster at the policy minimum.%n", s.name());
            }
            // a network column only where some workload has a bandwidth (the dimension applies)
            boolean network = s.scenarios().stream().anyMatch(sc -> sc.sizing().utilisation().containsKey(Dimension.NETWORK));
            String net = network ? " %7s" : "%s";
            out.printf("%-4s %-40s %5s %5s %6s %6s %6s %6s" + net + " %12s %12s %12s  %s%n", "rank", "hardware", "hosts", "bound",
                    "cpu", "memory", "disk", "gpu", network ? "network" : "", "capex USD", "monthly USD", "tco USD", "why");
            for (ScenarioResult sc : s.scenarios()) {
                var o = sc.sizing();
                String hw = (sc.isFleet() ? "fleet: " : "") + (o.keepAndAdd() ? String.join(" + ", o.ownedByHardware().entrySet().stream().map(e -> e.getValue() + " owned " + e.getKey()).toList())
                        + String.join("", o.newHostsByHardware().entrySet().stream().map(e -> " + " + e.getValue() + "x " + e.getKey()).toList())
                        : o.mixed() ? String.join(" + ", o.hostsByHardware().entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).toList())
                        : o.hardwareIds().get(0));
                out.printf("%-4s %-40s %5d %5d %6s %6s %6s %6s" + net + " %12s %12s %12s  %s%n", o.rank() + (o.feasible() ? "" : "!"), hw, o.hosts(), o.hostsLowerBound(),
                        pct(o.utilisation().get(Dimension.CPU)), pct(o.utilisation().get(Dimension.MEMORY)),
                        pct(o.utilisation().get(Dimension.DISK)), pct(o.utilisation().get(Dimension.GPU)),
                        network ? pct(o.utilisation().get(Dimension.NETWORK)) : "",
                        usd(sc.capexUsd()), usd(sc.monthlyUsd()), usd(sc.tcoUsd()), o.explanation());
            }
            printStorageNetworkPower(s, out);
            s.recommended().ifPresentOrElse(r -> {
                out.printf("Recommended: %s%n", r.sizing().explanation());
                out.printf("  failures: %s%n", r.sizing().failureCheck().summary());
                for (PlacedHost h : r.sizing().placement().hosts()) {
                    out.printf("  %-8s %-32s %s%n", h.name(), h.hardwareId(), String.join(", ", h.instances()));
                }
            }, () -> out.println("No feasible option (rank marked '!'): see the unplaced instances below."));
            var first = s.scenarios().isEmpty() ? null : s.scenarios().get(0);
            if (first != null && !first.sizing().placement().unplaced().isEmpty()) {
                out.printf("Unplaced in option %d:%n", first.sizing().rank());
                for (UnplacedInstance u : first.sizing().placement().unplaced()) {
                    out.printf("  %s: %s (%s)%n", u.instance(), u.reason(), u.rule());
                }
            }
            for (Finding f : s.findings()) {
                out.printf("%s: %s [%s]%n", f.severity().id(), f.text(), f.rule());
            }
            if (s.cost() != null) {
                printCost(s.cost(), out);
            }
        }
        if (result.cost() != null) {
            printPlanCost(result.cost(), out);
        }
    }

    /** The site's cost options side by side (USD), the cheapest, break-even months and missing prices. */
    static void printCost(SiteCost c, PrintWriter out) {
        out.println();
        out.printf("Cost of site '%s' over %d months (USD; * = rests on an estimate):%n", c.site(), c.months());
        out.printf("  %-58s %5s %12s %12s %13s %13s %10s%n", "option", "hosts", "capex", "monthly", "total", "NPV", "/inst/mo");
        for (CostOption o : c.options()) {
            String hosts = o.hostsStart() == o.hostsEnd() ? Integer.toString(o.hostsStart()) : o.hostsStart() + "-" + o.hostsEnd();
            out.printf("  %-58s %5s %12s %12s %13s %13s %10s%s%n", trim(o.label() + (o.estimate() ? " *" : ""), 58), hosts,
                    usd2(o.capexUsd()), usd2(o.monthlyUsd()), usd2(o.tcoUsd()), usd2(o.npvUsd()), usd2(o.costPerInstanceMonthUsd()),
                    o.complete() ? "" : "  missing: " + String.join("; ", o.missing()));
        }
        out.println("  " + c.summary());
        for (BreakEven b : c.breakEvens()) {
            if (b.month() != null && (b.optionA().equals(c.cheapestId()) || b.optionB().equals(c.cheapestId()))) {
                out.println("  break-even: " + b.text());
            }
        }
    }

    static void printPlanCost(PlanCost p, PrintWriter out) {
        out.println();
        out.println("Whole plan over " + p.months() + " months (USD):");
        for (PlanCost.PlanOptionTotal t : p.totals()) {
            out.printf("  %-32s %14s%s%n", t.key(), usd2(t.tcoUsd()), t.missing().isEmpty() ? "" : "  (" + String.join("; ", t.missing()) + ")");
        }
        out.println("  " + p.summary());
        out.println("The chuck-stack Incus guide's claims against the catalog:");
        for (ClaimCheck c : p.claims()) {
            out.println("  " + (c.holds() == null ? "?" : c.holds() ? "yes" : "no ") + "  " + c.text());
        }
    }

    static String usd2(Double v) {
        return v == null ? "missing" : String.format(Locale.ROOT, "%,.2f", v);
    }

    static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    /** Per scenario: usable and raw TiB, recovery after a host loss, replication and required NIC, power, energy, rack units; then its findings. */
    static void printStorageNetworkPower(SiteResult s, PrintWriter out) {
        if (s.scenarios().stream().allMatch(sc -> sc.storageNetworkPower() == null)) {
            return;
        }
        out.println("Storage, network and power:");
        out.printf("%-4s %10s %10s %12s %10s %10s %9s %11s %6s  %s%n", "rank", "usable TiB", "raw TiB", "recovery h",
                "repl Gb/s", "NIC Gb/s", "power W", "kWh/month", "rack U", "storage");
        for (ScenarioResult sc : s.scenarios()) {
            var snp = sc.storageNetworkPower();
            if (snp == null) {
                continue;
            }
            out.printf("%-4s %10s %10s %12s %10s %10s %9s %11s %6d  %s%n", sc.sizing().rank(), num(snp.usableTiB(), 2),
                    num(snp.rawTiB(), 2), num(snp.recoveryHoursHostLoss(), 1), num(snp.replicationGbps(), 3),
                    num(snp.network().nicGbps(), 1) + "/" + num(snp.nicGbpsRequired(), 0), num(snp.powerWatts(), 0),
                    num(snp.energyKwhMonth(), 0), snp.rackUnits(), snp.storage().description());
        }
        out.println("  (recovery h: after losing one host; NIC Gb/s: installed/required; '-' = missing or not applicable)");
        for (ScenarioResult sc : s.scenarios()) {
            for (Finding f : sc.findings()) {
                out.printf("  option %d %s: %s [%s]%n", sc.sizing().rank(), f.severity().id(), f.text(), f.rule());
            }
        }
    }

    static String num(Double v, int decimals) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String pct(Double v) {
        return v == null ? "-" : Double.isInfinite(v) ? "inf" : Math.round(v * 100) + " %";
    }

    static String usd(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
