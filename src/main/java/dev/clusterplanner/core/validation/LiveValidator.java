package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.capacity.FailureHeadroom;
import dev.clusterplanner.core.sizing.Survival;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.core.sizing.CapacityModel;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.Sizer;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.SizingResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a live Incus cluster ({@link LiveSnapshot}) against a plan site. Pure: the same snapshot and
 * site give the same findings. Rules (ids {@code live.*}) are listed in docs/user/live-cluster.md.
 */
public final class LiveValidator {

    static final double GIB = IncusUnits.GIB;
    /** Memory reported by a host is a little below what it was sold with (firmware, kernel): 5 % tolerance. */
    static final double HARDWARE_TOLERANCE = 0.95;
    /** A limit differing from the plan by less than this (bytes) is equal: Incus rounds sizes to pages. */
    static final double MEMORY_EPSILON_BYTES = 1 << 20;
    static final double NEAR_LIMIT = 0.90;
    static final double CEPH_MIN_NIC_GBPS = 10;
    static final String CEPH_NIC_CITATION = "Ceph docs, Hardware Recommendations / Network: at least 10 Gb/s for replication and recovery";

    private LiveValidator() {
    }

    /**
     * @param site    the plan site to compare with, or null to check the cluster by the defaults of its kind
     * @param catalog resolves the site's hardware ids to the planned host (may be empty)
     */
    public static LiveValidation validate(LiveSnapshot s, Site site, Catalog catalog) {
        Hardware planned = site == null || catalog == null ? null
                : site.hardware().stream().map(catalog::hardware).flatMap(Optional::stream).findFirst().orElse(null);
        Integer hosts = null;
        if (planned != null && !site.workloads().isEmpty() && Sizer.check(site, List.of(planned)).isEmpty()) {
            hosts = Sizer.size(site, List.of(planned), h -> OptionalDouble.empty()).options().get(0).hosts();
        }
        return validate(s, site, planned, hosts);
    }

    /**
     * @param site         the plan site, or null to check the cluster by the defaults of its kind
     * @param planned      the planned host hardware (the site's recommended option), or null when unknown
     * @param plannedHosts how many of it the plan recommends, or null when unknown
     */
    public static LiveValidation validate(LiveSnapshot s, Site site, Hardware planned, Integer plannedHosts) {
        Run run = new Run(s, site);
        run.planned = site == null ? null : planned;
        run.plannedHosts = site == null ? null : plannedHosts;
        return run.run();
    }

    /** A live member as hardware for the sizing engine: its threads, memory, usable local storage, NICs and GPUs; cpuScore 1.0. */
    public static Hardware asHardware(LiveMember m, double usableLocalGb) {
        LiveResources r = m.resources();
        OptionalLong nic = r.fastestNicMbps();
        return new Hardware("live-" + m.name(), m.name() + " (live)", HardwareCategory.RACK, "", r.cpuModel(), r.sockets(), r.cores(),
                r.threads(), 0, 1.0, r.memoryBytes() / GIB, null, null, null, 0, (int) Math.floor(usableLocalGb), 0, 0, null,
                r.nics().size(), nic.isPresent() ? nic.getAsLong() / 1000.0 : 0,
                r.gpus().isEmpty() ? "" : r.gpus().get(0).product(), r.gpus().size(), 0, 0, 1, null, null, "", "live probe", null, false);
    }

    /** Usable space of a member's local pools in GB (decimal, as the catalog counts disks). */
    static double usableLocalGb(LiveSnapshot s, String member) {
        long bytes = 0;
        for (LivePool p : s.pools()) {
            if (p.shared()) {
                continue;
            }
            for (LivePool.PoolSpace sp : p.space()) {
                if (sp.read() && (sp.member().equals(member) || sp.member().isEmpty())) {
                    bytes += sp.totalBytes();
                }
            }
        }
        return bytes / 1e9;
    }

    private static final class Run {
        final LiveSnapshot s;
        final Site site;
        final Policy policy;
        final List<Finding> findings = new ArrayList<>();
        final List<Explanation> figures = new ArrayList<>();
        final List<MemberComparison> memberRows = new ArrayList<>();
        final List<Comparison> totals = new ArrayList<>();
        final List<Comparison> allocation = new ArrayList<>();
        Hardware planned;
        Integer plannedHosts;
        Integer hostsNeeded;

