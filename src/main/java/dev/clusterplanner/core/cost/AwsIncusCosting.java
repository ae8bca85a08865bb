package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;
import static dev.clusterplanner.core.cost.SiteQuantities.GB_PER_GIB;
import static dev.clusterplanner.core.cost.SiteQuantities.ebsRawNeedGb;
import static dev.clusterplanner.core.cost.SiteQuantities.sum;

/**
 * The Incus-on-EC2 option: the site's own Incus cluster on EC2 hosts (the type the site lists, else the cheapest
 * that hosts it), each host with a gp3 volume for its share of the raw storage, snapshots, transfer out and S3
 * backups, on-demand or with a commitment discount, month by month.
 */
final class AwsIncusCosting extends CostModelPart {

    AwsIncusCosting(Inputs in) {
        super(in);
    }

    /** Why the Incus host type was chosen, for the explanation. */
    static String reason(Site site) {
        return hasVms(site) ? "the cheapest EC2 type that runs VMs (runs_vms in the catalog, a .metal type) and hosts the site (VMs need hardware virtualisation; nested virtualisation on other types is not assumed)"
                : "the cheapest EC2 type with 16+ vCPU that hosts the site";
    }

    private static boolean hasVms(Site site) {
        return site.workloads().stream().anyMatch(w -> w.kind() == WorkloadKind.VM);
    }

    /**
     * The EC2 type the site's Incus cluster is costed on when the site lists none: the cheapest type for year 1's hosts
     * among those that run VMs (catalog {@code runs_vms}) when the site has VMs, else among those with 16+ vCPU.
     */
    Optional<Hardware> bestHost(Site site, Site year0, List<Hardware> cloud) {
        boolean vms = hasVms(site);
        Hardware best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Hardware h : cloud) {
            if (vms ? !h.runsVms() : h.threads() < 16) {
                continue;
            }
            SizedHosts s = sizer.size(year0, h);
            if (!s.fits()) {
                continue;
            }
            double cost = s.hosts() * monthlyRate(h);
            if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) < 1e-9 && best != null && h.id().compareTo(best.id()) < 0)) {
                best = h;
                bestCost = cost;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The site's Incus cluster on {@code hw} EC2 hosts with commitment {@code c}; {@code why} says why this type. */
    CostOption cost(Site site, List<Site> byYear, Hardware hw, AwsCommitment c, String why) {
        String id = "aws-incus:" + hw.id() + ":" + c.id();
        String label = "AWS Incus on " + hw.name() + " (" + c.id() + ")";
        Ledger led = new Ledger(months());
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int[] hostsByYear = hosts(byYear, hw, ex, findings);
        if (hostsByYear == null) {
            return unfit(id, CostOptionKind.AWS_INCUS, label, hw, c, ex, findings);
        }
        ex.add(new Explanation("EC2 type", 0, "", hw.id() + ": " + why, hw.source()));
        Double rate = hw.rentalUsdFor(assume.hoursPerMonth());
        double discount = discount(c);
        if (rate == null) {
            led.missing(CostComponent.COMPUTE, "the catalog has no hourly price for " + hw.id());
        }
        boolean ceph = site.policy().storageMode() == StorageMode.CEPH;
        double overhead = ceph ? CephCapacity.overhead(site.policy().ceph()) : 1.0;
        for (int m = 1; m <= months(); m++) {
            int y = Ledger.yearOf(m, hostsByYear.length);
            int hosts = hostsByYear[y];
            Site ys = byYear.get(y);
            if (rate != null) {
                double compute = Money.round(hosts * rate * (1 - discount));
                led.add(m, CostComponent.COMPUTE, compute);
                if (m == 1) {
                    ex.add(new Explanation("EC2, month 1", compute, "USD per month", hosts + " x " + hw.id() + " x "
                            + (hw.monthlyUsd() != null ? usd(hw.monthlyUsd()) + "/month" : num(hw.hourlyUsd()) + " USD/h x " + num(hw.billing().billedHours(assume.hoursPerMonth())) + " h")
                            + commitmentText(c) + " = " + usd(compute), hw.source() + " (" + hw.priceAge() + ")"));
                }
            }
            // EBS: one gp3 volume per host holding that host's share of the raw storage
            // AWS bills storage per GB of 2^30 bytes, so GiB are what the volumes are sized in
            double volumeGb = Math.ceil(ebsRawNeedGb(ys, site) / GB_PER_GIB / hosts - 1e-9);
            double iops = sum(ys, Workload::iops) * overhead / hosts;
            double mbps = sum(ys, Workload::writeMbps) * overhead / hosts;
            storage.ebs(led, m, hosts, volumeGb, iops, mbps, ex, "per host volume (" + (ceph ? site.policy().ceph().describe() + " raw share" : "local") + ")");
            storage.snapshots(led, m, hosts * volumeGb, ex);
            storage.transfer(led, m, ys, ex);
        }
        storage.backup(led, byYear, ex);
        commitmentEstimate(label, c, discount, findings);
        return led.option(id, CostOptionKind.AWS_INCUS, label, hw.id(), c, hw.estimate() || discount > 0, hostsByYear, hostsByYear, null,
                byYear, List.of(), ex, findings, settings);
    }
}
