package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.live.HostNames;
import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.storage.Figures;
import dev.clusterplanner.core.storage.NetworkPlanner;
import dev.clusterplanner.core.storage.Recovery;
import dev.clusterplanner.core.storage.StorageAnalysis;
import dev.clusterplanner.core.storage.StoragePlanner;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a live Ceph cluster against the plan: capacity, pool protection, OSDs per host, fill level now and
 * with the plan's growth, the reserve to heal after a host loss, and the recovery time after one.
 * Pure: the same cluster and plan always give the same figures and findings.
 */
public final class CephValidator {

    public static final String RULE_UNREACHABLE = "ceph.live.unreachable";
    public static final String RULE_READ = "ceph.live.read-problems";
    public static final String RULE_HEALTH = "ceph.live.health";
    public static final String RULE_OSD_DOWN = "ceph.live.osd-down";
    public static final String RULE_OSD_OUT = "ceph.live.osd-out";
    public static final String RULE_PLAN_NOT_CEPH = "ceph.live.plan-not-ceph";
    public static final String RULE_USABLE_BELOW_PLAN = "ceph.live.usable-below-plan";
    public static final String RULE_RAW_BELOW_PLAN = "ceph.live.raw-below-plan";
    public static final String RULE_USABLE_BELOW_PLANNED = "ceph.live.usable-below-planned";
    public static final String RULE_HOSTS_BELOW_PLAN = "ceph.live.hosts-below-plan";
    public static final String RULE_OSDS_PER_HOST = "ceph.live.osds-per-host";
    public static final String RULE_POOL_PROTECTION = "ceph.live.pool-protection";
    public static final String RULE_MIN_SIZE_UNKNOWN = "ceph.live.min-size-unknown";
    public static final String RULE_MIN_SIZE_1 = "ceph.live.min-size-1";
    public static final String RULE_EC_M1 = "ceph.live.ec-m1";
    public static final String RULE_NEARFULL_NOW = "ceph.live.nearfull-now";
    public static final String RULE_NEARFULL_GROWTH = "ceph.live.nearfull-after-growth";
    public static final String RULE_SINGLE_HOST = "ceph.live.single-host";
    public static final String RULE_CANNOT_HEAL = "ceph.live.cannot-heal-after-host-loss";
    public static final String RULE_RECOVERY = "ceph.live.recovery-after-host-loss";
    public static final String RULE_NIC_BELOW_10G = "ceph.live.nic-below-10g";

    static final String CITE_POOL = StoragePlanner.CITE_POOL;
    static final String CITE_FULL = StoragePlanner.CITE_FULL;
    static final String CITE_EC = StoragePlanner.CITE_EC;
    static final String CITE_RESERVE = StoragePlanner.CITE_RESERVE;
    static final String CITE_CRUSH = StoragePlanner.CITE_CRUSH;
    static final String CITE_NETWORK = Recovery.CITE_NETWORK;
    static final String CITE_HEALTH = "Ceph docs, https://docs.ceph.com/en/latest/rados/operations/health-checks/";
    static final String CITE_LIVE = "read from the live cluster";

    /** Drives are sold in decimal GB and partitioned; a live raw capacity within 5 % of the plan's counts as equal. */
    static final double RAW_TOLERANCE = 0.05;
    static final double TIB = Figures.BYTES_PER_TIB;
    static final double GIB = Figures.BYTES_PER_GIB;

    private CephValidator() {
    }

