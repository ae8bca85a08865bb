package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.InputProblem;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typed, strict access to the fields of one CSV record. Every getter that finds a bad value adds a
 * problem naming file, line, column and field, and returns {@code null}; a blank or absent optional
 * field is {@code null} too (the caller applies the documented default).
 */
final class CsvRow {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,\\d+");

    /** What a number may be. */
    enum Bound { ANY, POSITIVE, NOT_NEGATIVE }

    private final CsvTable table;
    private final CsvTable.Record record;
    private final List<InputProblem> problems;
    private boolean bad;

    CsvRow(CsvTable table, CsvTable.Record record, List<InputProblem> problems) {
        this.table = table;
        this.record = record;
        this.problems = problems;
    }

    int line() {
        return record.line();
    }

    /** True when any getter on this row reported a problem. */
    boolean bad() {
        return bad;
    }

    boolean has(String column) {
        return table.index(column) >= 0;
    }

    void problem(String column, String message) {
        int i = table.index(column);
        problems.add(new InputProblem(table.file, record.line(), i < 0 ? 0 : i + 1, column, message));
        bad = true;
    }

    /** The trimmed text, or null when the column is absent or the field blank. */
    String text(String column) {
        int i = table.index(column);
        if (i < 0) {
            return null;
        }
        String v = record.fields()[i];
        return v.isEmpty() ? null : v;
    }

    /** Text that must be present (a missing column is reported once for the header, not per row). */
    String required(String column) {
        String v = text(column);
        if (v == null && has(column)) {
            problem(column, "a value is required");
        }
        return v;
    }

    Double number(String column, Bound bound) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        if (!NUMBER.matcher(v).matches()) {
            String hint = THOUSANDS.matcher(v).matches() ? " (write it without a thousands separator: " + v.replace(",", "") + ")"
                    : DECIMAL_COMMA.matcher(v).matches() ? " (use '.' as the decimal point: " + v.replace(',', '.') + ")" : "";
            problem(column, "'" + v + "' is not a number" + hint);
            return null;
        }
        double d = Double.parseDouble(v);
        return checkBound(column, d, v, bound) ? d : null;
    }

    Integer integer(String column, Bound bound) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        if (!NUMBER.matcher(v).matches()) {
            problem(column, "'" + v + "' is not a number");
            return null;
        }
        double d = Double.parseDouble(v);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            problem(column, "'" + v + "' is not a whole number");
            return null;
        }
        return checkBound(column, d, v, bound) ? (int) d : null;
    }

    private boolean checkBound(String column, double d, String text, Bound bound) {
        if (bound == Bound.POSITIVE && !(d > 0)) {
            problem(column, "must be greater than 0, got " + text);
            return false;
        }
        if (bound == Bound.NOT_NEGATIVE && !(d >= 0)) {
            problem(column, "must be 0 or more, got " + text);
            return false;
        }
        return true;
    }

    Boolean bool(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> {
                problem(column, "'" + v + "' is not true or false");
                yield null;
            }
        };
    }

    /** An ISO date (YYYY-MM-DD) that is not after {@code today}. */
    /** Where a row's figures come from: {@code source}, {@code source_date} and {@code estimate}, each null when unusable. */
    record Citation(String source, LocalDate date, Boolean estimate) {
    }

    /**
     * The row's citation, the one rule of every catalog file: {@code source}, {@code source_date} (not after
     * {@code today}) and {@code estimate} are required, and an estimate says "estimate" in its source.
     */
    Citation citation(LocalDate today) {
        String source = required("source");
        LocalDate date = pastDate("source_date", today);
        if (text("source_date") == null) {
            required("source_date");
        }
        Boolean estimate = bool("estimate");
        if (text("estimate") == null) {
            required("estimate");
        }
        if (Boolean.TRUE.equals(estimate) && source != null && !source.toLowerCase(java.util.Locale.ROOT).contains("estimate")) {
            problem("source", "an estimate must say 'estimate' in its source");
        }
        return new Citation(source, date, estimate);
    }

    LocalDate pastDate(String column, LocalDate today) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        LocalDate d = null;
        if (v.length() == 10 && ISO_DATE.matcher(v).matches()) {
            try { // by hand: java.time's ISO formatter costs ~10 ms to initialise on first use
                d = LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(5, 7)),
                        Integer.parseInt(v.substring(8, 10)));
            } catch (DateTimeException e) {
                d = null;
            }
        }
        if (d == null) {
            problem(column, "'" + v + "' is not a date (write it as YYYY-MM-DD)");
            return null;
        }
        if (d.isAfter(today)) {
            problem(column, "the date " + d + " is in the future (today is " + today + ")");
            return null;
        }
        return d;
    }
}
