package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.Sizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The new hosts a "keep and add" option buys each year: the sizing engine's keep-and-add option of the site's workloads
 * grown to that year (owned hosts plus the fewest new hosts of one candidate), with why.
 *
 * @param newHostsByYear new hosts needed each year (0-based), never fewer than the year before
 */
record KeepSizing(int[] newHostsByYear, String label, List<Explanation> explanations, List<Finding> findings) {

    /** The cost option id of keep and add: {@code keep:<new hardware id>}, or {@code keep:none} with no new host in year 1. */
    static String costId(String newHardwareId) {
        return "keep:" + (newHardwareId == null ? "none" : newHardwareId);
    }

    /** The keep-and-add sizing of each year; null when year 1 has no feasible keep-and-add option with {@code x}. */
    static KeepSizing of(HostSizer sizer, List<Site> byYear, OwnedFleet fleet, Hardware x) {
        int[] out = new int[byYear.size()];
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Hardware> owned = fleet.hosts();
        for (int y = 0; y < byYear.size(); y++) {
            Optional<SizingOption> o = sizer.keepAndAdd(byYear.get(y), owned, x);
            if (o.isEmpty() || !o.get().feasible()) {
                if (y == 0) {
                    return null;
                }
                findings.add(Finding.warning("cost.no-fit-after-growth", "year " + (y + 1) + ": the grown workloads do not fit on the owned"
                        + " hosts plus " + x.id() + "; the cost keeps year " + y + "'s hosts", ""));
                out[y] = out[y - 1];
                continue;
            }
            out[y] = Math.max(y == 0 ? 0 : out[y - 1], o.get().hosts() - owned.size());
            if (y == 0 || out[y] != out[y - 1]) {
                ex.add(new Explanation("new hosts of " + x.id() + (y == 0 ? "" : " in year " + (y + 1)), out[y], "hosts",
                        o.get().explanation(), "sizing engine: placement with failure check (" + o.get().failureCheck().summary() + ")"));
            }
        }
        String label = Sizer.keepAndAddLabel(owned, x, out[0]);
        return new KeepSizing(out, label, ex, findings);
    }
}
