package dev.clusterplanner.core.cost;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One month of an option: what is paid that month per component (cent-rounded, known components only),
 * the month's total and the running total. {@code energyKwh} is at the wall (PUE included), null when unknown
 * or not the user's to pay.
 */
public record MonthCost(int month, int instances, int hosts, Map<CostComponent, Double> amounts,
                        double totalUsd, double cumulativeUsd, Double energyKwh) {

    public MonthCost {
        EnumMap<CostComponent, Double> copy = new EnumMap<>(CostComponent.class);
        copy.putAll(amounts);
        amounts = Collections.unmodifiableMap(copy);
    }

    /** The amount of a component this month, 0 when it does not apply. */
    public double amount(CostComponent c) {
        Double v = amounts.get(c);
        return v == null ? 0.0 : v;
    }
}