        Run(LiveSnapshot s, Site site) {
            this.s = s;
            this.site = site;
            SiteKind kind = s.members().size() > 1 ? SiteKind.CLUSTER : SiteKind.SINGLE_SERVER;
            this.policy = site != null ? site.policy() : Policy.defaultsFor(kind).withStorage(
                    s.pools().stream().anyMatch(p -> "ceph".equals(p.driver())) ? StorageMode.CEPH : StorageMode.LOCAL, null);
        }

        LiveValidation run() {
            if (site != null) {
                if (planned != null) {
                    figures.add(new Explanation("plannedHardware", plannedHosts == null ? Double.NaN : plannedHosts, "hosts",
                            "members are compared with the plan's host " + planned.id() + (plannedHosts == null ? "" : ", " + plannedHosts + " of them"), ""));
                } else if (!site.hardware().isEmpty()) {
                    findings.add(Finding.info("live.planned-hardware-unknown", "the plan's hardware (" + String.join(", ", site.hardware())
                            + ") could not be resolved and sized: members are not compared with a planned host", ""));
                }
            }
            members();
            hosts();
            totals();
            allocation();
            survival();
            if (s.problems().stream().anyMatch(p -> !p.startsWith("member "))) {
                findings.add(Finding.info("live.read-problems", "parts of the cluster could not be read: "
                        + String.join("; ", s.problems().stream().filter(p -> !p.startsWith("member ")).toList()), ""));
            }
            return new LiveValidation(site == null ? "" : site.name(), memberRows, totals, allocation, figures, findings, hostsNeeded);
        }

        double neededNicGbps() {
            double need = planned != null ? planned.nicGbps() : 0;
            if (policy.storageMode() == StorageMode.CEPH && s.members().size() > 1) {
                need = Math.max(need, CEPH_MIN_NIC_GBPS);
            }
            return need;
        }

