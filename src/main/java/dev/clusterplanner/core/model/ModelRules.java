package dev.clusterplanner.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a plan cannot hold, one named method per rule family. Field paths use the plan file's
 * field names, so an adapter can point at the line that holds the value.
 */
public final class ModelRules {

    private ModelRules() {
    }

    /** Every problem in a plan, with paths like {@code sites/0/workloads/1/memoryGib}. Empty when the plan is sound. */
    public static List<FieldProblem> check(Plan plan) {
        List<FieldProblem> out = new ArrayList<>();
        if (plan.name().isBlank()) {
            out.add(new FieldProblem("name", "the plan needs a name"));
        }
        if (plan.sites().isEmpty()) {
            out.add(new FieldProblem("sites", "a plan needs at least one site"));
        }
        Set<String> siteNames = new HashSet<>();
        for (int i = 0; i < plan.sites().size(); i++) {
            Site site = plan.sites().get(i);
            String prefix = "sites/" + i + "/";
            if (!siteNames.add(site.name())) {
                out.add(new FieldProblem(prefix + "name", "site name '" + site.name() + "' is used twice"));
            }
            for (FieldProblem p : check(site)) {
                out.add(new FieldProblem(prefix + p.field(), p.message()));
            }
        }
        out.addAll(check(plan.cost(), "cost/"));
        return out;
    }

