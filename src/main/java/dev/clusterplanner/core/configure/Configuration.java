package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareOption;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One configuration of a catalog row: the row with one choice per option group (none listed = as shipped), materialised
 * as a derived hardware row ({@link #row()}: memory, drives, NIC or GPU changed, price or monthly rate = the row's +
 * the choices', notes naming each choice with its price source, id {@code <row id>.<choice id>...}). Every analysis,
 * export and the window read this row like any catalog row.
 *
 * @param row     the configured host (the base row itself when every group is as shipped)
 * @param base    the catalog row it is configured from
 * @param choices the choices taken, with their prices (as-shipped groups are not listed)
 */
public record Configuration(Hardware row, Hardware base, List<Choice> choices) {

    /**
     * A priced choice: what it adds to the purchase price ({@code priceUsd}, purchased rows) or to the monthly rent
     * ({@code monthlyUsd}, rented rows), where that price comes from, and whether it is an estimate.
     *
     * @param priceSource each part with its quantity, price and source ("part-drive-nvme-tb x 3.84 at 330 USD/TB:
     *                    source (date)"), or the option row's own source for a monthly add-on
     */
    public record Choice(HardwareOption option, Double priceUsd, Double monthlyUsd, String priceSource, LocalDate sourceDate,
                         boolean estimate) {
        public Choice {
            Objects.requireNonNull(option, "option");
            priceSource = priceSource == null ? "" : priceSource;
        }

        /** "4 x 3.84 TB NVMe (+35.20 USD a month)". */
        public String label() {
            return option.choice() + " (+" + (priceUsd != null ? Configurations.money(priceUsd) + " USD"
                    : Configurations.money(monthlyUsd) + " USD a month") + ")";
        }
    }

    public Configuration {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(base, "base");
        choices = List.copyOf(choices);
    }

    /** True when every group is as shipped (the row is the catalog row itself). */
    public boolean asShipped() {
        return choices.isEmpty();
    }

    /** What the choices add to the purchase price, USD (0 for a rented row). */
    public double addedUsd() {
        return choices.stream().mapToDouble(c -> c.priceUsd() == null ? 0 : c.priceUsd()).sum();
    }

    /** What the choices add to the monthly rent, USD (0 for a purchased row). */
    public double addedMonthlyUsd() {
        return choices.stream().mapToDouble(c -> c.monthlyUsd() == null ? 0 : c.monthlyUsd()).sum();
    }

    /** "4 x 3.84 TB NVMe, 12 x 64 GB DDR5", or "as shipped". */
    public String summary() {
        return asShipped() ? "as shipped" : String.join(", ", choices.stream().map(c -> c.option().choice()).toList());
    }
}
