package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Hardware;

/**
 * The cost model's own assumptions, each a named setting with a documented default (README, "Cost").
 *
 * @param hardwareLifeYears      life of owned hardware for straight-line amortisation; a host reaching its
 *                               life inside the horizon is replaced (bought again, the old one sold at salvage)
 * @param snapshotGbPerDiskGb    EBS snapshot storage kept per GB of disk (1.0: one full snapshot; an estimate,
 *                               incremental changes are not modelled)
 * @param backupGbPerDiskGb      S3 backup storage per GB of disk, for every option (1.0: one off-site copy)
 * @param requiredNicGbps        NIC speed the plan needs (from the network analysis); a host below it gets a
 *                               NIC upgrade and the cluster a switch. 0: no upgrade
 * @param hoursPerMonth          hours billed in a month (730, the AWS calculator's convention)
 */
public record CostAssumptions(int hardwareLifeYears, double snapshotGbPerDiskGb, double backupGbPerDiskGb,
                              double requiredNicGbps, double hoursPerMonth) {

    public static final CostAssumptions DEFAULT = new CostAssumptions(5, 1.0, 1.0, 0.0, Hardware.HOURS_PER_MONTH);

    /** gp3 includes 3,000 IOPS and 125 MB/s per volume (AWS EBS pricing page, us-east-1). */
    public static final double EBS_GP3_INCLUDED_IOPS = 3000;
    public static final double EBS_GP3_INCLUDED_MBPS = 125;

    public CostAssumptions {
        if (hardwareLifeYears < 1) {
            throw new IllegalArgumentException("hardware life must be at least 1 year, got " + hardwareLifeYears);
        }
        if (snapshotGbPerDiskGb < 0 || backupGbPerDiskGb < 0 || requiredNicGbps < 0 || hoursPerMonth <= 0) {
            throw new IllegalArgumentException("cost assumptions cannot be negative");
        }
    }

    public CostAssumptions withRequiredNicGbps(double gbps) {
        return new CostAssumptions(hardwareLifeYears, snapshotGbPerDiskGb, backupGbPerDiskGb, gbps, hoursPerMonth);
    }

    public CostAssumptions withHardwareLifeYears(int years) {
        return new CostAssumptions(years, snapshotGbPerDiskGb, backupGbPerDiskGb, requiredNicGbps, hoursPerMonth);
    }

    public CostAssumptions withBackupGbPerDiskGb(double ratio) {
        return new CostAssumptions(hardwareLifeYears, snapshotGbPerDiskGb, ratio, requiredNicGbps, hoursPerMonth);
    }

    public CostAssumptions withSnapshotGbPerDiskGb(double ratio) {
        return new CostAssumptions(hardwareLifeYears, ratio, backupGbPerDiskGb, requiredNicGbps, hoursPerMonth);
    }
}