    public static CephValidation validate(CephCluster live, CephPlanContext ctx) {
        List<Explanation> ex = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        Policy policy = ctx.site().policy();
        CephLayout plan = policy.ceph();
        double nearfull = live.nearfullRatio() != null ? live.nearfullRatio() : plan.nearfullRatio();
        String nearfullSource = live.nearfullRatio() != null ? "the cluster's nearfull ratio " : "the plan's nearfull ratio ";

        readProblems(live, fs);
        health(live, fs);
        if (policy.storageMode() != StorageMode.CEPH) {
            fs.add(Finding.info(RULE_PLAN_NOT_CEPH, "site " + ctx.site().name() + " plans local storage, but a Ceph cluster was read;"
                    + " its protection is compared with the plan's Ceph layout (" + plan.describe() + ")", ""));
        }

        Map<String, List<CephOsd>> byHost = live.osdsByHost();
        int hosts = byHost.size();
        double raw = live.totalBytes();
        double largest = live.largestHostBytes();
        double overhead = CephCapacity.overhead(plan);
        double demand = StoragePlanner.storedBytes(ctx.site().workloads(), 0);
        double capacity = raw * nearfull / overhead;
        // the plan's rule on the live disks, at the nearfull ratio in force
        double usable = CephCapacity.usableBytes(raw, largest, new CephLayout(plan.size(), plan.minSize(), plan.k(), plan.m(), nearfull));
        double stored = live.pools().stream().mapToDouble(CephPool::storedBytes).sum();

        ex.add(new Explanation("liveRawTiB", raw / TIB, "TiB", live.osds().size() + " OSD(s) on " + hosts + " host(s), "
                + n(raw / TIB) + " TiB raw", CITE_LIVE));
        ex.add(new Explanation("liveCapacityTiB", capacity / TIB, "TiB", "raw " + n(raw / TIB) + " TiB x " + nearfullSource + n(nearfull)
                + " / overhead " + n(overhead) + " (" + plan.describe() + ") = " + n(capacity / TIB) + " TiB, without the host reserve",
                CITE_FULL));
        ex.add(new Explanation("liveUsableTiB", usable / TIB, "TiB", "(raw " + n(raw / TIB) + " TiB - largest host " + n(largest / TIB)
                + " TiB) / " + n(overhead) + " x nearfull " + n(nearfull) + " = " + n(usable / TIB)
                + " TiB, the plan's usable capacity on the live disks", CITE_RESERVE));
        ex.add(new Explanation("planDemandTiB", demand / TIB, "TiB", "sum of count x diskGib over the workloads = "
                + n(demand / GIB) + " GiB", "the plan's workloads"));
        ex.add(new Explanation("liveStoredTiB", stored / TIB, "TiB", "sum of the pools' stored bytes = " + n(stored / GIB) + " GiB",
                CITE_LIVE));

        capacity(ctx, ex, fs, raw, capacity, usable, demand, hosts);
        layout(live, ctx, fs, byHost, hosts);
        protection(live, plan, fs);
        fill(live, ctx, ex, fs, nearfull);
        hostLoss(live, ctx, ex, fs, byHost, hosts, nearfull);
        return new CephValidation(ex, fs);
    }

    /** Growth per year of the stored data, %: the workloads' growthPctYear weighted by their disk. */
    static double growthPct(List<Workload> workloads) {
        double disk = 0;
        double weighted = 0;
        for (Workload w : workloads) {
            double d = w.count() * w.diskGib();
            disk += d;
            weighted += d * w.growthPctYear();
        }
        return disk == 0 ? 0 : weighted / disk;
    }

    private static void readProblems(CephCluster live, List<Finding> fs) {
        if (!live.warnings().isEmpty()) {
            String shown = String.join("; ", live.warnings().subList(0, Math.min(5, live.warnings().size())));
            fs.add(Finding.info(RULE_READ, live.warnings().size() + " thing(s) could not be read from " + live.source() + ": " + shown
                    + (live.warnings().size() > 5 ? "; ..." : ""), CITE_LIVE));
        }
    }

