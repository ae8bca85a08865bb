package dev.clusterplanner.core.power;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.List;

import static dev.clusterplanner.core.storage.Figures.n;

/**
 * Power, energy, heat, current and rack space of a scenario of {@code hosts} identical hosts. Each host draws
 * linearly between its idle and maximum watts by the expected CPU utilisation; GPUs likewise between an idle
 * share of their rated power and the rated power. Pure functions; README "Storage, network and power".
 */
public final class PowerPlanner {

    public static final String RULE_FIGURE_MISSING = "power.figure-missing";
    public static final String RULE_GPU_FIGURE_MISSING = "power.gpu-figure-missing";
    public static final String RULE_CIRCUIT = "power.office-circuit-over-80pct";
    public static final String RULE_NO_RACK_UNITS = "power.no-rack-units";

    public static final double HOURS_PER_MONTH = Hardware.HOURS_PER_MONTH;
    /** 1 W = 3.412 BTU/h. */
    public static final double BTU_PER_HOUR_PER_WATT = 3.412;
    /**
     * estimate: an idle GPU draws about 5 % of its rated power (RTX 4060 Ti: ~7 W idle of 160 W, 4.4 %,
     * reference-data.md).
     */
    public static final double GPU_IDLE_SHARE = 0.05;
    /** A 15 A, 120 V office circuit may carry 80 % (12 A) continuously. */
    public static final double OFFICE_CIRCUIT_AMPS = 15;
    public static final double CONTINUOUS_SHARE = 0.8;

    public static final String CITE_BTU = "1 W = 3.412 BTU/h (unit conversion)";
    public static final String CITE_CIRCUIT = "US National Electrical Code 210.19/210.20: continuous loads at most 80 % of the"
            + " circuit rating (12 A on a 15 A circuit)";
    public static final String CITE_GPU_IDLE = "estimate: GPU idle at 5 % of rated power (RTX 4060 Ti ~7 W idle of 160 W TGP, reference-data.md)";

    private PowerPlanner() {
    }

    /** Expected average utilisation: sum of count x vcpu (x VM overhead) x cpuUtil over (hosts x threads x cpuScore), at most 1. */
    public static double utilisation(Site site, Hardware hw, int hosts) {
        double capacity = hosts * hw.threads() * (hw.cpuScore() > 0 ? hw.cpuScore() : 1.0);
        if (capacity <= 0) {
            return 0;
        }
        return Math.min(1.0, busyThreads(site) / capacity);
    }

    static double busyThreads(Site site) {
        Policy p = site.policy();
        double busy = 0;
        for (Workload w : site.workloads()) {
            double vcpu = w.vcpu() * (w.kind().isVirtualMachine() ? 1 + p.vmCpuOverheadPct() / 100.0 : 1.0);
            busy += w.count() * vcpu * w.cpuUtil();
        }
        return busy;
    }

    /** Watts of one host at utilisation {@code u}: idle + (max - idle) x u. */
    public static double hostWatts(double idleW, double maxW, double u) {
        return idleW + (maxW - idleW) * u;
    }

