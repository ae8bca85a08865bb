package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

/**
 * Average electrical draw of one host of a site, in watts at the host (before PUE), or {@code null} when the
 * catalog has no power figures for it. The application may pass the power model of the storage/power
 * issue; {@link LinearEnergyModel} is the default.
 */
@FunctionalInterface
public interface EnergyModel {
    HostPower hostPower(Site site, Hardware hardware, int hosts);

    /** Watts per host (null = unknown) and how they were arrived at. */
    record HostPower(Double watts, dev.clusterplanner.core.model.Explanation explanation) {
    }
}