        void members() {
            List<String> unknownNic = new ArrayList<>();
            double needNic = neededNicGbps();
            for (LiveMember m : s.members()) {
                if (!m.readable()) {
                    findings.add(Finding.warning("live.member-down", m.name() + ": " + m.status().id() + " (" + m.readError()
                            + "); its resources were not read and its instances are not running as planned", ""));
                    memberRows.add(new MemberComparison(m.name(), m.status().id(), List.of()));
                    continue;
                }
                LiveResources r = m.resources();
                OptionalLong nicMbps = r.fastestNicMbps();
                Double nicGbps = nicMbps.isPresent() ? nicMbps.getAsLong() / 1000.0 : null;
                double usableGib = usableLocalGb(s, m.name()) * 1e9 / GIB;
                List<Comparison> rows = new ArrayList<>();
                rows.add(new Comparison("threads", planned == null ? null : (double) planned.threads(), (double) r.threads(), "threads", ""));
                rows.add(new Comparison("memory", planned == null ? null : planned.memoryGib(), r.memoryBytes() / GIB, "GiB", ""));
                rows.add(new Comparison("usableStorage", planned == null ? null : CapacityModel.localDiskGib(planned), usableGib, "GiB",
                        "local storage pools of this member"));
                rows.add(new Comparison("nic", planned == null ? null : planned.nicGbps(), nicGbps, "Gb/s",
                        nicGbps == null ? "no port reports a link speed" : "fastest port"));
                rows.add(new Comparison("gpus", planned == null ? null : (double) planned.gpuCount(), (double) r.gpus().size(), "GPUs", ""));
                memberRows.add(new MemberComparison(m.name(), m.status().id(), rows));

                if (planned != null) {
                    if (r.threads() < planned.threads()) {
                        findings.add(Finding.warning("live.threads-below-plan", m.name() + ": " + r.threads() + " threads, the plan's "
                                + planned.id() + " has " + planned.threads(), ""));
                    }
                    if (r.memoryBytes() / GIB < planned.memoryGib() * HARDWARE_TOLERANCE) {
                        findings.add(Finding.warning("live.memory-below-plan", m.name() + ": " + fmt(r.memoryBytes() / GIB) + " GiB of memory, the plan's "
                                + planned.id() + " has " + fmt(planned.memoryGib()) + " GiB", ""));
                    }
                    if (r.gpus().size() < planned.gpuCount()) {
                        findings.add(Finding.warning("live.gpus-below-plan", m.name() + ": " + r.gpus().size() + " GPU(s), the plan's "
                                + planned.id() + " has " + planned.gpuCount(), ""));
                    }
                    if (policy.storageMode() == StorageMode.LOCAL && usableGib < CapacityModel.localDiskGib(planned) * HARDWARE_TOLERANCE) {
                        findings.add(Finding.warning("live.storage-below-plan", m.name() + ": " + fmt(usableGib) + " GiB in local storage pools, the plan's "
                                + planned.id() + " has " + fmt(CapacityModel.localDiskGib(planned)) + " GiB", ""));
                    }
                }
                if (needNic > 0) {
                    if (nicGbps == null) {
                        unknownNic.add(m.name());
                    } else if (nicGbps < needNic) {
                        boolean ceph = policy.storageMode() == StorageMode.CEPH && needNic == CEPH_MIN_NIC_GBPS;
                        findings.add(Finding.warning(ceph ? "live.nic-below-10g" : "live.nic-below-plan", m.name() + ": NIC " + fmt(nicGbps)
                                + " Gb/s, plan needs " + fmt(needNic) + " Gb/s" + (ceph ? " for Ceph recovery" : ""), ceph ? CEPH_NIC_CITATION : ""));
                    }
                }
            }
            if (!unknownNic.isEmpty()) {
                findings.add(Finding.info("live.nic-speed-unknown", String.join(", ", unknownNic) + ": no NIC port reports a link speed "
                        + "(virtual NICs do not), so the plan's " + fmt(needNic) + " Gb/s could not be checked", ""));
            }
            long online = s.members().stream().filter(LiveMember::online).count();
            if (site != null && site.kind() == SiteKind.CLUSTER && online < policy.minHosts()) {
                findings.add(Finding.warning("live.below-min-hosts", online + " member(s) online, the plan's policy asks for at least "
                        + policy.minHosts() + " (Incus database and Ceph monitor quorum)", ""));
            }
        }

        /** The smallest readable member (by memory, then threads): the conservative model of a host. */
        Optional<LiveMember> smallest() {
            return s.members().stream().filter(LiveMember::readable)
                    .min(Comparator.comparingLong((LiveMember m) -> m.resources().memoryBytes()).thenComparingInt(m -> m.resources().threads()));
        }

        void hosts() {
            if (site == null || site.workloads().isEmpty()) {
                return;
            }
            Optional<LiveMember> model = smallest();
            if (model.isEmpty()) {
                return;
            }
            LiveMember m = model.get();
            Hardware hw = asHardware(m, usableLocalGb(s, m.name()));
            List<Hardware> candidates = List.of(hw);
            if (!Sizer.check(site, candidates).isEmpty()) {
                findings.add(Finding.info("live.not-sized", "the plan's workloads could not be sized on the live hardware: "
                        + Sizer.check(site, candidates).get(0).message(), ""));
                return;
            }
            SizingResult sized = Sizer.size(site, candidates, h -> OptionalDouble.empty());
            SizingOption option = sized.options().get(0);
            long online = s.members().stream().filter(LiveMember::online).count();
            String like = m.name() + " (" + m.resources().threads() + " threads, " + fmt(m.resources().memoryBytes() / GIB) + " GiB)";
            figures.add(new Explanation("hostsNeeded", option.hosts(), "hosts", "the plan's workloads sized by the sizing engine on hosts like "
                    + like + ", " + policy.failuresTolerated() + " failure(s) tolerated: " + option.explanation(), "this planner's sizing rule (the formulas below)"));
            figures.addAll(option.formulas());
            if (!option.feasible()) {
                String why = sized.findings().stream().map(Finding::text).findFirst().orElse(option.explanation());
                findings.add(Finding.error("live.hosts-below-plan", "no number of hosts like " + like + " holds the plan: " + why, ""));
                return;
            }
            hostsNeeded = option.hosts();
            if (option.hosts() > online) {
                findings.add(Finding.error("live.hosts-below-plan", "the plan needs " + option.hosts() + " hosts like " + like
                        + " and the cluster has " + online + " online: " + option.explanation(), ""));
            } else {
                findings.add(Finding.info("live.hosts-enough", "the plan needs " + option.hosts() + " host(s) like " + like
                        + "; the cluster has " + online + " online", ""));
            }
        }

