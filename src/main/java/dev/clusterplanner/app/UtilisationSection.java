package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.PlacedHost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The "Utilisation per host" chapter: one bar chart per site of what the recommended option's placed instances use of each host. */
final class UtilisationSection {

    private UtilisationSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Utilisation per host"));
        b.add(new Paragraph("The recommended option of each site: what the placed instances use of each host, after the "
                + "reserves for the OS, Incus and Ceph. A bar at 100 % is a full host.", TextStyle.NOTE));
        for (SiteResult s : ctx.result().sites()) {
            Optional<ScenarioResult> rec = s.recommended();
            if (rec.isEmpty() || rec.get().sizing().placement().hosts().isEmpty()) {
                b.add(new Paragraph("Site " + s.name() + ": no feasible option, nothing placed.", TextStyle.NOTE));
                continue;
            }
            List<PlacedHost> hosts = rec.get().sizing().placement().hosts();
            List<Dimension> dims = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                if (hosts.stream().anyMatch(h -> h.utilisation(d) != null)) {
                    dims.add(d);
                }
            }
            double[][] values = new double[hosts.size()][dims.size()];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                PlacedHost h = hosts.get(i);
                names.add(h.name());
                for (int j = 0; j < dims.size(); j++) {
                    Double u = h.utilisation(dims.get(j));
                    values[i][j] = u == null ? Double.NaN : Math.round(u * 100);
                }
            }
            b.add(new Block.BarChart("Site " + s.name() + ": " + ctx.optionLabel(rec.get().sizing()), "%", names,
                    dims.stream().map(ReportFormat::dimensionName).toList(), values, 100, "full"));
        }
        return b;
    }
}
