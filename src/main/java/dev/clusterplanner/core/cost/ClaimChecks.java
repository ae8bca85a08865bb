package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;
import static dev.clusterplanner.core.cost.Prices.round2;
import static dev.clusterplanner.core.cost.SiteQuantities.GB_PER_GIB;

/**
 * The guide's claims checked against the costed options: AWS about 3x or more a bare-metal cloud (per site and like
 * for like per server), the EBS drive about as much as the server, and the owned hosts' purchase price.
 */
final class ClaimChecks extends CostModelPart {

    ClaimChecks(Inputs in) {
        super(in);
    }

    /** Checks, for one site: AWS about 3x+ a bare-metal cloud; the EBS drive about as much as the server. */
    List<ClaimCheck> check(SiteCost sc) {
        List<ClaimCheck> out = new ArrayList<>(likeForLike(sc));
        Optional<CostOption> metal = best(sc, CostOptionKind.BARE_METAL, null);
        for (CostOptionKind kind : List.of(CostOptionKind.AWS_INCUS, CostOptionKind.AWS_LIFT_SHIFT)) {
            for (AwsCommitment c : List.of(AwsCommitment.ON_DEMAND, AwsCommitment.THREE_YEAR)) {
                Optional<CostOption> aws = best(sc, kind, c);
                String claim = "AWS costs about 3x or more a bare-metal cloud (" + kind.id() + ", " + c.id() + ")";
                if (metal.isEmpty() || aws.isEmpty()) {
                    out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked for site '" + sc.site() + "': "
                            + (metal.isEmpty() ? "no fully priced bare-metal option" : "no fully priced " + kind.id() + " " + c.id() + " option")));
                    continue;
                }
                double awsCs = computeAndStorage(aws.get());
                double metalCs = computeAndStorage(metal.get());
                if (metalCs <= 0) {
                    out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked: the bare-metal option costs nothing for compute"));
                    continue;
                }
                double ratio = awsCs / metalCs;
                double all = aws.get().tcoUsd() / metal.get().tcoUsd();
                boolean holds = ratio >= 3.0 - 1e-9;
                out.add(new ClaimCheck(claim, sc.site(), round3(ratio), holds, "site '" + sc.site() + "': for compute and storage "
                        + aws.get().label() + " costs " + num(round2(ratio)) + "x " + metal.get().label() + " over " + sc.months() + " months ("
                        + usd(awsCs) + " vs " + usd(metalCs) + "; with transfer and backups " + num(round2(all)) + "x): the catalog "
                        + (holds ? "bears out" : "does not bear out") + " the chuck-stack Incus guide's 3x+"));
            }
        }
        for (CostOptionKind kind : List.of(CostOptionKind.AWS_LIFT_SHIFT, CostOptionKind.AWS_INCUS)) {
            Optional<CostOption> aws = best(sc, kind, AwsCommitment.ON_DEMAND);
            String claim = "the EBS drive costs about as much as the server (" + kind.id() + ", on-demand)";
            if (aws.isEmpty() || aws.get().series().isEmpty()) {
                out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked for site '" + sc.site() + "': no fully priced " + kind.id() + " option"));
                continue;
            }
            MonthCost first = aws.get().series().get(0);
            double compute = first.amount(CostComponent.COMPUTE);
            double ebs = first.amount(CostComponent.EBS);
            if (compute <= 0) {
                out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked: no EC2 cost"));
                continue;
            }
            double ratio = ebs / compute;
            boolean holds = ratio >= 2.0 / 3 && ratio <= 1.5;
            out.add(new ClaimCheck(claim, sc.site(), round3(ratio), holds, "site '" + sc.site() + "', " + aws.get().label() + ": EBS "
                    + usd(ebs) + " a month is " + num(round2(ratio)) + "x the EC2 instances' " + usd(compute) + " ("
                    + (holds ? "about as much, as the guide says" : ratio < 2.0 / 3 ? "much less than the guide's 'about the same'" : "much more than the guide's 'about the same'") + ")"));
        }
        return out;
    }

    /**
     * The guide's claims on one server: each bare-metal server of the site against the cheapest EC2 type with at least
     * its vCPU (threads x cpu score), memory and GPUs, plus EBS gp3 for its drives (OS + data, GB converted to GiB).
     */
    List<ClaimCheck> likeForLike(SiteCost sc) {
        List<ClaimCheck> out = new ArrayList<>();
        Optional<PriceItem> gp3 = prices.item(PriceIds.EBS_GP3_GB_MONTH);
        for (CostOption o : sc.options()) {
            if (o.kind() != CostOptionKind.BARE_METAL) {
                continue;
            }
            Hardware server = catalog.hardware(o.hardwareId()).orElse(null);
            if (server == null) {
                continue;
            }
            String claim = "AWS costs about 3x or more a bare-metal cloud (one " + server.id() + " server, like for like)";
            Double rent = server.rentalUsdFor(assume.hoursPerMonth());
            Workload same = new Workload(server.id(), WorkloadKind.VM, 1, server.referenceThreads(),
                    server.memoryGib(), 0, server.gpuCount(), false, 0, 0, 0, 0, 0, null);
            Optional<Hardware> ec2 = LiftAndShiftCosting.cheapestFit(same, catalog.hardware(HardwareCategory.CLOUD).stream()
                    .filter(h -> h.cpuArch() == server.cpuArch()).toList());
            if (rent == null || ec2.isEmpty() || gp3.isEmpty()) {
                out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked for " + server.id() + ": "
                        + (rent == null ? "the server has no rate" : ec2.isEmpty() ? "no EC2 type has its " + num(same.vcpu()) + " vCPU and "
                        + num(server.memoryGib()) + " GiB" : "no EBS gp3 price")));
                continue;
            }
            double ec2Month = monthlyRate(ec2.get());
            double diskGib = (server.osDiskGb() + server.rawDataGb()) / GB_PER_GIB;
            double ebs = diskGib * gp3.get().value();
            double d3 = discount(AwsCommitment.THREE_YEAR);
            double ratio = (ec2Month + ebs) / rent;
            double ratio3 = (ec2Month * (1 - d3) + ebs) / rent;
            boolean holds = ratio >= 3.0 - 1e-9;
            out.add(new ClaimCheck(claim, sc.site(), round3(ratio), holds, server.name() + " rents for " + usd(rent) + " a month; the cheapest EC2 type with "
                    + num(round2(same.vcpu())) + " vCPU and " + num(server.memoryGib()) + " GiB is " + ec2.get().id() + " at " + usd(Money.round(ec2Month))
                    + " plus EBS gp3 for its " + num(server.osDiskGb() + server.rawDataGb()) + " GB of drives " + usd(Money.round(ebs)) + ": "
                    + num(round2(ratio)) + "x on-demand, " + num(round2(ratio3)) + "x with the 3-year commitment (estimate); the catalog "
                    + (holds ? "bears out" : "does not bear out") + " the chuck-stack Incus guide's 3x+ (" + server.priceAge() + (server.estimate() ? ", an estimate" : "") + ")"));
            double ebsRatio = ebs / ec2Month;
            boolean same2 = ebsRatio >= 2.0 / 3 && ebsRatio <= 1.5;
            out.add(new ClaimCheck("the EBS drive costs about as much as the server (like " + server.id() + ")", sc.site(), round3(ebsRatio), same2,
                    "EBS gp3 for " + num(server.osDiskGb() + server.rawDataGb()) + " GB costs " + usd(Money.round(ebs)) + " a month, "
                            + num(round2(ebsRatio)) + "x the " + ec2.get().id() + "'s " + usd(Money.round(ec2Month))
                            + (same2 ? " (about as much, as the guide says)" : ebsRatio < 2.0 / 3 ? " (much less than the guide's 'about the same')" : " (more than the guide's 'about the same')")));
        }
        return out;
    }

    /** Everything but data transfer and backups: what "similar compute and storage" compares. */
    static double computeAndStorage(CostOption o) {
        long c = 0;
        for (Map.Entry<CostComponent, Double> e : o.totals().entrySet()) {
            if (e.getKey() != CostComponent.TRANSFER && e.getKey() != CostComponent.BACKUP && e.getValue() != null) {
                c += Money.cents(e.getValue());
            }
        }
        return Money.fromCents(c);
    }

    private static Optional<CostOption> best(SiteCost sc, CostOptionKind kind, AwsCommitment c) {
        return sc.options().stream().filter(CostOption::complete).filter(o -> o.kind() == kind && (c == null || o.commitment() == c))
                .min(Comparator.comparingDouble(CostOption::tcoUsd));
    }

    /**
     * The guide's capex claim for an owned option: the initial hosts' purchase (month 1 bill of materials) against
     * the guide's figure, within {@code tolerancePct}.
     */
    public static ClaimCheck capexClaim(CostOption owned, double guideUsd, double tolerancePct, String site) {
        String claim = "hosts cost about " + usd(guideUsd) + " (the chuck-stack Incus guide)";
        if (owned.kind() != CostOptionKind.OWNED || owned.bom().isEmpty()
                || owned.bom().stream().anyMatch(b -> b.month() == 1 && b.totalUsd() == null)) {
            return new ClaimCheck(claim, site, null, null, "cannot be checked: the month-1 bill of materials is not fully priced");
        }
        double capex = owned.capexUsd();
        double ratio = capex / guideUsd;
        boolean holds = Math.abs(ratio - 1) <= tolerancePct / 100.0 + 1e-9;
        BomLine host = owned.bom().get(0);
        return new ClaimCheck(claim, site, round3(ratio), holds, owned.hostsStart() + " hosts of " + owned.hardwareId() + " cost "
                + usd(capex) + " in month 1, " + num(round2((ratio - 1) * 100)) + " % against the guide's " + usd(guideUsd)
                + (holds ? " (within " + num(tolerancePct) + " %)" : " (outside " + num(tolerancePct) + " %)")
                + "; price source: " + host.source() + (host.sourceDate() == null ? "" : ", " + host.sourceDate()));
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
