package dev.clusterplanner.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A service or facility price from the catalogs: AWS EBS, snapshots, S3, data transfer tiers,
 * electricity per kWh by region, PUE, colocation. {@code value} is in {@code unit}
 * (e.g. "usd_per_gb_month", "usd_per_kwh", "ratio").
 *
 * @param id   stable id, e.g. "aws-ebs-gp3-gb-month"
 * @param notes free text from the optional {@code notes} column ("" when none)
 * @param tier for tiered prices, the lower bound of the tier in the unit's quantity (0 for the first)
 */
public record PriceItem(String id, String category, String name, String unit, double value, double tier,
                        String region, String source, LocalDate sourceDate, boolean estimate, String notes) {

    public PriceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        notes = notes == null ? "" : notes;
    }

    /** The item without notes (the constructor before the optional {@code notes} column was added). */
    public PriceItem(String id, String category, String name, String unit, double value, double tier,
                     String region, String source, LocalDate sourceDate, boolean estimate) {
        this(id, category, name, unit, value, tier, region, source, sourceDate, estimate, "");
    }

    /** "price from 2026-07": the month of the source date, for display. */
    public String priceAge() {
        return sourceDate == null ? "price date unknown" : "price from " + sourceDate.toString().substring(0, 7);
    }
}
