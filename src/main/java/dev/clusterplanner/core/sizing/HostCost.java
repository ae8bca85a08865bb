package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;

import java.util.OptionalDouble;

/**
 * The cost of one host over the planning horizon, used to rank options and to choose the mixed cluster.
 * Empty when the catalog has no price for it (such a candidate is ranked after priced ones and never mixed).
 */
@FunctionalInterface
public interface HostCost {

    OptionalDouble perHost(Hardware h);

    /**
     * The cost over the horizon of a host the organisation already owns: {@link #perHost} less its purchase price and
     * setup fee (an owned host is not bought again), so for {@link #simple} its rent x months (0 for a purchased row).
     * The ranking of "keep and add" options and the fleet optimiser read an owned host's cost here. Empty only when
     * {@link #perHost} is empty for a rented row.
     */
    default OptionalDouble runningPerHost(Hardware h) {
        OptionalDouble all = perHost(h);
        if (all.isEmpty()) {
            // no purchase price and no rent: an owned host of this row costs nothing over the horizon by this rule
            return h.rentalMonthlyUsd().isEmpty() ? OptionalDouble.of(0) : all;
        }
        double bought = (h.priceUsd() == null ? 0 : h.priceUsd()) + h.setupUsd();
        return OptionalDouble.of(Math.max(0, all.getAsDouble() - bought));
    }

    /**
     * First version: purchase price + setup fee + rental per month (monthly, or hourly x 730) x months.
     * Empty when the hardware has neither a purchase price nor a rental rate.
     */
    static HostCost simple(int months) {
        return h -> {
            var rental = h.rentalMonthlyUsd();
            if (h.priceUsd() == null && rental.isEmpty()) {
                return OptionalDouble.empty();
            }
            double price = h.priceUsd() == null ? 0 : h.priceUsd();
            return OptionalDouble.of(price + h.setupUsd() + rental.orElse(0) * months);
        };
    }
}
