package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

/**
 * How many hosts of a hardware a site's workloads need (failure headroom included). The application
 * passes the sizing engine ({@link SizingHostSizer}, also the default); tests may pass fixed counts.
 */
@FunctionalInterface
public interface HostSizer {
    SizedHosts size(Site site, Hardware hardware);
}
