package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A live cluster as a plan, to size its growth: one site whose workloads are the live instances,
 * grouped by name stem ({@code web-1}, {@code web-2} become workload {@code web}, count 2) and shape
 * (kind, limits, root disk, GPUs, project). Hardware candidates are left empty: the live members are
 * not catalog rows; the description lists them. What had to be assumed is said in the description.
 */
public final class LivePlanImport {

    /** Memory for an instance without limits.memory when its use is unknown, and the rounding step. */
    static final double MIN_MEMORY_GIB = 0.25;

    private LivePlanImport() {
    }

    public static Plan toPlan(LiveSnapshot s, String planName) {
        SiteKind kind = s.members().size() > 1 ? SiteKind.CLUSTER : SiteKind.SINGLE_SERVER;
        boolean ceph = s.pools().stream().anyMatch(p -> "ceph".equals(p.driver()));
        Policy policy = Policy.defaultsFor(kind);
        policy = policy.withStorage(ceph ? StorageMode.CEPH : StorageMode.LOCAL, policy.ceph());
        if (kind == SiteKind.CLUSTER && s.members().size() < policy.minHosts()) {
            policy = policy.withMinHosts(s.members().size());
        }

        record Shape(String stem, WorkloadKind kind, double vcpu, double memoryGib, double diskGib, int gpu, String project) {
        }
        Map<Shape, List<String>> groups = new LinkedHashMap<>();
        List<String> assumed = new ArrayList<>();
        for (LiveInstance i : s.instances()) {
            double vcpu = i.cpuLimit() == null ? 1 : i.cpuLimit();
            if (i.cpuLimit() == null) {
                assumed.add(i.name() + ": no limits.cpu, 1 vCPU assumed");
            }
            double mem;
            if (i.memoryLimitBytes() != null && i.memoryLimitBytes() > 0) {
                mem = i.memoryLimitBytes() / (double) IncusUnits.GIB;
            } else {
                double used = i.usage() == null ? 0 : Math.max(i.usage().memoryPeakBytes(), i.usage().memoryBytes()) / (double) IncusUnits.GIB;
                mem = Math.max(MIN_MEMORY_GIB, Math.ceil(used / MIN_MEMORY_GIB) * MIN_MEMORY_GIB);
                assumed.add(i.name() + ": no limits.memory, " + LiveValidator.fmt(mem) + " GiB from its peak use");
            }
            double disk = i.rootDiskBytes() == null ? 0 : i.rootDiskBytes() / (double) IncusUnits.GIB;
            WorkloadKind wk = i.virtualMachine() ? WorkloadKind.VM : WorkloadKind.CONTAINER;
            groups.computeIfAbsent(new Shape(stem(i.name()), wk, vcpu, mem, disk, i.gpus(), i.project()), k -> new ArrayList<>()).add(i.name());
        }
        List<Workload> workloads = new ArrayList<>();
        Map<String, Integer> used = new LinkedHashMap<>();
        for (var e : groups.entrySet()) {
            Shape sh = e.getKey();
            String name = sh.stem();
            int n = used.merge(name, 1, Integer::sum);
            if (n > 1) {
                name = name + "-shape" + n;
            }
            workloads.add(new Workload(name, sh.kind(), e.getValue().size(), sh.vcpu(), sh.memoryGib(), sh.diskGib(), sh.gpu(), false,
                    0, 0, 0, Workload.DEFAULT_CPU_UTIL, 0, sh.project()));
        }
        StringBuilder d = new StringBuilder("Imported from " + s.source() + " at " + s.takenAt() + " (Incus " + s.serverVersion() + "). Members: ");
        List<String> ms = new ArrayList<>();
        for (LiveMember m : s.members()) {
            ms.add(m.readable() ? m.name() + " " + m.resources().threads() + " threads, " + IncusUnits.human(m.resources().memoryBytes())
                    + (m.resources().gpus().isEmpty() ? "" : ", " + m.resources().gpus().size() + " GPU(s)") : m.name() + " " + m.status().id());
        }
        d.append(String.join("; ", ms)).append('.');
        if (!assumed.isEmpty()) {
            d.append(" Assumed: ").append(LiveValidator.list(assumed)).append('.');
        }
        d.append(" Add hardware candidates to size growth.");
        String siteName = s.serverName().isBlank() ? "live" : (kind == SiteKind.CLUSTER ? "live-cluster" : s.serverName());
        Site site = new Site(siteName, kind, workloads, List.of(), policy, null);
        return new Plan(Objects.requireNonNullElse(planName, "Live cluster"), d.toString(), List.of(site), CostSettings.DEFAULT);
    }

    /** "web-12" becomes "web"; a name without a numeric suffix is its own stem. */
    static String stem(String name) {
        String s = name.replaceFirst("-\\d+$", "");
        return s.isEmpty() ? name : s;
    }
}
