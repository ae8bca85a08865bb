package dev.clusterplanner.core.live;

import java.util.List;
import java.util.OptionalLong;

/**
 * A member's hardware as {@code /1.0/resources} reports it.
 *
 * @param cpuModel    name of the first CPU socket
 * @param threads     online hardware threads (what Incus schedules on)
 * @param memoryBytes total memory
 * @param memoryUsedBytes memory in use on the host
 */
public record LiveResources(
        String cpuModel,
        int sockets,
        int cores,
        int threads,
        long memoryBytes,
        long memoryUsedBytes,
        List<LiveDisk> disks,
        List<LiveNic> nics,
        List<LiveGpu> gpus) {

    public LiveResources {
        cpuModel = cpuModel == null ? "" : cpuModel;
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        gpus = List.copyOf(gpus);
    }

    /** Raw capacity of the non-removable, writable disks. */
    public long diskBytes() {
        return disks.stream().filter(d -> !d.removable() && !d.readOnly()).mapToLong(LiveDisk::sizeBytes).sum();
    }

    /** Fastest link speed among the ports with a link (Mbit/s), empty when no port reports a speed. */
    public OptionalLong fastestNicMbps() {
        return nics.stream().filter(n -> n.speedMbps() != null && n.speedMbps() > 0)
                .mapToLong(LiveNic::speedMbps).max();
    }
}
