package dev.clusterplanner.cli;

import dev.clusterplanner.app.CatalogAudit;
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

/** {@code catalog check [DIR] [--strict]}, {@code catalog list [--category C] [--older-than MONTHS]} and {@code catalog import FILE [--replace]}. */
@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Check, list and add to the hardware, price and workload catalogs.",
        subcommands = {CatalogCommand.Check.class, CatalogCommand.ListRows.class, CatalogImport.class})
final class CatalogCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: check, list or import");
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
            description = {"Check catalog files strictly: prints every problem with file, line, column and field (exit 1), "
                    + "or a summary (exit 0).",
                    "DIR is a catalog folder (hardware/, prices/, workloads/ sub-folders, or CSV files in it) or one CSV file. "
                    + "Without DIR: the shipped catalogs and your own folder ($CLUSTER_PLANNER_CATALOGS, else "
                    + "~/.config/cluster-planner/catalogs).",
                    "Then an audit of the rows that loaded: rows without a public address (https://...) in their source, "
                    + "estimates whose notes do not say how they were made, priced machines to buy without power figures."})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "a catalog folder or a CSV file")
        Path dir;

        @Option(names = "--strict", description = "exit 3 when the audit finds anything (default: the audit only reports)")
        boolean strict;

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
            out.printf("%s: OK, %d file(s): %d hardware row(s), %d price(s), %d workload profile(s)%s%s%n", what, r.files(),
                    c.hardware().size(), c.prices().size(), c.profiles().size(),
                    c.options().isEmpty() ? "" : ", " + c.options().size() + " configure-to-order choice(s)",
                    c.overridden().isEmpty() ? "" : "; " + c.overridden().size() + " override(s) of shipped rows");
            List<CatalogAudit.Finding> audit = CatalogAudit.audit(c);
            CatalogTable.printAudit(c, audit, out);
            return strict && !audit.isEmpty() ? Cli.FINDINGS : Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
            description = "List catalog rows (the shipped catalogs with your own folder over them). "
                    + "Prices show their month ('2026-07'); 'estimate', 'yours' (from your own folder) and 'override' "
                    + "(yours, replacing a shipped row) are marked.")
    static final class ListRows implements Callable<Integer> {

        @Option(names = {"-c", "--category"}, paramLabel = "C",
                description = "desktop, rack, baremetal-cloud, cloud, prices or workloads (default: everything)")
        String category;

        @Option(names = "--older-than", paramLabel = "MONTHS",
                description = "only hardware and price rows whose figures are older than MONTHS months (or undated); "
                        + "workload profiles have no figures and are left out")
        Integer olderThan;

        @Option(names = "--folder", paramLabel = "DIR", description = "your catalog folder (default: $CLUSTER_PLANNER_CATALOGS, else ~/.config/cluster-planner/catalogs)")
        Path folder;

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
            if (olderThan != null && olderThan < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--older-than must be 0 or more months, not " + olderThan);
            }
            CatalogService service = service(folder);
            CatalogService.Report r = service.loadReport();
            PrintWriter out = spec.commandLine().getOut();
            if (!r.ok()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("Warning: %d problem(s); these files were left out (run 'catalog check'):%n", r.problems().size());
                r.problems().forEach(p -> err.println("  " + p.describe()));
            }
            Catalog catalog = r.catalog();
            java.time.LocalDate today = service.today();
            if (c == null || hw != null) {
                List<Hardware> rows = hw == null ? catalog.hardware() : catalog.hardware(hw);
                if (olderThan != null) {
                    rows = rows.stream().filter(h -> CatalogAudit.olderThan(h.sourceDate(), olderThan, today)).toList();
                }
                out.println(CatalogTable.hardware(rows, catalog));
            }
            if (c == null || c.equals("prices")) {
                List<PriceItem> rows = catalog.prices();
                if (olderThan != null) {
                    rows = rows.stream().filter(p -> CatalogAudit.olderThan(p.sourceDate(), olderThan, today)).toList();
                }
                out.println(CatalogTable.prices(rows, catalog));
            }
            if (olderThan != null) {
                out.printf("Rows with figures older than %d month(s) before %s (or undated).%n", olderThan, today);
            } else if (c == null || c.equals("workloads")) {
                out.println(CatalogTable.profiles(catalog.profiles(), catalog));
            }
            return Cli.OK;
        }
    }

    /** The catalogs with {@code folder} as the user's own folder, or the default folder when null. */
    static CatalogService service(Path folder) {
        return folder == null ? new CatalogService() : new CatalogService(folder, java.time.Clock.systemDefaultZone());
    }

    /** Plain-text tables for the terminal. */
    static final class CatalogTable {

        private CatalogTable() {
        }

        static String hardware(List<Hardware> rows, Catalog catalog) {
            // an "in stock" column only when some row limits its stock (column available; blank = no limit)
            boolean stock = rows.stream().anyMatch(h -> h.available() != null);
            List<String> header = new java.util.ArrayList<>(List.of("id", "category", "cores/threads", "memory GiB", "data disks", "GPU", "price"));
            if (stock) {
                header.add("in stock");
            }
            header.addAll(List.of("from", "flags"));
            Table t = new Table(header.toArray(String[]::new));
            for (Hardware h : rows) {
                List<String> cells = new java.util.ArrayList<>(List.of(h.id(), h.category().id(), h.cores() + "/" + h.threads(), num(h.memoryGib()),
                        h.dataDisks() == 0 ? "-" : h.dataDisks() + " x " + num(h.dataDiskGb()) + " GB " + h.dataDiskType().id(),
                        h.gpuCount() == 0 ? "-" : h.gpuCount() + " x " + num(h.gpuVramGib()) + " GB",
                        price(h)));
                if (stock) {
                    cells.add(h.available() == null ? "no limit" : h.available().toString());
                }
                cells.addAll(List.of(h.sourceDate() == null ? "?" : h.sourceDate().toString().substring(0, 7),
                        flags(h.estimate(), catalog, h.id())));
                t.row(cells.toArray(String[]::new));
            }
            return t.render();
        }

        static String prices(List<PriceItem> rows, Catalog catalog) {
            Table t = new Table("id", "category", "value", "unit", "tier from", "from", "flags");
            for (PriceItem p : rows) {
                t.row(p.id(), p.category(), num(p.value()), p.unit(), p.tier() == 0 ? "-" : num(p.tier()),
                        p.sourceDate() == null ? "?" : p.sourceDate().toString().substring(0, 7),
                        flags(p.estimate(), catalog, p.id()));
            }
            return t.render();
        }

        static String profiles(List<Workload> rows, Catalog catalog) {
            Table t = new Table("profile", "kind", "count", "vcpu", "memory GiB", "disk GiB", "GPU", "anti-affine", "flags");
            for (Workload w : rows) {
                t.row(w.name(), w.kind().id(), Integer.toString(w.count()), num(w.vcpu()), num(w.memoryGib()), num(w.diskGib()),
                        Integer.toString(w.gpu()), w.antiAffinity() ? "yes" : "no", flags(false, catalog, w.name()));
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

        /** "estimate", "yours" (a row from the user's own folder), "override" (yours, replacing a shipped row). */
        static String flags(boolean estimate, Catalog catalog, String id) {
            String f = (estimate ? "estimate " : "") + (catalog.isUserRow(id) ? "yours " : "")
                    + (catalog.isOverride(id) ? "override" : "");
            return f.isBlank() ? "-" : f.strip();
        }

        /** The audit after a check: counts per gap, then the rows of each gap. */
        static void printAudit(Catalog c, List<CatalogAudit.Finding> audit, PrintWriter out) {
            int rows = c.hardware().size() + c.prices().size();
            long cited = Math.round(CatalogAudit.addressShare(c) * rows);
            out.printf(Locale.ROOT, "Audit: %d of %d hardware and price rows cite a public address (%.1f %%)%n", cited, rows,
                    rows == 0 ? 100.0 : 100.0 * cited / rows);
            if (audit.isEmpty()) {
                out.println("  nothing to report");
                return;
            }
            for (CatalogAudit.Gap gap : CatalogAudit.Gap.values()) {
                List<String> ids = audit.stream().filter(f -> f.gap() == gap).map(f -> f.id() + (c.isUserRow(f.id()) ? " (yours)" : "")).toList();
                if (!ids.isEmpty()) {
                    out.printf("  %d row(s) with %s: %s%n", ids.size(), gap.text(), String.join(", ", ids));
                }
            }
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
