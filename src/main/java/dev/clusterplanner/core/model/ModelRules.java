package dev.clusterplanner.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        name(out, "name", plan.name(), Limits.MAX_NAME_CHARS);
        text(out, "description", plan.description(), Limits.MAX_TEXT_CHARS);
        if (plan.sites().isEmpty()) {
            out.add(new FieldProblem("sites", "a plan needs at least one site"));
        }
        if (plan.sites().size() > Limits.MAX_SITES) {
            out.add(new FieldProblem("sites", "a plan holds at most " + Limits.MAX_SITES + " sites, got " + plan.sites().size()));
        }
        long instances = 0;
        for (Site s : plan.sites()) {
            for (Workload w : s.workloads()) {
                instances += Math.max(0, w.count());
            }
        }
        if (instances > Limits.MAX_INSTANCES_PER_PLAN) {
            out.add(new FieldProblem("sites", "the plan has " + instances + " instances in all; this program plans at most "
                    + Limits.MAX_INSTANCES_PER_PLAN + " (split it into several plans)"));
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
        name(out, "name", site.name(), Limits.MAX_NAME_CHARS);
        if (site.workloads().size() > Limits.MAX_WORKLOADS_PER_SITE) {
            out.add(new FieldProblem("workloads", "a site holds at most " + Limits.MAX_WORKLOADS_PER_SITE + " workloads, got " + site.workloads().size()));
        }
        if (site.hardware().size() > Limits.MAX_HARDWARE_PER_SITE) {
            out.add(new FieldProblem("hardware", "a site compares at most " + Limits.MAX_HARDWARE_PER_SITE + " hardware candidates, got " + site.hardware().size()));
        }
        for (int i = 0; i < site.hardware().size(); i++) {
            name(out, "hardware/" + i, site.hardware().get(i), Limits.MAX_NAME_CHARS);
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
        for (Map.Entry<String, Integer> e : site.available().entrySet()) {
            String field = "available/" + e.getKey();
            name(out, field, e.getKey(), Limits.MAX_NAME_CHARS);
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > Limits.MAX_HOSTS) {
                out.add(new FieldProblem(field, "site '" + site.name() + "': available for '" + printable(e.getKey())
                        + "' is the most hosts of that row the site may use, a whole number from 0 to " + Limits.MAX_HOSTS + ", got " + e.getValue()));
            }
        }
        if (site.available().size() > Limits.MAX_HARDWARE_PER_SITE || site.owned().size() > Limits.MAX_HARDWARE_PER_SITE) {
            out.add(new FieldProblem(site.owned().size() > Limits.MAX_HARDWARE_PER_SITE ? "owned" : "available",
                    "a site lists at most " + Limits.MAX_HARDWARE_PER_SITE + " entries in 'available' and in 'owned'"));
        }
        long ownedHosts = 0;
        for (int i = 0; i < site.owned().size(); i++) {
            OwnedHosts o = site.owned().get(i);
            String prefix = "owned/" + i + "/";
            if (o.hardware().isBlank()) {
                out.add(new FieldProblem(prefix + "hardware", "owned hosts need the catalog id of their hardware"));
            }
            name(out, prefix + "hardware", o.hardware(), Limits.MAX_NAME_CHARS);
            if (o.count() < 1 || o.count() > Limits.MAX_HOSTS) {
                out.add(new FieldProblem(prefix + "count", "owned hosts of '" + printable(o.hardware()) + "': count must be from 1 to "
                        + Limits.MAX_HOSTS + ", got " + o.count()));
            }
            ownedHosts += Math.max(0, o.count());
            if (o.priceUsd() != null && !(o.priceUsd() >= 0 && o.priceUsd() <= Limits.MAX_HARDWARE_PRICE_USD)) {
                out.add(new FieldProblem(prefix + "priceUsd", "owned hosts of '" + printable(o.hardware()) + "': priceUsd (what one cost) must be from 0 to "
                        + (long) Limits.MAX_HARDWARE_PRICE_USD + ", got " + o.priceUsd()));
            }
        }
        if (ownedHosts > Limits.MAX_HOSTS) {
            out.add(new FieldProblem("owned", "site '" + site.name() + "' owns " + ownedHosts + " hosts in all; this program plans at most "
                    + Limits.MAX_HOSTS + " hosts per site"));
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
        } else if (w.name().length() > Limits.MAX_INSTANCE_NAME_CHARS) {
            out.add(new FieldProblem("name", "the name is " + w.name().length() + " characters long; Incus instance names have at most "
                    + Limits.MAX_INSTANCE_NAME_CHARS));
        } else if (!w.name().matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
            out.add(new FieldProblem("name", "'" + printable(w.name()) + "' is not a valid Incus instance name prefix (letters, digits and '-', starting with a letter or digit)"));
        } else if (w.count() >= 1 && w.instanceName(w.count()).length() > Limits.MAX_INSTANCE_NAME_CHARS) {
            out.add(new FieldProblem("name", "the last instance's name '" + w.instanceName(w.count()) + "' is longer than Incus allows ("
                    + Limits.MAX_INSTANCE_NAME_CHARS + " characters)"));
        }
        positiveInt(out, "count", w.count(), w.name());
        if (w.count() > Limits.MAX_INSTANCES_PER_PLAN) {
            out.add(new FieldProblem("count", who(w.name()) + "count must be at most " + Limits.MAX_INSTANCES_PER_PLAN
                    + " (the most instances this program plans), got " + w.count()));
        }
        positive(out, "vcpu", w.vcpu(), w.name());
        atMost(out, "vcpu", w.vcpu(), Limits.MAX_VCPU, w.name());
        positive(out, "memoryGib", w.memoryGib(), w.name());
        atMost(out, "memoryGib", w.memoryGib(), Limits.MAX_MEMORY_GIB, w.name());
        notNegative(out, "diskGib", w.diskGib(), w.name());
        atMost(out, "diskGib", w.diskGib(), Limits.MAX_DISK_GIB, w.name());
        if (w.gpu() < 0 || w.gpu() > Limits.MAX_GPU) {
            out.add(new FieldProblem("gpu", "workload '" + w.name() + "': gpu must be between 0 and " + Limits.MAX_GPU + ", got " + w.gpu()));
        }
        notNegative(out, "iops", w.iops(), w.name());
        atMost(out, "iops", w.iops(), Limits.MAX_IOPS, w.name());
        notNegative(out, "writeMbps", w.writeMbps(), w.name());
        atMost(out, "writeMbps", w.writeMbps(), Limits.MAX_MBPS, w.name());
        notNegative(out, "netMbps", w.netMbps(), w.name());
        atMost(out, "netMbps", w.netMbps(), Limits.MAX_MBPS, w.name());
        notNegative(out, "bandwidthMbps", w.bandwidthMbps(), w.name());
        atMost(out, "bandwidthMbps", w.bandwidthMbps(), Limits.MAX_MBPS, w.name());
        name(out, "project", w.project(), Limits.MAX_NAME_CHARS);
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
        if (p.failuresTolerated() < 0 || p.failuresTolerated() > Limits.MAX_HOSTS) {
            out.add(new FieldProblem("failuresTolerated", "failuresTolerated must be between 0 and " + Limits.MAX_HOSTS + ", got " + p.failuresTolerated()));
        }
        if (p.minHosts() < 1 || p.minHosts() > Limits.MAX_HOSTS) {
            out.add(new FieldProblem("minHosts", "minHosts must be between 1 and " + Limits.MAX_HOSTS + ", got " + p.minHosts()));
        }
        if (!(p.cpuOvercommitContainers() >= 1)) {
            out.add(new FieldProblem("cpuOvercommitContainers", "CPU overcommit below 1 would leave threads unused; got " + p.cpuOvercommitContainers()));
        }
        atMost(out, "cpuOvercommitContainers", p.cpuOvercommitContainers(), Limits.MAX_CPU_OVERCOMMIT, null);
        if (!(p.cpuOvercommitVms() >= 1)) {
            out.add(new FieldProblem("cpuOvercommitVms", "CPU overcommit below 1 would leave threads unused; got " + p.cpuOvercommitVms()));
        }
        atMost(out, "cpuOvercommitVms", p.cpuOvercommitVms(), Limits.MAX_CPU_OVERCOMMIT, null);
        between(out, "vmCpuOverheadPct", p.vmCpuOverheadPct(), Limits.MAX_PERCENT);
        between(out, "vmMemoryOverheadGib", p.vmMemoryOverheadGib(), Limits.MAX_HOST_GIB);
        between(out, "reserveMemoryGib", p.reserveMemoryGib(), Limits.MAX_HOST_GIB);
        between(out, "reserveThreads", p.reserveThreads(), Limits.MAX_HOST_THREADS);
        between(out, "cephMemoryPerOsdGib", p.cephMemoryPerOsdGib(), Limits.MAX_HOST_GIB);
        between(out, "cephThreadsPerOsd", p.cephThreadsPerOsd(), Limits.MAX_HOST_THREADS);
        between(out, "cephMonMgrMemoryGib", p.cephMonMgrMemoryGib(), Limits.MAX_HOST_GIB);
        CephLayout c = p.ceph();
        if (c.isErasureCoded()) {
            if (c.m() < 1) {
                out.add(new FieldProblem("ceph/m", "erasure coding needs at least one coding chunk (m >= 1), got " + c.m()));
            }
            if (c.k() > Limits.MAX_CEPH_CHUNKS || c.m() > Limits.MAX_CEPH_CHUNKS) {
                out.add(new FieldProblem(c.k() > Limits.MAX_CEPH_CHUNKS ? "ceph/k" : "ceph/m", "k and m are at most "
                        + Limits.MAX_CEPH_CHUNKS + " each, got k=" + c.k() + ", m=" + c.m()));
            }
        } else {
            if (c.size() < 1 || c.size() > Limits.MAX_CEPH_SIZE) {
                out.add(new FieldProblem("ceph/size", "a replicated pool's size is between 1 and " + Limits.MAX_CEPH_SIZE + ", got " + c.size()));
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
        between(out, "electricityUsdPerKwh", f.electricityUsdPerKwh(), Limits.MAX_ELECTRICITY_USD_PER_KWH);
        if (!(f.pue() >= 1 && f.pue() <= Limits.MAX_PUE)) {
            out.add(new FieldProblem("pue", "PUE is between 1.0 and " + fmt(Limits.MAX_PUE) + " (total facility power / IT power), got " + fmt(f.pue())));
        }
        between(out, "colocationUsdPerUMonth", f.colocationUsdPerUMonth(), Limits.MAX_COLOCATION_USD_PER_U_MONTH);
        between(out, "colocationUsdPerKwMonth", f.colocationUsdPerKwMonth(), Limits.MAX_COLOCATION_USD_PER_KW_MONTH);
        if (f.electricitySource() != null) {
            text(out, "electricitySource", f.electricitySource(), Limits.MAX_TEXT_CHARS);
        }
        return out;
    }

    /**
     * Upper bounds of a hardware row (field names are the catalog CSV's columns): far above any machine sold, so
     * that a typing slip (a price of 1e308, a billion cores) is refused instead of turning into a negative cost.
     */
    public static List<FieldProblem> check(Hardware h) {
        List<FieldProblem> out = new ArrayList<>();
        upTo(out, "sockets", h.sockets(), 64);
        upTo(out, "cores", h.cores(), Limits.MAX_HOST_THREADS);
        upTo(out, "threads", h.threads(), 2 * Limits.MAX_HOST_THREADS);
        upTo(out, "base_ghz", h.baseGhz(), 20);
        upTo(out, "cpu_score", h.cpuScore(), 100);
        upTo(out, "memory_gib", h.memoryGib(), Limits.MAX_HOST_GIB);
        upTo(out, "price_usd", h.priceUsd(), Limits.MAX_HARDWARE_PRICE_USD);
        upTo(out, "monthly_usd", h.monthlyUsd(), Limits.MAX_HARDWARE_PRICE_USD / 10);
        upTo(out, "hourly_usd", h.hourlyUsd(), Limits.MAX_HARDWARE_PRICE_USD / 1000);
        upTo(out, "setup_usd", h.setupUsd(), Limits.MAX_HARDWARE_PRICE_USD / 10);
        upTo(out, "os_disk_gb", h.osDiskGb(), Limits.MAX_DISK_GIB);
        upTo(out, "data_disks", h.dataDisks(), 1_000);
        upTo(out, "data_disk_gb", h.dataDiskGb(), Limits.MAX_DISK_GIB);
        upTo(out, "nic_ports", h.nicPorts(), 64);
        upTo(out, "nic_gbps", h.nicGbps(), 10_000);
        upTo(out, "gpu_count", h.gpuCount(), Limits.MAX_GPU);
        upTo(out, "gpu_vram_gib", h.gpuVramGib(), 10_000);
        upTo(out, "gpu_watts", h.gpuWatts(), 100_000);
        upTo(out, "rack_units", h.rackUnits(), 100);
        upTo(out, "power_idle_w", h.powerIdleW(), 1_000_000);
        upTo(out, "power_max_w", h.powerMaxW(), 1_000_000);
        return out;
    }

    private static void upTo(List<FieldProblem> out, String field, double v, double max) {
        upTo(out, field, Double.valueOf(v), max);
    }

    private static void upTo(List<FieldProblem> out, String field, Double v, double max) {
        if (v != null && !(v <= max)) {
            out.add(new FieldProblem(field, field + " must be at most " + fmt(max) + ", got " + fmt(v)));
        }
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

    /** A value at most {@code max} (checked only when it is a number at all; the lower bound has its own rule). */
    private static void atMost(List<FieldProblem> out, String field, double v, double max, String workload) {
        if (v > max && !Double.isInfinite(v)) {
            out.add(new FieldProblem(field, who(workload) + field + " must be at most " + fmt(max) + ", got " + fmt(v)));
        }
    }

    /** 0 to {@code max}. */
    private static void between(List<FieldProblem> out, String field, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            out.add(new FieldProblem(field, field + " must be between 0 and " + fmt(max) + ", got " + fmt(v)));
        }
    }

    /** A name: not longer than {@code max}, no control characters, no broken characters (lone UTF-16 surrogates). */
    private static void name(List<FieldProblem> out, String field, String v, int max) {
        text(out, field, v, max);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.add(new FieldProblem(field, "a name is one line; this one holds a line break or tab"));
                return;
            }
        }
    }

    /** Text: not longer than {@code max}, no control characters other than line breaks and tabs, no broken characters. */
    private static void text(List<FieldProblem> out, String field, String v, int max) {
        if (v.length() > max) {
            out.add(new FieldProblem(field, "at most " + max + " characters, got " + v.length()));
            return;
        }
        String bad = TextRules.problem(v);
        if (bad != null) {
            out.add(new FieldProblem(field, bad));
        }
    }

    /** The text with control characters shown as {@code \\uXXXX}, for a message. */
    static String printable(String v) {
        return TextRules.printable(v);
    }

    private static String who(String workload) {
        return workload == null ? "" : "workload '" + workload + "': ";
    }

    private static void positive(List<FieldProblem> out, String field, double v, String workload) {
        if (!(v > 0) || Double.isInfinite(v)) {
            out.add(new FieldProblem(field, who(workload) + field + " must be greater than 0" + (v > 0 ? " and finite" : "") + ", got " + fmt(v)));
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
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
