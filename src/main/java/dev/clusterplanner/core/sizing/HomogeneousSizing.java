package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizing engine's homogeneous search for several rows of one site, sharing the site's prepared demand: what the
 * configure-to-order choice ({@code core.configure.ConfigurationChoice}) tries per configuration. Each answer is the
 * option {@link Sizer#size} would give the row alone (unranked), stock limit included.
 */
public final class HomogeneousSizing {

    private final SiteContext c;

    private HomogeneousSizing(Site site) {
        this.c = new SiteContext(site);
    }

    /** The site's demand prepared once; the site must pass {@link Sizer#check}. */
    public static HomogeneousSizing of(Site site) {
        return new HomogeneousSizing(site);
    }

    /**
     * The homogeneous option of one row (which must pass {@link Sizer#check} for this site), within the site's stock of
     * it as {@link Sizer#size} sizes it (more hosts than in stock: not feasible, and it says so).
     */
    public SizingOption size(Hardware h, HostCost cost) {
        return c.stock.limit(c.search.homogeneous(h, cost), h);
    }

    /** One homogeneous option per row, in the rows' order. */
    public static List<SizingOption> each(Site site, List<Hardware> rows, HostCost cost) {
        HomogeneousSizing s = of(site);
        List<SizingOption> out = new ArrayList<>();
        for (Hardware h : rows) {
            out.add(s.size(h, cost));
        }
        return out;
    }
}
