package dev.clusterplanner.core.power;

import dev.clusterplanner.core.capacity.InstanceDemand;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Power, energy, heat, current and rack space of a scenario's hosts. Each host draws linearly between its idle and
 * maximum watts by the expected CPU utilisation; GPUs likewise between an idle share of their rated power and the
 * rated power. Pure functions; docs/user/storage-network-power.md.
 */
public final class PowerPlanner {

    public static final String RULE_FIGURE_MISSING = "power.figure-missing";
    public static final String RULE_GPU_FIGURE_MISSING = "power.gpu-figure-missing";
    public static final String RULE_CIRCUIT = "power.office-circuit-over-80pct";
    public static final String RULE_NO_RACK_UNITS = "power.no-rack-units";
    public static final String RULE_DESKTOPS_OUTSIDE_DC = "power.desktops-outside-data-centre";

    public static final double HOURS_PER_MONTH = Hardware.HOURS_PER_MONTH;
    /** 1 W = 3.412 BTU/h. */
    public static final double BTU_PER_HOUR_PER_WATT = 3.412;
    /**
     * estimate: an idle GPU draws about 5 % of its rated power (RTX 4060 Ti: ~7 W idle of 160 W, 4.4 %,
     * http://tekspecz.com/new-blog-2/2023/5/24/hardware-breakdown-presents-nvidias-rtx-4060-ti-graphics-card).
     */
    public static final double GPU_IDLE_SHARE = 0.05;
    /** A 15 A, 120 V office circuit may carry 80 % (12 A) continuously. */
    public static final double OFFICE_CIRCUIT_AMPS = 15;
    public static final double CONTINUOUS_SHARE = 0.8;

    public static final String CITE_BTU = "1 W = 3.412 BTU/h (unit conversion)";
    public static final String CITE_CIRCUIT = "US National Electrical Code 210.19/210.20: continuous loads at most 80 % of the"
            + " circuit rating (12 A on a 15 A circuit)";
    public static final String CITE_GPU_IDLE = "estimate: GPU idle at 5 % of rated power (RTX 4060 Ti ~7 W idle of 160 W TGP, 2023-05-24,"
            + " http://tekspecz.com/new-blog-2/2023/5/24/hardware-breakdown-presents-nvidias-rtx-4060-ti-graphics-card)";

    private PowerPlanner() {
    }

    /** Expected average utilisation: busy threads over (sum of threads x cpuScore), at most 1. */
    public static double utilisation(Site site, List<Hardware> hosts) {
        double capacity = 0;
        for (Hardware h : hosts) {
            capacity += h.referenceThreads();
        }
        if (capacity <= 0) {
            return 0;
        }
        return Math.min(1.0, busyThreads(site) / capacity);
    }

    /** Sum of count x vcpu (x (1 + VM CPU overhead) for VMs) x cpuUtil over the workloads. */
    public static double busyThreads(Site site) {
        Policy p = site.policy();
        double busy = 0;
        for (Workload w : site.workloads()) {
            busy += w.count() * InstanceDemand.vcpuWithOverhead(w, p) * w.cpuUtil();
        }
        return busy;
    }

    /** Watts of one host at utilisation {@code u}: idle + (max - idle) x u. */
    public static double hostWatts(double idleW, double maxW, double u) {
        return idleW + (maxW - idleW) * u;
    }

    public static PowerAnalysis analyse(Site site, Hardware hw, int count) {
        return analyse(site, Collections.nCopies(count, hw));
    }

    /** Power of the given hosts (one entry per host); each host runs at the cluster's average utilisation. */
    public static PowerAnalysis analyse(Site site, List<Hardware> hosts) {
        List<Explanation> ex = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        Facility f = site.facility();
        boolean desktopSite = site.kind() == SiteKind.DESKTOP;
        boolean allDesktops = !hosts.isEmpty() && hosts.stream().allMatch(h -> h.category() == HardwareCategory.DESKTOP);
        boolean dataCentre = f.dataCentre() && !desktopSite && !allDesktops;
        if (f.dataCentre() && !desktopSite && allDesktops) {
            fs.add(Finding.info(RULE_DESKTOPS_OUTSIDE_DC, "the facility is a data centre, but desktops are not rack-mounted: they"
                    + " are counted as standing in an office (no PUE, no colocation); set the site's facility to match", ""));
        }
        Map<String, Hardware> distinct = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Hardware h : hosts) {
            distinct.putIfAbsent(h.id(), h);
            counts.merge(h.id(), 1, Integer::sum);
        }
        int rackUnits = 0;
        if (!desktopSite) {
            for (Hardware h : hosts) {
                rackUnits += Math.max(0, h.rackUnits());
            }
        }
        double u = utilisation(site, hosts);
        boolean owned = hosts.stream().allMatch(h -> h.category().isOwned());
        if (!owned) {
            ex.add(new Explanation("powerWatts", Double.NaN, "W", "rented hardware ("
                    + String.join(", ", distinct.values().stream().filter(h -> !h.category().isOwned()).map(Hardware::id).toList())
                    + "): power, cooling and space are in the price, not counted here", sources(distinct)));
            return new PowerAnalysis(false, u, null, 1.0, null, null, null, null, null, null, null, 0, null, ex, fs);
        }
        double capacity = 0;
        for (Hardware h : hosts) {
            capacity += h.referenceThreads();
        }
        ex.add(new Explanation("utilisation", u, "", "busy threads " + n(busyThreads(site)) + " (sum of count x vcpu"
                + " x (1 + VM overhead " + n(site.policy().vmCpuOverheadPct()) + " % for VMs) x cpuUtil) / "
                + n(capacity) + " host threads (threads x cpuScore) = " + n(u * 100) + " %" + (u >= 1 ? " (capped at 100 %)" : ""),
                "the plan's workloads (cpuUtil)"));

