package dev.clusterplanner.cli;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.OutputBatch;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.app.SimulationService;
import dev.clusterplanner.app.SimulationService.SiteSimulation;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.core.simulation.SimulationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code simulate PLAN.json --trials N --seed S [--json FILE]}: Monte Carlo risk of each site's recommended option. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Monte Carlo over growth, host and disk failures and prices: when capacity runs out, degraded time,",
                "data-at-risk probability and the spread of each option's total cost. The same seed gives the same numbers."})
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLAN.json", description = "the plan file")
    Path planFile;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "10000", description = "trials (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "write the results as JSON to FILE ('-' for standard output)")
    String json;

    @Option(names = "--no-growth", description = "switch off random growth (each workload grows at its growth_pct_year)")
    boolean noGrowth;

    @Option(names = "--no-failures", description = "switch off host and disk failures")
    boolean noFailures;

    @Option(names = "--no-price-drift", description = "switch off electricity and cloud price changes")
    boolean noPrices;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionChecks.range(spec, "--trials", trials, 1, Limits.MAX_TRIALS);
        OptionChecks.output(spec, "--json", json);
        PlanService plans = new PlanService();
        Plan plan = plans.open(planFile);
        Uncertainty d = Uncertainty.DEFAULT;
        Uncertainty u = new Uncertainty(!noGrowth, d.growthSdPoints(), !noFailures, !noPrices,
                d.electricityDriftPctYear(), d.electricitySdPctYear(), d.cloudChangePctYear(), d.cloudSdPctYear());
        SimulationService service = new SimulationService();
        List<SiteSimulation> sims;
        try {
            sims = service.simulate(plan, new CatalogService().load(), trials, seed, u, done -> { }, () -> false);
        } catch (InputRejectedException e) {
            throw plans.locate(e, planFile, plan.name());
        }
        PrintWriter out = spec.commandLine().getOut();
        // a site with no feasible option is not simulated: say so, and exit 3 as `plan` does
        List<String> notSimulated = plan.sites().stream().map(s -> s.name())
                .filter(n -> sims.stream().noneMatch(sim -> sim.site().equals(n))).toList();
        int code = notSimulated.isEmpty() ? Cli.OK : Cli.FINDINGS;
        if ("-".equals(json)) {
            out.print(service.toJson(plan.name(), sims));
        } else {
            if (json != null) {
                try (OutputBatch batch = OutputBatch.open()) {
                    service.writeJson(plan.name(), sims, Path.of(json));
                    batch.commit();
                }
            }
            print(out, plan, sims);
            if (json != null) {
                out.println("Wrote " + json);
            }
        }
        PrintWriter note = "-".equals(json) ? spec.commandLine().getErr() : out;
        for (String n : notSimulated) {
            note.printf("Site %s: not simulated: no hardware candidate fits it (run `plan` for the reasons)%n", n);
        }
        out.flush();
        note.flush();
        return code;
    }

    static void print(PrintWriter out, Plan plan, List<SiteSimulation> sims) {
        out.printf(Locale.ROOT, "Risk simulation of '%s'%n", plan.name());
        for (SiteSimulation s : sims) {
            SimulationResult r = s.result();
            out.printf(Locale.ROOT, "%nSite %s: %d x %s, %d trials x %d months, seed %d%s%n", s.site(), s.hosts(), s.option(),
                    r.trialsRun(), s.inputs().months(), r.seed(), r.cancelled() ? " (cancelled)" : "");
            out.printf(Locale.ROOT, "  capacity exhausted (with failure headroom): 10 %% by %s, 50 %% by %s%n",
                    month(r.monthExhausted10()), month(r.monthExhausted50()));
            out.printf(Locale.ROOT, "  degraded: %.1f h/year (standard error %.2f); data at risk over the horizon: %.2f %% (standard error %.2f)%n",
                    r.degradedHoursPerYear().value(), r.degradedHoursPerYear().standardError(),
                    100 * r.dataAtRiskProbability().value(), 100 * r.dataAtRiskProbability().standardError());
            out.printf(Locale.ROOT, "  %-48s %14s %14s %14s %14s %12s%n", "option", "plan USD", "P50 USD", "P90 USD", "P95 USD", "owned cheaper");
            for (int o = 0; o < r.options().size(); o++) {
                SimulationResult.OptionStats st = r.options().get(o);
                SimulationResult.Estimate c = r.ownedCheaperThan().get(o);
                out.printf(Locale.ROOT, "  %-48s %,14.0f %,14.0f %,14.0f %,14.0f %12s%n", st.name(), st.deterministic(), st.p50(), st.p90(), st.p95(),
                        Double.isNaN(c.value()) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * c.value()));
            }
            out.printf(Locale.ROOT, "  %s: %s%n", r.enough() ? "enough trials" : "NOT enough trials", r.enoughReason());
            s.assumptions().forEach(a -> out.println("  assumes " + a));
        }
    }

    static String month(int m) {
        return m < 0 ? "not within the horizon" : "month " + m;
    }
}
