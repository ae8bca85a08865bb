package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;
import static dev.clusterplanner.core.cost.SiteQuantities.logicalDiskGib;
import static dev.clusterplanner.core.cost.SiteQuantities.transferGbMonth;
import static dev.clusterplanner.core.cost.SiteQuantities.sum;

/**
 * AWS storage and traffic priced from the catalog: EBS gp3 volumes (GB, IOPS and MB/s above the included), EBS
 * snapshots, data transfer out and S3 backups by tiers. Each month's amount goes to a {@link Ledger}; a price the
 * catalog lacks marks its component missing instead of counting it free.
 */
final class AwsStoragePricing {

    private final Prices prices;
    private final CostAssumptions assume;

    AwsStoragePricing(Prices prices, CostAssumptions assume) {
        this.prices = prices;
        this.assume = assume;
    }

    /** IOPS a gp3 volume includes: the catalog's figure, else AWS's published 3,000. */
    double includedIops() {
        return prices.item(PriceIds.EBS_GP3_INCLUDED_IOPS).map(PriceItem::value).orElse(CostAssumptions.EBS_GP3_INCLUDED_IOPS);
    }

    /** MB/s a gp3 volume includes: the catalog's figure, else AWS's published 125. */
    double includedMbps() {
        return prices.item(PriceIds.EBS_GP3_INCLUDED_MBPS).map(PriceItem::value).orElse(CostAssumptions.EBS_GP3_INCLUDED_MBPS);
    }

    /** One month of {@code volumes} gp3 volumes of {@code volumeGb} each, with the IOPS and MB/s each volume needs; explained in month 1. */
    void ebs(Ledger led, int m, int volumes, double volumeGb, double iopsPerVolume, double mbpsPerVolume,
                     List<Explanation> ex, String what) {
        double extraIops = volumes * Math.max(0, iopsPerVolume - includedIops());
        double extraMbps = volumes * Math.max(0, mbpsPerVolume - includedMbps());
        ebsTotals(led, m, volumes, volumes * volumeGb, extraIops, extraMbps, ex);
        if (m == 1) {
            ex.add(new Explanation("EBS volume size", volumeGb, "GB", volumes + " volumes of " + num(volumeGb) + " GB, "
                    + num(Prices.round2(iopsPerVolume)) + " IOPS and " + num(Prices.round2(mbpsPerVolume)) + " MB/s each: " + what, ""));
        }
    }

    /** One month of gp3: GB stored plus IOPS and MB/s above what each volume includes, or EBS marked missing. */
    void ebsTotals(Ledger led, int m, int volumes, double gb, double extraIops, double extraMbps, List<Explanation> ex) {
        Optional<PriceItem> perGb = prices.item(PriceIds.EBS_GP3_GB_MONTH);
        Optional<PriceItem> perIops = prices.item(PriceIds.EBS_GP3_IOPS_MONTH);
        Optional<PriceItem> perMbps = prices.item(PriceIds.EBS_GP3_MBPS_MONTH);
        if (perGb.isEmpty()) {
            led.missing(CostComponent.EBS, "the catalog has no EBS gp3 price (" + PriceIds.EBS_GP3_GB_MONTH + ")");
            return;
        }
        if (extraIops > 0 && perIops.isEmpty()) {
            led.missing(CostComponent.EBS, "IOPS above the included " + num(includedIops()) + " are needed but the catalog has no " + PriceIds.EBS_GP3_IOPS_MONTH);
            return;
        }
        if (extraMbps > 0 && perMbps.isEmpty()) {
            led.missing(CostComponent.EBS, "throughput above the included " + num(includedMbps()) + " MB/s is needed but the catalog has no " + PriceIds.EBS_GP3_MBPS_MONTH);
            return;
        }
        double cost = gb * perGb.get().value() + (extraIops > 0 ? extraIops * perIops.get().value() : 0)
                + (extraMbps > 0 ? extraMbps * perMbps.get().value() : 0);
        double rounded = Money.round(cost);
        led.add(m, CostComponent.EBS, rounded);
        if (m == 1) {
            ex.add(new Explanation("EBS gp3, month 1", rounded, "USD per month",
                    num(gb) + " GB x " + num(perGb.get().value()) + (extraIops > 0 ? " + " + num(extraIops) + " IOPS above " + num(includedIops()) + " x " + num(perIops.get().value()) : "")
                            + (extraMbps > 0 ? " + " + num(extraMbps) + " MB/s above " + num(includedMbps()) + " x " + num(perMbps.get().value()) : "")
                            + " = " + usd(rounded) + " (" + volumes + " volumes; " + num(includedIops()) + " IOPS and " + num(includedMbps()) + " MB/s included per volume)", Prices.cite(perGb.get())));
        }
    }

