package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import static dev.clusterplanner.core.cost.Money.num;

/**
 * The cost model's own host estimate, used when no sizing engine is passed: the largest per-dimension
 * volume bound (CPU, memory, GPU, local disk) and the anti-affinity bound, plus the failures tolerated,
 * and at least the policy's minimum. No placement; the sizing engine's answer replaces it in the application.
 */
public final class VolumeBoundSizer implements HostSizer {

    public static final VolumeBoundSizer INSTANCE = new VolumeBoundSizer();

    @Override
    public SizedHosts size(Site site, Hardware hw) {
        Policy p = site.policy();
        boolean ceph = p.storageMode() == StorageMode.CEPH;
        double score = hw.cpuScore() > 0 ? hw.cpuScore() : 1.0;
        double cephThreads = ceph ? p.cephThreadsPerOsd() * hw.dataDisks() : 0;
        double threadsFree = hw.threads() - p.reserveThreads() - cephThreads;
        double cephMem = ceph ? p.cephMemoryPerOsdGib() * hw.dataDisks() + p.cephMonMgrMemoryGib() : 0;
        double memFree = hw.memoryGib() - p.reserveMemoryGib() - cephMem;
        if (threadsFree <= 0 || memFree <= 0) {
            return SizedHosts.cannotFit(hw.id() + " has no CPU or memory left after the host reserve and the Ceph daemons");
        }
        double threadsNeeded = 0;
        double mem = 0;
        double gpu = 0;
        double disk = 0;
        int antiAffinity = 0;
        for (Workload w : site.workloads()) {
            boolean vm = w.kind() == WorkloadKind.VM;
            double perInstanceThreads = vm
                    ? w.vcpu() * (1 + p.vmCpuOverheadPct() / 100.0) / score / p.cpuOvercommitVms()
                    : w.vcpu() / score / p.cpuOvercommitContainers();
            double perInstanceMem = w.memoryGib() + (vm ? p.vmMemoryOverheadGib() : 0);
            if (perInstanceMem > memFree) {
                return SizedHosts.cannotFit(w.name() + " needs " + num(perInstanceMem) + " GiB; " + hw.id() + " has " + num(memFree) + " GiB free");
            }
            if (w.gpu() > hw.gpuCount()) {
                return SizedHosts.cannotFit(w.name() + " needs " + w.gpu() + " GPU; " + hw.id() + " has " + hw.gpuCount());
            }
            threadsNeeded += perInstanceThreads * w.count();
            mem += perInstanceMem * w.count();
            gpu += (double) w.gpu() * w.count();
            disk += w.diskGib() * w.count();
            if (w.antiAffinity()) {
                antiAffinity = Math.max(antiAffinity, w.count());
            }
        }
        int byCpu = (int) Math.ceil(threadsNeeded / threadsFree - 1e-9);
        int byMem = (int) Math.ceil(mem / memFree - 1e-9);
        int byGpu = gpu > 0 ? (int) Math.ceil(gpu / hw.gpuCount() - 1e-9) : 0;
        double localGib = hw.rawDataGb() * 1e9 / GIB;
        int byDisk = !ceph && disk > 0 && localGib > 0 ? (int) Math.ceil(disk / localGib - 1e-9) : 0;
        int bound = Math.max(Math.max(byCpu, byMem), Math.max(Math.max(byGpu, byDisk), antiAffinity));
        String binding = bound == byMem ? "memory" : bound == byCpu ? "CPU" : bound == byGpu ? "GPU" : bound == byDisk ? "disk" : "anti-affinity";
        int withFailures = Math.max(bound, 1) + p.failuresTolerated();
        int hosts = Math.max(withFailures, p.minHosts());
        String formula = hosts + " hosts = max(min hosts " + p.minHosts() + ", bound " + Math.max(bound, 1) + " + failures tolerated "
                + p.failuresTolerated() + "); bounds: CPU " + num(round2(threadsNeeded)) + " / " + num(threadsFree) + " threads = " + byCpu
                + ", memory " + num(round2(mem)) + " / " + num(round2(memFree)) + " GiB = " + byMem
                + (gpu > 0 ? ", GPU " + num(gpu) + " / " + hw.gpuCount() + " = " + byGpu : "")
                + (byDisk > 0 ? ", disk " + num(round2(disk)) + " / " + num(round2(localGib)) + " GiB = " + byDisk : "")
                + (antiAffinity > 0 ? ", anti-affinity " + antiAffinity : "") + "; " + binding + " binds";
        return SizedHosts.of(hosts, new Explanation("hosts of " + hw.id(), hosts, "hosts", formula,
                "cost model's volume-bound estimate (no placement)"));
    }

    private static final double GIB = 1024.0 * 1024 * 1024;

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
