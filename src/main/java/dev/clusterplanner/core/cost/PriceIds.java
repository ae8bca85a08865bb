package dev.clusterplanner.core.cost;

/**
 * Ids of the {@link dev.clusterplanner.core.model.PriceItem}s the cost model reads from
 * {@code Catalog.prices()} (the catalogs under {@code catalogs/prices/}). Tiered prices share a prefix;
 * each tier's {@code tier} is the lower bound of the tier in GB per month.
 */
public final class PriceIds {

    private PriceIds() {
    }

    public static final String EBS_GP3_GB_MONTH = "aws-ebs-gp3-gb-month";
    public static final String EBS_GP3_IOPS_MONTH = "aws-ebs-gp3-iops-month";
    public static final String EBS_GP3_MBPS_MONTH = "aws-ebs-gp3-mbps-month";
    /** IOPS and MB/s included in every gp3 volume (defaults 3,000 and 125 when the catalog has no row). */
    public static final String EBS_GP3_INCLUDED_IOPS = "aws-ebs-gp3-included-iops";
    public static final String EBS_GP3_INCLUDED_MBPS = "aws-ebs-gp3-included-mbps";
    /** EC2 commitment discounts, fractions of on-demand (estimates; defaults 0.30 and 0.50 when absent). */
    public static final String COMMITMENT_1Y = "aws-commitment-1y-discount";
    public static final String COMMITMENT_3Y = "aws-commitment-3y-discount";
    public static final String EBS_SNAPSHOT_GB_MONTH = "aws-ebs-snapshot-gb-month";
    /** Prefix of the S3 Standard storage tiers (USD per GB-month). */
    public static final String S3_STANDARD_TIERS = "aws-s3-standard-gb-month";
    /** Prefix of the data-transfer-out tiers (USD per GB), the first 100 GB a month at 0. */
    public static final String TRANSFER_OUT_TIERS = "aws-transfer-out-gb";

    /** A network card with two ports of at least the needed speed, per host (prefix; the cheapest fitting one is used). */
    public static final String NIC_PREFIX = "part-nic-";
    /** A switch for the cluster network (prefix). */
    public static final String SWITCH_PREFIX = "part-switch-";
    /** Extra data drive capacity, USD per TB (prefix; nvme, sata-ssd). */
    public static final String DRIVE_PER_TB_PREFIX = "part-drive-";
    /** A GPU added to a host that has none (prefix). */
    public static final String GPU_PREFIX = "part-gpu-";
}