    private static void health(CephCluster live, List<Finding> fs) {
        String checks = live.healthChecks().isEmpty() ? "" : ": " + String.join("; ", live.healthChecks());
        switch (live.health()) {
            case WARN -> fs.add(Finding.warning(RULE_HEALTH, "Ceph reports HEALTH_WARN" + checks, CITE_HEALTH));
            case ERR -> fs.add(Finding.error(RULE_HEALTH, "Ceph reports HEALTH_ERR" + checks, CITE_HEALTH));
            case UNKNOWN -> fs.add(Finding.warning(RULE_HEALTH, "Ceph's health could not be read", CITE_HEALTH));
            default -> {
            }
        }
        for (CephOsd o : live.osds()) {
            if (!o.up()) {
                fs.add(Finding.warning(RULE_OSD_DOWN, o.name() + " on " + o.hostOrSelf() + " is down", CITE_HEALTH));
            }
            if (!o.in()) {
                fs.add(Finding.warning(RULE_OSD_OUT, o.name() + " on " + o.hostOrSelf() + " is out: it holds no data", CITE_HEALTH));
            }
        }
    }

    private static void capacity(CephPlanContext ctx, List<Explanation> ex, List<Finding> fs, double raw, double capacity, double usable,
                                 double demand, int hosts) {
        if (demand > capacity) {
            fs.add(Finding.error(RULE_USABLE_BELOW_PLAN, "the plan's workloads need " + n(demand / GIB) + " GiB, but the live cluster holds "
                    + n(capacity / GIB) + " GiB at most (raw " + n(raw / GIB) + " GiB x nearfull / overhead of "
                    + ctx.site().policy().ceph().describe() + ", without any host reserve)", CITE_FULL));
        } else if (demand > usable && hosts > 1) {
            fs.add(Finding.warning(RULE_CANNOT_HEAL, "the plan's " + n(demand / GIB) + " GiB fit in the live " + n(capacity / GIB)
                    + " GiB, but not in the " + n(usable / GIB) + " GiB that leave room to heal after losing the largest host", CITE_RESERVE));
        }
        Hardware hw = ctx.hardware();
        if (hw != null && ctx.plannedHosts() > 0 && hw.rawDataGb() > 0 && ctx.site().policy().storageMode() == StorageMode.CEPH) {
            StorageAnalysis planned = StoragePlanner.analyse(ctx.site(), hw, ctx.plannedHosts(), ctx.horizonYears());
            ex.add(new Explanation("plannedUsableTiB", planned.usableTiB(), "TiB", "the plan: " + ctx.plannedHosts() + " x " + hw.id()
                    + ", " + planned.description() + ": " + n(planned.usableTiB()) + " TiB usable", CITE_RESERVE));
            if (raw < planned.rawBytes() * (1 - RAW_TOLERANCE)) {
                fs.add(Finding.warning(RULE_RAW_BELOW_PLAN, "live raw capacity " + n(raw / 1e12) + " TB is below the plan's "
                        + ctx.plannedHosts() + " hosts x " + hw.dataDisks() + " x " + n(hw.dataDiskGb()) + " GB = "
                        + n(planned.rawBytes() / 1e12) + " TB", "plan hardware " + hw.id()));
            }
            if (usable < planned.usableBytes() * (1 - RAW_TOLERANCE)) {
                fs.add(Finding.warning(RULE_USABLE_BELOW_PLANNED, "live usable capacity " + n(usable / TIB) + " TiB is below the plan's "
                        + n(planned.usableTiB()) + " TiB (same rule: (raw - largest host) / overhead x nearfull)", CITE_RESERVE));
            }
        }
    }

    private static void layout(CephCluster live, CephPlanContext ctx, List<Finding> fs, Map<String, List<CephOsd>> byHost, int hosts) {
        if (ctx.plannedHosts() > 0 && hosts < ctx.plannedHosts()) {
            fs.add(Finding.warning(RULE_HOSTS_BELOW_PLAN, "OSDs run on " + hosts + " host(s); the plan has " + ctx.plannedHosts(), CITE_LIVE));
        }
        Hardware hw = ctx.hardware();
        if (hw != null && hw.dataDisks() > 0) {
            for (Map.Entry<String, List<CephOsd>> e : byHost.entrySet()) {
                int n = e.getValue().size();
                if (n != hw.dataDisks()) {
                    fs.add(Finding.warning(RULE_OSDS_PER_HOST, e.getKey() + " runs " + n + " OSD(s); the plan's " + hw.id() + " has "
                            + hw.dataDisks() + " data disk(s), one OSD each", "plan hardware " + hw.id()));
                }
            }
        }
    }

