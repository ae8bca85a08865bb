package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.usage.InstanceUsage;
import dev.clusterplanner.core.usage.MemberUsage;
import dev.clusterplanner.core.usage.UsageGap;
import dev.clusterplanner.core.usage.UsageSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Right-sizing from observed usage: each instance's P95 (plus a headroom) against its limits, each member's load,
 * and the cluster's observed utilisation against the plan's. One named method per rule; each returns the finding
 * or nothing.
 */
public final class RightSizing {

    /** At or above this share of a limit at P95, an instance runs at its limit. */
    public static final double AT_LIMIT = 0.9;
    /** Memory limits are suggested in steps of this many bytes (256 MiB). */
    public static final long MEMORY_STEP = 256L << 20;
    /** Fewer samples than this and P95 is little more than the maximum: said once. */
    public static final int FEW_SAMPLES = 5;

    private RightSizing() {
    }

    /**
     * Every right-sizing finding of a watch.
     *
     * @param snapshot   the cluster as read when the watch started (limits, member threads)
     * @param headroomPct added to P95 before it is compared with a limit (e.g. 20 for 20 %)
     * @param site       the plan site to compare utilisation with, or null
     */
    public static List<Finding> findings(UsageSummary usage, LiveSnapshot snapshot, double headroomPct, Site site) {
        List<Finding> out = new ArrayList<>();
        double h = headroomPct / 100.0;
        fewSamples(usage).ifPresent(out::add);
        for (UsageGap g : usage.gaps()) {
            out.add(Finding.info("usage.watch-gap", "no samples from " + g.from() + " to " + g.to() + ": " + g.reason(), ""));
        }
        for (LiveInstance i : snapshot.instances()) {
            Optional<InstanceUsage> u = usage.instance(i.project(), i.name());
            if (u.isEmpty()) {
                continue;
            }
            cpuAtLimit(i, u.get()).ifPresent(out::add);
            cpuOversized(i, u.get(), h).ifPresent(out::add);
            memoryPressure(i, u.get()).ifPresent(out::add);
            memoryOversized(i, u.get(), h).ifPresent(out::add);
        }
        for (MemberUsage m : usage.members()) {
            memberGaps(m).forEach(out::add);
            memberBusy(m, threadsOf(snapshot, m.name())).ifPresent(out::add);
        }
        if (site != null) {
            utilisationAgainstPlan(usage, snapshot, site).ifPresent(out::add);
        }
        return out;
    }

    /** Suggested CPU limit: P95 cores with headroom, rounded up to whole CPUs, at least one. */
    public static int suggestedCpus(double p95Cores, double headroom) {
        return (int) Math.max(1, Math.ceil(p95Cores * (1 + headroom) - 1e-9));
    }

    /** Suggested memory limit: P95 bytes with headroom, rounded up to 256 MiB, at least 256 MiB. */
    public static long suggestedMemoryBytes(double p95Bytes, double headroom) {
        long steps = (long) Math.ceil(p95Bytes * (1 + headroom) / MEMORY_STEP - 1e-9);
        return Math.max(1, steps) * MEMORY_STEP;
    }

    /** "web-1 runs at 96 % of its CPU limit at P95": P95 cores at or above 90 % of limits.cpu. */
    public static Optional<Finding> cpuAtLimit(LiveInstance i, InstanceUsage u) {
        if (i.cpuLimit() == null || i.cpuLimit() <= 0 || u.cores().empty()) {
            return Optional.empty();
        }
        double share = u.cores().p95() / i.cpuLimit();
        if (share < AT_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning("usage.cpu-at-limit", String.format(Locale.ROOT,
                "%s runs at %s of its CPU limit at P95 (%s of %s cores; max %s): it is throttled when busy; raise limits.cpu or plan more",
                label(i), pct(share), num(u.cores().p95()), num(i.cpuLimit()), num(u.cores().max())), ""));
    }

    /** "db-1: 4 CPU limit, P95 0.02 cores": P95 with headroom needs fewer whole CPUs than the limit gives. */
    public static Optional<Finding> cpuOversized(LiveInstance i, InstanceUsage u, double headroom) {
        if (i.cpuLimit() == null || u.cores().empty()) {
            return Optional.empty();
        }
        int suggested = suggestedCpus(u.cores().p95(), headroom);
        if (suggested >= i.cpuLimit()) {
            return Optional.empty();
        }
        return Optional.of(Finding.info("usage.cpu-oversized", String.format(Locale.ROOT,
                "%s: %s CPU limit, P95 %s cores (max %s): %d CPU would do with %s headroom (ceil(P95 x %s))",
                label(i), num(i.cpuLimit()), num(u.cores().p95()), num(u.cores().max()), suggested, pct(headroom), num(1 + headroom)), ""));
    }

    /** Memory in use at P95 at or above 90 % of limits.memory: the instance is close to being reclaimed or killed. */
    public static Optional<Finding> memoryPressure(LiveInstance i, InstanceUsage u) {
        if (i.memoryLimitBytes() == null || i.memoryLimitBytes() <= 0 || u.memoryBytes().empty()) {
            return Optional.empty();
        }
        double share = u.memoryBytes().p95() / i.memoryLimitBytes();
        if (share < AT_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning("usage.memory-pressure", String.format(Locale.ROOT,
                "%s uses %s of its memory limit at P95 (%s of %s): memory pressure; raise limits.memory",
                label(i), pct(share), IncusUnits.human((long) u.memoryBytes().p95()), IncusUnits.human(i.memoryLimitBytes())), ""));
    }

