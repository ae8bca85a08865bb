package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.fleet.FleetSummary;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.util.ArrayList;
import java.util.List;

import static dev.clusterplanner.app.ReportFormat.num2;
import static dev.clusterplanner.app.ReportFormat.pct;
import static dev.clusterplanner.app.ReportFormat.usd;
import static dev.clusterplanner.app.ReportFormat.whole;

/**
 * The "Options compared" chapter: each site's sizing options ranked, their storage, network and power, then the cost
 * comparison ({@link CostComparisonSection}) of the site and of the whole plan.
 */
final class OptionsComparedSection {

    private OptionsComparedSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Options compared"));
        for (SiteResult s : ctx.result().sites()) {
            b.add(new Heading(2, "Site " + s.name()));
            b.add(new Paragraph("Sizing options ranked: feasible first, then by cost over " + ctx.result().years()
                    + " years. Percentages are placed demand over the capacity of all planned hosts; Min is the fewest hosts any placement could use.",
                    TextStyle.NOTE));
            int rec = s.recommended().map(r -> r.sizing().rank()).orElse(-1);
            // the network column only where some workload has a bandwidth (the dimension applies)
            boolean network = s.scenarios().stream().anyMatch(sc -> sc.sizing().utilisation().containsKey(Dimension.NETWORK));
            List<Row> rows = new ArrayList<>();
            for (ScenarioResult sc : s.scenarios()) {
                SizingOption o = sc.sizing();
                List<String> cells = new ArrayList<>(List.of(String.valueOf(o.rank()), label(ctx, sc), String.valueOf(o.hosts()),
                        String.valueOf(o.hostsLowerBound()), pct(o.utilisation().get(Dimension.CPU)),
                        pct(o.utilisation().get(Dimension.MEMORY)), pct(o.utilisation().get(Dimension.DISK)),
                        pct(o.utilisation().get(Dimension.GPU))));
                if (network) {
                    cells.add(pct(o.utilisation().get(Dimension.NETWORK)));
                }
                cells.addAll(List.of(usd(sc.capexUsd()), usd(sc.monthlyUsd()), usd(sc.tcoUsd()), o.feasible() ? "yes" : "no"));
                rows.add(new Row(cells, o.rank() == rec));
            }
            List<Column> columns = new ArrayList<>(List.of(Column.right("#"), Column.left("Option"), Column.right("Hosts"), Column.right("Min"),
                    Column.right("CPU"), Column.right("Memory"), Column.right("Disk"), Column.right("GPU")));
            if (network) {
                columns.add(Column.right("Network"));
            }
            columns.addAll(List.of(Column.right("Capex USD"), Column.right("Monthly USD"), Column.right("Total USD"), Column.left("Feasible")));
            b.add(new Block.Table(columns, rows));
            for (ScenarioResult sc : s.scenarios()) {
                if (sc.isFleet()) {
                    b.add(new Heading(3, "Cheapest fleet"));
                    b.add(new Paragraph(fleetParagraph(ctx, sc)));
                }
            }
            if (s.scenarios().stream().anyMatch(sc -> sc.storageNetworkPower() != null)) {
                List<Row> snpRows = new ArrayList<>();
                for (ScenarioResult sc : s.scenarios()) {
                    StorageNetworkPower p = sc.storageNetworkPower();
                    if (p == null) {
                        continue;
                    }
                    snpRows.add(new Row(List.of(String.valueOf(sc.sizing().rank()), label(ctx, sc), num2(p.usableTiB()),
                            num2(p.recoveryHoursHostLoss()), num2(p.replicationGbps()), num2(p.nicGbpsRequired()),
                            whole(p.powerWatts()), whole(p.energyKwhMonth()), String.valueOf(p.rackUnits())),
                            sc.sizing().rank() == rec));
                }
                b.add(new Paragraph("Storage, network and power of each option (usable capacity after replication and the reserve "
                        + "for a host loss; recovery time after losing a host; power at the expected load).", TextStyle.NOTE));
                b.add(new Block.Table(List.of(Column.right("#"), Column.left("Option"), Column.right("Usable TiB"),
                        Column.right("Recovery h"), Column.right("Replication Gbit/s"), Column.right("NIC needed Gbit/s"),
                        Column.right("Power W"), Column.right("kWh/month"), Column.right("Rack U")), snpRows));
            }
            if (s.cost() != null) {
                b.addAll(CostComparisonSection.site(ctx, s.cost()));
            }
        }
        if (ctx.result().cost() != null) {
            b.addAll(CostComparisonSection.wholePlan(ctx.result().cost()));
        }
        return b;
    }

    /** The option's label, "Cheapest fleet: ..." for the fleet. */
    static String label(ReportContext ctx, ScenarioResult sc) {
        return (sc.isFleet() ? "Cheapest fleet: " : "") + ctx.optionLabel(sc.sizing());
    }

    /** What the cheapest fleet is, its hosts and cost, the lower bound and gap, why the search stopped, and reproducibility. */
    static String fleetParagraph(ReportContext ctx, ScenarioResult sc) {
        FleetSummary f = sc.fleet();
        SizingOption o = sc.sizing();
        List<String> parts = new ArrayList<>();
        o.hostsByHardware().forEach((id, n) -> parts.add(n + " x " + id));
        return "Option " + o.rank() + " is the cheapest fleet the optimiser found across all of this site's hardware candidates at once"
                + " (any number of types, within stock, with the failure headroom; OR-Tools CP-SAT in a large neighbourhood search):"
                + " " + String.join(" + ", parts) + ", " + FleetSummary.usd(f.costUsd()) + " USD over " + ctx.result().years()
                + " years by the cost the options are ranked by (purchase, setup and rent). No fleet of these candidates costs less than "
                + FleetSummary.usd(f.lowerBoundUsd()) + " USD (the lower bound), so this one is at most " + FleetSummary.percent(f.gap())
                + " above the cheapest possible (the gap). The search stopped: " + f.stoppedBecause() + ", after "
                + String.format(java.util.Locale.ROOT, "%.1f", f.seconds()) + " s of a " + ReportFormat.num2(f.budgetSeconds())
                + " s time limit. " + (f.reproducible() ? "The same plan and time limit give the same fleet."
                : "Not reproducible: the clock stopped the search on a busy machine, another run may differ.")
                + " It is judged like every other option: " + (o.feasible() ? "it places every instance and " + o.failureCheck().summary() + "."
                : "it does not fit: " + o.failureCheck().summary() + ".");
    }
}