        void totals() {
            List<LiveMember> readable = s.readableMembers();
            double threads = readable.stream().mapToInt(m -> m.resources().threads()).sum();
            double memory = readable.stream().mapToLong(m -> m.resources().memoryBytes()).sum() / GIB;
            double gpus = readable.stream().mapToInt(m -> m.resources().gpus().size()).sum();
            double storage = s.pools().stream().mapToLong(LivePool::totalBytes).sum() / GIB;
            Double pThreads = plannedHosts == null ? null : (double) plannedHosts * planned.threads();
            Double pMemory = plannedHosts == null ? null : plannedHosts * planned.memoryGib();
            Double pGpus = plannedHosts == null ? null : (double) plannedHosts * planned.gpuCount();
            String note = plannedHosts == null ? "" : plannedHosts + " x " + planned.id();
            totals.add(new Comparison("members", plannedHosts == null ? null : (double) plannedHosts, (double) readable.size(), "hosts",
                    plannedHosts == null ? "members whose resources were read" : note));
            totals.add(new Comparison("threads", pThreads, threads, "threads", note));
            totals.add(new Comparison("memory", pMemory, memory, "GiB", note));
            totals.add(new Comparison("storage", null, storage, "GiB", "total of the storage pools as Incus reports them"));
            totals.add(new Comparison("gpus", pGpus, gpus, "GPUs", note));
        }

        void allocation() {
            double cpu = 0;
            double mem = 0;
            double disk = 0;
            double gpus = 0;
            double used = 0;
            double usedLimits = 0;
            List<String> unlimitedMem = new ArrayList<>();
            for (LiveInstance i : s.instances()) {
                cpu += i.cpuLimit() == null ? 0 : i.cpuLimit();
                mem += i.memoryLimitBytes() == null ? 0 : i.memoryLimitBytes();
                disk += i.rootDiskBytes() == null ? 0 : i.rootDiskBytes();
                gpus += i.gpus();
                if (i.memoryLimitBytes() == null) {
                    unlimitedMem.add(i.name());
                }
                if (i.usage() != null) {
                    used += i.usage().memoryBytes();
                    if (i.memoryLimitBytes() != null && i.memoryLimitBytes() > 0) {
                        usedLimits += i.memoryLimitBytes();
                        double ratio = i.usage().memoryBytes() / (double) i.memoryLimitBytes();
                        if (ratio >= NEAR_LIMIT) {
                            findings.add(Finding.warning("live.memory-near-limit", i.name() + ": uses " + IncusUnits.human(i.usage().memoryBytes())
                                    + " of its " + IncusUnits.human(i.memoryLimitBytes()) + " memory limit (" + pct(ratio) + ")", ""));
                        }
                    }
                }
            }
            double pCpu = 0;
            double pMem = 0;
            double pDisk = 0;
            double pGpu = 0;
            if (site != null) {
                for (Workload w : site.workloads()) {
                    pCpu += w.count() * w.vcpu();
                    pMem += w.count() * w.memoryGib();
                    pDisk += w.count() * w.diskGib();
                    pGpu += w.count() * w.gpu();
                }
            }
            boolean plan = site != null;
            allocation.add(new Comparison("instances", plan ? (double) site.instanceCount() : null, (double) s.instances().size(), "instances", ""));
            allocation.add(new Comparison("vcpu", plan ? pCpu : null, cpu, "vCPU", "sum of limits.cpu; instances without one count 0"));
            allocation.add(new Comparison("memory", plan ? pMem : null, mem / GIB, "GiB", "sum of limits.memory; instances without one count 0"));
            allocation.add(new Comparison("disk", plan ? pDisk : null, disk / GIB, "GiB", "sum of root disk sizes; disks without a size count 0"));
            allocation.add(new Comparison("gpus", plan ? pGpu : null, gpus, "GPUs", ""));
            allocation.add(new Comparison("memoryUsed", mem > 0 ? mem / GIB : null, used / GIB, "GiB",
                    "memory in use by running instances, against the allocation" + (usedLimits > 0 ? " (" + pct(used / usedLimits) + " of the limits of those with one)" : "")));
            if (!unlimitedMem.isEmpty()) {
                findings.add(new Finding(plan ? dev.clusterplanner.core.model.Severity.WARNING : dev.clusterplanner.core.model.Severity.INFO,
                        "live.no-memory-limit", unlimitedMem.size() + " instance(s) without limits.memory (" + list(unlimitedMem)
                        + "): their memory is not bounded, so the allocation understates what they may take", ""));
            }
            if (!plan) {
                return;
            }
            if (mem - pMem * GIB > MEMORY_EPSILON_BYTES) {
                findings.add(Finding.warning("live.allocation-above-plan", "instances are allocated " + fmt(mem / GIB) + " GiB of memory, the plan counts "
                        + fmt(pMem) + " GiB: the plan understates the load", ""));
            }
            if (cpu - pCpu > 1e-9) {
                findings.add(Finding.warning("live.allocation-above-plan", "instances are allocated " + fmt(cpu) + " vCPU, the plan counts "
                        + fmt(pCpu) + " vCPU: the plan understates the load", ""));
            }
            if (gpus > pGpu) {
                findings.add(Finding.warning("live.allocation-above-plan", "instances use " + fmt(gpus) + " GPU(s), the plan counts " + fmt(pGpu), ""));
            }
            instances();
        }

