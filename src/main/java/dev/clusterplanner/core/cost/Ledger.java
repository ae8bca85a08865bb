package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;

/**
 * One option's month-by-month ledger: cent-rounded amounts per month and component, energy, and what is missing;
 * {@link #option} turns it into the option's monthly series, totals, NPV and cost per instance-month.
 */
final class Ledger {
    private final List<EnumMap<CostComponent, Long>> cents = new ArrayList<>();
    private final Double[] kwh;
    private final Set<CostComponent> missingComponents = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();

    Ledger(int months) {
        for (int i = 0; i < months; i++) {
            cents.add(new EnumMap<>(CostComponent.class));
        }
        kwh = new Double[months];
    }

    void add(int month, CostComponent c, double usd) {
        cents.get(month - 1).merge(c, Money.cents(usd), Long::sum);
    }

    void energy(int month, double value) {
        kwh[month - 1] = Math.round(value * 1000.0) / 1000.0;
    }

    void missing(CostComponent c, String why) {
        missingComponents.add(c);
        missing.add(why);
    }

    int months() {
        return cents.size();
    }

    /** The 0-based year of month {@code m} (1-based), capped at the last of {@code years}: a year's figures hold for its 12 months. */
    static int yearOf(int m, int years) {
        return Math.min((m - 1) / 12, years - 1);
    }

    CostOption option(String id, CostOptionKind kind, String label, String hardwareId, AwsCommitment c, boolean estimate,
                      int[] hostsByYear, int[] hostsInService, Double amortised, List<Site> byYear, List<BomLine> bom,
                      List<Explanation> ex, List<Finding> findings, CostSettings settings) {
        List<MonthCost> series = new ArrayList<>();
        EnumMap<CostComponent, Long> totals = new EnumMap<>(CostComponent.class);
        long running = 0;
        long instanceMonths = 0;
        double r = settings.discountRatePct() / 100.0;
        double npv = 0;
        for (int m = 1; m <= cents.size(); m++) {
            int y = yearOf(m, hostsByYear.length);
            EnumMap<CostComponent, Long> row = cents.get(m - 1);
            long total = 0;
            Map<CostComponent, Double> amounts = new EnumMap<>(CostComponent.class);
            for (Map.Entry<CostComponent, Long> e : row.entrySet()) {
                total += e.getValue();
                totals.merge(e.getKey(), e.getValue(), Long::sum);
                amounts.put(e.getKey(), Money.fromCents(e.getValue()));
            }
            running += total;
            int instances = byYear.get(y).instanceCount();
            instanceMonths += instances;
            npv += Money.fromCents(total) / Math.pow(1 + r, (m - 1) / 12.0);
            series.add(new MonthCost(m, instances, hostsInService[y], amounts, Money.fromCents(total), Money.fromCents(running), kwh[m - 1]));
        }
        boolean complete = missing.isEmpty();
        Map<CostComponent, Double> totalMap = new EnumMap<>(CostComponent.class);
        totals.forEach((k, v) -> totalMap.put(k, Money.fromCents(v)));
        for (CostComponent mc : missingComponents) {
            totalMap.put(mc, null);
        }
        MonthCost first = series.get(0);
        double capex = first.amount(CostComponent.HARDWARE) + first.amount(CostComponent.SETUP);
        double monthly = Money.round(first.totalUsd() - capex);
        Double tco = complete ? Money.fromCents(running) : null;
        Double npvUsd = complete ? Money.round(npv) : null;
        Double perInstance = complete && instanceMonths > 0 ? Money.round(Money.fromCents(running) / instanceMonths) : null;
        if (complete) {
            ex.add(new Explanation("total over " + cents.size() + " months", tco, "USD",
                    "sum of the monthly series = " + usd(tco), ""));
            ex.add(new Explanation("net present value", npvUsd, "USD", "sum over months m of cost(m) / (1 + "
                    + num(settings.discountRatePct()) + " %)^((m - 1) / 12) = " + usd(npvUsd), "CostSettings.discountRatePct"));
            if (perInstance != null) { // a site with no instances has no cost per instance
                ex.add(new Explanation("cost per instance per month", perInstance, "USD", usd(tco) + " / " + instanceMonths
                        + " instance-months = " + usd(perInstance), ""));
            }
        }
        return new CostOption(id, kind, label, hardwareId, c, estimate, hostsInService[0], hostsInService[hostsInService.length - 1],
                Money.round(capex), monthly, amortised, totalMap, tco, npvUsd, perInstance, first.energyKwh(),
                series, bom, new ArrayList<>(missing), ex, findings);
    }
}
