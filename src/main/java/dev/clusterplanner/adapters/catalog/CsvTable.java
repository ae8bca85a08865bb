package dev.clusterplanner.adapters.catalog;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One CSV file read the way spreadsheets write it: RFC 4180 quoting (fields with commas or line
 * breaks in double quotes), a UTF-8 byte-order mark, CRLF or LF line ends, blank lines (skipped).
 * Each record keeps the line it starts on, so that every problem can point at file, line and column.
 * A file separated by ';' is recognised and rejected with a plain message.
 */
final class CsvTable {

    /** One data record: the 1-based line it starts on and its fields, trimmed. */
    record Record(int line, String[] fields) {
    }

    final String file;
    /** Column name to 0-based index (names lower-cased and trimmed). */
    final Map<String, Integer> columns;
    final List<Record> records;

    private CsvTable(String file, Map<String, Integer> columns, List<Record> records) {
        this.file = file;
        this.columns = columns;
        this.records = records;
    }

    /**
     * Parses {@code text}; problems with the file as a whole or its header are added to {@code problems}.
     * Returns {@code null} when nothing can be read (empty, not comma-separated, broken quoting).
     */
    static CsvTable parse(String text, String file, Set<String> knownColumns, Set<String> requiredColumns,
                          List<InputProblem> problems) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (!wellFormed(text, file, problems)) {
            return null;
        }
        List<Record> raw = new ArrayList<>();
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build())
                .build()) {
            long before = 0;
            String[] fields;
            while ((fields = reader.readNext()) != null) {
                int line = (int) before + 1;
                before = reader.getLinesRead();
                boolean blank = true;
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].strip();
                    blank &= fields[i].isEmpty();
                }
                if (!blank) {
                    raw.add(new Record(line, fields));
                    if (raw.size() > Limits.MAX_CSV_ROWS + 1) {
                        problems.add(new InputProblem(file, line, 0, "", "the file has more than " + Limits.MAX_CSV_ROWS
                                + " rows, the most this program reads from one file"));
                        return null;
                    }
                }
            }
        } catch (CsvMalformedLineException e) {
            problems.add(new InputProblem(file, (int) e.getLineNumber(), 0, "",
                    "a quoted field is not closed (a '\"' is missing)"));
            return null;
        } catch (CsvException | IOException e) {
            problems.add(new InputProblem(file, 0, 0, "", "cannot be read as CSV: " + e.getMessage()));
            return null;
        }
        if (raw.isEmpty()) {
            problems.add(new InputProblem(file, 1, 0, "", "the file is empty; it needs a header row"));
            return null;
        }
        Record headerRecord = raw.get(0);
        String[] header = headerRecord.fields();
        if (header.length == 1 && header[0].contains(";")) {
            problems.add(new InputProblem(file, headerRecord.line(), 0, "", "this file uses ';' as separator; use ','"));
            return null;
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                problems.add(new InputProblem(file, headerRecord.line(), i + 1, "", "column " + (i + 1) + " has no name in the header row"));
                continue;
            }
            Integer previous = columns.putIfAbsent(name, i);
            if (previous != null) {
                problems.add(new InputProblem(file, headerRecord.line(), i + 1, name,
                        "the column '" + name + "' appears twice (also column " + (previous + 1) + ")"));
            } else if (!knownColumns.contains(name)) {
                String suggestion = closest(name, knownColumns);
                problems.add(new InputProblem(file, headerRecord.line(), i + 1, name, "unknown column '" + name + "'"
                        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")));
            }
        }
        for (String required : requiredColumns) {
            if (!columns.containsKey(required)) {
                problems.add(new InputProblem(file, headerRecord.line(), 0, required, "the required column '" + required + "' is missing"));
            }
        }
        List<Record> records = new ArrayList<>();
        for (Record r : raw.subList(1, raw.size())) {
            if (r.fields().length != header.length) {
                problems.add(new InputProblem(file, r.line(), 0, "", "this row has " + r.fields().length
                        + " fields but the header has " + header.length));
            } else {
                records.add(r);
            }
        }
        return new CsvTable(file, Collections.unmodifiableMap(columns), records);
    }

    /**
     * Checks what the CSV library lets through: a NUL character (not text), a quote inside a field that does not
     * start with one (a spreadsheet would have quoted the whole field and doubled the quote), and text after a
     * closing quote. Reports at most 10 problems, each with line and column; false when any was found.
     */
    static boolean wellFormed(String text, String file, List<InputProblem> problems) {
        final int start = 0;
        final int unquoted = 1;
        final int quoted = 2;
        final int closed = 3; // just after a quote inside a quoted field: a closing quote, or the first of a doubled one
        int state = start;
        int line = 1;
        int column = 0;
        int found = 0;
        for (int i = 0; i < text.length() && found < 10; i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\u0000') {
                problems.add(new InputProblem(file, line, column, "", "a NUL character (byte 0) is in the file; a CSV file holds text only"));
                found++;
            } else if (c == '"') {
                if (state == start) {
                    state = quoted;
                } else if (state == quoted) {
                    state = closed;
                } else if (state == closed) {
                    state = quoted; // "" is one quote inside a quoted field
                } else {
                    problems.add(new InputProblem(file, line, column, "", "a '\"' inside a field that does not start with one;"
                            + " put the whole field in quotes and double the quote (\"\")"));
                    found++;
                }
            } else if (c == ',' || c == '\n') {
                if (state != quoted) {
                    state = start;
                }
            } else if (c == '\r') {
                // part of a CRLF line end (or of a quoted field): changes nothing
            } else if (state == start) {
                state = unquoted;
            } else if (state == closed) {
                problems.add(new InputProblem(file, line, column, "", "text after a field's closing '\"'; only ',' or the end of the"
                        + " line may follow it"));
                found++;
                state = unquoted;
            }
            if (c == '\n') {
                line++;
                column = 0;
            }
        }
        return found == 0;
    }

    CsvRow row(Record r, List<InputProblem> problems) {
        return new CsvRow(this, r, problems);
    }

    /** The known column nearest to a misspelt one (edit distance at most 3), or null. */
    static String closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Column index lookup used by {@link CsvRow}; -1 when the file has no such column. */
    int index(String column) {
        return columns.getOrDefault(column, -1);
    }

    /**
     * Every record read by {@code reader} (which reports its own problems and returns null for a bad row), each id
     * unique in this file and not defined by another file of the catalog ({@code elsewhere}: id to "desktop.csv line 3").
     * All or nothing: an empty list when any problem was added since {@code before}.
     */
    <T> List<Lined<T>> uniqueRows(List<InputProblem> problems, int before, Map<String, String> elsewhere,
                                  Function<CsvRow, T> reader, Function<T, String> idOf) {
        List<Lined<T>> out = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Record r : records) {
            CsvRow row = row(r, problems);
            T value = reader.apply(row);
            if (value == null) {
                continue;
            }
            String id = idOf.apply(value);
            Integer first = firstLine.putIfAbsent(id, row.line());
            if (first != null) {
                row.problem("id", "id '" + id + "' is used twice (first on line " + first + ")");
            } else if (elsewhere.containsKey(id)) {
                row.problem("id", "id '" + id + "' is already defined in " + elsewhere.get(id));
            } else {
                out.add(new Lined<>(value, row.line()));
            }
        }
        return problems.size() == before ? List.copyOf(out) : List.of();
    }

    /** The values of a whole file, or the exception that lists every problem (a rejected file never half-loads). */
    static <T> List<T> valuesOrThrow(List<Lined<T>> rows, List<InputProblem> problems) throws InputRejectedException {
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        return rows.stream().map(Lined::value).toList();
    }
}