        /** Planned instances ({@code <workload>-<n>}) against live ones of the same name. */
        void instances() {
            Set<String> plannedNames = new TreeSet<>();
            for (Workload w : site.workloads()) {
                List<String> missing = new ArrayList<>();
                for (int n = 1; n <= w.count(); n++) {
                    String name = w.instanceName(n);
                    plannedNames.add(name);
                    Optional<LiveInstance> live = s.instances().stream().filter(i -> i.name().equals(name) && i.project().equals(w.project())).findFirst();
                    if (live.isEmpty()) {
                        missing.add(name);
                        continue;
                    }
                    LiveInstance i = live.get();
                    boolean vm = i.virtualMachine();
                    if (vm != w.kind().isVirtualMachine()) {
                        findings.add(Finding.warning("live.kind-differs", name + ": a " + (vm ? "virtual machine" : "container")
                                + " live, the plan's workload '" + w.name() + "' is a " + w.kind().name().toLowerCase(Locale.ROOT), ""));
                    }
                    if (i.cpuLimit() == null) {
                        findings.add(Finding.warning("live.no-cpu-limit", name + ": no limits.cpu, the plan gives it " + fmt(w.vcpu()) + " vCPU", ""));
                    } else if (i.cpuLimit() > w.vcpu() + 1e-9) {
                        findings.add(Finding.warning("live.limit-above-plan", name + ": limits.cpu " + fmt(i.cpuLimit()) + ", the plan gives it "
                                + fmt(w.vcpu()) + " vCPU", ""));
                    }
                    if (i.memoryLimitBytes() != null && i.memoryLimitBytes() - w.memoryGib() * GIB > MEMORY_EPSILON_BYTES) {
                        findings.add(Finding.warning("live.limit-above-plan", name + ": limits.memory " + IncusUnits.human(i.memoryLimitBytes())
                                + ", the plan gives it " + fmt(w.memoryGib()) + " GiB", ""));
                    }
                    if (i.gpus() > w.gpu()) {
                        findings.add(Finding.warning("live.limit-above-plan", name + ": " + i.gpus() + " GPU(s), the plan gives it " + w.gpu(), ""));
                    }
                }
                if (!missing.isEmpty()) {
                    findings.add(Finding.warning("live.instance-missing", "workload '" + w.name() + "': " + missing.size() + " of " + w.count()
                            + " planned instance(s) not found live: " + list(missing), ""));
                }
            }
            List<String> unplanned = s.instances().stream().map(LiveInstance::name).filter(n -> !plannedNames.contains(n)).toList();
            if (!unplanned.isEmpty()) {
                findings.add(Finding.info("live.instance-unplanned", unplanned.size() + " live instance(s) are not in the plan: " + list(unplanned), ""));
            }
        }

