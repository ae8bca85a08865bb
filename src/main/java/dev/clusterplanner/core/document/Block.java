package dev.clusterplanner.core.document;

import java.util.List;
import java.util.Objects;

/**
 * The building blocks of a report. Every text is plain Unicode; numbers arrive already formatted
 * (the mapping from plan results decides how a figure reads, so the PDF says exactly what the
 * JSON/CSV exports say). Charts carry raw numbers and draw their own axes.
 */
public sealed interface Block {

    /** A section heading; level 1 is a chapter, 2 a section, 3 a sub-section. Never left alone at a page foot. */
    record Heading(int level, String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
            if (level < 1 || level > 3) {
                throw new IllegalArgumentException("heading level 1..3: " + level);
            }
        }
    }

    enum TextStyle { NORMAL, SMALL, NOTE, EMPHASIS }

    /** A paragraph, wrapped to the page width. */
    record Paragraph(String text, TextStyle style) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
            style = style == null ? TextStyle.NORMAL : style;
        }

        public Paragraph(String text) {
            this(text, TextStyle.NORMAL);
        }
    }

    record KeyValue(String key, String value) {
        public KeyValue {
            key = key == null ? "" : key;
            value = value == null ? "" : value;
        }
    }

    /** Label: value pairs in two aligned columns (the title block, a site's headline figures). */
    record KeyValues(List<KeyValue> entries) implements Block {
        public KeyValues {
            entries = List.copyOf(entries);
        }
    }

    enum Align { LEFT, RIGHT }

    record Column(String header, Align align) {
        public Column {
            header = header == null ? "" : header;
            align = align == null ? Align.LEFT : align;
        }

        public static Column left(String header) {
            return new Column(header, Align.LEFT);
        }

        public static Column right(String header) {
            return new Column(header, Align.RIGHT);
        }
    }

    /** A table row; {@code emphasis} draws it in bold (a total, the recommended option). */
    record Row(List<String> cells, boolean emphasis) {
        public Row {
            cells = cells.stream().map(c -> c == null ? "" : c).toList();
        }

        public static Row of(String... cells) {
            return new Row(List.of(cells), false);
        }

        public static Row bold(String... cells) {
            return new Row(List.of(cells), true);
        }
    }

    /** A table; it breaks across pages between rows and repeats its header row on every page. */
    record Table(List<Column> columns, List<Row> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            for (Row r : rows) {
                if (r.cells().size() != columns.size()) {
                    throw new IllegalArgumentException("row has " + r.cells().size() + " cells, table has "
                            + columns.size() + " columns: " + r.cells());
                }
            }
        }
    }

    record Point(double x, double y) {
    }

    record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    /** A marked point on a line chart (a break-even), drawn as a dot, a dashed drop line and a label. */
    record Marker(double x, double y, String label) {
    }

    /** Lines over a numeric x axis (cumulative cost by month), with marked points. */
    record LineChart(String title, String xLabel, String yLabel, List<Series> series, List<Marker> markers)
            implements Block {
        public LineChart {
            Objects.requireNonNull(title, "title");
            xLabel = xLabel == null ? "" : xLabel;
            yLabel = yLabel == null ? "" : yLabel;
            series = List.copyOf(series);
            markers = markers == null ? List.of() : List.copyOf(markers);
        }
    }

    /**
     * Vertical stacked bars: one bar per category (an option), one segment per part (hardware, power, ...).
     * {@code values[category][segment]}; negative parts (resale value) stack below zero.
     * {@code totalLabels} (formatted like the tables, may be empty) are printed above the bars.
     */
    record StackedBarChart(String title, String yLabel, List<String> categories, List<String> segments,
                           double[][] values, List<String> totalLabels) implements Block {
        public StackedBarChart {
            Objects.requireNonNull(title, "title");
            yLabel = yLabel == null ? "" : yLabel;
            categories = List.copyOf(categories);
            segments = List.copyOf(segments);
            if (values.length != categories.size()) {
                throw new IllegalArgumentException("values rows " + values.length + " != categories " + categories.size());
            }
            double[][] copy = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                if (values[i].length != segments.size()) {
                    throw new IllegalArgumentException("values[" + i + "] has " + values[i].length + " segments, expected " + segments.size());
                }
                copy[i] = values[i].clone();
            }
            values = copy;
            totalLabels = totalLabels == null ? List.of() : List.copyOf(totalLabels);
            if (!totalLabels.isEmpty() && totalLabels.size() != categories.size()) {
                throw new IllegalArgumentException("one total label per category");
            }
        }
    }

    /**
     * Horizontal grouped bars: one group per category (a host), one bar per series (CPU, memory, disk)
     * in percent, with an optional dashed limit line (e.g. the Ceph nearfull ratio). Long category
     * lists continue in further charts of the same title.
     */
    record BarChart(String title, String unit, List<String> categories, List<String> series, double[][] values,
                    double limit, String limitLabel) implements Block {
        public BarChart {
            Objects.requireNonNull(title, "title");
            unit = unit == null ? "" : unit;
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            if (values.length != categories.size()) {
                throw new IllegalArgumentException("values rows " + values.length + " != categories " + categories.size());
            }
            double[][] copy = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                if (values[i].length != series.size()) {
                    throw new IllegalArgumentException("values[" + i + "] has " + values[i].length + " series, expected " + series.size());
                }
                copy[i] = values[i].clone();
            }
            values = copy;
            limitLabel = limitLabel == null ? "" : limitLabel;
        }
    }

    record Bin(double from, double to, long count) {
    }

    /** A histogram over a numeric axis (simulation outcomes), with marked values (percentiles). */
    record Histogram(String title, String xLabel, List<Bin> bins, List<Marker> markers) implements Block {
        public Histogram {
            Objects.requireNonNull(title, "title");
            xLabel = xLabel == null ? "" : xLabel;
            bins = List.copyOf(bins);
            markers = markers == null ? List.of() : List.copyOf(markers);
        }
    }

    enum Level { INFO, WARNING, ERROR }

    record FindingItem(Level level, String text, String detail) {
        public FindingItem {
            Objects.requireNonNull(level, "level");
            text = text == null ? "" : text;
            detail = detail == null ? "" : detail;
        }
    }

    /** Findings with a coloured severity badge each; {@code detail} (rule, citation) in small grey type. */
    record Findings(List<FindingItem> items) implements Block {
        public Findings {
            items = List.copyOf(items);
        }
    }

    /** Starts a new page (unless the current one is still empty). */
    record PageBreak() implements Block {
    }
}