    private static void protection(CephCluster live, CephLayout plan, List<Finding> fs) {
        boolean minSizeUnknown = false;
        for (CephPool p : live.pools()) {
            if (p.managerPool()) {
                continue;
            }
            if (p.minSize() == null && !p.erasureCoded()) {
                minSizeUnknown = true;
            }
            if (p.erasureCoded() && p.m() == 1) {
                fs.add(Finding.warning(RULE_EC_M1, "pool " + p.name() + " is " + p.describe() + ": m=1 survives one lost OSD or host and no more,"
                        + " and writes stop while a chunk is missing", CITE_EC));
            }
            if (p.minSize() != null && p.minSize() == 1 && p.size() > 1) {
                fs.add(Finding.error(RULE_MIN_SIZE_1, "pool " + p.name() + " has min_size 1: it accepts writes with a single copy,"
                        + " so one more failure loses them", CITE_POOL));
            }
            String differs = differs(p, plan);
            if (differs != null) {
                fs.add(Finding.warning(RULE_POOL_PROTECTION, "pool " + p.name() + " is " + p.describe() + "; the plan says "
                        + plan.describe() + ": " + differs, plan.isErasureCoded() ? CITE_EC : CITE_POOL));
            }
        }
        if (minSizeUnknown) {
            fs.add(Finding.info(RULE_MIN_SIZE_UNKNOWN, "the manager's metrics do not carry min_size; read with the ceph CLI (--ceph-cli) to check it",
                    CITE_POOL));
        }
    }

    /** How a pool's protection falls short of the plan's, or null when it meets it. */
    static String differs(CephPool p, CephLayout plan) {
        if (plan.isErasureCoded()) {
            if (!p.erasureCoded()) {
                return "replication instead of erasure coding (" + n(p.rawOverhead()) + "x raw instead of " + n(CephCapacity.overhead(plan)) + "x)";
            }
            if (p.m() < plan.m()) {
                return "m=" + p.m() + " survives fewer failures than the plan's m=" + plan.m();
            }
            if (p.k() != plan.k() || p.m() != plan.m()) {
                return "a different erasure-code profile";
            }
            return null;
        }
        if (p.erasureCoded()) {
            return "erasure coding survives " + p.m() + " failure(s) where the plan's replication survives " + (plan.size() - 1);
        }
        if (p.size() < plan.size()) {
            return "fewer copies than planned";
        }
        if (p.minSize() != null && p.minSize() < plan.minSize()) {
            return "it keeps accepting writes with fewer copies than planned";
        }
        return null;
    }