        /** What an instance takes from a host, by the sizing engine's capacity model; unlimited memory counts its use. */
        double[] demand(LiveInstance i) {
            double vcpu = i.cpuLimit() == null ? 0 : i.cpuLimit();
            long memBytes = i.memoryLimitBytes() != null ? i.memoryLimitBytes() : i.usage() != null ? i.usage().memoryBytes() : 0;
            Workload w = Workload.of(i.name().isBlank() ? "i" : i.name(), i.virtualMachine() ? WorkloadKind.VM : WorkloadKind.CONTAINER, 1,
                    Math.max(vcpu, 0), Math.max(memBytes / GIB, 0), 0);
            return CapacityModel.demand(w.withGpu(i.gpus()), policy.withStorage(StorageMode.CEPH, policy.ceph()));
        }

        void survival() {
            int k = policy.failuresTolerated();
            List<LiveMember> readable = s.readableMembers();
            if (k < 1 || readable.size() < 2) {
                return;
            }
            Map<String, double[]> capacity = new LinkedHashMap<>();
            Map<String, double[]> allocated = new LinkedHashMap<>();
            int idx = 0;
            // Ceph's per-host tax is not known from Incus alone: capacity here is threads and memory less the reserves
            Policy noCephTax = policy.withStorage(StorageMode.LOCAL, policy.ceph());
            for (LiveMember m : readable) {
                capacity.put(m.name(), CapacityModel.capacity(asHardware(m, 0), noCephTax, idx++));
                allocated.put(m.name(), new double[Dimension.COUNT]);
            }
            // stopped instances take nothing now; they count when they run
            for (LiveInstance i : s.instances()) {
                double[] a = allocated.get(i.location());
                if (a != null && i.running()) {
                    add(a, demand(i));
                }
            }
            for (LiveMember m : readable) {
                double[] a = allocated.get(m.name());
                double[] c = capacity.get(m.name());
                int mem = Dimension.MEMORY.ordinal();
                if (a[mem] > c[mem] + 1e-9) {
                    findings.add(Finding.warning("live.member-overallocated", m.name() + ": instances are allocated " + fmt(a[mem])
                            + " GiB of memory, it offers " + fmt(c[mem]) + " GiB after the " + fmt(policy.reserveMemoryGib()) + " GiB reserve", ""));
                }
            }
            int lose = FailureHeadroom.canLose(readable.size(), k) ? k : readable.size() - 1;
            // the volume condition first (FailureHeadroom): the members less the largest `lose` must hold what runs
            double[] load = new double[Dimension.COUNT];
            allocated.values().forEach(a -> add(load, a));
            double[][] caps = capacity.values().toArray(new double[0][]);
            int[] short_ = {-1};
            if (!FailureHeadroom.holds(caps, load, lose, short_)) {
                Dimension d = Dimension.values()[short_[0]];
                double left = FailureHeadroom.afterLosingLargest(caps, Dimension.COUNT, lose)[d.ordinal()];
                findings.add(Finding.warning("live.cannot-heal-after-member-loss", "after losing the " + (lose == 1 ? "largest member"
                        : lose + " largest members") + " the others offer " + fmt(left) + " " + d.unit() + " of " + d.id()
                        + " for the " + fmt(load[d.ordinal()]) + " the running instances are allocated: the live allocation does not"
                        + " survive the loss", "plan policy: failuresTolerated " + k));
                return;
            }
            // the sizing engine's own failure check on the live allocation: every set of `lose` members taken away and
            // their running instances re-placed largest first on the others (core.sizing.Survival)
            List<String> names = new ArrayList<>(capacity.keySet());
            List<LiveInstance> running = s.instances().stream().filter(i -> i.running() && capacity.containsKey(i.location())).toList();
            double[][] demand = new double[running.size()][];
            int[] hostOf = new int[running.size()];
            for (int i = 0; i < running.size(); i++) {
                demand[i] = demand(running.get(i));
                hostOf[i] = names.indexOf(running.get(i).location());
            }
            Survival survival = Survival.of(caps, demand, hostOf, lose);
            if (!survival.holds()) {
                findings.add(Finding.warning("live.cannot-heal-after-member-loss", cannotHeal(survival, names, running, demand, caps, hostOf),
                        "plan policy: failuresTolerated " + k));
                return;
            }
            // the largest evacuation: the `lose` members with the most memory allocated
            List<String> byMemory = new ArrayList<>(names);
            byMemory.sort(Comparator.comparingDouble((String n) -> -allocated.get(n)[Dimension.MEMORY.ordinal()]));
            List<String> lostMost = byMemory.subList(0, lose);
            String worst = String.join(", ", names.stream().filter(lostMost::contains).toList());
            double worstMem = lostMost.stream().mapToDouble(n -> allocated.get(n)[Dimension.MEMORY.ordinal()]).sum();
            figures.add(new Explanation("survivesMemberLoss", 1, "", "every set of " + lose + " member(s) was taken away and its instances"
                    + " re-placed largest first on the others (limits, by the sizing engine's capacity model); the largest evacuation ("
                    + worst + ", " + fmt(worstMem) + " GiB) fits", ""));
            findings.add(Finding.info("live.heals-after-member-loss", "the live allocation survives the loss of any " + (k == 1 ? "one member" : k + " members")
                    + ": the largest evacuation (" + worst + ", " + fmt(worstMem) + " GiB of memory limits) fits on the others", ""));
            List<String> local = s.instances().stream().filter(i -> s.pools().stream().anyMatch(p -> p.name().equals(i.rootPool()) && !p.shared()))
                    .map(LiveInstance::name).toList();
            if (!local.isEmpty()) {
                findings.add(Finding.info("live.local-root-disks", local.size() + " instance(s) have their root disk on a local pool ("
                        + list(local) + "): Incus cannot restart them on another member when theirs fails; the check above assumes"
                        + " they can be moved (restored from backup or copied)", ""));
            }
        }