    /** One month of EBS snapshots: {@code diskGb} x snapshot GB per disk GB, or snapshots marked missing. */
    void snapshots(Ledger led, int m, double diskGb, List<Explanation> ex) {
        if (assume.snapshotGbPerDiskGb() <= 0) {
            return;
        }
        Optional<PriceItem> p = prices.item(PriceIds.EBS_SNAPSHOT_GB_MONTH);
        if (p.isEmpty()) {
            led.missing(CostComponent.SNAPSHOTS, "the catalog has no EBS snapshot price (" + PriceIds.EBS_SNAPSHOT_GB_MONTH + ")");
            return;
        }
        double gb = diskGb * assume.snapshotGbPerDiskGb();
        double rounded = Money.round(gb * p.get().value());
        led.add(m, CostComponent.SNAPSHOTS, rounded);
        if (m == 1) {
            ex.add(new Explanation("EBS snapshots, month 1", rounded, "USD per month", num(diskGb) + " GB x " + num(assume.snapshotGbPerDiskGb())
                    + " snapshot GB per disk GB (estimate: one full copy) x " + num(p.get().value()) + " USD/GB-month = " + usd(rounded), Prices.cite(p.get())));
        }
    }

    /** One month of data transfer out: the site's traffic by the catalog's tiers. */
    void transfer(Ledger led, int m, Site ys, List<Explanation> ex) {
        double gb = transferGbMonth(ys);
        tiered(led, m, ex, CostComponent.TRANSFER, PriceIds.TRANSFER_OUT_TIERS, gb, "data-transfer-out prices", "data transfer out, month 1",
                t -> num(Prices.round2(sum(ys, Workload::netMbps))) + " Mbit/s x 328.5 GB per Mbit/s-month = " + num(Prices.round2(gb))
                        + " GB; tiers: " + t.formula());
    }

    /** S3 backup of every option, every month: logical disk x backup copies, tiered S3 Standard, for the year's workloads. */
    void backup(Ledger led, List<Site> byYear, List<Explanation> ex) {
        for (int m = 1; m <= led.months(); m++) {
            backup(led, m, byYear.get(Ledger.yearOf(m, byYear.size())), ex);
        }
    }

    private void backup(Ledger led, int m, Site ys, List<Explanation> ex) {
        if (assume.backupGbPerDiskGb() <= 0) {
            return;
        }
        double gb = logicalDiskGib(ys) * assume.backupGbPerDiskGb();
        tiered(led, m, ex, CostComponent.BACKUP, PriceIds.S3_STANDARD_TIERS, gb, "S3 Standard price", "S3 backups, month 1",
                t -> num(logicalDiskGib(ys)) + " GB of disks x " + num(assume.backupGbPerDiskGb()) + " backup copies: " + t.formula());
    }

    /**
     * One month of a quantity billed by tiers (GB of transfer, GB stored): the cost of {@code gb} by the catalog's
     * {@code tierPrefix} prices, or the component marked missing when the catalog has none; explained in month 1.
     */
    private void tiered(Ledger led, int m, List<Explanation> ex, CostComponent component, String tierPrefix, double gb,
                        String priceName, String figure, Function<Prices.Tiered, String> formula) {
        if (gb <= 0) {
            return;
        }
        List<PriceItem> tiers = prices.tiers(tierPrefix);
        Prices.Tiered t = Prices.tiered(tiers, gb, "GB");
        if (t == null) {
            led.missing(component, "the catalog has no " + priceName + " (" + tierPrefix + "*)");
            return;
        }
        double rounded = Money.round(t.usd());
        led.add(m, component, rounded);
        if (m == 1) {
            ex.add(new Explanation(figure, rounded, "USD per month", formula.apply(t) + " = " + usd(rounded), Prices.citeAll(tiers)));
        }
    }
}
