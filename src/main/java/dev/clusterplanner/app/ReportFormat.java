package dev.clusterplanner.app;

import dev.clusterplanner.core.sizing.Dimension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How figures read in the PDF report. Each is the figure the JSON and CSV exports carry, rounded for
 * reading: money to whole US dollars (bill of materials: to the cent, as the CSV), utilisation to
 * whole percent (as the {@code plan} table), capacities and hours to two decimals. A missing figure
 * reads "missing", never 0. Also the few sentence helpers every chapter uses (a sentence from a fragment, a counted noun).
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

    /** "host failure" -> "Host failure."; blank -> "". */
    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = s.strip();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /** plural(1, "host", "hosts") -> "1 host"; plural(2, ...) -> "2 hosts". */
    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String dimensionName(Dimension d) {
        return switch (d) {
            case CPU -> "CPU";
            case MEMORY -> "memory";
            case DISK -> "disk";
            case GPU -> "GPU";
            case NETWORK -> "network";
        };
    }

    /** "CPU 40 %, memory 62 %, disk 10 %" (dimensions that apply only); "n/a" when none does. */
    static String utilisationLine(Map<Dimension, Double> util) {
        List<String> parts = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Double v = util.get(d);
            if (v != null) {
                parts.add(dimensionName(d) + " " + pct(v));
            }
        }
        return parts.isEmpty() ? "n/a" : String.join(", ", parts);
    }
}
