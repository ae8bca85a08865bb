package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizerTest {

    static final HostCost COST = HostCost.simple(60);

    /** The seed's Meerkat stack (catalogs/examples/meerkat-cluster.plan.json). */
    static List<Workload> meerkatStack() {
        return List.of(
                Workload.of("postgres", WorkloadKind.VM, 2, 2, 6, 100).withAntiAffinity(true),
                Workload.of("app", WorkloadKind.CONTAINER, 4, 1, 2, 20),
                Workload.of("proxy", WorkloadKind.CONTAINER, 2, 1, 1, 10).withAntiAffinity(true),
                Workload.of("monitoring", WorkloadKind.CONTAINER, 1, 1, 2, 50));
    }

    static Site cluster(List<Workload> ws, Policy p) {
        return new Site("production", SiteKind.CLUSTER, ws, List.of(), p, null);
    }

    @Test
    void capacityTakesReservesAndTheCephTaxAndMonitorsOnTheFirstThreeHosts() {
        Hardware meerkat = Hosts.host("meerkat", 12, 32, 1, 4000, 0, 1000.0);
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER);
        double[] first = CapacityModel.capacity(meerkat, p, 0);
        double[] fourth = CapacityModel.capacity(meerkat, p, 3);
        // cpu: (12 threads - 1 reserve - 1 OSD x 1 thread) x cpuScore 1 = 10
        assertEquals(10.0, first[Dimension.CPU.ordinal()], 1e-9);
        // memory: 32 - 2 reserve - 1 OSD x 4 = 26 ; first three hosts also carry mon+mgr 2 -> 24
        assertEquals(24.0, first[Dimension.MEMORY.ordinal()], 1e-9);
        assertEquals(26.0, fourth[Dimension.MEMORY.ordinal()], 1e-9);
        assertTrue(Double.isInfinite(first[Dimension.DISK.ordinal()]), "Ceph pools disk across hosts");
    }

    @Test
    void localStorageMakesDiskAHostLimitAndDropsTheCephTax() {
        Hardware h = Hosts.host("h", 8, 16, 2, 1000, 0, 1.0);
        Policy p = Policy.defaultsFor(SiteKind.DESKTOP);
        double[] c = CapacityModel.capacity(h, p, 0);
        assertEquals(7.0, c[Dimension.CPU.ordinal()], 1e-9);      // 8 - 1 reserve
        assertEquals(14.0, c[Dimension.MEMORY.ordinal()], 1e-9);  // 16 - 2 reserve
        assertEquals(2000e9 / (1L << 30), c[Dimension.DISK.ordinal()], 1e-6); // 2 x 1000 GB in GiB = 1862.6
    }

    @Test
    void vmsPayTheirOverheadAndOvercommitIsSeparateForContainersAndVms() {
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER);
        double[] vm = CapacityModel.demand(Workload.of("v", WorkloadKind.VM, 1, 4, 8, 0), p);
        double[] ct = CapacityModel.demand(Workload.of("c", WorkloadKind.CONTAINER, 1, 4, 8, 0), p);
        assertEquals(4 * 1.15 / 2.0, vm[Dimension.CPU.ordinal()], 1e-9); // 2.3
        assertEquals(4 / 4.0, ct[Dimension.CPU.ordinal()], 1e-9);        // 1.0
        assertEquals(8.25, vm[Dimension.MEMORY.ordinal()], 1e-9);
        assertEquals(8.0, ct[Dimension.MEMORY.ordinal()], 1e-9);
    }

    @Test
    void aFasterCpuNeedsFewerThreadsForTheSameReferenceDemand() {
        // 10 containers of 8 reference vCPU at overcommit 1: demand 80 reference threads, memory tiny
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withFailuresTolerated(0).withMinHosts(1).withCpuOvercommit(1, 1)
                .withStorage(StorageMode.LOCAL, null);
        List<Workload> ws = List.of(Workload.of("calc", WorkloadKind.CONTAINER, 10, 8, 1, 0));
        Hardware slow = Hosts.scored("slow", 17, 1.0, 256, 1.0);  // (17-1) x 1.0 = 16 -> two instances per host -> 5 hosts
        Hardware fast = Hosts.scored("fast", 17, 2.0, 256, 1.0);  // (17-1) x 2.0 = 32 -> four per host -> 3 hosts
        SizingResult r = Sizer.size(cluster(ws, p), List.of(slow, fast), COST);
        assertEquals(5, option(r, "slow").hosts());
        assertEquals(3, option(r, "fast").hosts());
    }

    @Test
    void seedMeerkatStackSizesToThreeHostsWithEveryInstancePlaced() {
        Hardware meerkat = Hosts.host("meerkat", 12, 32, 1, 4000, 0, 1000.0);
        SizingResult r = Sizer.size(cluster(meerkatStack(), Policy.defaultsFor(SiteKind.CLUSTER)), List.of(meerkat), COST);
        SizingOption o = r.options().get(0);
        assertTrue(o.feasible());
        assertEquals(3, o.hosts());
        assertEquals(9, o.placement().placedCount());
        // memory: 2 x (6 + 0.25) + 4 x 2 + 2 x 1 + 1 x 2 = 24.5 GiB on 3 x 24 = 72 GiB -> 34 %
        assertEquals(24.5 / 72.0, o.utilisation().get(Dimension.MEMORY), 1e-9);
        assertEquals(Dimension.MEMORY, o.binding());
        assertEquals(3000.0, o.costUsd(), 1e-9);
        assertTrue(o.explanation().startsWith("3 hosts: memory binds at 34 %; the policy minimum is 3 hosts"), o.explanation());
        assertEquals("enumerated", o.failureCheck().method());
        assertEquals(3, o.failureCheck().setsChecked());
    }

    @Test
    void memoryBindsAndOneFewerHostHoldsTheLoadButNotAfterAFailure() {
        // host memory 32 - 2 reserve = 30 GiB (local storage, no Ceph tax); 10 containers of 10 GiB = 100 GiB.
        // 4 hosts hold 120 GiB (3 per host = 30: fits exactly) -> 4 hold the load; after losing one, 90 < 100 -> 5 hosts.
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null).withMinHosts(1);
        Hardware h = Hosts.host("h", 64, 32, 1, 4000, 0, 1000.0);
        SizingResult r = Sizer.size(cluster(List.of(Workload.of("web", WorkloadKind.CONTAINER, 10, 1, 10, 0)), p), List.of(h), COST);
        SizingOption o = r.options().get(0);
        assertEquals(5, o.hosts());
        assertEquals(5, o.hostsLowerBound()); // ceil(100 / 30) = 4 hosts of volume + 1 lost
        assertEquals("5 hosts: memory binds at 67 %; 4 would hold the load but not after a host failure", o.explanation());
    }

    @Test
    void antiAffineReplicasLandOnDistinctHostsAndNeedReplicasPlusFailuresHosts() {
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null).withMinHosts(1);
        Hardware h = Hosts.host("h", 64, 256, 1, 4000, 0, 1000.0);
        Workload etcd = Workload.of("etcd", WorkloadKind.CONTAINER, 5, 1, 1, 0).withAntiAffinity(true);
        SizingOption o = Sizer.size(cluster(List.of(etcd), p), List.of(h), COST).options().get(0);
        assertEquals(6, o.hosts()); // 5 replicas + 1 failure
        assertEquals(6, o.hostsLowerBound());
        for (PlacedHost host : o.placement().hosts()) {
            assertTrue(host.instances().size() <= 1, host.toString());
        }
        assertTrue(o.explanation().contains("etcd keeps 5 replicas on distinct hosts, plus 1 for a host failure"), o.explanation());
    }

    @Test
    void anInstanceNeedingTwoGpusIsUnplacedWithTheReasonWhenTheHostHasOne() {
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER);
        Hardware h = Hosts.host("thelio", 64, 128, 1, 4000, 1, 3000.0);
        List<Workload> ws = List.of(Workload.of("train", WorkloadKind.VM, 1, 4, 16, 100).withGpu(2),
                Workload.of("web", WorkloadKind.CONTAINER, 3, 1, 2, 10));
        SizingResult r = Sizer.size(cluster(ws, p), List.of(h), COST);
        SizingOption o = r.options().get(0);
        assertFalse(o.feasible());
        assertEquals(1, o.placement().unplaced().size());
        UnplacedInstance u = o.placement().unplaced().get(0);
        assertEquals("train-1", u.instance());
        assertEquals("needs 2 GPUs; thelio has 1", u.reason());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("sizing.too-big") && f.text().contains("'train'")));
        assertEquals(3, o.placement().placedCount(), "the rest is still placed");
    }

    @Test
    void gpuInstancesUseWholeDevicesAndSurviveAFailure() {
        // 2 GPU instances of 1 GPU each, hosts with 1 GPU, k = 1 -> 3 hosts (2 busy + 1 spare GPU)
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withMinHosts(1).withStorage(StorageMode.LOCAL, null);
        Hardware h = Hosts.host("g", 32, 128, 1, 4000, 1, 3000.0);
        SizingOption o = Sizer.size(cluster(List.of(Workload.of("infer", WorkloadKind.VM, 2, 4, 16, 10).withGpu(1)), p), List.of(h), COST)
                .options().get(0);
        assertEquals(3, o.hosts());
        assertEquals(2.0 / 3.0, o.utilisation().get(Dimension.GPU), 1e-9);
    }

    @Test
    void aDesktopSiteHasOneHostAndListsWhatDoesNotFitWithTheReason() {
        Policy p = Policy.defaultsFor(SiteKind.DESKTOP); // local storage, reserve 2 GiB
        Hardware h = Hosts.host("desk", 16, 16, 1, 1000, 0, 1500.0);  // 14 GiB for instances
        Site site = new Site("dev", SiteKind.DESKTOP, List.of(Workload.of("box", WorkloadKind.CONTAINER, 4, 1, 4, 10)), List.of(), p, null);
        SizingOption o = Sizer.size(site, List.of(h), COST).options().get(0);
        assertEquals(1, o.hosts());
        assertEquals(3, o.placement().placedCount()); // 3 x 4 = 12 <= 14 ; a fourth would need 16
        assertEquals(List.of("box-4"), o.placement().unplaced().stream().map(UnplacedInstance::instance).toList());
        assertTrue(o.placement().unplaced().get(0).reason().contains("memory"), o.placement().unplaced().get(0).reason());
        assertFalse(o.feasible());
    }

    @Test
    void badInputNamesTheWorkloadAndTheRule() {
        Hardware h = Hosts.host("desk", 16, 16, 1, 1000, 0, 1500.0);
        Site desk = new Site("dev", SiteKind.DESKTOP, List.of(
                Workload.of("pg", WorkloadKind.VM, 2, 2, 4, 10).withAntiAffinity(true),
                Workload.of("zero", WorkloadKind.CONTAINER, 1, 0, 4, 10)),
                List.of(), Policy.defaultsFor(SiteKind.DESKTOP).withFailuresTolerated(1), null);
        var problems = Sizer.check(desk, List.of(h));
        assertTrue(problems.stream().anyMatch(x -> x.field().equals("workloads/0/antiAffinity")
                && x.message().contains("workload 'pg'") && x.message().contains("anti-affinity")), problems.toString());
        assertTrue(problems.stream().anyMatch(x -> x.field().equals("workloads/1/vcpu") && x.message().contains("'zero'")), problems.toString());
        assertTrue(problems.stream().anyMatch(x -> x.field().equals("policy/failuresTolerated")
                && x.message().contains("k failures need k+1 hosts")), problems.toString());
        Site overcommit = cluster(meerkatStack(), Policy.defaultsFor(SiteKind.CLUSTER).withCpuOvercommit(0.5, 2));
        assertTrue(Sizer.check(overcommit, List.of(h)).stream().anyMatch(x -> x.field().equals("policy/cpuOvercommitContainers")));
    }

    @Test
    void aCheaperMixIsOfferedWhenItBeatsEveryHomogeneousCluster() {
        // Only 'gpu' hosts (5,000 USD) can run the GPU job; the web tier fits cheap hosts (500 USD).
        // Homogeneous gpu: 2 GPU instances + 1 failure -> 3 gpu hosts = 15,000. Cheap alone cannot run GPUs.
        // Mix: 3 gpu hosts are needed for the GPU job anyway; so the mix must not beat 3 x gpu unless the web tier
        // needs more: web 12 x 30 GiB = 360 GiB; gpu host 126 GiB free -> homogeneous needs ceil((2x16.25+360)/126)+1 = 5 gpu hosts = 25,000.
        // Mix: 3 gpu (2 busy GPUs + spare) + cheap hosts (62 GiB free) for web: far cheaper.
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null);
        Hardware gpu = Hosts.host("gpu", 64, 128, 1, 4000, 1, 5000.0);
        Hardware cheap = Hosts.host("cheap", 32, 64, 1, 4000, 0, 500.0);
        List<Workload> ws = List.of(Workload.of("infer", WorkloadKind.VM, 2, 4, 16, 10).withGpu(1),
                Workload.of("web", WorkloadKind.CONTAINER, 12, 2, 30, 10));
        SizingResult r = Sizer.size(cluster(ws, p), List.of(gpu, cheap), COST);
        SizingOption gpuOnly = option(r, "gpu");
        assertEquals(5, gpuOnly.hosts());
        SizingOption best = r.options().get(0);
        assertTrue(best.mixed(), r.options().toString());
        assertTrue(best.costUsd() < gpuOnly.costUsd());
        assertTrue(best.hostsByHardware().get("gpu") >= 2);
        assertEquals(1, best.rank());
        assertFalse(option(r, "cheap").feasible());
    }

    @Test
    void samePlanGivesTheSamePlacementEveryTime() {
        Hardware meerkat = Hosts.host("meerkat", 12, 32, 1, 4000, 0, 1000.0);
        Site s = cluster(meerkatStack(), Policy.defaultsFor(SiteKind.CLUSTER));
        assertEquals(Sizer.size(s, List.of(meerkat), COST), Sizer.size(s, List.of(meerkat), COST));
    }

    @Test
    void aMissingPriceLeavesTheCostNullAndRanksAfterPricedOptions() {
        Hardware priced = Hosts.host("priced", 32, 64, 1, 1000, 0, 2000.0);
        Hardware unknown = Hosts.host("unknown", 32, 64, 1, 1000, 0, null);
        SizingResult r = Sizer.size(cluster(meerkatStack(), Policy.defaultsFor(SiteKind.CLUSTER)), List.of(unknown, priced), COST);
        assertEquals("priced", r.options().get(0).hardwareIds().get(0));
        assertNull(option(r, "unknown").costUsd());
    }

    @Test
    void cephUsableCapacityAddsHostsWhenTheInstanceDisksDoNotFit() {
        // 20 containers of 100 GiB disk, tiny cpu/memory: compute alone needs the Ceph minimum of 3 hosts.
        // Each host: 1 data disk of 1000 GB = 1e12 bytes raw. Ceph size 3, nearfull 0.85.
        // Stored: 20 x 100 GiB = 2000 GiB = 2000 x 2^30 = 2.147483648e12 bytes.
        // Usable of N hosts = (N - 1) x 1e12 / 3 x 0.85 >= 2.147483648e12  <=>  N - 1 >= 7.579 -> N = 9.
        // 9 hosts: usable 8e12 / 3 x 0.85 = 2.2667e12 bytes = 2.06 TiB; 2000 GiB = 1.95 TiB -> 94.74 % -> "95 %".
        // 8 hosts: usable 7e12 / 3 x 0.85 = 1.9833e12 bytes = 1.80 TiB < 1.95 TiB.
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER);
        Hardware h = Hosts.host("node", 16, 64, 1, 1000, 0, 1000.0);
        Site site = cluster(List.of(Workload.of("files", WorkloadKind.CONTAINER, 20, 0.5, 1, 100)), p);
        SizingOption o = Sizer.size(site, List.of(h), COST).options().get(0);
        assertTrue(o.feasible());
        assertEquals(9, o.hosts());
        assertEquals(9, o.hostsLowerBound());
        assertTrue(o.explanation().startsWith("9 hosts: Ceph usable capacity binds at 95 % (1.95 of 2.06 TiB)"), o.explanation());
        assertTrue(o.explanation().contains("8 would leave 1.80 TiB usable in Ceph for 1.95 TiB of instance disks"), o.explanation());
        assertTrue(o.formulas().stream().anyMatch(f -> f.figure().equals("Ceph usable capacity")
                && Math.abs(f.value() - 8e12 / 3 * 0.85 / Math.pow(1024, 4)) < 1e-9), o.formulas().toString());
        // the storage analysis (core.storage) agrees: 9 hosts hold the data, 8 do not
        double stored = 2000 * Math.pow(1024, 3);
        assertTrue(dev.clusterplanner.core.storage.StoragePlanner.analyse(site, h, 9, 0).usableBytes() >= stored);
        assertTrue(dev.clusterplanner.core.storage.StoragePlanner.analyse(site, h, 8, 0).usableBytes() < stored);
    }

    @Test
    void withLocalStorageDisksDoNotTouchCephCapacity() {
        // the same workload on local storage: 2 TB disk per host holds 2000 GiB over 3 hosts easily; no Ceph bound
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null);
        Hardware h = Hosts.host("node", 16, 64, 1, 1000, 0, 1000.0);
        SizingOption o = Sizer.size(cluster(List.of(Workload.of("files", WorkloadKind.CONTAINER, 20, 0.5, 1, 100)), p), List.of(h), COST)
                .options().get(0);
        // local: 20 x 100 GiB = 2000 GiB on hosts of 1000 GB = 931.32 GiB; with 1 lost: ceil(2000 / 931.32) + 1 = 4 hosts
        assertEquals(4, o.hostsLowerBound());
        assertFalse(o.explanation().contains("Ceph"), o.explanation());
    }

    @Test
    void aCloudHostWithoutLocalDisksTakesInstanceDisksOnEbsAndRunsOneOsdOnIt() {
        // EC2-like: 8 threads, 32 GiB, no data disks. Local storage: the instances' 500 GiB disks would not fit a host
        // with no disk, but cloud disks are EBS volumes attached on demand, so disk sets no limit.
        Hardware ec2 = Hosts.cloud("ec2", 8, 32, 0.4);
        Policy local = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null);
        Site site = cluster(List.of(Workload.of("db", WorkloadKind.CONTAINER, 3, 2, 8, 500)), local);
        SizingResult r = Sizer.size(site, List.of(ec2), COST);
        SizingOption o = r.options().get(0);
        assertTrue(o.feasible(), o.explanation());
        assertTrue(Double.isInfinite(CapacityModel.capacity(ec2, local, 3)[Dimension.DISK.ordinal()]));
        assertEquals(1, r.findings().stream().filter(f -> f.rule().equals("sizing.cloud-ebs")).count());
        assertTrue(r.findings().get(0).text().contains("EBS gp3 volumes attached on demand"), r.findings().toString());
        // Ceph: one OSD per host on EBS, so the Ceph tax applies: memory 32 - 2 reserve - 4 (OSD) = 26 GiB past the
        // monitors, 24 on the first three; cpu (8 - 1 reserve - 1 OSD) x 1.0 = 6. No "no OSD" noise, one EBS finding.
        Policy ceph = Policy.defaultsFor(SiteKind.CLUSTER);
        assertEquals(26.0, CapacityModel.capacity(ec2, ceph, 3)[Dimension.MEMORY.ordinal()], 1e-9);
        assertEquals(24.0, CapacityModel.capacity(ec2, ceph, 0)[Dimension.MEMORY.ordinal()], 1e-9);
        assertEquals(6.0, CapacityModel.capacity(ec2, ceph, 0)[Dimension.CPU.ordinal()], 1e-9);
        SizingResult rc = Sizer.size(cluster(site.workloads(), ceph), List.of(ec2), COST);
        assertTrue(rc.options().get(0).feasible());
        assertTrue(rc.findings().stream().noneMatch(f -> f.rule().equals("sizing.ceph-no-osd")), rc.findings().toString());
        assertTrue(rc.findings().stream().anyMatch(f -> f.rule().equals("sizing.cloud-ebs") && f.text().contains("one Ceph OSD on an EBS gp3 volume")),
                rc.findings().toString());
        assertFalse(rc.options().get(0).explanation().contains("Ceph usable capacity"), "EBS is sized to need: no Ceph capacity bound");
    }

    @Test
    void aHostWithoutDataDisksCannotHoldInstanceDisksInCeph() {
        Hardware bare = Hosts.host("bare", 16, 64, 0, 0, 0, 1000.0);
        SizingResult r = Sizer.size(cluster(List.of(Workload.of("db", WorkloadKind.CONTAINER, 2, 1, 2, 50),
                Workload.of("web", WorkloadKind.CONTAINER, 2, 1, 2, 0)), Policy.defaultsFor(SiteKind.CLUSTER)), List.of(bare), COST);
        SizingOption o = r.options().get(0);
        assertFalse(o.feasible());
        assertEquals(List.of("db-1", "db-2"), o.placement().unplaced().stream().map(UnplacedInstance::instance).toList());
        assertTrue(o.placement().unplaced().get(0).reason().contains("no data disks, so no OSD"), o.placement().unplaced().get(0).reason());
        assertEquals(2, o.placement().placedCount(), "instances without disks still run");
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("sizing.ceph-no-osd")));
    }

    static SizingOption option(SizingResult r, String id) {
        return r.options().stream().filter(o -> !o.mixed() && o.hardwareIds().get(0).equals(id)).findFirst().orElseThrow();
    }
}