    /** P95 memory with headroom, rounded up to 256 MiB, is at most half the limit. */
    public static Optional<Finding> memoryOversized(LiveInstance i, InstanceUsage u, double headroom) {
        if (i.memoryLimitBytes() == null || u.memoryBytes().empty()) {
            return Optional.empty();
        }
        long suggested = suggestedMemoryBytes(u.memoryBytes().p95(), headroom);
        if (suggested * 2 > i.memoryLimitBytes()) {
            return Optional.empty();
        }
        return Optional.of(Finding.info("usage.memory-oversized", String.format(Locale.ROOT,
                "%s: %s memory limit, P95 %s in use: %s would do with %s headroom",
                label(i), IncusUnits.human(i.memoryLimitBytes()), IncusUnits.human((long) u.memoryBytes().p95()),
                IncusUnits.human(suggested), pct(headroom)), ""));
    }

    /** A member that stopped answering during the watch: each run of silent samples, with its reason. */
    public static List<Finding> memberGaps(MemberUsage m) {
        List<Finding> out = new ArrayList<>();
        for (UsageGap g : m.gaps()) {
            out.add(Finding.warning("usage.member-gap", String.format(Locale.ROOT,
                    "%s did not answer from %s to %s (%s); its figures cover %d of %d samples",
                    m.name(), g.from(), g.to(), g.reason().isEmpty() ? "no reason given" : g.reason(), m.answered(), m.samples()), ""));
        }
        return out;
    }

    /** A member whose instances together use 90 % or more of its threads at P95. */
    public static Optional<Finding> memberBusy(MemberUsage m, int threads) {
        if (threads <= 0 || m.instanceCores().empty()) {
            return Optional.empty();
        }
        double share = m.instanceCores().p95() / threads;
        if (share < AT_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning("usage.member-busy", String.format(Locale.ROOT,
                "%s: its instances use %s cores of %d threads at P95 (%s): no room for a failed member's instances",
                m.name(), num(m.instanceCores().p95()), threads, pct(share)), ""));
    }

    /**
     * The cluster's observed CPU utilisation (mean cores used / CPU limits, over instances with a limit) against the
     * plan's (sum of count x vcpu x cpuUtil / sum of count x vcpu over the site's workloads): a warning when observed is
     * more than 20 points above, an info when it is under half of it. Power and cost assume the plan's figure.
     */
    public static Optional<Finding> utilisationAgainstPlan(UsageSummary usage, LiveSnapshot snapshot, Site site) {
        double used = 0;
        double limits = 0;
        for (LiveInstance i : snapshot.instances()) {
            Optional<InstanceUsage> u = usage.instance(i.project(), i.name());
            if (i.cpuLimit() != null && i.cpuLimit() > 0 && u.isPresent() && !u.get().cores().empty()) {
                used += u.get().cores().mean();
                limits += i.cpuLimit();
            }
        }
        double planned = plannedUtilisation(site);
        if (limits <= 0 || Double.isNaN(planned)) {
            return Optional.empty();
        }
        double observed = used / limits;
        String text = String.format(Locale.ROOT, "instances use %s of their CPU limits on average (%s of %s cores); plan site %s assumes %s",
                pct(observed), num(used), num(limits), site.name(), pct(planned));
        if (observed > planned + 0.2) {
            return Optional.of(Finding.warning("usage.above-plan", text + ": power and cost are understated", ""));
        }
        if (observed < planned / 2) {
            return Optional.of(Finding.info("usage.below-plan", text + ": power and cost are overstated", ""));
        }
        return Optional.empty();
    }

    /** sum(count x vcpu x cpuUtil) / sum(count x vcpu) over the site's workloads; NaN without workloads. */
    public static double plannedUtilisation(Site site) {
        double weighted = 0;
        double vcpu = 0;
        for (Workload w : site.workloads()) {
            weighted += w.count() * w.vcpu() * w.cpuUtil();
            vcpu += w.count() * w.vcpu();
        }
        return vcpu <= 0 ? Double.NaN : weighted / vcpu;
    }

    /** Under {@link #FEW_SAMPLES} samples, P95 is close to the maximum: said so once. */
    public static Optional<Finding> fewSamples(UsageSummary usage) {
        if (usage.samples() >= FEW_SAMPLES) {
            return Optional.empty();
        }
        return Optional.of(Finding.info("usage.few-samples", usage.samples() + " sample(s): P95 is close to the maximum; watch longer "
                + "(hours to days, over a busy period) before resizing", ""));
    }

    static int threadsOf(LiveSnapshot s, String member) {
        return s.members().stream().filter(m -> m.name().equals(member) && m.readable())
                .mapToInt(m -> m.resources().threads()).findFirst().orElse(0);
    }

    static String label(LiveInstance i) {
        return ("default".equals(i.project()) ? "" : i.project() + "/") + i.name();
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 0.1 ? "%.3f" : "%.2f", v);
    }
}
