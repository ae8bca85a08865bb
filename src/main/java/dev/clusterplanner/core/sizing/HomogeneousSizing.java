package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizing engine's homogeneous search for several rows of one site, sharing the site's prepared demand: what the
 * configure-to-order choice ({@code core.configure.ConfigurationChoice}) tries per configuration. Each answer is the
 * option {@link Sizer#size} would give the row alone (unranked).
 */
public final class HomogeneousSizing {

    private HomogeneousSizing() {
    }

    /** One homogeneous option per row, in the rows' order. The site and rows must pass {@link Sizer#check}. */
    public static List<SizingOption> each(Site site, List<Hardware> rows, HostCost cost) {
        SiteContext c = new SiteContext(site);
        List<SizingOption> out = new ArrayList<>();
        for (Hardware h : rows) {
            out.add(c.search.homogeneous(h, cost));
        }
        return out;
    }
}
