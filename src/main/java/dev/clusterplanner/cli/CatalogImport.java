package dev.clusterplanner.cli;

import dev.clusterplanner.app.UserCatalogService;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code catalog import FILE.csv [--replace]}: a user's own quote, checked, into the user's catalog folder. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Check a hardware, price or workload CSV with the catalog's strict rules and copy it into your own "
                + "catalog folder ($CLUSTER_PLANNER_CATALOGS, else ~/.config/cluster-planner/catalogs), under hardware/, "
                + "prices/ or workloads/. Its rows are marked 'yours' in every listing.",
                "Refused (nothing written, exit 1): any problem in the file; a file of the same name already in your folder "
                + "or an id of a shipped row, unless --replace; an id one of your other files already defines."})
final class CatalogImport implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.csv", description = "the CSV file to import")
    Path file;

    @Option(names = "--replace", description = "replace a file of the same name in your folder, and let your rows override shipped rows of the same id")
    boolean replace;

    @Option(names = "--folder", paramLabel = "DIR", description = "your catalog folder (default: $CLUSTER_PLANNER_CATALOGS, else ~/.config/cluster-planner/catalogs)")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UserCatalogService.Result r;
        try {
            r = new UserCatalogService(CatalogCommand.service(folder)).importCsv(file, replace);
        } catch (InputRejectedException e) {
            err.printf("Not imported: %d problem(s); nothing was written:%n", e.problems().size());
            for (InputProblem p : e.problems()) {
                err.println("  " + p.describe());
            }
            return Cli.INPUT_REJECTED;
        }
        out.printf("Imported %s: %d %s row(s) into %s%s%n", file, r.rows(), r.kind(), r.file(),
                r.replaced() ? " (replaced the file that was there)" : "");
        if (!r.overrides().isEmpty()) {
            out.println("  overriding shipped rows: " + String.join(", ", r.overrides()));
        }
        return Cli.OK;
    }
}