        /** Why the live allocation does not heal: the first lost set, the instance left without a host, the roomiest survivor. */
        String cannotHeal(Survival survival, List<String> names, List<LiveInstance> running, double[][] demand, double[][] caps, int[] hostOf) {
            List<String> lost = new ArrayList<>();
            for (int h : survival.failedHosts()) {
                lost.add(names.get(h));
            }
            // free capacity of the survivors before any evacuee moves
            String roomiest = "none";
            double most = Double.NEGATIVE_INFINITY;
            for (int h = 0; h < names.size(); h++) {
                if (lost.contains(names.get(h))) {
                    continue;
                }
                double[] free = caps[h].clone();
                for (int i = 0; i < running.size(); i++) {
                    if (hostOf[i] == h) {
                        for (int d = 0; d < free.length; d++) {
                            free[d] -= demand[i][d];
                        }
                    }
                }
                if (free[Dimension.MEMORY.ordinal()] > most) {
                    most = free[Dimension.MEMORY.ordinal()];
                    roomiest = names.get(h) + " " + fmt(Math.max(0, free[Dimension.MEMORY.ordinal()])) + " GiB, "
                            + fmt(Math.max(0, free[Dimension.CPU.ordinal()])) + " threads";
                }
            }
            String who = "an instance";
            if (survival.strandedInstance() >= 0) {
                double[] d = demand[survival.strandedInstance()];
                who = running.get(survival.strandedInstance()).name() + " (" + fmt(d[Dimension.MEMORY.ordinal()]) + " GiB, "
                        + fmt(d[Dimension.CPU.ordinal()]) + " threads)";
            }
            return "if " + String.join(" and ", lost) + " fail" + (lost.size() == 1 ? "s" : "") + ", " + who + " finds no member with room"
                    + " (most free: " + roomiest + "): the live allocation does not survive the loss";
        }

        static void add(double[] a, double[] b) {
            for (int d = 0; d < a.length; d++) {
                a[d] += b[d];
            }
        }
    }

    static String list(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more";
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
