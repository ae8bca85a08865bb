package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;

/** Hardware rows for tests, with only the fields sizing reads. */
final class Hosts {

    private Hosts() {
    }

    static Hardware host(String id, int threads, double memoryGib, int dataDisks, double dataDiskGb, int gpus, Double priceUsd) {
        return new Hardware(id, id, HardwareCategory.DESKTOP, "test", "cpu", 1, threads / 2, threads, 3.0, 1.0, memoryGib,
                priceUsd, null, null, 0, 500, dataDisks, dataDiskGb, DiskType.NVME, 1, 10, gpus > 0 ? "gpu" : null, gpus, gpus > 0 ? 16 : 0,
                0, 1, null, null, "us", "test", null, false);
    }

    static Hardware scored(String id, int threads, double cpuScore, double memoryGib, Double priceUsd) {
        return new Hardware(id, id, HardwareCategory.RACK, "test", "cpu", 1, threads / 2, threads, 3.0, cpuScore, memoryGib,
                priceUsd, null, null, 0, 500, 1, 1000, DiskType.NVME, 1, 10, null, 0, 0,
                0, 1, null, null, "us", "test", null, false);
    }

    /** An EC2-like cloud instance: no data disks in the catalog, priced by the hour. */
    static Hardware cloud(String id, int threads, double memoryGib, double hourlyUsd) {
        return new Hardware(id, id, HardwareCategory.CLOUD, "test", "cpu", 1, threads / 2, threads, 3.0, 1.0, memoryGib,
                null, null, hourlyUsd, 0, 0, 0, 0, null, 1, 10, null, 0, 0,
                0, 0, null, null, "us-east-1", "test", null, false);
    }

    static Hardware rented(String id, int threads, double memoryGib, double monthlyUsd) {
        return new Hardware(id, id, HardwareCategory.BAREMETAL_CLOUD, "test", "cpu", 1, threads / 2, threads, 3.0, 1.0, memoryGib,
                null, monthlyUsd, null, 100, 500, 1, 1000, DiskType.NVME, 1, 10, null, 0, 0,
                0, 1, null, null, "us", "test", null, false);
    }

    /** The same row with {@code ports} network ports of {@code gbps} Gbit/s each. */
    static Hardware withNic(Hardware h, int ports, double gbps) {
        return new Hardware(h.id(), h.name(), h.category(), h.vendor(), h.cpuModel(), h.sockets(), h.cores(), h.threads(), h.baseGhz(),
                h.cpuScore(), h.memoryGib(), h.priceUsd(), h.monthlyUsd(), h.hourlyUsd(), h.setupUsd(), h.osDiskGb(), h.dataDisks(),
                h.dataDiskGb(), h.dataDiskType(), ports, gbps, h.gpuModel(), h.gpuCount(), h.gpuVramGib(), h.gpuWatts(), h.rackUnits(),
                h.powerIdleW(), h.powerMaxW(), h.region(), h.source(), h.sourceDate(), h.estimate(), h.notes(), h.billing(), h.cpuArch(),
                h.runsVms(), h.available());
    }
}