    public static List<FieldProblem> check(Site site) {
        List<FieldProblem> out = new ArrayList<>();
        if (site.name().isBlank()) {
            out.add(new FieldProblem("name", "the site needs a name"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < site.workloads().size(); i++) {
            Workload w = site.workloads().get(i);
            if (!names.add(w.name())) {
                out.add(new FieldProblem("workloads/" + i + "/name", "workload name '" + w.name() + "' is used twice in site '" + site.name() + "'"));
            }
            for (FieldProblem p : check(w)) {
                out.add(new FieldProblem("workloads/" + i + "/" + p.field(), p.message()));
            }
        }
        for (FieldProblem p : check(site.policy(), site.kind())) {
            out.add(new FieldProblem("policy/" + p.field(), p.message()));
        }
        for (FieldProblem p : check(site.facility())) {
            out.add(new FieldProblem("facility/" + p.field(), p.message()));
        }
        return out;
    }

    public static List<FieldProblem> check(Workload w) {
        List<FieldProblem> out = new ArrayList<>();
        if (w.name().isBlank()) {
            out.add(new FieldProblem("name", "the workload needs a name"));
        } else if (!w.name().matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
            out.add(new FieldProblem("name", "'" + w.name() + "' is not a valid Incus instance name prefix (letters, digits and '-', starting with a letter or digit)"));
        }
        positiveInt(out, "count", w.count(), w.name());
        positive(out, "vcpu", w.vcpu(), w.name());
        positive(out, "memoryGib", w.memoryGib(), w.name());
        notNegative(out, "diskGib", w.diskGib(), w.name());
        if (w.gpu() < 0) {
            out.add(new FieldProblem("gpu", "workload '" + w.name() + "': gpu must be 0 or more, got " + w.gpu()));
        }
        notNegative(out, "iops", w.iops(), w.name());
        notNegative(out, "writeMbps", w.writeMbps(), w.name());
        notNegative(out, "netMbps", w.netMbps(), w.name());
        if (!(w.cpuUtil() >= 0 && w.cpuUtil() <= 1)) {
            out.add(new FieldProblem("cpuUtil", "workload '" + w.name() + "': cpuUtil is a fraction between 0 and 1, got " + w.cpuUtil()));
        }
        if (!(w.growthPctYear() > -100 && w.growthPctYear() <= 1000)) {
            out.add(new FieldProblem("growthPctYear", "workload '" + w.name() + "': growthPctYear must be above -100 and at most 1000, got " + w.growthPctYear()));
        }
        return out;
    }

    public static List<FieldProblem> check(Policy p, SiteKind kind) {
        List<FieldProblem> out = new ArrayList<>();
        if (p.failuresTolerated() < 0) {
            out.add(new FieldProblem("failuresTolerated", "failuresTolerated must be 0 or more, got " + p.failuresTolerated()));
        }
        if (p.minHosts() < 1) {
            out.add(new FieldProblem("minHosts", "minHosts must be at least 1, got " + p.minHosts()));
        }
        if (!(p.cpuOvercommitContainers() >= 1)) {
            out.add(new FieldProblem("cpuOvercommitContainers", "CPU overcommit below 1 would leave threads unused; got " + p.cpuOvercommitContainers()));
        }
        if (!(p.cpuOvercommitVms() >= 1)) {
            out.add(new FieldProblem("cpuOvercommitVms", "CPU overcommit below 1 would leave threads unused; got " + p.cpuOvercommitVms()));
        }
        notNegative(out, "vmCpuOverheadPct", p.vmCpuOverheadPct(), null);
        notNegative(out, "vmMemoryOverheadGib", p.vmMemoryOverheadGib(), null);
        notNegative(out, "reserveMemoryGib", p.reserveMemoryGib(), null);
        notNegative(out, "reserveThreads", p.reserveThreads(), null);
        notNegative(out, "cephMemoryPerOsdGib", p.cephMemoryPerOsdGib(), null);
        notNegative(out, "cephThreadsPerOsd", p.cephThreadsPerOsd(), null);
        notNegative(out, "cephMonMgrMemoryGib", p.cephMonMgrMemoryGib(), null);
        CephLayout c = p.ceph();
        if (c.isErasureCoded()) {
            if (c.m() < 1) {
                out.add(new FieldProblem("ceph/m", "erasure coding needs at least one coding chunk (m >= 1), got " + c.m()));
            }
        } else {
            if (c.size() < 1) {
                out.add(new FieldProblem("ceph/size", "a replicated pool needs size 1 or more, got " + c.size()));
            }
            if (c.minSize() < 1 || c.minSize() > c.size()) {
                out.add(new FieldProblem("ceph/minSize", "min_size must be between 1 and size (" + c.size() + "), got " + c.minSize()));
            }
        }
        if (!(c.nearfullRatio() > 0 && c.nearfullRatio() < 1)) {
            out.add(new FieldProblem("ceph/nearfullRatio", "nearfullRatio is a fraction between 0 and 1, got " + c.nearfullRatio()));
        }
        return out;
    }

    public static List<FieldProblem> check(Facility f) {
        List<FieldProblem> out = new ArrayList<>();
        notNegative(out, "electricityUsdPerKwh", f.electricityUsdPerKwh(), null);
        if (!(f.pue() >= 1)) {
            out.add(new FieldProblem("pue", "PUE is 1.0 or more (total facility power / IT power), got " + f.pue()));
        }
        notNegative(out, "colocationUsdPerUMonth", f.colocationUsdPerUMonth(), null);
        notNegative(out, "colocationUsdPerKwMonth", f.colocationUsdPerKwMonth(), null);
        return out;
    }

    public static List<FieldProblem> check(CostSettings c, String prefix) {
        List<FieldProblem> out = new ArrayList<>();
        if (c.years() < 1 || c.years() > 30) {
            out.add(new FieldProblem(prefix + "years", "years must be between 1 and 30, got " + c.years()));
        }
        if (!(c.discountRatePct() > -100 && c.discountRatePct() <= 100)) {
            out.add(new FieldProblem(prefix + "discountRatePct", "discountRatePct must be above -100 and at most 100, got " + c.discountRatePct()));
        }
        if (!(c.salvagePct() >= 0 && c.salvagePct() <= 100)) {
            out.add(new FieldProblem(prefix + "salvagePct", "salvagePct must be between 0 and 100, got " + c.salvagePct()));
        }
        if (!(c.supportPctPerYear() >= 0 && c.supportPctPerYear() <= 100)) {
            out.add(new FieldProblem(prefix + "supportPctPerYear", "supportPctPerYear must be between 0 and 100, got " + c.supportPctPerYear()));
        }
        return out;
    }

    private static String who(String workload) {
        return workload == null ? "" : "workload '" + workload + "': ";
    }

    private static void positive(List<FieldProblem> out, String field, double v, String workload) {
        if (!(v > 0) || Double.isInfinite(v)) {
            out.add(new FieldProblem(field, who(workload) + field + " must be greater than 0, got " + fmt(v)));
        }
    }

    private static void positiveInt(List<FieldProblem> out, String field, int v, String workload) {
        if (v < 1) {
            out.add(new FieldProblem(field, who(workload) + field + " must be 1 or more, got " + v));
        }
    }

    private static void notNegative(List<FieldProblem> out, String field, double v, String workload) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            out.add(new FieldProblem(field, who(workload) + field + " must be 0 or more, got " + fmt(v)));
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
