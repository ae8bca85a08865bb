package dev.clusterplanner.cli;

import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code check PLAN.json}: loads a plan file strictly and reports every problem, or a one-line summary. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Check a plan file: prints every problem with file, line and field (exit 1), or a summary (exit 0).")
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLAN.json", description = "the plan file to check")
    Path planFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Plan plan = new PlanService().open(planFile);
        int instances = plan.sites().stream().mapToInt(s -> s.instanceCount()).sum();
        spec.commandLine().getOut().printf("%s: OK, plan '%s' with %d site(s) and %d instance(s)%n",
                planFile, plan.name(), plan.sites().size(), instances);
        return Cli.OK;
    }
}
