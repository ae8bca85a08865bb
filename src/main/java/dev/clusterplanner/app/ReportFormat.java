package dev.clusterplanner.app;

import java.util.Locale;

/**
 * How figures read in the PDF report. Each is the figure the JSON and CSV exports carry, rounded for
 * reading: money to whole US dollars (bill of materials: to the cent, as the CSV), utilisation to
 * whole percent (as the {@code plan} table), capacities and hours to two decimals. A missing figure
 * reads "missing", never 0.
 */
final class ReportFormat {

    static final String MISSING = "missing";

    private ReportFormat() {
    }

    /** 12345.6 -> "12,346"; null -> "missing". */
    static String usd(Double v) {
        if (v == null || v.isNaN()) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** 999.5 -> "999.50" (bill of materials, as the CSV). */
    static String usdCents(Double v) {
        if (v == null || v.isNaN()) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A fraction as whole percent: 0.8125 -> "81 %"; null -> "n/a" (the dimension does not apply). */
    static String pct(Double fraction) {
        if (fraction == null || fraction.isNaN()) {
            return "n/a";
        }
        if (fraction.isInfinite()) {
            return "∞";
        }
        return Math.round(fraction * 100) + " %";
    }

    /** Two decimals: 9.3125 -> "9.31"; NaN or null -> "n/a". */
    static String num2(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** Up to two decimals, trailing zeros dropped: 4.0 -> "4", 0.25 -> "0.25". */
    static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Whole number with separators: 1234 -> "1,234"; null -> "missing". */
    static String whole(Double v) {
        if (v == null || v.isNaN()) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
