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
