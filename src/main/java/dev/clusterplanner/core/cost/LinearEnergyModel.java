package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;

import static dev.clusterplanner.core.cost.Money.num;

/**
 * Watts of a host, linear between idle and maximum by the site's average CPU utilisation, plus each GPU's
 * watts times the utilisation of the workloads that use GPUs:
 * {@code W = idle + (max - idle) * u + gpus * gpuWatts * uGpu}, where
 * {@code u = sum(vcpu * count * cpuUtil) / cpuScore / (hosts * threads)} (at most 1).
 */
public final class LinearEnergyModel implements EnergyModel {

    public static final LinearEnergyModel INSTANCE = new LinearEnergyModel();

    @Override
    public HostPower hostPower(Site site, Hardware hw, int hosts) {
        if (hw.powerIdleW() == null || hw.powerMaxW() == null) {
            return new HostPower(null, new Explanation("watts per host", Double.NaN, "W",
                    "the catalog has no power_idle_w/power_max_w for " + hw.id() + ": electricity and per-kW colocation are missing",
                    hw.source()));
        }
        double busy = 0;
        double gpuBusy = 0;
        for (Workload w : site.workloads()) {
            busy += w.vcpu() * w.count() * w.cpuUtil();
            gpuBusy += w.gpu() * w.count() * w.cpuUtil();
        }
        double score = hw.cpuScore() > 0 ? hw.cpuScore() : 1.0;
        double capacity = Math.max(1, hosts) * Math.max(1, hw.threads());
        double u = Math.min(1.0, busy / score / capacity);
        double gpus = Math.max(1, hosts) * hw.gpuCount();
        double uGpu = gpus > 0 ? Math.min(1.0, gpuBusy / gpus) : 0;
        double watts = hw.powerIdleW() + (hw.powerMaxW() - hw.powerIdleW()) * u + hw.gpuCount() * hw.gpuWatts() * uGpu;
        String formula = "idle " + num(hw.powerIdleW()) + " W + (max " + num(hw.powerMaxW()) + " W - idle) x utilisation "
                + num(round3(u)) + " (" + num(round3(busy)) + " busy reference threads / cpu score " + num(score) + " / ("
                + Math.max(1, hosts) + " hosts x " + hw.threads() + " threads))"
                + (hw.gpuCount() > 0 ? " + " + hw.gpuCount() + " GPU x " + num(hw.gpuWatts()) + " W x GPU utilisation " + num(round3(uGpu)) : "")
                + " = " + num(round3(watts)) + " W";
        return new HostPower(watts, new Explanation("watts per host", watts, "W", formula,
                "linear power model between the catalog's idle and maximum watts (" + hw.source() + ")"));
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