        int gpus = 0;
        double gpuRated = 0;
        for (Hardware h : hosts) {
            gpus += h.gpuCount();
            gpuRated += h.gpuCount() * h.gpuWatts();
        }
        double gpuBusy = 0;
        for (Workload w : site.workloads()) {
            gpuBusy += w.count() * w.gpu() * w.cpuUtil();
        }
        gpuBusy = Math.min(gpuBusy, gpus);
        boolean missing = false;
        for (Hardware h : distinct.values()) {
            if (h.powerIdleW() == null || h.powerMaxW() == null) {
                missing = true;
                String what = h.powerIdleW() == null && h.powerMaxW() == null ? "idle or maximum" : h.powerIdleW() == null ? "idle" : "maximum";
                fs.add(Finding.warning(RULE_FIGURE_MISSING, h.id() + " has no " + what + " power figure in the catalog: power,"
                        + " energy, heat and current stay missing (not 0)", source(h)));
            }
            if (h.gpuCount() > 0 && !(h.gpuWatts() > 0)) {
                missing = true;
                fs.add(Finding.warning(RULE_GPU_FIGURE_MISSING, h.id() + " has " + h.gpuCount() + " GPU(s) without a power figure:"
                        + " power, energy, heat and current stay missing (not 0)", source(h)));
            }
        }
        Double it = null;
        Double peak = null;
        if (!missing) {
            double hostsW = 0;
            double peakW = 0;
            List<String> parts = new ArrayList<>();
            List<String> peakParts = new ArrayList<>();
            for (Hardware h : distinct.values()) {
                int c = counts.get(h.id());
                double one = hostWatts(h.powerIdleW(), h.powerMaxW(), u);
                hostsW += c * one;
                peakW += c * h.powerMaxW();
                parts.add(c + " x (idle " + n(h.powerIdleW()) + " W + (max " + n(h.powerMaxW()) + " - " + n(h.powerIdleW())
                        + ") W x " + n(u * 100) + " %)");
                peakParts.add(c + " x " + n(h.powerMaxW()) + " W");
            }
            double avgGpuW = gpus == 0 ? 0 : gpuRated / gpus;
            double gpuW = gpuRated * GPU_IDLE_SHARE + avgGpuW * (1 - GPU_IDLE_SHARE) * gpuBusy;
            it = hostsW + gpuW;
            peak = peakW + gpuRated;
            ex.add(new Explanation("powerWatts", it, "W", String.join(" + ", parts) + " = " + n(hostsW) + " W"
                    + (gpus > 0 ? "; GPUs: rated " + n(gpuRated) + " W x idle share " + n(GPU_IDLE_SHARE) + " + " + n(avgGpuW)
                    + " W x " + n(1 - GPU_IDLE_SHARE) + " x busy GPUs " + n(gpuBusy) + " (count x gpu x cpuUtil) = " + n(gpuW) + " W" : "")
                    + "; total " + n(it) + " W", sources(distinct) + (gpus > 0 ? "; " + CITE_GPU_IDLE : "")));
            ex.add(new Explanation("peakWatts", peak, "W", String.join(" + ", peakParts)
                    + (gpus > 0 ? " + GPUs " + n(gpuRated) + " W" : "") + " = " + n(peak) + " W", sources(distinct)));
        }
        double pue = dataCentre ? f.pue() : 1.0;
        Double facility = it == null ? null : it * pue;
        Double kwh = facility == null ? null : facility * HOURS_PER_MONTH / 1000;
        Double cost = kwh == null ? null : kwh * f.electricityUsdPerKwh();
        Double btu = it == null ? null : it * BTU_PER_HOUR_PER_WATT;
        Double a120 = peak == null ? null : peak / 120;
        Double a230 = peak == null ? null : peak / 230;
        String cite = f.electricitySource() == null || f.electricitySource().isBlank() ? "the site's facility settings" : f.electricitySource();
        if (facility != null) {
            ex.add(new Explanation("facilityWatts", facility, "W", dataCentre
                    ? n(it) + " W x PUE " + n(pue) + " = " + n(facility) + " W"
                    : n(it) + " W, no PUE (" + (desktopSite ? "desktop site" : allDesktops ? "desktops, not in a rack" : "not a data centre") + ")", cite));
            ex.add(new Explanation("energyKwhMonth", kwh, "kWh", n(facility) + " W x " + n(HOURS_PER_MONTH) + " h / 1000 = " + n(kwh) + " kWh",
                    "730 h a month (AWS calculator and OpenCost convention)"));
            ex.add(new Explanation("electricityUsdMonth", cost, "USD", n(kwh) + " kWh x " + f.electricityUsdPerKwh() + " USD/kWh = "
                    + n(cost) + " USD", cite));
            ex.add(new Explanation("heatBtuPerHour", btu, "BTU/h", n(it) + " W x " + BTU_PER_HOUR_PER_WATT + " = " + n(btu) + " BTU/h",
                    CITE_BTU));
            ex.add(new Explanation("ampsAt120V", a120, "A", "peak " + n(peak) + " W / 120 V = " + n(a120) + " A (power factor 1)", ""));
            ex.add(new Explanation("ampsAt230V", a230, "A", "peak " + n(peak) + " W / 230 V = " + n(a230) + " A (power factor 1)", ""));
            if (!dataCentre && a120 > OFFICE_CIRCUIT_AMPS * CONTINUOUS_SHARE) {
                fs.add(Finding.warning(RULE_CIRCUIT, "at peak the hosts draw " + n(a120) + " A at 120 V, more than the "
                        + n(OFFICE_CIRCUIT_AMPS * CONTINUOUS_SHARE) + " A a 15 A office circuit carries continuously: spread them over "
                        + (int) Math.ceil(a120 / (OFFICE_CIRCUIT_AMPS * CONTINUOUS_SHARE)) + " circuits (or use 230 V: "
                        + n(a230) + " A)", CITE_CIRCUIT));
            }
        }
        List<String> ruParts = new ArrayList<>();
        distinct.values().forEach(h -> ruParts.add(counts.get(h.id()) + " x " + h.rackUnits() + " U"));
        ex.add(new Explanation("rackUnits", rackUnits, "U", desktopSite ? "desktop site: no rack"
                : String.join(" + ", ruParts) + " = " + rackUnits + " U" + (rackUnits == 0 ? " (not rack-mounted)" : ""),
                sources(distinct)));
        Double colo = 0.0;
        if (dataCentre) {
            if (f.colocationUsdPerKwMonth() > 0 && peak == null) {
                colo = null;
            } else {
                double perKw = peak == null ? 0 : peak / 1000 * f.colocationUsdPerKwMonth();
                colo = rackUnits * f.colocationUsdPerUMonth() + perKw;
                ex.add(new Explanation("colocationUsdMonth", colo, "USD", rackUnits + " U x " + n(f.colocationUsdPerUMonth())
                        + " USD/U + peak " + n(peak == null ? 0 : peak / 1000) + " kW x " + n(f.colocationUsdPerKwMonth()) + " USD/kW = "
                        + n(colo) + " USD a month", cite));
            }
            if (f.colocationUsdPerUMonth() > 0) {
                for (Hardware h : distinct.values()) {
                    if (h.rackUnits() == 0) {
                        fs.add(Finding.info(RULE_NO_RACK_UNITS, h.id() + " is not rack-mounted (0 U): colocation per U is not"
                                + " counted for it; shelves or a rack tray are needed", source(h)));
                    }
                }
            }
        }
        return new PowerAnalysis(true, u, it, pue, facility, kwh, cost, btu, peak, a120, a230, rackUnits, colo, ex, fs);
    }

    static String source(Hardware hw) {
        String s = hw.source() == null || hw.source().isBlank() ? "catalog row " + hw.id() : "catalog row " + hw.id() + ": " + hw.source();
        if (hw.sourceDate() != null) {
            s += " (" + hw.sourceDate() + ")";
        }
        return hw.estimate() ? s + ", estimate" : s;
    }

    static String sources(Map<String, Hardware> distinct) {
        return String.join("; ", distinct.values().stream().map(PowerPlanner::source).toList());
    }

    /** Up to two decimals, trailing zeros dropped. */
    static String n(double v) {
        double r = Math.round(v * 100.0) / 100.0;
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) r);
        }
        String s = String.format(Locale.ROOT, "%,.2f", r);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
