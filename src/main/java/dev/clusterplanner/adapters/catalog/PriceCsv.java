package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.adapters.catalog.CsvRow.Bound;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.PriceItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Service and facility price files ({@code catalogs/prices/*.csv}): AWS storage and transfer,
 * electricity, PUE, colocation. Strict and all-or-nothing, like {@link HardwareCsv}.
 */
public final class PriceCsv {

    public static final List<String> REQUIRED = List.of("id", "category", "name", "unit", "value", "source",
            "source_date", "estimate");
    public static final List<String> OPTIONAL = List.of("tier", "region", "notes");

    /** The price categories a file may use. */
    public static final List<String> CATEGORIES = List.of("storage", "snapshot", "object-storage", "transfer",
            "commitment", "electricity", "pue", "colocation", "part", "exchange-rate");

    private static final Set<String> KNOWN = new LinkedHashSet<>();

    static {
        KNOWN.addAll(REQUIRED);
        KNOWN.addAll(OPTIONAL);
    }

    private PriceCsv() {
    }

    public static List<PriceItem> parse(String text, String file, LocalDate today) throws InputRejectedException {
        List<InputProblem> problems = new ArrayList<>();
        return CsvTable.valuesOrThrow(parse(text, file, today, problems, Map.of()), problems);
    }

    static List<Lined<PriceItem>> parse(String text, String file, LocalDate today, List<InputProblem> problems,
                                  Map<String, String> elsewhere) {
        int before = problems.size();
        CsvTable table = CsvTable.parse(text, file, KNOWN, new LinkedHashSet<>(REQUIRED), problems);
        if (table == null) {
            return List.of();
        }
        return table.uniqueRows(problems, before, elsewhere, row -> row(row, today), PriceItem::id);
    }

    private static PriceItem row(CsvRow row, LocalDate today) {
        String id = row.required("id");
        if (id != null && !HardwareCsv.ID.matcher(id).matches()) {
            row.problem("id", "'" + id + "' is not a valid id (use letters, digits, '.', '_' and '-', no spaces)");
        }
        String category = row.required("category");
        if (category != null && !CATEGORIES.contains(category.toLowerCase(Locale.ROOT))) {
            row.problem("category", "unknown category '" + category + "' (expected " + String.join(", ", CATEGORIES) + ")");
        }
        String name = row.required("name");
        String unit = row.required("unit");
        Double value = row.number("value", Bound.NOT_NEGATIVE);
        if (row.text("value") == null) {
            row.required("value");
        }
        if (value != null && category != null && category.equalsIgnoreCase("pue") && value < 1) {
            row.problem("value", "a PUE is 1.0 or more (total facility power / IT power), got " + HardwareCsv.fmt(value));
        }
        Double tier = row.number("tier", Bound.NOT_NEGATIVE);
        String region = row.text("region");
        CsvRow.Citation cited = row.citation(today);
        String source = cited.source();
        LocalDate date = cited.date();
        Boolean estimate = cited.estimate();
        if (value != null && !(Math.abs(value) <= Limits.MAX_PRICE_VALUE)) { // hostile input: 1e308 would overflow every total
            row.problem("value", "value must be at most " + (long) Limits.MAX_PRICE_VALUE + " in size, got " + value);
        }
        if (tier != null && !(Math.abs(tier) <= Limits.MAX_PRICE_VALUE * 1e6)) {
            row.problem("tier", "tier must be at most " + (long) (Limits.MAX_PRICE_VALUE * 1e6) + " in size, got " + tier);
        }
        if (row.bad() || id == null || unit == null || category == null || value == null || estimate == null) {
            return null;
        }
        return new PriceItem(id, category.toLowerCase(Locale.ROOT), name, unit, value, tier == null ? 0 : tier,
                region, source, date, estimate, row.text("notes"));
    }
}
