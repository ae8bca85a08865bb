package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.Sizer;

import java.util.List;
import java.util.Optional;

/**
 * How many hosts of a hardware a site's workloads need (failure headroom included). The application
 * passes the sizing engine ({@link SizingHostSizer}, also the default); tests may pass fixed counts.
 */
@FunctionalInterface
public interface HostSizer {
    SizedHosts size(Site site, Hardware hardware);

    /** The site's owned hosts plus the fewest new hosts of {@code x}: the sizing engine's keep-and-add option (empty if none). */
    default Optional<SizingOption> keepAndAdd(Site site, List<Hardware> owned, Hardware x) {
        return Sizer.keepAndAdd(site, owned, x, HostCost.simple(12));
    }
}
