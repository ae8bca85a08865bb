package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.adapters.catalog.CsvRow.Bound;
import dev.clusterplanner.core.model.PriceItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hardware row billed in another currency than USD: optional columns {@code currency} (USD, EUR or GBP) and the
 * billed amounts {@code price_billed}, {@code monthly_billed}, {@code hourly_billed}, {@code setup_billed}. The USD
 * figures the cost model uses are the billed amounts times the catalog's dated exchange rate (a price row of category
 * {@code exchange-rate}, unit {@code usd_per_eur} or {@code usd_per_gbp}; the newest one), rounded to cents, and the
 * row's notes say what was billed, the rate, its date and its row id, so every output that shows the row shows the
 * conversion.
 */
final class BilledCurrency {

    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");
    static final List<String> COLUMNS = List.of("currency", "price_billed", "monthly_billed", "hourly_billed", "setup_billed");

    /** The USD figures of one row and the sentence that explains them ("" for a USD row). */
    record Converted(Double price, Double monthly, Double hourly, Double setup, String note) {
    }

    private BilledCurrency() {
    }

    /** The newest exchange rate per currency among {@code prices} ("EUR" -> the usd_per_eur row). */
    static Map<String, PriceItem> rates(List<PriceItem> prices, Map<String, PriceItem> base) {
        Map<String, PriceItem> out = new LinkedHashMap<>(base);
        for (PriceItem p : prices) {
            if (!"exchange-rate".equals(p.category()) || !p.unit().toLowerCase(Locale.ROOT).startsWith("usd_per_")) {
                continue;
            }
            String cur = p.unit().substring("usd_per_".length()).toUpperCase(Locale.ROOT);
            PriceItem old = out.get(cur);
            if (old == null || old.sourceDate() == null
                    || (p.sourceDate() != null && p.sourceDate().isAfter(old.sourceDate()))) {
                out.put(cur, p);
            }
        }
        return out;
    }

    /**
     * The row's USD figures: the {@code *_usd} columns for a USD row, the billed amounts converted for another
     * currency. Problems go to the row (an unknown currency, USD and billed columns mixed, no rate).
     */
    static Converted apply(CsvRow row, Double price, Double monthly, Double hourly, Double setup, Map<String, PriceItem> rates) {
        String text = row.text("currency");
        String cur = text == null ? "USD" : text.trim().toUpperCase(Locale.ROOT);
        Double pb = row.number("price_billed", Bound.POSITIVE);
        Double mb = row.number("monthly_billed", Bound.POSITIVE);
        Double hb = row.number("hourly_billed", Bound.POSITIVE);
        Double sb = row.number("setup_billed", Bound.NOT_NEGATIVE);
        boolean billed = pb != null || mb != null || hb != null || sb != null;
        if (!CURRENCIES.contains(cur)) {
            row.problem("currency", "'" + text + "' is not a currency the catalog converts (expected USD, EUR or GBP)");
            return new Converted(price, monthly, hourly, setup, "");
        }
        if (cur.equals("USD")) {
            if (billed) {
                row.problem("currency", "the *_billed columns hold an amount in the row's currency; for USD use price_usd, monthly_usd, hourly_usd and setup_usd");
            }
            return new Converted(price, monthly, hourly, setup, "");
        }
        if (price != null || monthly != null || hourly != null || (setup != null && setup != 0)) {
            row.problem("currency", "a row billed in " + cur + " gives its amounts in price_billed, monthly_billed, hourly_billed and "
                    + "setup_billed; the *_usd figures are converted from them");
            return new Converted(price, monthly, hourly, setup, "");
        }
        PriceItem rate = rates.get(cur);
        if (rate == null) {
            row.problem("currency", "no exchange rate for " + cur + " in the catalog's prices (a price row of category exchange-rate, unit usd_per_"
                    + cur.toLowerCase(Locale.ROOT) + ")");
            return new Converted(null, null, null, null, "");
        }
        StringBuilder note = new StringBuilder("billed in ").append(cur).append(':');
        Double p = convert(pb, rate, cur, " to buy", note);
        Double m = convert(mb, rate, cur, " a month", note);
        Double h = convert(hb, rate, cur, " an hour", note);
        Double s = convert(sb, rate, cur, " setup", note);
        note.setLength(note.length() - 1);
        note.append(" (").append(rate.id()).append(", rate of ").append(rate.sourceDate()).append(")");
        return new Converted(p, m, h, s, note.toString());
    }

    /** {@code amount} x rate rounded to cents, with "184 EUR a month x 1.175 USD/EUR = 216.20 USD;" added to {@code note}. */
    static Double convert(Double amount, PriceItem rate, String cur, String what, StringBuilder note) {
        if (amount == null) {
            return null;
        }
        BigDecimal usd = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(rate.value())).setScale(2, RoundingMode.HALF_UP);
        note.append(' ').append(plain(amount)).append(' ').append(cur).append(what).append(" x ").append(plain(rate.value()))
                .append(" USD/").append(cur).append(" = ").append(usd.toPlainString()).append(" USD;");
        return usd.doubleValue();
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
