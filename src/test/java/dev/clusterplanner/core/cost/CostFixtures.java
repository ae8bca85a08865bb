package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Billing;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CpuArch;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.time.LocalDate;
import java.util.List;

/** Catalog rows built from /work/shared/notes/reference-data.md (AWS us-east-1 prices of 2026-07-20). */
final class CostFixtures {

    static final LocalDate D = LocalDate.of(2026, 7, 20);

    static Hardware owned(String id, double price, int threads, double memGib, Double idleW, Double maxW, int dataDisks, double diskGb) {
        return new Hardware(id, id, HardwareCategory.DESKTOP, "Test", "cpu", 1, threads / 2, threads, 3.0, 1.0, memGib,
                price, null, null, 0, 500, dataDisks, diskGb, DiskType.SATA_SSD, 2, 2.5, null, 0, 0, 0, 0, idleW, maxW,
                "us", "seed", LocalDate.of(2025, 1, 1), false);
    }

    static Hardware rental(String id, String vendor, Double monthly, Double hourly, double setup) {
        return new Hardware(id, id, HardwareCategory.BAREMETAL_CLOUD, vendor, "cpu", 1, 8, 16, 3.7, 1.0, 64,
                null, monthly, hourly, setup, 0, 2, 480, DiskType.NVME, 2, 10, null, 0, 0, 0, 1, null, null,
                "us", "lead", LocalDate.of(2026, 11, 25), true);
    }

    static Hardware ec2(String id, int vcpu, double memGib, double hourly, int gpus) {
        return new Hardware("aws-" + id, id, HardwareCategory.CLOUD, "AWS", "cpu", 1, vcpu / 2, vcpu, 3.0, 1.0, memGib,
                null, null, hourly, 0, 0, 0, 0, null, 1, 10, gpus > 0 ? "A10G" : null, gpus, gpus > 0 ? 24 : 0, 0, 0, null, null,
                "us-east-1", "karpenter pricing", D, false);
    }

    static final List<Hardware> EC2 = List.of(
            ec2("t3.medium", 2, 4, 0.0416, 0),
            ec2("m7i.large", 2, 8, 0.1008, 0),
            ec2("m7i.xlarge", 4, 16, 0.2016, 0),
            ec2("g5.xlarge", 4, 16, 1.006, 1),
            ec2("m7i.metal-24xl", 96, 384, 5.32224, 0).withVendorTerms(Billing.PER_SECOND, CpuArch.X86_64, true));

    /** A rented row billed like PhoenixNAP's hourly servers: a part hour as a whole hour, one hour at least. */
    static Hardware wholeHours(Hardware h) {
        return h.withVendorTerms(new Billing(Billing.Unit.HOUR, 1), h.cpuArch(), h.runsVms());
    }

    static PriceItem price(String id, String unit, double value, double tier) {
        return new PriceItem(id, "aws", id, unit, value, tier, "us-east-1", "AWS pricing", D, false);
    }

    /** EBS gp3, snapshots, S3 Standard tiers (50 TB, 450 TB) and data transfer out tiers (first 100 GB free). */
    static final List<PriceItem> AWS_PRICES = List.of(
            price(PriceIds.EBS_GP3_GB_MONTH, "usd_per_gb_month", 0.08, 0),
            price(PriceIds.EBS_GP3_IOPS_MONTH, "usd_per_iops_month", 0.005, 0),
            price(PriceIds.EBS_GP3_MBPS_MONTH, "usd_per_mbps_month", 0.04, 0),
            price(PriceIds.EBS_SNAPSHOT_GB_MONTH, "usd_per_gb_month", 0.05, 0),
            price(PriceIds.S3_STANDARD_TIERS + "-0", "usd_per_gb_month", 0.023, 0),
            price(PriceIds.S3_STANDARD_TIERS + "-50tb", "usd_per_gb_month", 0.022, 51200),
            price(PriceIds.S3_STANDARD_TIERS + "-500tb", "usd_per_gb_month", 0.021, 512000),
            price(PriceIds.TRANSFER_OUT_TIERS + "-0", "usd_per_gb", 0.0, 0),
            price(PriceIds.TRANSFER_OUT_TIERS + "-100gb", "usd_per_gb", 0.09, 100),
            price(PriceIds.TRANSFER_OUT_TIERS + "-10tb", "usd_per_gb", 0.085, 10240),
            price(PriceIds.TRANSFER_OUT_TIERS + "-50tb", "usd_per_gb", 0.07, 51200),
            price(PriceIds.TRANSFER_OUT_TIERS + "-150tb", "usd_per_gb", 0.05, 153600));

    static Catalog catalog(List<Hardware> extra, List<PriceItem> prices) {
        List<Hardware> all = new java.util.ArrayList<>(EC2);
        all.addAll(extra);
        return new Catalog(all, prices, List.of(), java.util.Set.of());
    }

    /** 3 app containers, 2 vCPU, 4 GiB, 100 GiB disk, 50 % busy, no growth; in an office (0.13 USD/kWh, PUE 1). */
    static Site smallSite(String... hardware) {
        Workload app = new Workload("app", WorkloadKind.CONTAINER, 3, 2, 4, 100, 0, false, 0, 0, 0, 0.5, 0, "default");
        return new Site("prod", SiteKind.CLUSTER, List.of(app), List.of(hardware), null, Facility.OFFICE);
    }

    /** A sizer that always answers {@code n} hosts, to test the cost arithmetic alone. */
    static HostSizer fixed(int n) {
        return (site, hw) -> SizedHosts.of(n, new dev.clusterplanner.core.model.Explanation("hosts", n, "hosts", "fixed for the test", ""));
    }
}
