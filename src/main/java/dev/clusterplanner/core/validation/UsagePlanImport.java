package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.usage.InstanceUsage;
import dev.clusterplanner.core.usage.UsageSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A live cluster as a plan whose demands are what its instances really used: for every instance seen in the watch,
 * CPU = P95 cores x (1 + headroom) rounded up to a tenth of a core (at least 0.1), memory = P95 in use x (1 + headroom)
 * rounded up to 256 MiB; an instance never seen running keeps its limits. The grouping into workloads is
 * {@link LivePlanImport}'s.
 */
public final class UsagePlanImport {

    /** CPU demands are rounded up to this step (cores). */
    public static final double CPU_STEP = 0.1;

    private UsagePlanImport() {
    }

    /** Observed P95 with headroom, rounded up to {@link #CPU_STEP}, at least one step. */
    public static double observedCpu(double p95Cores, double headroom) {
        double steps = Math.ceil(p95Cores * (1 + headroom) / CPU_STEP - 1e-9);
        return Math.max(1, steps) * CPU_STEP;
    }

    /** The snapshot with each observed instance's limits replaced by its observed demand. */
    public static LiveSnapshot observed(LiveSnapshot s, UsageSummary usage, double headroomPct) {
        double h = headroomPct / 100.0;
        List<LiveInstance> out = new ArrayList<>();
        for (LiveInstance i : s.instances()) {
            Optional<InstanceUsage> u = usage.instance(i.project(), i.name());
            if (u.isEmpty() || u.get().cores().empty() || u.get().memoryBytes().empty()) {
                out.add(i);
                continue;
            }
            double cpu = Math.round(observedCpu(u.get().cores().p95(), h) * 10) / 10.0;
            long mem = RightSizing.suggestedMemoryBytes(u.get().memoryBytes().p95(), h);
            out.add(new LiveInstance(i.name(), i.project(), i.type(), i.location(), i.status(), i.limits(), cpu, mem,
                    i.rootDiskBytes(), i.rootPool(), i.gpus(), i.usage()));
        }
        return new LiveSnapshot(s.takenAt(), s.source(), s.serverName(), s.serverVersion(), s.clustered(), s.fingerprint(), s.members(),
                out, s.pools(), s.networks(), s.problems(), s.durationMillis());
    }

    /** The plan of {@link #observed}: its description says where the demands come from. */
    public static Plan toPlan(LiveSnapshot s, UsageSummary usage, double headroomPct, String planName) {
        Plan p = LivePlanImport.toPlan(observed(s, usage, headroomPct), planName);
        String how = String.format(Locale.ROOT, "Demands are observed use, not limits: P95 over %d samples from %s to %s, plus %s %% headroom "
                + "(CPU rounded up to 0.1 core, memory to 256 MiB); instances not seen running keep their limits. ",
                usage.samples(), usage.from(), usage.to(), RightSizing.num(headroomPct));
        return new Plan(p.name(), how + p.description(), p.sites(), p.cost());
    }
}
