package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.StorageMode;

/**
 * Policy settings given on the command line (or in a dialog), applied over every site's own policy.
 * A null field leaves the site's value alone.
 *
 * @param cpuOvercommit     sets the container ratio, and the VM ratio too unless {@code cpuOvercommitVms} is given
 */
public record PolicyOverrides(Integer failures, Integer minHosts, Double cpuOvercommit, Double cpuOvercommitVms,
                              Double reserveMemoryGib, StorageMode storage) {

    public static final PolicyOverrides NONE = new PolicyOverrides(null, null, null, null, null, null);

    public Policy apply(Policy p) {
        Policy out = p;
        if (failures != null) {
            out = out.withFailuresTolerated(failures);
        }
        if (minHosts != null) {
            out = out.withMinHosts(minHosts);
        }
        if (cpuOvercommit != null || cpuOvercommitVms != null) {
            double c = cpuOvercommit != null ? cpuOvercommit : out.cpuOvercommitContainers();
            double v = cpuOvercommitVms != null ? cpuOvercommitVms : cpuOvercommit != null ? cpuOvercommit : out.cpuOvercommitVms();
            out = out.withCpuOvercommit(c, v);
        }
        if (reserveMemoryGib != null) {
            out = out.withReserveMemoryGib(reserveMemoryGib);
        }
        if (storage != null) {
            out = out.withStorage(storage, out.ceph());
        }
        return out;
    }
}
