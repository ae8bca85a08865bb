package dev.clusterplanner.cli;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code catalog check [DIR]} and {@code catalog list [--category C]}. */
@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Check and list the hardware, price and workload catalogs.",
        subcommands = {CatalogCommand.Check.class, CatalogCommand.ListRows.class})
final class CatalogCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: check or list");
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
            description = {"Check catalog files strictly: prints every problem with file, line, column and field (exit 1), "
                    + "or a summary (exit 0).",
                    "DIR is a catalog folder (hardware/, prices/, workloads/ sub-folders, or CSV files in it) or one CSV file. "
                    + "Without DIR: the shipped catalogs and your own folder ($CLUSTER_PLANNER_CATALOGS, else "
                    + "~/.config/cluster-planner/catalogs)."})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "a catalog folder or a CSV file")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CatalogService service = new CatalogService();
            CatalogService.Report r = dir == null ? service.loadReport() : service.check(dir);
            PrintWriter out = spec.commandLine().getOut();
            if (!r.ok()) {
                out.printf("%d problem(s); a file with a problem is not loaded at all:%n", r.problems().size());
                for (InputProblem p : r.problems()) {
                    out.println("  " + p.describe());
                }
                return Cli.INPUT_REJECTED;
            }
            Catalog c = r.catalog();
            String what = dir == null ? "shipped catalogs" + (r.userFolder() == null ? "" : " with " + r.userFolder()) : dir.toString();
            out.printf("%s: OK, %d file(s): %d hardware row(s), %d price(s), %d workload profile(s)%s%n", what, r.files(),
                    c.hardware().size(), c.prices().size(), c.profiles().size(),
                    c.overridden().isEmpty() ? "" : "; " + c.overridden().size() + " override(s) of shipped rows");
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
            description = "List catalog rows (the shipped catalogs with your own folder over them). "
                    + "Prices show their month ('2026-07'); 'estimate' and 'override' are marked.")
    static final class ListRows implements Callable<Integer> {

        @Option(names = {"-c", "--category"}, paramLabel = "C",
                description = "desktop, rack, baremetal-cloud, cloud, prices or workloads (default: everything)")
        String category;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String c = category == null ? null : category.trim().toLowerCase(Locale.ROOT);
            HardwareCategory hw = null;
            if (c != null && !c.equals("prices") && !c.equals("workloads")) {
                try {
                    hw = HardwareCategory.parse(c);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "unknown category '" + category + "' (expected desktop, rack, baremetal-cloud, cloud, prices or workloads)");
                }
            }
            CatalogService.Report r = new CatalogService().loadReport();
            PrintWriter out = spec.commandLine().getOut();
            if (!r.ok()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("Warning: %d problem(s); these files were left out (run 'catalog check'):%n", r.problems().size());
                r.problems().forEach(p -> err.println("  " + p.describe()));
            }
            Catalog catalog = r.catalog();
            if (c == null || hw != null) {
                List<Hardware> rows = hw == null ? catalog.hardware() : catalog.hardware(hw);
                out.println(CatalogTable.hardware(rows, catalog));
            }
            if (c == null || c.equals("prices")) {
                out.println(CatalogTable.prices(catalog.prices(), catalog));
            }
            if (c == null || c.equals("workloads")) {
                out.println(CatalogTable.profiles(catalog.profiles(), catalog));
            }
            return Cli.OK;
        }
    }

    /** Plain-text tables for the terminal. */
    static final class CatalogTable {

        private CatalogTable() {
        }

        static String hardware(List<Hardware> rows, Catalog catalog) {
            Table t = new Table("id", "category", "cores/threads", "memory GiB", "data disks", "GPU", "price", "from", "flags");
            for (Hardware h : rows) {
                t.row(h.id(), h.category().id(), h.cores() + "/" + h.threads(), num(h.memoryGib()),
                        h.dataDisks() == 0 ? "-" : h.dataDisks() + " x " + num(h.dataDiskGb()) + " GB " + h.dataDiskType().id(),
                        h.gpuCount() == 0 ? "-" : h.gpuCount() + " x " + num(h.gpuVramGib()) + " GB",
                        price(h), h.sourceDate() == null ? "?" : h.sourceDate().toString().substring(0, 7),
                        flags(h.estimate(), catalog.isOverride(h.id())));
            }
            return t.render();
        }

        static String prices(List<PriceItem> rows, Catalog catalog) {
            Table t = new Table("id", "category", "value", "unit", "tier from", "from", "flags");
            for (PriceItem p : rows) {
                t.row(p.id(), p.category(), num(p.value()), p.unit(), p.tier() == 0 ? "-" : num(p.tier()),
                        p.sourceDate() == null ? "?" : p.sourceDate().toString().substring(0, 7),
                        flags(p.estimate(), catalog.isOverride(p.id())));
            }
            return t.render();
        }

        static String profiles(List<Workload> rows, Catalog catalog) {
            Table t = new Table("profile", "kind", "count", "vcpu", "memory GiB", "disk GiB", "GPU", "anti-affine", "flags");
            for (Workload w : rows) {
                t.row(w.name(), w.kind().id(), Integer.toString(w.count()), num(w.vcpu()), num(w.memoryGib()), num(w.diskGib()),
                        Integer.toString(w.gpu()), w.antiAffinity() ? "yes" : "no", flags(false, catalog.isOverride(w.name())));
            }
            return t.render();
        }

        static String price(Hardware h) {
            if (h.priceUsd() != null) {
                return num(h.priceUsd()) + " USD";
            }
            if (h.monthlyUsd() != null) {
                return num(h.monthlyUsd()) + " USD/month";
            }
            if (h.hourlyUsd() != null) {
                return num(h.hourlyUsd()) + " USD/h";
            }
            return "price missing";
        }

        static String flags(boolean estimate, boolean override) {
            String f = (estimate ? "estimate " : "") + (override ? "override" : "");
            return f.isBlank() ? "-" : f.strip();
        }

        static String num(double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    /** A left-aligned text table. */
    static final class Table {
        private final List<String[]> rows = new java.util.ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String render() {
            int cols = rows.get(0).length;
            int[] width = new int[cols];
            for (String[] r : rows) {
                for (int i = 0; i < cols; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < cols; i++) {
                    line.append(String.format("%-" + width[i] + "s", r[i]));
                    if (i < cols - 1) {
                        line.append("  ");
                    }
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            return sb.toString();
        }
    }
}