    private static void fill(CephCluster live, CephPlanContext ctx, List<Explanation> ex, List<Finding> fs, double nearfull) {
        CephOsd fullest = live.osds().stream().max((a, b) -> Double.compare(a.fill(), b.fill())).orElse(null);
        if (fullest == null) {
            return;
        }
        double fill = fullest.fill();
        ex.add(new Explanation("fullestOsdFill", fill, "", fullest.name() + ": used " + n(fullest.usedBytes() / GIB) + " GiB / size "
                + n(fullest.sizeBytes() / GIB) + " GiB = " + pct(fill), CITE_FULL));
        double full = live.fullRatio() != null ? live.fullRatio() : 0.95;
        if (fill >= full) {
            fs.add(Finding.error(RULE_NEARFULL_NOW, fullest.name() + " is " + pct(fill) + " full, at or above the full ratio "
                    + n(full) + ": Ceph stops writes", CITE_FULL));
            return;
        }
        if (fill >= nearfull) {
            fs.add(Finding.warning(RULE_NEARFULL_NOW, fullest.name() + " is " + pct(fill) + " full, above the nearfull ratio "
                    + n(nearfull), CITE_FULL));
            return;
        }
        double g = growthPct(ctx.site().workloads());
        if (g <= 0 || fill <= 0) {
            ex.add(new Explanation("monthsToNearfull", Double.POSITIVE_INFINITY, "months",
                    g <= 0 ? "the plan's workloads do not grow: the fill stays at " + pct(fill) : "nothing stored yet", CITE_FULL));
            return;
        }
        // fill x (1 + g)^(t / 12) = nearfull  =>  t = 12 x ln(nearfull / fill) / ln(1 + g)
        double exact = 12 * Math.log(nearfull / fill) / Math.log(1 + g / 100);
        int months = (int) Math.ceil(exact);
        String when = ctx.today() == null ? "" : " (" + YearMonth.from(ctx.today()).plusMonths(months) + ")";
        ex.add(new Explanation("monthsToNearfull", months, "months", "12 x ln(nearfull " + n(nearfull) + " / fill " + pct(fill)
                + ") / ln(1 + growth " + n(g) + " %) = " + n(exact) + ", so month " + months + when, CITE_FULL));
        String text = "with the plan's growth of " + n(g) + " % a year, the fullest OSD (" + fullest.name() + ", " + pct(fill)
                + " now) crosses the nearfull ratio " + n(nearfull) + " in " + months + " month(s)" + when;
        if (months <= ctx.horizonYears() * 12) {
            fs.add(Finding.warning(RULE_NEARFULL_GROWTH, text + ", within the plan's " + ctx.horizonYears() + " years: add OSDs or hosts before then",
                    CITE_FULL));
        } else {
            fs.add(Finding.info(RULE_NEARFULL_GROWTH, text + ", after the plan's " + ctx.horizonYears() + " years", CITE_FULL));
        }
    }

