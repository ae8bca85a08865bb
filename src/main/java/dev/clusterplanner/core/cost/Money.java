package dev.clusterplanner.core.cost;

import java.util.Locale;

/**
 * USD amounts. Every amount the cost model stores is rounded to whole cents once, where it is made,
 * and every total is summed in whole cents, so a total always equals the sum of its rows to the cent
 * (on screen, in JSON and in CSV).
 */
public final class Money {

    private Money() {
    }

    /** Rounds to whole cents (half away from zero). */
    public static double round(double usd) {
        return cents(usd) / 100.0;
    }

    public static long cents(double usd) {
        return Math.round(usd * 100.0);
    }

    public static double fromCents(long cents) {
        return cents / 100.0;
    }

    /** Sum of cent-rounded amounts, exact in cents. */
    public static double sum(Iterable<Double> amounts) {
        long c = 0;
        for (Double a : amounts) {
            if (a != null) {
                c += cents(a);
            }
        }
        return fromCents(c);
    }

    /** "1,234.50 USD". */
    public static String usd(double usd) {
        return String.format(Locale.ROOT, "%,.2f USD", usd);
    }

    /** "1234.50": what CSV and JSON carry. */
    public static String plain(double usd) {
        return String.format(Locale.ROOT, "%.2f", round(usd));
    }

    /** A number for formulas: up to 4 decimals, no trailing zeros. */
    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
