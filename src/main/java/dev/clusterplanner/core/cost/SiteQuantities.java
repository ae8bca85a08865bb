package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The cost model's shared arithmetic on a site's workloads: growth by year, logical disk, the raw storage bought for it,
 * sums of per-instance figures and the traffic they send. Pure functions, each stated once.
 */
final class SiteQuantities {

    /** GiB to GB (decimal), as drives and AWS storage are sold per GB. */
    public static final double GB_PER_GIB = 1.073741824;
    /** GB a month of traffic per Mbit/s sustained: 730 h x 3600 s / 8 bits / 1000 MB per GB = 328.5. */
    public static final double GB_PER_MBPS_MONTH = 730.0 * 3600 / 8 / 1000;

    private SiteQuantities() {
    }

    /** A site's workloads in year {@code year} (0-based): each count grown yearly, {@code round(count x (1 + g)^year)}. */
    public static Site grown(Site site, int year) {
        if (year == 0) {
            return site;
        }
        List<Workload> ws = new ArrayList<>();
        for (Workload w : site.workloads()) {
            long n = Math.round(w.count() * Math.pow(1 + w.growthPctYear() / 100.0, year));
            ws.add(w.withCount((int) Math.max(w.count(), n)));
        }
        return site.withWorkloads(ws);
    }

    /** Raw GB a site's disks need: logical GiB x 1.0737 GB/GiB, times size / nearfull for Ceph. */
    static double storageNeedGb(Site grownSite, Site site) {
        double logicalGb = logicalDiskGib(grownSite) * GB_PER_GIB;
        if (site.policy().storageMode() == StorageMode.CEPH) {
            return logicalGb * CephCapacity.overhead(site.policy().ceph()) / site.policy().ceph().nearfullRatio();
        }
        return logicalGb;
    }

    /** GiB of instance disks: disk x count, summed over the workloads. */
    static double logicalDiskGib(Site site) {
        return sum(site, Workload::diskGib);
    }

    /** The sum over the site's workloads of {@code f} per instance times the instance count. */
    static double sum(Site s, ToDoubleFunction<Workload> f) {
        double t = 0;
        for (Workload w : s.workloads()) {
            t += f.applyAsDouble(w) * w.count();
        }
        return t;
    }

    /** GB a month the site's instances send out: their Mbit/s x {@link #GB_PER_MBPS_MONTH}. */
    static double transferGbMonth(Site s) {
        return sum(s, Workload::netMbps) * GB_PER_MBPS_MONTH;
    }
}
