package dev.clusterplanner.core.storage;

import java.util.Locale;

/** Number formatting for the formulas in explanations and findings ("10.24", "1,200"): plain, locale-independent. */
public final class Figures {

    /** Bytes in a decimal terabyte (as drives are sold) and in a binary tebibyte (as Ceph and Incus report). */
    public static final double BYTES_PER_TB = 1e12;
    public static final double BYTES_PER_TIB = 1024.0 * 1024 * 1024 * 1024;
    public static final double BYTES_PER_GB = 1e9;
    public static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    private Figures() {
    }

    /** Up to two decimals, trailing zeros dropped: 10.24, 3, 0.5. */
    public static String n(double v) {
        if (Double.isNaN(v)) {
            return "missing";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "unbounded" : "-unbounded";
        }
        double r = Math.round(v * 100.0) / 100.0;
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) r);
        }
        String s = String.format(Locale.ROOT, "%,.2f", r);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** Three significant decimals for small figures such as Gb/s of replication traffic. */
    public static String n3(double v) {
        if (Math.abs(v) >= 10 || v == 0) {
            return n(v);
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A duration in hours as "3.2 h" or "19 min". */
    public static String hours(double h) {
        if (Double.isNaN(h)) {
            return "unknown";
        }
        if (Double.isInfinite(h)) {
            return "never (stays degraded)";
        }
        if (h < 1) {
            return Math.round(h * 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", h);
    }
}
