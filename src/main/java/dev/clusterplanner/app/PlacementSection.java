package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.UnplacedInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.clusterplanner.app.ReportFormat.pct;

/** The "Placement per host" chapter: what runs on each host of each site's recommended option, and what could not be placed. */
final class PlacementSection {

    private PlacementSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Placement per host"));
        for (SiteResult s : ctx.result().sites()) {
            Optional<ScenarioResult> rec = s.recommended();
            ScenarioResult shown = rec.orElse(s.scenarios().isEmpty() ? null : s.scenarios().get(0));
            if (shown == null) {
                continue;
            }
            SizingOption o = shown.sizing();
            b.add(new Heading(2, "Site " + s.name() + ": " + ctx.optionLabel(o) + (rec.isEmpty() ? " (not feasible)" : "")));
            // the network column only where some workload has a bandwidth (the dimension applies)
            boolean network = o.utilisation().containsKey(Dimension.NETWORK);
            List<Row> rows = new ArrayList<>();
            for (PlacedHost h : o.placement().hosts()) {
                List<String> cells = new ArrayList<>(List.of(h.name(), ctx.hardwareName(h.hardwareId()), pct(h.utilisation(Dimension.CPU)),
                        pct(h.utilisation(Dimension.MEMORY)), pct(h.utilisation(Dimension.DISK)), pct(h.utilisation(Dimension.GPU))));
                if (network) {
                    cells.add(pct(h.utilisation(Dimension.NETWORK)));
                }
                cells.addAll(List.of(String.valueOf(h.instances().size()), String.join(", ", h.instances())));
                rows.add(new Row(cells, false));
            }
            List<Column> columns = new ArrayList<>(List.of(Column.left("Host"), Column.left("Hardware"), Column.right("CPU"), Column.right("Memory"),
                    Column.right("Disk"), Column.right("GPU")));
            if (network) {
                columns.add(Column.right("Network"));
            }
            columns.addAll(List.of(Column.right("Count"), Column.left("Instances")));
            b.add(new Block.Table(columns, rows));
            if (!o.placement().unplaced().isEmpty()) {
                List<Row> un = new ArrayList<>();
                for (UnplacedInstance u : o.placement().unplaced()) {
                    un.add(Row.of(u.instance(), u.workload(), u.rule(), u.reason()));
                }
                b.add(new Paragraph("Not placed:", TextStyle.EMPHASIS));
                b.add(new Block.Table(List.of(Column.left("Instance"), Column.left("Workload"), Column.left("Rule"),
                        Column.left("Why")), un));
            }
        }
        return b;
    }
}
