package dev.clusterplanner.app;

import dev.clusterplanner.core.configure.Configurations;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.PriceItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a buyer would ask of every catalog row: does it cite a public address, does an estimate say how it was made,
 * does a machine you buy have the power figures its 5-year cost needs, and how old are its figures. Each question is
 * one method; {@link #audit(Catalog)} asks them all of every row.
 */
public final class CatalogAudit {

    /** The kinds of gaps {@link #audit(Catalog)} reports. */
    public enum Gap {
        NO_ADDRESS("no public address (https://...) in its source"),
        ESTIMATE_WITHOUT_NOTES("an estimate whose notes do not say how it was made"),
        OWNED_WITHOUT_POWER("a priced machine to buy without idle and loaded power (its running cost cannot be costed)"),
        UNPRICED_CHOICE("a configure-to-order choice without a price (it is never chosen)");

        private final String text;

        Gap(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One row with one gap. */
    public record Finding(String id, String kind, Gap gap) {
    }

    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s,;)]+", Pattern.CASE_INSENSITIVE);

    private CatalogAudit() {
    }

    /** True when the source text holds at least one web address. */
    public static boolean hasAddress(String source) {
        return source != null && ADDRESS.matcher(source).find();
    }

    /** True when the row is an estimate and its notes are empty (the source alone may be a bare "estimate"). */
    public static boolean estimateWithoutNotes(boolean estimate, String notes) {
        return estimate && (notes == null || notes.isBlank());
    }

    /** True for a desktop or rack machine with a purchase price but no idle or no loaded power figure. */
    public static boolean ownedWithoutPower(Hardware h) {
        boolean owned = h.category() == HardwareCategory.DESKTOP || h.category() == HardwareCategory.RACK;
        return owned && h.priceUsd() != null && (h.powerIdleW() == null || h.powerMaxW() == null);
    }

    /**
     * True when the row's figures are older than {@code months} months before {@code today}, or undated (an
     * undated figure is as old as it gets).
     */
    public static boolean olderThan(LocalDate sourceDate, int months, LocalDate today) {
        if (months < 0) {
            throw new IllegalArgumentException("months must be 0 or more, not " + months);
        }
        return sourceDate == null || sourceDate.isBefore(today.minusMonths(months));
    }

    /** Every gap of every row, hardware first, in catalog order. */
    public static List<Finding> audit(Catalog catalog) {
        List<Finding> out = new ArrayList<>();
        for (Hardware h : catalog.hardware()) {
            String kind = h.category().id();
            if (!hasAddress(h.source())) {
                out.add(new Finding(h.id(), kind, Gap.NO_ADDRESS));
            }
            if (estimateWithoutNotes(h.estimate(), h.notes())) {
                out.add(new Finding(h.id(), kind, Gap.ESTIMATE_WITHOUT_NOTES));
            }
            if (ownedWithoutPower(h)) {
                out.add(new Finding(h.id(), kind, Gap.OWNED_WITHOUT_POWER));
            }
        }
        for (Configurations.Unpriced u : Configurations.unpriced(catalog)) {
            out.add(new Finding(u.option().id(), "option of " + u.option().hardware() + " (" + u.reason() + ")", Gap.UNPRICED_CHOICE));
        }
        for (PriceItem p : catalog.prices()) {
            if (!hasAddress(p.source())) {
                out.add(new Finding(p.id(), "price", Gap.NO_ADDRESS));
            }
            if (estimateWithoutNotes(p.estimate(), p.notes())) {
                out.add(new Finding(p.id(), "price", Gap.ESTIMATE_WITHOUT_NOTES));
            }
        }
        return out;
    }

    /** Share of hardware and price rows that cite a public address, 0..1 (1 for an empty catalog). */
    public static double addressShare(Catalog catalog) {
        int rows = catalog.hardware().size() + catalog.prices().size();
        if (rows == 0) {
            return 1.0;
        }
        long cited = catalog.hardware().stream().filter(h -> hasAddress(h.source())).count()
                + catalog.prices().stream().filter(p -> hasAddress(p.source())).count();
        return (double) cited / rows;
    }

    /** "3 of 97 rows (3.1 %)": for summaries. */
    static String share(long part, long whole) {
        return String.format(Locale.ROOT, "%d of %d rows (%.1f %%)", part, whole, whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
