package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Limited stock (decision 0281): no option uses more hosts of a hardware row than {@link Site#stockOf} allows (the
 * site's {@code available} override, else the row's {@code available}, else unlimited). A homogeneous option that needs
 * more is not feasible and says so ("needs 5 hosts; 4 in stock"); the mixed search ({@link MixedSearch}) keeps every row
 * within its stock and may fill around a row that is short.
 */
final class StockLimit {

    static final String RULE_SHORT = "sizing.stock-short";

    private final Site site;
    /** Options that place everything and heal but need more hosts than in stock (short of stock only). */
    private final Set<SizingOption> shortOnly = Collections.newSetFromMap(new IdentityHashMap<>());

    StockLimit(Site site) {
        this.site = site;
    }

    /** The most hosts of h the site may use, or {@link Integer#MAX_VALUE} when unlimited. */
    int of(Hardware h) {
        Integer s = site.stockOf(h);
        return s == null ? Integer.MAX_VALUE : Math.max(0, s);
    }

    /** Whether n hosts of h are more than in stock. */
    boolean exceeds(Hardware h, int n) {
        return n > of(h);
    }

    /** Where the figure comes from: the site's override or the catalog row. */
    String source(Hardware h) {
        return site.available().containsKey(h.id()) ? "this site's stock limit" : "the catalog's stock";
    }

    /** "needs 5 hosts; 4 in stock" or "needs 5 hosts; none in stock". */
    String shortText(Hardware h, int needed) {
        int s = of(h);
        return "needs " + needed + " host" + (needed == 1 ? "" : "s") + "; " + (s == 0 ? "none" : String.valueOf(s)) + " in stock";
    }

    /** The homogeneous option of h, or, when it needs more hosts than in stock, the same option not feasible and saying so. */
    SizingOption limit(SizingOption o, Hardware h) {
        if (!exceeds(h, o.hosts())) {
            return o;
        }
        SizingOption limited = new SizingOption(o.mixed(), o.hostsByHardware(), o.hosts(), o.hostsLowerBound(), false, o.placement(),
                o.utilisation(), o.binding(), o.failureCheck(), shortText(h, o.hosts()) + " (" + source(h) + "); " + o.explanation(),
                o.formulas(), o.costUsd(), o.rank());
        if (o.feasible()) {
            shortOnly.add(limited);
        }
        return limited;
    }

    /** Whether the option places everything and heals and is infeasible only because its row is short of stock. */
    boolean shortOnly(SizingOption o) {
        return shortOnly.contains(o);
    }

    /** Whether a count of hosts per hardware id keeps every row within its stock. */
    boolean within(Map<String, Integer> byHw, Map<String, Hardware> hw) {
        for (Map.Entry<String, Integer> e : byHw.entrySet()) {
            if (exceeds(hw.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** One finding per row whose stock binds: its homogeneous option needs more hosts than in stock. */
    List<Finding> findings(List<Hardware> candidates, List<SizingOption> options, SizingOption mix) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < candidates.size() && i < options.size(); i++) {
            Hardware h = candidates.get(i);
            SizingOption o = options.get(i);
            if (o.mixed() || !exceeds(h, o.hosts())) {
                continue;
            }
            out.add(Finding.warning(RULE_SHORT, "'" + h.id() + "' at site '" + site.name() + "' " + shortText(h, o.hosts())
                    + " (" + source(h) + "), so a cluster of it alone is not an option"
                    + (mix != null && mix.hostsByHardware().containsKey(h.id())
                    ? "; the mixed option uses " + mix.hostsByHardware().get(h.id()) + " of them and fills the rest with other hardware" : ""),
                    "plan: hardware available (catalog column available, or the site's available)"));
        }
        return out;
    }
}
