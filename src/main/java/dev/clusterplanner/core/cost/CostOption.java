package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One way to run a site, costed over the horizon. USD throughout, cent-rounded.
 *
 * @param id              stable id within the site, e.g. {@code owned:rack-supermicro-as1115sv-8224p}, {@code aws-lift-shift:3-year}
 * @param hardwareId      the host hardware (owned, bare-metal, AWS Incus hosts); empty for lift-and-shift
 * @param commitment      the AWS pricing term, {@code null} for owned and bare-metal
 * @param estimate        true when a figure rests on an estimate (a catalog row marked estimate, a commitment discount)
 * @param capexUsd        what month 1 buys (hardware and setup fees), 0 for AWS
 * @param monthlyUsd      the recurring cost of month 1
 * @param amortisedMonthlyUsd straight-line amortisation of the month-1 hardware, (price - salvage) / life months; owned only
 * @param totals          per component over the horizon; a component whose price is missing maps to {@code null}
 * @param tcoUsd          total cost of ownership over the horizon (sum of the monthly series), {@code null} when a price is missing
 * @param npvUsd          net present value of the monthly series at the plan's discount rate, {@code null} when a price is missing
 * @param costPerInstanceMonthUsd tco / instance-months
 * @param energyKwhMonth  energy of month 1 at the wall (PUE included) when the user pays for it, else null
 * @param missing         each price or figure that is missing, in a sentence; empty when complete
 */
public record CostOption(String id, CostOptionKind kind, String label, String hardwareId, CostSettings.AwsCommitment commitment,
                         boolean estimate, int hostsStart, int hostsEnd, double capexUsd, double monthlyUsd, Double amortisedMonthlyUsd,
                         Map<CostComponent, Double> totals, Double tcoUsd, Double npvUsd, Double costPerInstanceMonthUsd,
                         Double energyKwhMonth, List<MonthCost> series, List<BomLine> bom, List<String> missing,
                         List<Explanation> explanations, List<Finding> findings) {

    public CostOption {
        EnumMap<CostComponent, Double> copy = new EnumMap<>(CostComponent.class);
        copy.putAll(totals);
        totals = Collections.unmodifiableMap(copy);
        series = List.copyOf(series);
        bom = List.copyOf(bom);
        missing = List.copyOf(missing);
        explanations = List.copyOf(explanations);
        findings = List.copyOf(findings);
    }

    public boolean complete() {
        return missing.isEmpty() && tcoUsd != null;
    }

    /**
     * False when the cost model could not cost this option at all (the site does not fit its hardware): then its 0 capex
     * and 0 a month mean "not costed", and exports show them as missing, never as free.
     */
    public boolean costed() {
        return complete() || !totals.isEmpty();
    }

    /** The comparison key across sites: the kind, with the commitment for AWS (e.g. {@code aws-incus 3-year}). */
    public String key() {
        return commitment == null ? kind.id() : kind.id() + " " + commitment.id();
    }
}
