package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.ReportPdf;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.core.document.PaperSize;
import dev.clusterplanner.core.document.ReportDocument;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The PDF report of a plan, for both front ends ({@code plan PLAN.json --pdf FILE} and the window's
 * Export menu): analyses the plan (sizing, storage, network, power, cost), maps the results onto the
 * report's blocks and lays them out on A4 or US Letter, reporting progress as it goes.
 */
public class ReportService {

    /** Paper for the report. */
    public enum Paper {
        A4, LETTER;

        /** "a4" or "letter" (any case). */
        public static Paper parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
                case "a4" -> A4;
                case "letter", "us-letter", "us letter" -> LETTER;
                default -> throw new IllegalArgumentException("paper must be a4 or letter, not '" + s + "'");
            };
        }
    }

    /** Progress: {@code fraction} 0..1 and what is being done, e.g. "Laying out page 3". Called on the caller's thread. */
    @FunctionalInterface
    public interface Progress {
        void update(double fraction, String step);

        Progress NONE = (f, s) -> {
        };
    }

    /** A written report. */
    public record Written(Path file, int pages, long bytes) {
    }

    private final PlanningService planning;

    public ReportService() {
        this(new PlanningService());
    }

    public ReportService(PlanningService planning) {
        this.planning = planning;
    }

    /** Analyses the plan against the catalog and writes its report to {@code file} (atomically). */
    public Written export(Plan plan, Catalog catalog, Path file, Paper paper, Progress progress)
            throws IOException, InputRejectedException {
        Progress p = progress == null ? Progress.NONE : progress;
        p.update(0.0, "Analysing the plan");
        PlanResult result = planning.analyse(plan, catalog);
        return write(plan, catalog, result, List.of(), file, paper, p);
    }

    /** Writes the report of an analysed plan (with the risk simulation's results, if one was run; may be empty). */
    public Written write(Plan plan, Catalog catalog, PlanResult result, List<SimulationService.SiteSimulation> risk,
                         Path file, Paper paper, Progress progress) throws IOException {
        return write(plan, catalog, result, risk, null, file, paper, progress);
    }

    /**
     * A saved probe for the report's "Live cluster" section: the probe checked again against the report's plan
     * ({@link #live}), the name of the file it came from, and the watch it carries ({@code probe --watch --json}) and the plan site sized for the live workloads by limits and by
     * observed use, or null.
     */
    public record Live(ProbeService.Result probe, String source, WatchService.Result watch, WatchService.DemandComparison demand) {
        public Live(ProbeService.Result probe, String source) {
            this(probe, source, null, null);
        }
    }

    /**
     * Reads a probe saved by {@code probe --json} (or the window's Save snapshot) and checks it against the plan
     * (the site named, else the first cluster site), Ceph included when the probe read it.
     */
    public static Live live(Path savedProbe, Plan plan, String siteName) throws IOException, InputRejectedException {
        WatchService watches = new WatchService();
        WatchService.Result watch = watches.fromSavedProbe(savedProbe, plan, siteName).orElse(null);
        return new Live(new ProbeService().recheck(savedProbe, plan, siteName), savedProbe.getFileName().toString(), watch,
                watch == null ? null : watches.compare(watch, plan, siteName));
    }

    /** The same with a "Live cluster" section when {@code live} is not null. */
    public Written write(Plan plan, Catalog catalog, PlanResult result, List<SimulationService.SiteSimulation> risk, Live live,
                         Path file, Paper paper, Progress progress) throws IOException {
        Progress p = progress == null ? Progress.NONE : progress;
        Rendered r = render(plan, catalog, result, risk, live, paper, LocalDate.now(), p);
        AtomicFile.write(file, r.pdf());
        return new Written(file, r.pages(), r.pdf().length);
    }

    /** A report in memory. */
    public record Rendered(byte[] pdf, int pages) {
    }

    /** The report as PDF bytes, dated {@code date}. */
    public Rendered render(Plan plan, Catalog catalog, PlanResult result, List<SimulationService.SiteSimulation> risk,
                         Paper paper, LocalDate date, Progress progress) throws IOException {
        return render(plan, catalog, result, risk, null, paper, date, progress);
    }

    /** The report as PDF bytes, dated {@code date}, with a "Live cluster" section when {@code live} is not null. */
    public Rendered render(Plan plan, Catalog catalog, PlanResult result, List<SimulationService.SiteSimulation> risk, Live live,
                           Paper paper, LocalDate date, Progress progress) throws IOException {
        Progress p = progress == null ? Progress.NONE : progress;
        p.update(0.1, "Building the report");
        ReportDocument doc = ReportBuilder.build(new ReportContext(plan, result.catalogOver(catalog), result, risk, date, producer()), live);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        int pages = ReportPdf.write(doc, paper == Paper.LETTER ? PaperSize.LETTER : PaperSize.A4, out,
                (f, step) -> p.update(0.15 + 0.85 * f, step));
        return new Rendered(out.toByteArray(), pages);
    }

    static String producer() {
        String v = ReportService.class.getPackage().getImplementationVersion();
        return "Cluster Planner " + (v == null ? "development build" : v);
    }
}
