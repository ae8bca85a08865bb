package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.time.LocalDate;
import java.util.List;

/** Hardware, sites and workloads for the storage, network and power tests: every figure is set here, by hand. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A rack server with {@code disks} data disks of {@code diskGb} GB and {@code ports} x {@code nicGbps} NICs. */
    public static Hardware server(int disks, double diskGb, DiskType type, int ports, double nicGbps) {
        return hardware("test-server", HardwareCategory.RACK, 48, 1.0, disks, diskGb, type, ports, nicGbps, 0, 0, 1, 100.0, 300.0);
    }

    public static Hardware hardware(String id, HardwareCategory category, int threads, double cpuScore, int disks, double diskGb,
                                    DiskType type, int ports, double nicGbps, int gpus, double gpuWatts, int rackUnits,
                                    Double idleW, Double maxW) {
        return new Hardware(id, id, category, "test", "test cpu", 1, threads / 2, threads, 2.5, cpuScore, 256,
                1000.0, null, null, 0, 500, disks, diskGb, type, ports, nicGbps, gpus > 0 ? "test gpu" : null, gpus, 16, gpuWatts,
                rackUnits, idleW, maxW, "us", "test source", LocalDate.of(2026, 1, 1), false);
    }

    public static Site cephSite(CephLayout layout, List<Workload> workloads) {
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.CEPH, layout);
        return new Site("prod", SiteKind.CLUSTER, workloads, List.of("test-server"), p, Facility.DATA_CENTRE);
    }

    public static Site localSite(SiteKind kind, List<Workload> workloads) {
        Policy p = Policy.defaultsFor(kind).withStorage(StorageMode.LOCAL, CephLayout.DEFAULT);
        return new Site("dev", kind, workloads, List.of("test-server"), p, Facility.OFFICE);
    }

    /** {@code count} containers of {@code diskGib} each, growing {@code growthPct} a year. */
    public static Workload disks(int count, double diskGib, double growthPct) {
        return new Workload("data", WorkloadKind.CONTAINER, count, 1, 1, diskGib, 0, false, 0, 0, 0, 0.3, growthPct, null);
    }

    /** {@code count} containers writing {@code writeMBps} each and sending {@code netMbit} to clients. */
    public static Workload writers(int count, double writeMBps, double netMbit) {
        return new Workload("writer", WorkloadKind.CONTAINER, count, 1, 1, 0, 0, false, 0, writeMBps, netMbit, 0.3, 0, null);
    }

    public static boolean has(List<Finding> findings, String rule) {
        return findings.stream().anyMatch(f -> f.rule().equals(rule));
    }

    public static Finding get(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + findings));
    }
}
