package dev.clusterplanner.core.live;

import java.util.Map;
import java.util.Objects;

/**
 * One instance as Incus reports it.
 *
 * @param type            "container" or "virtual-machine"
 * @param location        the member it runs on
 * @param limits          every {@code limits.*} key of the expanded config, as written
 * @param cpuLimit        CPUs it may use (from limits.cpu: a count, or the size of a pinned set), null when unlimited
 * @param memoryLimitBytes from limits.memory (a percentage resolved against its member's memory), null when unlimited
 * @param rootDiskBytes   size of the root disk device, null when the root disk has no size
 * @param rootPool        storage pool of the root disk
 * @param gpus            GPU devices attached
 * @param usage           memory and CPU use from the instance state, null when it was not read (stopped, member down)
 */
public record LiveInstance(
        String name,
        String project,
        String type,
        String location,
        String status,
        Map<String, String> limits,
        Double cpuLimit,
        Long memoryLimitBytes,
        Long rootDiskBytes,
        String rootPool,
        int gpus,
        LiveUsage usage) {

    public LiveInstance {
        Objects.requireNonNull(name, "name");
        project = project == null || project.isEmpty() ? "default" : project;
        type = type == null ? "" : type;
        location = location == null ? "" : location;
        status = status == null ? "" : status;
        limits = Map.copyOf(limits);
        rootPool = rootPool == null ? "" : rootPool;
    }

    public boolean virtualMachine() {
        return "virtual-machine".equals(type);
    }

    public boolean running() {
        return "Running".equalsIgnoreCase(status);
    }

    public LiveInstance withUsage(LiveUsage newUsage) {
        return new LiveInstance(name, project, type, location, status, limits, cpuLimit, memoryLimitBytes, rootDiskBytes, rootPool, gpus, newUsage);
    }
}
