package dev.clusterplanner.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * How a provider bills a rented row: the unit a part of which is billed as a whole, and the fewest units billed per
 * server started. Catalog columns {@code billing_unit} and {@code billing_minimum}; the cost model reads it through
 * {@link #billedHours(double)} and never looks at a vendor's name.
 *
 * @param unit    {@link Unit#SECOND}: an hourly rate billed by the second (in effect pro rata);
 *                {@link Unit#HOUR}: a part hour is billed as a whole hour; {@link Unit#MONTH}: a monthly rate,
 *                a part month billed as a whole month
 * @param minimum the fewest units billed for a server that runs at all (0 = no minimum), e.g. 1 with
 *                {@code hour} for "one hour at least", 60 with {@code second} for "one minute at least"
 */
public record Billing(Unit unit, double minimum) {

    /** The billing increment. */
    public enum Unit {
        SECOND("second", 1 / 3600.0), HOUR("hour", 1), MONTH("month", Hardware.HOURS_PER_MONTH);

        private final String id;
        private final double hours;

        Unit(String id, double hours) {
            this.id = id;
            this.hours = hours;
        }

        public String id() {
            return id;
        }

        /** The unit's length in hours (a month is 730 h, the convention of {@link Hardware#HOURS_PER_MONTH}). */
        public double hours() {
            return hours;
        }

        public static Unit parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Unit u : values()) {
                if (u.id.equals(t)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a billing unit (expected second, hour or month)");
        }
    }

    /** An hourly rate billed by the second with no minimum: what a row with only {@code hourly_usd} gets by default. */
    public static final Billing PER_SECOND = new Billing(Unit.SECOND, 0);
    /** A monthly rate billed by the month: the default for every other row. */
    public static final Billing MONTHLY = new Billing(Unit.MONTH, 0);

    public Billing {
        Objects.requireNonNull(unit, "unit");
        if (!(minimum >= 0) || Double.isInfinite(minimum)) {
            throw new IllegalArgumentException("a billing minimum is 0 or more, got " + minimum);
        }
    }

    /** The default for a row whose catalog leaves {@code billing_unit} blank: per second when it has only an hourly rate. */
    public static Billing defaultFor(Double monthlyUsd, Double hourlyUsd) {
        return monthlyUsd == null && hourlyUsd != null ? PER_SECOND : MONTHLY;
    }

    /**
     * Hours billed for {@code hours} of use: the use rounded up to whole units, at least {@code minimum} units;
     * nothing for no use. E.g. hour, minimum 1: 0.2 h bills 1 h, 10.5 h bills 11 h; second: 10.5 h bills 10.5 h.
     */
    public double billedHours(double hours) {
        if (!(hours > 0)) {
            return 0;
        }
        double units = switch (unit) {
            case SECOND -> Math.ceil(hours * 3600 - 1e-9);
            case HOUR -> Math.ceil(hours - 1e-9);
            case MONTH -> Math.ceil(hours / Hardware.HOURS_PER_MONTH - 1e-9);
        };
        units = Math.max(units, minimum);
        return switch (unit) {
            case SECOND -> units / 3600;
            case HOUR -> units;
            case MONTH -> units * Hardware.HOURS_PER_MONTH;
        };
    }

    /** In words, for explanations: "a part hour is billed as a whole hour, 1 hour at least". */
    public String describe() {
        String part = switch (unit) {
            case SECOND -> "billed by the second";
            case HOUR -> "a part hour is billed as a whole hour";
            case MONTH -> "billed by the month";
        };
        if (minimum <= 0) {
            return part;
        }
        String n = minimum == Math.rint(minimum) ? Long.toString((long) minimum) : Double.toString(minimum);
        return part + ", " + n + " " + unit.id() + (minimum == 1 ? "" : "s") + " at least";
    }
}