    private static void hostLoss(CephCluster live, CephPlanContext ctx, List<Explanation> ex, List<Finding> fs,
                                 Map<String, List<CephOsd>> byHost, int hosts, double nearfull) {
        if (hosts == 0) {
            return;
        }
        if (hosts == 1) {
            fs.add(Finding.error(RULE_SINGLE_HOST, "every OSD runs on " + byHost.keySet().iterator().next()
                    + ": losing that host loses every pool, and nothing can heal", CITE_CRUSH));
            return;
        }
        for (CephPool p : live.pools()) {
            if (!p.managerPool() && p.width() > hosts - 1) {
                fs.add(Finding.warning(RULE_CANNOT_HEAL, "pool " + p.name() + " (" + p.describe() + ") needs " + p.width()
                        + " hosts for its copies; after losing one of the " + hosts + " hosts it stays degraded until the host returns", CITE_CRUSH));
            }
        }
        // space: every copy of the used data must fit on the survivors below nearfull
        // (raw - largest host) in raw bytes (overhead 1: the used raw bytes already count every copy) x nearfull
        double survivors = CephCapacity.safeBytes(live.totalBytes(), live.largestHostBytes(), 1.0) * nearfull;
        if (live.usedRawBytes() > survivors) {
            fs.add(Finding.warning(RULE_CANNOT_HEAL, "the cluster uses " + n(live.usedRawBytes() / GIB) + " GiB raw, but after losing its largest host"
                    + " the others hold only " + n(survivors / GIB) + " GiB below nearfull: re-replication would stop", CITE_RESERVE));
        }

        // recovery time: the host holding the most data is lost; the survivors rebuild it
        String lost = null;
        long lostBytes = -1;
        for (Map.Entry<String, List<CephOsd>> e : byHost.entrySet()) {
            long used = e.getValue().stream().mapToLong(CephOsd::usedBytes).sum();
            if (used > lostBytes) {
                lostBytes = used;
                lost = e.getKey();
            }
        }
        final String lostHost = lost;
        int targetOsds = live.osds().size() - byHost.get(lostHost).size();
        int receiving = hosts - 1;
        Double nic = null;
        String nicSource = "";
        if (!ctx.nicGbpsByHost().isEmpty()) {
            nic = byHost.keySet().stream().filter(h -> !h.equals(lostHost)).map(h -> HostNames.lookup(ctx.nicGbpsByHost(), h))
                    .filter(v -> v != null && v > 0).min(Double::compare).orElse(null);
            nicSource = "the slowest surviving host's NIC (Incus probe)";
        }
        if (nic == null && ctx.hardware() != null && ctx.hardware().nicGbps() > 0) {
            nic = ctx.hardware().nicGbps();
            nicSource = "the plan hardware's NIC";
        }
        double amplification = amplification(live);
        double diskMBps = diskMBps(live);
        if (nic == null) {
            Recovery disksOnly = Recovery.estimate(lostBytes, receiving, targetOsds, amplification, Double.POSITIVE_INFINITY, diskMBps);
            ex.add(new Explanation("recoveryHoursHostLoss", Double.NaN, "h", "NIC speed unknown (no Incus probe, no plan hardware): "
                    + "the disks alone need " + Figures.hours(disksOnly.hours()) + " for " + n(lostBytes / GIB) + " GiB of " + lostHost,
                    Recovery.CITE_THROTTLE));
            return;
        }
        Recovery r = Recovery.estimate(lostBytes, receiving, targetOsds, amplification, nic, diskMBps);
        ex.add(new Explanation("recoveryHoursHostLoss", r.hours(), "h", n(lostBytes / GIB) + " GiB used on " + lostHost
                + ", NIC " + n(nic) + " Gb/s [" + nicSource + "]: " + r.formula(nic, diskMBps), CITE_NETWORK));
        fs.add(Finding.info(RULE_RECOVERY, "losing " + lostHost + " (" + n(lostBytes / GIB) + " GiB used) takes about "
                + Figures.hours(r.hours()) + " to re-create on the other " + receiving + " host(s), bound by the " + r.binding(), CITE_NETWORK));
        if (nic < NetworkPlanner.CEPH_MIN_GBPS) {
            fs.add(Finding.warning(RULE_NIC_BELOW_10G, "Ceph runs over " + n(nic) + " Gb/s (" + nicSource + "); Ceph asks for at least "
                    + n(NetworkPlanner.CEPH_MIN_GBPS) + " Gb/s. Recovery after losing " + lostHost + ": about " + Figures.hours(r.hours()),
                    CITE_NETWORK));
        }
    }

    /** Network bytes per recovered byte: 1 for a copy, k for an erasure-coded chunk; weighted by the pools' raw use. */
    static double amplification(CephCluster live) {
        double raw = 0;
        double weighted = 0;
        for (CephPool p : live.pools()) {
            raw += p.usedRawBytes();
            weighted += p.usedRawBytes() * (p.erasureCoded() ? p.k() : 1);
        }
        return raw == 0 ? 1 : weighted / raw;
    }

    /** Typical write rate of the OSDs' device class (the slowest class present wins). */
    static double diskMBps(CephCluster live) {
        double slowest = Double.POSITIVE_INFINITY;
        for (CephOsd o : live.osds()) {
            DiskType t = switch (o.deviceClass().toLowerCase(Locale.ROOT)) {
                case "nvme" -> DiskType.NVME;
                case "ssd" -> DiskType.SATA_SSD;
                default -> DiskType.HDD;
            };
            slowest = Math.min(slowest, t.typicalMBps());
        }
        return Double.isInfinite(slowest) ? DiskType.HDD.typicalMBps() : slowest;
    }

    static String n(double v) {
        return Figures.n(v);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    static String hours(double h) {
        return Figures.hours(h);
    }
}
