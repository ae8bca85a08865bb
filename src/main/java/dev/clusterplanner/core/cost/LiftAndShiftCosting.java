package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;

/**
 * The AWS lift-and-shift option: each instance on the cheapest EC2 type that fits it, with its own gp3 volume,
 * snapshots, transfer out and S3 backups, on-demand or with a commitment discount, month by month.
 */
final class LiftAndShiftCosting extends CostModelPart {

    LiftAndShiftCosting(Inputs in) {
        super(in);
    }

    /** The cheapest EC2 type with at least the instance's vCPU (normalised by cpu score), memory and GPUs. */
    public static Optional<Hardware> cheapestFit(Workload w, List<Hardware> cloud) {
        return cloud.stream()
                .filter(Hardware::rented)
                .filter(h -> h.referenceThreads() >= w.vcpu() - 1e-9)
                .filter(h -> h.memoryGib() >= w.memoryGib() - 1e-9)
                .filter(h -> h.gpuCount() >= w.gpu())
                .min(Comparator.comparingDouble((Hardware h) -> h.rentalUsdFor(Hardware.HOURS_PER_MONTH))
                        .thenComparing(Hardware::id));
    }

    /** Every instance of the site on its own cheapest fitting EC2 type among {@code cloud}, with commitment {@code c}. */
    CostOption cost(Site site, List<Site> byYear, List<Hardware> cloud, AwsCommitment c) {
        String id = "aws-lift-shift:" + c.id();
        String label = "AWS lift-and-shift (" + c.id() + ")";
        Ledger led = new Ledger(months());
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Hardware> types = new LinkedHashMap<>();
        for (Workload w : site.workloads()) {
            Optional<Hardware> t = cheapestFit(w, cloud);
            if (t.isEmpty()) {
                led.missing(CostComponent.COMPUTE, "no EC2 type in the catalog has " + num(w.vcpu()) + " vCPU, " + num(w.memoryGib())
                        + " GiB and " + w.gpu() + " GPU for '" + w.name() + "'");
            } else {
                types.put(w.name(), t.get());
                ex.add(new Explanation("EC2 type for " + w.name(), monthlyRate(t.get()), "USD per month on-demand",
                        w.name() + " (" + num(w.vcpu()) + " vCPU, " + num(w.memoryGib()) + " GiB" + (w.gpu() > 0 ? ", " + w.gpu() + " GPU" : "")
                                + ") -> " + t.get().id() + " (" + t.get().threads() + " vCPU, " + num(t.get().memoryGib()) + " GiB"
                                + (t.get().gpuCount() > 0 ? ", " + t.get().gpuCount() + " GPU" : "") + "), the cheapest type that fits",
                        t.get().source() + " (" + t.get().priceAge() + ")"));
            }
        }
        double discount = discount(c);
        boolean estimate = discount > 0;
        for (Hardware h : types.values()) {
            estimate |= h.estimate();
        }
        for (int m = 1; m <= months(); m++) {
            int y = Ledger.yearOf(m, byYear.size());
            Site ys = byYear.get(y);
            double compute = 0;
            StringBuilder f = new StringBuilder();
            double volumesGb = 0;
            double extraIops = 0;
            double extraMbps = 0;
            int instances = 0;
            for (Workload w : ys.workloads()) {
                instances += w.count();
                Hardware t = types.get(w.name());
                if (t != null) {
                    compute += w.count() * monthlyRate(t) * (1 - discount);
                    if (m == 1) {
                        f.append(f.length() == 0 ? "" : " + ").append(w.count()).append(" x ").append(t.id()).append(' ').append(usd(monthlyRate(t)));
                    }
                }
                volumesGb += w.count() * Math.ceil(w.diskGib());
                extraIops += w.count() * Math.max(0, w.iops() - storage.includedIops());
                extraMbps += w.count() * Math.max(0, w.writeMbps() - storage.includedMbps());
            }
            if (!types.isEmpty()) {
                double rounded = Money.round(compute);
                led.add(m, CostComponent.COMPUTE, rounded);
                if (m == 1) {
                    ex.add(new Explanation("EC2, month 1", rounded, "USD per month", f + commitmentText(c) + " = " + usd(rounded),
                            "EC2 on-demand prices from the catalog, 730 h a month"));
                }
            }
            storage.ebsTotals(led, m, instances, volumesGb, extraIops, extraMbps, ex);
            storage.snapshots(led, m, volumesGb, ex);
            storage.transfer(led, m, ys, ex);
        }
        storage.backup(led, byYear, ex);
        commitmentEstimate(label, c, discount, findings);
        int[] instancesByYear = byYear.stream().mapToInt(Site::instanceCount).toArray();
        return led.option(id, CostOptionKind.AWS_LIFT_SHIFT, label, "", c, estimate, instancesByYear, instancesByYear, null,
                byYear, List.of(), ex, findings, settings);
    }
}