    public static PowerAnalysis analyse(Site site, Hardware hw, int hosts) {
        List<Explanation> ex = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        Facility f = site.facility();
        boolean desktopSite = site.kind() == SiteKind.DESKTOP;
        boolean dataCentre = f.dataCentre() && !desktopSite;
        int rackUnits = desktopSite ? 0 : hosts * Math.max(0, hw.rackUnits());

        if (!hw.category().isOwned()) {
            ex.add(new Explanation("powerWatts", Double.NaN, "W", hw.category().id() + " hardware is rented: its power, cooling"
                    + " and space are in the price, not counted here", source(hw)));
            return new PowerAnalysis(false, utilisation(site, hw, hosts), null, 1.0, null, null, null, null, null, null, null,
                    0, null, ex, fs);
        }
        double u = utilisation(site, hw, hosts);
        ex.add(new Explanation("utilisation", u, "", "busy threads " + n(busyThreads(site)) + " (sum of count x vcpu"
                + " x (1 + VM overhead " + n(site.policy().vmCpuOverheadPct()) + " % for VMs) x cpuUtil) / (" + hosts + " hosts x "
                + hw.threads() + " threads x cpuScore " + n(hw.cpuScore() > 0 ? hw.cpuScore() : 1.0) + ") = " + n(u * 100)
                + " %" + (u >= 1 ? " (capped at 100 %)" : ""), "the plan's workloads (cpuUtil)"));

        int gpus = hosts * hw.gpuCount();
        double gpuBusy = 0;
        for (Workload w : site.workloads()) {
            gpuBusy += w.count() * w.gpu() * w.cpuUtil();
        }
        gpuBusy = Math.min(gpuBusy, gpus);
        boolean gpuMissing = gpus > 0 && !(hw.gpuWatts() > 0);
        boolean hostMissing = hw.powerIdleW() == null || hw.powerMaxW() == null;
        if (hostMissing) {
            fs.add(Finding.warning(RULE_FIGURE_MISSING, hw.id() + " has no " + (hw.powerIdleW() == null ? "idle" : "")
                    + (hw.powerIdleW() == null && hw.powerMaxW() == null ? " or " : "") + (hw.powerMaxW() == null ? "maximum" : "")
                    + " power figure in the catalog: power, energy, heat and current stay missing (not 0)", source(hw)));
        }
        if (gpuMissing) {
            fs.add(Finding.warning(RULE_GPU_FIGURE_MISSING, hw.id() + " has " + hw.gpuCount() + " GPU(s) without a power figure:"
                    + " power, energy, heat and current stay missing (not 0)", source(hw)));
        }
        Double it = null;
        Double peak = null;
        if (!hostMissing && !gpuMissing) {
            double idle = hw.powerIdleW();
            double max = hw.powerMaxW();
            double host = hostWatts(idle, max, u);
            double gpuIdle = gpus * hw.gpuWatts() * GPU_IDLE_SHARE;
            double gpuW = gpuIdle + hw.gpuWatts() * (1 - GPU_IDLE_SHARE) * gpuBusy;
            it = hosts * host + gpuW;
            peak = hosts * max + gpus * hw.gpuWatts();
            ex.add(new Explanation("powerWatts", it, "W", hosts + " hosts x (idle " + n(idle) + " W + (max " + n(max) + " - "
                    + n(idle) + ") W x " + n(u * 100) + " %) = " + n(hosts * host) + " W"
                    + (gpus > 0 ? " + GPUs " + gpus + " x " + n(hw.gpuWatts()) + " W x idle share " + n(GPU_IDLE_SHARE)
                    + " + " + n(hw.gpuWatts()) + " W x " + n(1 - GPU_IDLE_SHARE) + " x busy GPUs " + n(gpuBusy)
                    + " (count x gpu x cpuUtil) = " + n(gpuW) + " W" : "") + " = " + n(it) + " W",
                    source(hw) + (gpus > 0 ? "; " + CITE_GPU_IDLE : "")));
            ex.add(new Explanation("peakWatts", peak, "W", hosts + " hosts x max " + n(max) + " W"
                    + (gpus > 0 ? " + " + gpus + " GPUs x " + n(hw.gpuWatts()) + " W" : "") + " = " + n(peak) + " W", source(hw)));
        }
        double pue = dataCentre ? f.pue() : 1.0;
        String pueWhy = dataCentre ? "data centre PUE " + n(pue) : desktopSite ? "desktop site: no PUE" : "not a data centre: no PUE";
        Double facility = it == null ? null : it * pue;
        Double kwh = facility == null ? null : facility * HOURS_PER_MONTH / 1000;
        Double cost = kwh == null ? null : kwh * f.electricityUsdPerKwh();
        Double btu = it == null ? null : it * BTU_PER_HOUR_PER_WATT;
        Double a120 = peak == null ? null : peak / 120;
        Double a230 = peak == null ? null : peak / 230;
        String cite = f.electricitySource() == null || f.electricitySource().isBlank() ? "the site's facility settings" : f.electricitySource();
        if (facility != null) {
            ex.add(new Explanation("facilityWatts", facility, "W", n(it) + " W x " + pueWhy.replace("data centre PUE ", "PUE ")
                    + (dataCentre ? " = " + n(facility) + " W" : ""), cite));
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
                        + n(OFFICE_CIRCUIT_AMPS * CONTINUOUS_SHARE) + " A a 15 A office circuit carries continuously: spread them over"
                        + " " + (int) Math.ceil(a120 / (OFFICE_CIRCUIT_AMPS * CONTINUOUS_SHARE)) + " circuits (or use 230 V: "
                        + n(a230) + " A)", CITE_CIRCUIT));
            }
        }
        ex.add(new Explanation("rackUnits", rackUnits, "U", desktopSite ? "desktop site: no rack"
                : hosts + " hosts x " + hw.rackUnits() + " U = " + rackUnits + " U" + (hw.rackUnits() == 0 ? " (not rack-mounted)" : ""),
                source(hw)));
        Double colo = 0.0;
        if (dataCentre) {
            double perU = rackUnits * f.colocationUsdPerUMonth();
            if (f.colocationUsdPerKwMonth() > 0 && peak == null) {
                colo = null;
            } else {
                double perKw = peak == null ? 0 : peak / 1000 * f.colocationUsdPerKwMonth();
                colo = perU + perKw;
                ex.add(new Explanation("colocationUsdMonth", colo, "USD", rackUnits + " U x " + n(f.colocationUsdPerUMonth())
                        + " USD/U + peak " + n(peak == null ? 0 : peak / 1000) + " kW x " + n(f.colocationUsdPerKwMonth()) + " USD/kW = "
                        + n(colo) + " USD a month", cite));
            }
            if (hw.rackUnits() == 0 && f.colocationUsdPerUMonth() > 0) {
                fs.add(Finding.info(RULE_NO_RACK_UNITS, hw.id() + " is not rack-mounted (0 U): colocation per U is not counted;"
                        + " shelves or a rack tray are needed", source(hw)));
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
}
