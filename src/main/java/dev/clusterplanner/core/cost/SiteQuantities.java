package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Hardware;
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

    /** Bytes in a GiB. */
    static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;
    /** GiB to GB (decimal), as drives and AWS storage are sold per GB. */
    public static final double GB_PER_GIB = 1.073741824;
    /** GB a month of traffic per Mbit/s sustained: 730 h x 3600 s / 8 bits / 1000 MB per GB = 328.5. */
    public static final double GB_PER_MBPS_MONTH = Hardware.HOURS_PER_MONTH * 3600 / 8 / 1000;

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

    /**
     * Raw GB the data disks of {@code hosts} equal hosts need in total for the site's instance disks in one year, by the
     * rule the sizing engine sizes by. Local storage: the instance disks, logical GiB x 1.0737 GB/GiB. Ceph:
     * {@link CephCapacity#rawNeededBytes(double, dev.clusterplanner.core.model.CephLayout, int)}, stored x overhead /
     * nearfull x hosts / (hosts - 1): the largest host's share is the reserve the survivors re-protect onto. One host
     * has no survivor to keep a reserve for, so it needs stored x overhead / nearfull.
     *
     * @param grownSite the site's workloads in that year
     * @param site      the site (its storage policy)
     */
    static double hostRawNeedGb(Site grownSite, Site site, int hosts) {
        if (site.policy().storageMode() != StorageMode.CEPH) {
            return logicalDiskGib(grownSite) * GB_PER_GIB;
        }
        double stored = logicalDiskGib(grownSite) * BYTES_PER_GIB;
        double raw = hosts <= 1 ? CephCapacity.rawNeededBytes(stored, site.policy().ceph())
                : CephCapacity.rawNeededBytes(stored, site.policy().ceph(), hosts);
        return raw / CephCapacity.BYTES_PER_GB;
    }

    /**
     * Raw GB of EBS volumes for the site's instance disks in one year: local storage, the instance disks; Ceph,
     * {@link CephCapacity#rawNeededBytes(double, dev.clusterplanner.core.model.CephLayout)}, stored x overhead / nearfull,
     * no host reserve (a volume outlives its instance and is re-attached to the replacement), as the storage analysis
     * states for cloud hosts.
     */
    static double ebsRawNeedGb(Site grownSite, Site site) {
        if (site.policy().storageMode() != StorageMode.CEPH) {
            return logicalDiskGib(grownSite) * GB_PER_GIB;
        }
        return CephCapacity.rawNeededBytes(logicalDiskGib(grownSite) * BYTES_PER_GIB, site.policy().ceph()) / CephCapacity.BYTES_PER_GB;
    }

    /** A human formula for {@link #hostRawNeedGb}, for bills of materials and findings. */
    static String hostRawNeedFormula(Site grownSite, Site site, int hosts) {
        String gib = Money.num(Prices.round2(logicalDiskGib(grownSite)));
        if (site.policy().storageMode() != StorageMode.CEPH) {
            return gib + " GiB of instance disks x 1.0737 GB/GiB";
        }
        var layout = site.policy().ceph();
        return gib + " GiB of instance disks x " + Money.num(CephCapacity.overhead(layout)) + " (" + layout.describe() + ") / nearfull "
                + Money.num(layout.nearfullRatio()) + (hosts <= 1 ? "" : " x " + hosts + " / " + (hosts - 1)
                + " (the largest host's share kept as the reserve)");
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
