package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Site;

import java.util.List;
import java.util.Map;

import static dev.clusterplanner.core.cost.Money.num;

/**
 * What every part of the cost model reads (the catalog and its prices, the settings and assumptions, the host sizer,
 * the AWS storage pricing that backs every option up) and the steps the option costings share: the hosts a year, an
 * option that does not fit, the AWS commitment discount and a rented server's monthly rate.
 */
abstract class CostModelPart {

    /** The inputs, built once per {@link CostEngine}. */
    record Inputs(Catalog catalog, Prices prices, CostSettings settings, CostAssumptions assume, HostSizer sizer,
                  AwsStoragePricing storage) {
    }

    protected final Catalog catalog;
    protected final Prices prices;
    protected final CostSettings settings;
    protected final CostAssumptions assume;
    protected final HostSizer sizer;
    protected final AwsStoragePricing storage;

    CostModelPart(Inputs in) {
        this.catalog = in.catalog();
        this.prices = in.prices();
        this.settings = in.settings();
        this.assume = in.assume();
        this.sizer = in.sizer();
        this.storage = in.storage();
    }

    int months() {
        return settings.months();
    }

    /** Hosts needed each year (0-based); null when year 1 does not fit. Later years that do not fit keep the previous count, with a finding. */
    int[] hosts(List<Site> byYear, Hardware hw, List<Explanation> ex, List<Finding> findings) {
        int[] out = new int[byYear.size()];
        for (int y = 0; y < byYear.size(); y++) {
            SizedHosts s = sizer.size(byYear.get(y), hw);
            if (!s.fits()) {
                if (y == 0) {
                    findings.add(Finding.warning("cost.no-fit", "the site does not fit on " + hw.id() + ": " + s.reason(), ""));
                    return null;
                }
                findings.add(Finding.warning("cost.no-fit-after-growth", "year " + (y + 1) + ": the grown workloads do not fit on "
                        + hw.id() + " (" + s.reason() + "); the cost keeps year " + y + "'s hosts", ""));
                out[y] = out[y - 1];
                continue;
            }
            out[y] = s.hosts();
            if (s.explanation() != null && (y == 0 || out[y] != out[y - 1])) {
                Explanation e = s.explanation();
                ex.add(new Explanation(e.figure() + (y == 0 ? "" : " in year " + (y + 1)), e.value(), e.unit(), e.formula(), e.citation()));
            }
        }
        return out;
    }

    /** An option the site does not fit on: no figures, the last finding as what is missing. */
    static CostOption unfit(String id, CostOptionKind kind, String label, Hardware hw, AwsCommitment c,
                            List<Explanation> ex, List<Finding> findings) {
        String reason = findings.isEmpty() ? "does not fit" : findings.get(findings.size() - 1).text();
        return new CostOption(id, kind, label, hw == null ? "" : hw.id(), c, hw != null && hw.estimate(), 0, 0, 0, 0, null,
                Map.of(), null, null, null, null, List.of(), List.of(), List.of(reason), ex, findings);
    }

    /** " on-demand", or " x (1 - 50 % 3-year discount, estimate)": how a formula names the commitment. */
    String commitmentText(AwsCommitment c) {
        double d = discount(c);
        return d > 0 ? " x (1 - " + num(d * 100) + " % " + c.id() + " discount, estimate)" : " on-demand";
    }

    /**
     * The commitment discount: the catalog's {@code aws-commitment-1y-discount} / {@code aws-commitment-3y-discount}
     * when present, else the estimate in {@link AwsCommitment}. Either way an estimate (AWS publishes caps only).
     */
    double discount(AwsCommitment c) {
        String id = switch (c) {
            case ON_DEMAND -> null;
            case ONE_YEAR -> PriceIds.COMMITMENT_1Y;
            case THREE_YEAR -> PriceIds.COMMITMENT_3Y;
        };
        if (id == null) {
            return 0;
        }
        return prices.item(id).map(PriceItem::value).orElse(c.estimatedDiscount());
    }

    /** One server's rent for the assumed month ({@link Hardware#rentalUsdFor}); the row must have a rate. */
    double monthlyRate(Hardware h) {
        return h.rentalUsdFor(assume.hoursPerMonth());
    }

    /** The finding that a commitment discount is an estimate, when there is a discount. */
    static void commitmentEstimate(String label, AwsCommitment c, double discount, List<Finding> findings) {
        if (discount > 0) {
            findings.add(Finding.info("cost.commitment-estimate", label + ": the " + c.id() + " discount of " + num(discount * 100)
                    + " % is an estimate (AWS publishes only caps: Savings Plans up to 66-72 %)", "AWS Savings Plans pricing, https://aws.amazon.com/savingsplans/compute-pricing/"));
        }
    }
}
