package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.KeyValue;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.simulation.SimulationResult;

import java.util.ArrayList;
import java.util.List;

import static dev.clusterplanner.app.ReportFormat.num2;
import static dev.clusterplanner.app.ReportFormat.pct;
import static dev.clusterplanner.app.ReportFormat.usd;

/** The "Risk" chapter (only when a risk simulation was run): per site the trials, exhaustion, degraded hours and the cost histograms. */
final class RiskSection {

    private RiskSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        if (ctx.risk().isEmpty()) {
            return b;
        }
        b.add(new Heading(1, "Risk"));
        for (SimulationService.SiteSimulation sim : ctx.risk()) {
            SimulationResult r = sim.result();
            b.add(new Heading(2, "Site " + sim.site() + ": " + sim.hosts() + " x " + ctx.hardwareName(sim.option())));
            List<KeyValue> kv = new ArrayList<>();
            kv.add(new KeyValue("Trials", r.trialsRun() + " of " + r.trialsRequested() + " (seed " + r.seed() + ")"
                    + (r.cancelled() ? ", cancelled" : "")));
            kv.add(new KeyValue("Enough trials", (r.enough() ? "yes: " : "no: ") + r.enoughReason()));
            kv.add(new KeyValue("Capacity exhausted", (r.monthExhausted10() < 0 ? "10 % likely: not within the horizon"
                    : "10 % likely by month " + r.monthExhausted10()) + "; " + (r.monthExhausted50() < 0
                    ? "50 % likely: not within the horizon" : "50 % likely by month " + r.monthExhausted50())));
            kv.add(new KeyValue("Degraded hours a year", num2(r.degradedHoursPerYear().value()) + " h (standard error "
                    + num2(r.degradedHoursPerYear().standardError()) + ")"));
            kv.add(new KeyValue("Data at risk", pct(r.dataAtRiskProbability().value()) + " probability over the horizon"));
            kv.add(new KeyValue("A host fails in year 1", pct(r.hostFailureFirstYear().value()) + " probability"));
            b.add(new Block.KeyValues(kv));
            int shown = 0;
            for (SimulationResult.OptionStats os : r.options()) {
                if (shown++ >= 3) {
                    break;
                }
                SimulationResult.Histogram h = os.histogram();
                int[] counts = h.counts();
                List<Block.Bin> bins = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    bins.add(new Block.Bin(h.min() + i * h.width(), h.min() + (i + 1) * h.width(), counts[i]));
                }
                List<Block.Marker> markers = List.of(new Block.Marker(os.p50(), 0, "P50 " + usd(os.p50())),
                        new Block.Marker(os.p95(), 0, "P95 " + usd(os.p95())));
                b.add(new Block.Histogram("Site " + sim.site() + ", " + os.name() + ": total cost over "
                        + ctx.result().years() + " years across trials", "USD", bins, markers));
                b.add(new Paragraph("Plan figure " + usd(os.deterministic()) + " USD; mean " + usd(os.mean().value())
                        + " USD; P50 " + usd(os.p50()) + ", P90 " + usd(os.p90()) + ", P95 " + usd(os.p95()) + " USD.", TextStyle.SMALL));
            }
            if (!sim.assumptions().isEmpty()) {
                b.add(new Paragraph("Assumptions: " + String.join(" ", sim.assumptions().stream().map(ReportFormat::sentence).toList()),
                        TextStyle.NOTE));
            }
        }
        return b;
    }
}
