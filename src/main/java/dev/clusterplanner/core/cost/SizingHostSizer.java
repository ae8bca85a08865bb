package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.Sizer;

import java.util.List;

/**
 * Hosts from the sizing engine: the homogeneous cluster of one hardware that places every instance and passes the
 * failure check. This is what the application costs, so the cost of a scenario is the cost of the hosts the sizing shows.
 */
public final class SizingHostSizer implements HostSizer {

    public static final SizingHostSizer INSTANCE = new SizingHostSizer();

    @Override
    public SizedHosts size(Site site, Hardware hw) {
        try {
            var result = Sizer.size(site, List.of(hw), HostCost.simple(12));
            SizingOption o = result.options().stream().filter(x -> !x.mixed()).findFirst().orElse(null);
            if (o == null) {
                return SizedHosts.cannotFit("the sizing engine gave no option for " + hw.id());
            }
            if (!o.feasible()) {
                String why = o.placement().unplaced().isEmpty() ? o.explanation()
                        : o.placement().unplaced().get(0).instance() + ": " + o.placement().unplaced().get(0).reason();
                return SizedHosts.cannotFit(why);
            }
            return SizedHosts.of(o.hosts(), new Explanation("hosts of " + hw.id(), o.hosts(), "hosts", o.explanation(),
                    "sizing engine: placement with failure check (" + o.failureCheck().summary() + ")"));
        } catch (IllegalArgumentException e) {
            return SizedHosts.cannotFit(e.getMessage());
        }
    }
}
