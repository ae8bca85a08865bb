package dev.clusterplanner.adapters.ceph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parser for the Prometheus text exposition format (version 0.0.4), as served by Ceph's manager
 * (and read by Prometheus itself). It scans each line character by character:
 * <ul>
 *   <li>{@code # HELP name text} (text escapes {@code \\} and {@code \n}) and {@code # TYPE name type};
 *       other {@code #} lines are comments; an OpenMetrics {@code # EOF} ends the input;</li>
 *   <li>samples {@code name{label="value",...} value [timestamp]}; label values may hold escaped quotes,
 *       backslashes and newlines ({@code \" \\ \n}); a trailing comma is allowed;</li>
 *   <li>values are Go floats as Prometheus writes them, including {@code NaN}, {@code +Inf}, {@code -Inf};
 *       the optional timestamp is an integer in milliseconds.</li>
 * </ul>
 * A malformed line is reported with its number and the reason, skipped, and the rest is read.
 */
public final class PrometheusText {

    /** One sample line. {@code timestampMs} is null when the line has none. */
    public record Sample(String name, Map<String, String> labels, double value, Long timestampMs, int line) {
        public Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        public String label(String key) {
            return labels.get(key);
        }
    }

    /** A line that could not be read: its 1-based number, its text (shortened) and why. */
    public record Problem(int line, String text, String reason) {
        public String describe() {
            return "line " + line + ": " + reason + ": " + text;
        }
    }

    /** Everything read from one exposition, with the samples indexed by metric name. */
    public static final class Exposition {
        private final List<Sample> samples;
        private final Map<String, String> types;
        private final Map<String, String> help;
        private final List<Problem> problems;
        private final Map<String, List<Sample>> byName = new HashMap<>();

        Exposition(List<Sample> samples, Map<String, String> types, Map<String, String> help, List<Problem> problems) {
            this.samples = List.copyOf(samples);
            this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
            this.help = Collections.unmodifiableMap(new LinkedHashMap<>(help));
            this.problems = List.copyOf(problems);
            for (Sample s : this.samples) {
                byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
            }
            byName.replaceAll((k, v) -> List.copyOf(v));
        }

        public List<Sample> samples() {
            return samples;
        }

        /** Metric name to its declared type (counter, gauge, histogram, summary, untyped). */
        public Map<String, String> types() {
            return types;
        }

        /** Metric name to its HELP text, unescaped. */
        public Map<String, String> help() {
            return help;
        }

        public List<Problem> problems() {
            return problems;
        }

        /** Every sample of the metric {@code name}, in the order served. */
        public List<Sample> all(String name) {
            return byName.getOrDefault(name, List.of());
        }

        /** The first sample of {@code name} whose labels include {@code label=value}, or null. */
        public Sample find(String name, String label, String value) {
            for (Sample s : all(name)) {
                if (value.equals(s.labels().get(label))) {
                    return s;
                }
            }
            return null;
        }

        /** The samples of {@code name} by the value of their label {@code label} (the first wins). */
        public Map<String, Sample> byLabel(String name, String label) {
            Map<String, Sample> m = new HashMap<>();
            for (Sample s : all(name)) {
                String v = s.labels().get(label);
                if (v != null) {
                    m.putIfAbsent(v, s);
                }
            }
            return m;
        }

        /** The first sample of {@code name}, or null. */
        public Sample first(String name) {
            List<Sample> l = all(name);
            return l.isEmpty() ? null : l.get(0);
        }
    }

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final int MAX_SHOWN = 120;

    private PrometheusText() {
    }

    public static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        int len = text.length();
        while (start < len) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = len;
            }
            lineNo++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            try {
                if (line.isBlank()) {
                    continue;
                }
                Scanner sc = new Scanner(line);
                sc.skipBlanks();
                if (sc.peek() == '#') {
                    if (comment(sc, types, help, lineNo)) {
                        break; // # EOF
                    }
                } else {
                    samples.add(sample(sc, lineNo));
                }
            } catch (Malformed e) {
                problems.add(new Problem(lineNo, shorten(line), e.getMessage()));
            }
        }
        return new Exposition(samples, types, help, problems);
    }

    /** Reads a comment line; true when it is the OpenMetrics end marker. */
    private static boolean comment(Scanner sc, Map<String, String> types, Map<String, String> help, int lineNo) {
        sc.next(); // '#'
        sc.skipBlanks();
        String keyword = sc.word();
        if (keyword.equals("EOF") && sc.atEnd()) {
            return true;
        }
        if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
            return false; // a plain comment
        }
        sc.requireBlank("after # " + keyword);
        String name = sc.metricName();
        if (keyword.equals("TYPE")) {
            sc.requireBlank("after the metric name");
            String type = sc.word();
            sc.skipBlanks();
            if (!sc.atEnd()) {
                throw new Malformed("unexpected text after the type");
            }
            if (!TYPES.contains(type)) {
                throw new Malformed("unknown metric type '" + type + "' (expected counter, gauge, histogram, summary or untyped)");
            }
            String earlier = types.putIfAbsent(name, type);
            if (earlier != null && !earlier.equals(type)) {
                throw new Malformed("second TYPE line for " + name + " says " + type + ", the first said " + earlier);
            }
            // an agreeing repeat is accepted: Ceph 16.2's manager repeats HELP and TYPE of ceph_pool_objects_repaired per pool
        } else {
            String doc = "";
            if (!sc.atEnd()) {
                sc.requireBlank("after the metric name");
                doc = sc.helpText();
            }
            help.putIfAbsent(name, doc); // the first HELP wins; Ceph 16.2 repeats some (see TYPE above)
        }
        return false;
    }

    private static Sample sample(Scanner sc, int lineNo) {
        String name = sc.metricName();
        Map<String, String> labels = new LinkedHashMap<>();
        int afterName = sc.position();
        sc.skipBlanks();
        boolean blank = sc.position() > afterName;
        if (sc.peek() == '{' && !sc.atEnd()) {
            sc.next();
            sc.skipBlanks();
            while (sc.peek() != '}') {
                String key = sc.labelName();
                sc.skipBlanks();
                sc.expect('=', "'=' after label " + key);
                sc.skipBlanks();
                sc.expect('"', "a quoted value for label " + key);
                String value = sc.quoted();
                if (labels.putIfAbsent(key, value) != null) {
                    throw new Malformed("label " + key + " appears twice");
                }
                sc.skipBlanks();
                if (sc.peek() == ',') {
                    sc.next();
                    sc.skipBlanks();
                } else if (sc.peek() != '}') {
                    throw new Malformed(sc.atEnd() ? "labels not closed with '}'" : "expected ',' or '}' after label " + key);
                }
            }
            sc.next(); // '}'
            sc.requireBlank("before the value");
        } else if (!blank && !sc.atEnd()) {
            throw new Malformed("unexpected '" + sc.peek() + "' after the metric name");
        }
        String valueText = sc.word();
        double value = parseValue(valueText);
        Long ts = null;
        sc.skipBlanks();
        if (!sc.atEnd()) {
            String tsText = sc.word();
            ts = parseTimestamp(tsText);
            sc.skipBlanks();
            if (!sc.atEnd()) {
                throw new Malformed("unexpected text after the timestamp");
            }
        }
        return new Sample(name, labels, value, ts, lineNo);
    }

    /** A Go float as Prometheus writes it: decimal or exponent notation, NaN, +Inf, -Inf (case-insensitive). */
    static double parseValue(String t) {
        if (t.isEmpty()) {
            throw new Malformed("missing value");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan":
                return Double.NaN;
            case "+inf", "inf", "+infinity", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        // Only digits, sign, point and exponent: Java's parseDouble would also take "1d", "0x1p3" or "Infinity".
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                throw new Malformed("value '" + t + "' is not a number");
            }
        }
        if (!digit) {
            throw new Malformed("value '" + t + "' is not a number");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new Malformed("value '" + t + "' is not a number");
        }
    }

    private static long parseTimestamp(String t) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new Malformed("timestamp '" + t + "' is not an integer of milliseconds");
        }
    }

    private static String shorten(String line) {
        return line.length() <= MAX_SHOWN ? line : line.substring(0, MAX_SHOWN) + "...";
    }

    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A cursor over one line. */
    private static final class Scanner {
        private final String s;
        private int i;

        Scanner(String s) {
            this.s = s;
        }

        int position() {
            return i;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        char next() {
            return s.charAt(i++);
        }

        void skipBlanks() {
            while (!atEnd() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        void requireBlank(String where) {
            if (atEnd() || (peek() != ' ' && peek() != '\t')) {
                throw new Malformed(atEnd() ? "line ends " + where : "expected a space " + where + ", found '" + peek() + "'");
            }
            skipBlanks();
        }

        void expect(char c, String what) {
            if (peek() != c || atEnd()) {
                throw new Malformed("expected " + what + (atEnd() ? ", line ends" : ", found '" + peek() + "'"));
            }
            i++;
        }

        /** Up to the next space or tab. */
        String word() {
            int from = i;
            while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                i++;
            }
            return s.substring(from, i);
        }

        /** [a-zA-Z0-9_] and, for metric names, ':'. */
        String name(boolean colon) {
            int from = i;
            while (i < s.length()) {
                char ch = s.charAt(i);
                if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || (colon && ch == ':')) {
                    i++;
                } else {
                    break;
                }
            }
            return s.substring(from, i);
        }

        String metricName() {
            char c = peek();
            if (atEnd() || !(Character.isLetter(c) && c < 128 || c == '_' || c == ':')) {
                throw new Malformed(atEnd() ? "missing metric name" : "metric name cannot start with '" + c + "'");
            }
            return name(true);
        }

        String labelName() {
            char c = peek();
            if (atEnd() || !(Character.isLetter(c) && c < 128 || c == '_')) {
                throw new Malformed(atEnd() ? "labels not closed with '}'" : "label name cannot start with '" + c + "'");
            }
            return name(false);
        }

        /** A label value after its opening quote, up to and including the closing quote. */
        String quoted() {
            StringBuilder b = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new Malformed("label value not closed with '\"'");
                }
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw new Malformed("label value ends in a lone backslash");
                    }
                    char e = next();
                    switch (e) {
                        case '"' -> b.append('"');
                        case '\\' -> b.append('\\');
                        case 'n' -> b.append('\n');
                        default -> throw new Malformed("unknown escape '\\" + e + "' in a label value (only \\\", \\\\ and \\n)");
                    }
                } else {
                    b.append(c);
                }
            }
        }

        /** The rest of a HELP line, with {@code \\} and {@code \n} unescaped (other backslashes kept, as Prometheus does). */
        String helpText() {
            StringBuilder b = new StringBuilder();
            while (!atEnd()) {
                char c = next();
                if (c == '\\' && !atEnd() && (peek() == '\\' || peek() == 'n')) {
                    b.append(next() == 'n' ? '\n' : '\\');
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }
}
