package dev.clusterplanner.core.model;

import java.util.Objects;

/**
 * A group of identical instances: {@code count} copies of one container, VM or OCI application.
 * Instances are named {@code <name>-<n>} (1-based).
 *
 * @param vcpu          CPU demand per instance in threads of the reference CPU (cpu_score 1.0)
 * @param memoryGib     memory limit per instance
 * @param diskGib       root plus data disk per instance
 * @param gpu           whole GPUs per instance (0 for none)
 * @param antiAffinity  replicas must run on distinct hosts (e.g. a PostgreSQL primary and replica)
 * @param iops          expected disk operations per second per instance (for storage and EBS pricing)
 * @param writeMbps     expected disk write rate per instance in MB/s (drives Ceph replication traffic)
 * @param netMbps       expected network traffic per instance in Mbit/s (to the outside world)
 * @param cpuUtil       expected average CPU utilisation, 0..1 (drives power)
 * @param growthPctYear expected growth of the instance count per year, in percent
 * @param project       Incus project the instances belong to
 * @param bandwidthMbps what one instance sends and receives on its host's network ports, in Mbit/s (a capacity the
 *                      host's NICs must carry; 0 = not counted). Not the internet transfer: that is {@code netMbps}
 */
public record Workload(
        String name,
        WorkloadKind kind,
        int count,
        double vcpu,
        double memoryGib,
        double diskGib,
        int gpu,
        boolean antiAffinity,
        double iops,
        double writeMbps,
        double netMbps,
        double cpuUtil,
        double growthPctYear,
        String project,
        double bandwidthMbps) {

    public static final double DEFAULT_CPU_UTIL = 0.3;
    public static final String DEFAULT_PROJECT = "default";

    public Workload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        project = project == null || project.isBlank() ? DEFAULT_PROJECT : project;
    }

    /** A workload without a NIC bandwidth (the constructor before {@code bandwidthMbps} was added): 0 Mbit/s. */
    public Workload(String name, WorkloadKind kind, int count, double vcpu, double memoryGib, double diskGib, int gpu,
                    boolean antiAffinity, double iops, double writeMbps, double netMbps, double cpuUtil, double growthPctYear,
                    String project) {
        this(name, kind, count, vcpu, memoryGib, diskGib, gpu, antiAffinity, iops, writeMbps, netMbps, cpuUtil, growthPctYear,
                project, 0);
    }

    /** A workload with only the required fields; the optional ones take their documented defaults. */
    public static Workload of(String name, WorkloadKind kind, int count, double vcpu, double memoryGib, double diskGib) {
        return new Workload(name, kind, count, vcpu, memoryGib, diskGib, 0, false, 0, 0, 0, DEFAULT_CPU_UTIL, 0, DEFAULT_PROJECT);
    }

    public Workload withCount(int newCount) {
        return new Workload(name, kind, newCount, vcpu, memoryGib, diskGib, gpu, antiAffinity, iops, writeMbps, netMbps, cpuUtil, growthPctYear, project, bandwidthMbps);
    }

    public Workload withGpu(int newGpu) {
        return new Workload(name, kind, count, vcpu, memoryGib, diskGib, newGpu, antiAffinity, iops, writeMbps, netMbps, cpuUtil, growthPctYear, project, bandwidthMbps);
    }

    public Workload withAntiAffinity(boolean value) {
        return new Workload(name, kind, count, vcpu, memoryGib, diskGib, gpu, value, iops, writeMbps, netMbps, cpuUtil, growthPctYear, project, bandwidthMbps);
    }

    public Workload withBandwidthMbps(double value) {
        return new Workload(name, kind, count, vcpu, memoryGib, diskGib, gpu, antiAffinity, iops, writeMbps, netMbps, cpuUtil, growthPctYear, project, value);
    }

    /** Name of the n-th instance (1-based), as Incus would show it. */
    public String instanceName(int n) {
        return name + "-" + n;
    }
}
