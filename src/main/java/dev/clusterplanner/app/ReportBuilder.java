package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.ReportDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the report's chapters in order: title block, summary, options compared (with the cost charts), utilisation per
 * host, risk, bill of materials, placement, findings, the live cluster (when a probe is given), assumptions and
 * formulas, and the catalog rows used. Each chapter is its own class reading the same {@link ReportContext}; every
 * figure comes from the result objects the JSON and CSV exports write, formatted by {@link ReportFormat}. The blocks
 * are the neutral document model of {@code core.document}, which the PDF adapter lays out.
 */
final class ReportBuilder {

    private ReportBuilder() {
    }

    /** The report of {@code ctx}, with a "Live cluster" section after the findings when {@code live} is not null. */
    static ReportDocument build(ReportContext ctx, ReportService.Live live) {
        List<Block> b = new ArrayList<>();
        b.addAll(TitleBlockSection.blocks(ctx));
        b.addAll(SummarySection.blocks(ctx));
        b.addAll(OptionsComparedSection.blocks(ctx));
        b.addAll(UtilisationSection.blocks(ctx));
        b.addAll(RiskSection.blocks(ctx));
        b.addAll(BillOfMaterialsSection.blocks(ctx));
        b.addAll(PlacementSection.blocks(ctx));
        b.addAll(FindingsSection.blocks(ctx));
        if (live != null) {
            b.addAll(LiveReportSection.blocks(live.probe(), live.source()));
            if (live.watch() != null) {
                b.addAll(UsageReportSection.blocks(live.watch(), live.demand()));
            }
        }
        b.addAll(AssumptionsSection.blocks(ctx));
        b.addAll(AppendixSection.blocks(ctx));
        return new ReportDocument("Cluster Planner report: " + ctx.plan().name(), ctx.producer() + " · " + ctx.today(), b);
    }
}
