package dev.clusterplanner.adapters.export.pdf;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Bin;
import dev.clusterplanner.core.document.Block.Marker;
import dev.clusterplanner.core.document.Block.Point;
import dev.clusterplanner.core.document.Block.Series;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Charts drawn with PDF vector primitives: axes with round ticks, lines, bars, markers and legends. */
final class Charts {

    static final float TITLE = 9f;
    static final float LABEL = 6.8f;
    static final float[] DASHES[] = {null, {4f, 2f}, {1.2f, 1.8f}, {6f, 2f, 1.5f, 2f}};

    private final Canvas c;

    Charts(Canvas canvas) {
        this.c = canvas;
    }

    /** Round axis bounds and step covering [min, max] with at most about {@code ticks} intervals. */
    record Axis(double lo, double hi, double step) {
        static Axis nice(double min, double max, int ticks) {
            if (!(max > min)) {
                max = min + (min == 0 ? 1 : Math.abs(min) * 0.1);
            }
            double raw = (max - min) / ticks;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double norm = raw / mag;
            double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
            double lo = Math.floor(min / step + 1e-9) * step;
            double hi = Math.ceil(max / step - 1e-9) * step;
            return new Axis(lo, hi, step);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            for (double v = lo; v <= hi + step * 1e-6; v += step) {
                t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
            }
            return t;
        }
    }

    /** 1,250,000 as "1.25M", 12,000 as "12k", 7.5 as "7.5". */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    private void title(String text, float top) throws IOException {
        c.text(c.ellipsize(text, c.bold, TITLE, c.width()), c.left, top - TITLE * 0.95f, c.bold, TITLE, Rgb.TEXT);
    }

    // ---- legend -----------------------------------------------------------------------------

    private record LegendItem(String label, Rgb colour, float[] dash, boolean block) {
    }

    private List<List<LegendItem>> legendRows(List<LegendItem> items) {
        List<List<LegendItem>> rows = new ArrayList<>();
        List<LegendItem> row = new ArrayList<>();
        float x = 0;
        for (LegendItem it : items) {
            float w = legendWidth(it);
            if (!row.isEmpty() && x + w > c.width()) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            row.add(it);
            x += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private float legendWidth(LegendItem it) {
        return 16f + c.textWidth(c.ellipsize(it.label(), c.regular, LABEL, c.width() - 30f), c.regular, LABEL) + 12f;
    }

    private void legend(List<List<LegendItem>> rows, float top) throws IOException {
        float y = top;
        for (List<LegendItem> row : rows) {
            float x = c.left;
            for (LegendItem it : row) {
                float mid = y - 5f;
                if (it.block()) {
                    c.fillRect(x, mid - 3.5f, 12f, 7f, it.colour());
                } else {
                    c.line(x, mid, x + 12f, mid, 1.6f, it.colour(), it.dash());
                }
                String label = c.ellipsize(it.label(), c.regular, LABEL, c.width() - 30f);
                c.text(label, x + 16f, mid - LABEL * 0.35f, c.regular, LABEL, Rgb.TEXT);
                x += legendWidth(it);
            }
            y -= 11f;
        }
    }

    private void noData(String title) throws IOException {
        c.ensure(30f);
        title(title, c.y());
        c.text(c.clean("(no data)", c.regular), c.left, c.y() - TITLE - 10f, c.regular, LABEL, Rgb.GREY);
        c.moveDown(30f);
    }

    /** Value axis labels on the left: returns the x where the plot starts. */
    private float yAxis(Axis axis, float plotTop, float plotBottom, float plotRight, boolean grid) throws IOException {
        float labelW = 0;
        for (double t : axis.ticks()) {
            labelW = Math.max(labelW, c.textWidth(compact(t), c.regular, LABEL));
        }
        float plotLeft = c.left + labelW + 4f;
        for (double t : axis.ticks()) {
            float y = (float) (plotBottom + (t - axis.lo()) / (axis.hi() - axis.lo()) * (plotTop - plotBottom));
            if (grid) {
                c.line(plotLeft, y, plotRight, y, t == 0 ? 0.7f : 0.4f, t == 0 ? Rgb.RULE : Rgb.GRID, null);
            }
            c.textRight(compact(t), plotLeft - 3f, y - LABEL * 0.35f, c.regular, LABEL, Rgb.GREY);
        }
        return plotLeft;
    }

    // ---- line chart -------------------------------------------------------------------------

    void line(Block.LineChart ch) throws IOException {
        double xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE, yMin = 0, yMax = -Double.MAX_VALUE;
        for (Series s : ch.series()) {
            for (Point p : s.points()) {
                if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                    continue;
                }
                xMin = Math.min(xMin, p.x());
                xMax = Math.max(xMax, p.x());
                yMin = Math.min(yMin, p.y());
                yMax = Math.max(yMax, p.y());
            }
        }
        if (xMax == -Double.MAX_VALUE) {
            noData(ch.title());
            return;
        }
        List<LegendItem> items = new ArrayList<>();
        for (int i = 0; i < ch.series().size(); i++) {
            items.add(new LegendItem(ch.series().get(i).name(), Rgb.palette(i), DASHES[i % DASHES.length], false));
        }
        List<List<LegendItem>> legendRows = legendRows(items);
        float titleH = 14f, yLabelH = 10f, plotH = 165f, xAxisH = 24f;
        float total = titleH + yLabelH + plotH + xAxisH + legendRows.size() * 11f + 10f;
        c.ensure(total);
        float top = c.y();
        title(ch.title(), top);
        float plotTop = top - titleH - yLabelH;
        float plotBottom = plotTop - plotH;
        float plotRight = c.right - 4f;
        Axis ya = Axis.nice(yMin, yMax, 5);
        Axis xa = Axis.nice(xMin, xMax, 8);
        c.text(c.ellipsize(ch.yLabel(), c.regular, LABEL, c.width()), c.left, plotTop + 6.5f, c.regular, LABEL, Rgb.GREY);
        float plotLeft = yAxis(ya, plotTop, plotBottom, plotRight, true);
        XScale xs = new XScale(xa.lo(), xa.hi(), plotLeft, plotRight);
        YScale ys = new YScale(ya.lo(), ya.hi(), plotBottom, plotTop);
        c.line(plotLeft, plotBottom, plotLeft, plotTop, 0.7f, Rgb.RULE, null);
        for (double t : xa.ticks()) {
            float x = xs.at(t);
            c.line(x, plotBottom, x, plotBottom - 2.5f, 0.5f, Rgb.RULE, null);
            String label = compact(t);
            float w = c.textWidth(label, c.regular, LABEL);
            float lx = Math.max(c.left, Math.min(c.right - w, x - w / 2f));
            c.text(label, lx, plotBottom - 4f - LABEL, c.regular, LABEL, Rgb.GREY);
        }
        String xLabel = c.ellipsize(ch.xLabel(), c.regular, LABEL, c.width());
        c.textCentred(xLabel, (plotLeft + plotRight) / 2f, plotBottom - 6f - 2 * LABEL - 2f, c.regular, LABEL, Rgb.GREY);
        for (int i = 0; i < ch.series().size(); i++) {
            List<Point> pts = ch.series().get(i).points().stream()
                    .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList();
            float[] px = new float[pts.size()];
            float[] py = new float[pts.size()];
            for (int k = 0; k < pts.size(); k++) {
                px[k] = xs.at(pts.get(k).x());
                py[k] = ys.at(pts.get(k).y());
            }
            c.polyline(px, py, 1.5f, Rgb.palette(i), DASHES[i % DASHES.length]);
        }
        int k = 0;
        List<float[]> placed = new ArrayList<>();
        for (Marker m : ch.markers()) {
            if (!Double.isFinite(m.x()) || !Double.isFinite(m.y()) || m.x() < xa.lo() || m.x() > xa.hi()) {
                continue;
            }
            float mx = xs.at(m.x());
            float my = ys.at(m.y());
            c.line(mx, plotBottom, mx, my, 0.6f, Rgb.GREY, new float[]{2f, 2f});
            c.dot(mx, my, 2.6f, Rgb.WHITE, Rgb.TEXT);
            String label = c.ellipsize(m.label(), c.regular, LABEL, (plotRight - plotLeft) / 2f);
            float w = c.textWidth(label, c.regular, LABEL);
            float lx = Math.max(plotLeft + 1f, Math.min(plotRight - w, mx + 4f));
            float ly = my + 5f + (k % 3) * (LABEL + 2f);
            if (ly + LABEL > plotTop) {
                ly = my - 6f - LABEL - (k % 3) * (LABEL + 2f);
            }
            ly = Math.max(plotBottom + 2f, Math.min(plotTop - LABEL, ly));
            // a label that would cover an earlier one is left out (its dot and drop line stay; the table names it)
            float[] box = {lx - 1f, ly - 2f, lx + w + 1f, ly + LABEL + 0.5f};
            boolean overlaps = false;
            for (float[] o : placed) {
                overlaps |= box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3];
            }
            if (!overlaps) {
                c.fillRect(lx - 1f, ly - 2f, w + 2f, LABEL + 2.5f, Rgb.WHITE);
                c.text(label, lx, ly, c.regular, LABEL, Rgb.TEXT);
                placed.add(box);
            }
            k++;
        }
        legend(legendRows, plotBottom - xAxisH);
        c.moveDown(total);
    }

    private record XScale(double lo, double hi, float left, float right) {
        float at(double v) {
            return (float) (left + (v - lo) / (hi - lo) * (right - left));
        }
    }

    private record YScale(double lo, double hi, float bottom, float top) {
        float at(double v) {
            return (float) (bottom + (v - lo) / (hi - lo) * (top - bottom));
        }
    }

    // ---- stacked bars -----------------------------------------------------------------------

    void stacked(Block.StackedBarChart ch) throws IOException {
        int n = ch.categories().size();
        if (n == 0) {
            noData(ch.title());
            return;
        }
        double lo = 0, hi = 0;
        for (double[] row : ch.values()) {
            double pos = 0, neg = 0;
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (v >= 0) {
                    pos += v;
                } else {
                    neg += v;
                }
            }
            hi = Math.max(hi, pos);
            lo = Math.min(lo, neg);
        }
        List<LegendItem> items = new ArrayList<>();
        for (int i = 0; i < ch.segments().size(); i++) {
            items.add(new LegendItem(ch.segments().get(i), Rgb.palette(i), null, true));
        }
        List<List<LegendItem>> legendRows = legendRows(items);
        float titleH = 14f, yLabelH = 10f, plotH = 160f, headroom = 12f;
        Axis ya = Axis.nice(lo, hi, 5);
        float labelW0 = 0;
        for (double t : ya.ticks()) {
            labelW0 = Math.max(labelW0, c.textWidth(compact(t), c.regular, LABEL));
        }
        float slot = (c.width() - labelW0 - 8f) / n;
        List<List<String>> catLabels = new ArrayList<>();
        int catLines = 1;
        for (String cat : ch.categories()) {
            List<String> l = c.wrap(cat, c.regular, LABEL, slot - 4f);
            if (l.size() > 3) {
                List<String> cut = new ArrayList<>(l.subList(0, 2));
                cut.add(c.ellipsize(l.get(2) + " " + l.get(3), c.regular, LABEL, slot - 4f));
                l = cut;
            }
            catLabels.add(l);
            catLines = Math.max(catLines, l.size());
        }
        float xAxisH = 6f + catLines * (LABEL + 1.5f) + 4f;
        float total = titleH + yLabelH + headroom + plotH + xAxisH + legendRows.size() * 11f + 10f;
        c.ensure(total);
        float top = c.y();
        title(ch.title(), top);
        float plotTop = top - titleH - yLabelH - headroom;
        float plotBottom = plotTop - plotH;
        float plotRight = c.right - 4f;
        c.text(c.ellipsize(ch.yLabel(), c.regular, LABEL, c.width()), c.left, top - titleH - 3f, c.regular, LABEL, Rgb.GREY);
        float plotLeft = yAxis(ya, plotTop, plotBottom, plotRight, true);
        YScale ys = new YScale(ya.lo(), ya.hi(), plotBottom, plotTop);
        slot = (plotRight - plotLeft) / n;
        float barW = Math.min(56f, slot * 0.62f);
        for (int i = 0; i < n; i++) {
            float cx = plotLeft + slot * (i + 0.5f);
            double pos = 0, neg = 0;
            double[] row = ch.values()[i];
            for (int s = 0; s < row.length; s++) {
                double v = row[s];
                if (!Double.isFinite(v) || v == 0) {
                    continue;
                }
                double from = v >= 0 ? pos : neg + v;
                double to = v >= 0 ? pos + v : neg;
                float y0 = ys.at(from);
                float y1 = ys.at(to);
                c.fillRect(cx - barW / 2f, y0, barW, y1 - y0, Rgb.palette(s));
                if (v >= 0) {
                    pos += v;
                } else {
                    neg += v;
                }
            }
            String totalLabel = ch.totalLabels().isEmpty() ? compact(pos + neg) : ch.totalLabels().get(i);
            totalLabel = c.ellipsize(totalLabel, c.bold, LABEL, slot - 2f);
            c.textCentred(totalLabel, cx, ys.at(pos) + 3f, c.bold, LABEL, Rgb.TEXT);
            float base = plotBottom - 6f - LABEL;
            if (lo < 0) {
                base = ys.at(ya.lo()) - 6f - LABEL;
            }
            for (String l : catLabels.get(i)) {
                c.textCentred(l, cx, base, c.regular, LABEL, Rgb.TEXT);
                base -= LABEL + 1.5f;
            }
        }
        legend(legendRows, plotBottom - xAxisH);
        c.moveDown(total);
    }

    // ---- horizontal grouped bars --------------------------------------------------------------

    void bars(Block.BarChart ch) throws IOException {
        int n = ch.categories().size();
        int ns = Math.max(1, ch.series().size());
        if (n == 0) {
            noData(ch.title());
            return;
        }
        double max = ch.limit() > 0 ? ch.limit() : 0;
        for (double[] row : ch.values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        if (ch.unit().equals("%")) {
            max = Math.max(max, 100);
        }
        Axis xa = Axis.nice(0, max, 5);
        List<LegendItem> items = new ArrayList<>();
        for (int i = 0; i < ch.series().size(); i++) {
            items.add(new LegendItem(ch.series().get(i), Rgb.palette(i), null, true));
        }
        List<List<LegendItem>> legendRows = legendRows(items);
        float barH = ns > 2 ? 5f : 7f;
        float groupH = ns * barH + 5f;
        float fixed = 14f + 10f + 16f + legendRows.size() * 11f + 10f;
        int perChart = (int) Math.max(1, Math.min(30, Math.floor((c.pageCapacity() - fixed) / groupH)));
        float labelW = 0;
        for (String cat : ch.categories()) {
            labelW = Math.max(labelW, c.textWidth(c.clean(cat, c.regular), c.regular, LABEL));
        }
        labelW = Math.min(labelW + 6f, c.width() * 0.28f);
        for (int start = 0; start < n; start += perChart) {
            int end = Math.min(n, start + perChart);
            float plotH = (end - start) * groupH;
            float total = fixed + plotH;
            c.ensure(total);
            float top = c.y();
            title(start == 0 ? ch.title() : ch.title() + " (continued)", top);
            legend(legendRows, top - 14f);
            float plotTop = top - 14f - legendRows.size() * 11f - 10f;
            float plotBottom = plotTop - plotH;
            float plotLeft = c.left + labelW;
            float plotRight = c.right - 22f;
            XScale xs = new XScale(xa.lo(), xa.hi(), plotLeft, plotRight);
            for (double t : xa.ticks()) {
                float x = xs.at(t);
                c.line(x, plotBottom, x, plotTop, 0.4f, t == 0 ? Rgb.RULE : Rgb.GRID, null);
                String label = compact(t) + (ch.unit().equals("%") ? "%" : "");
                c.textCentred(label, x, plotBottom - 4f - LABEL, c.regular, LABEL, Rgb.GREY);
            }
            float y = plotTop;
            for (int i = start; i < end; i++) {
                String label = c.ellipsize(ch.categories().get(i), c.regular, LABEL, labelW - 6f);
                c.text(label, c.left, y - groupH / 2f - LABEL * 0.35f + 2.5f, c.regular, LABEL, Rgb.TEXT);
                float by = y - 2.5f;
                for (int s = 0; s < ch.series().size(); s++) {
                    double v = ch.values()[i][s];
                    if (Double.isFinite(v) && v > 0) {
                        float x1 = xs.at(Math.min(v, xa.hi()));
                        c.fillRect(plotLeft, by - barH, x1 - plotLeft, barH - 0.8f, Rgb.palette(s));
                        String value = compact(v) + (ch.unit().equals("%") ? "%" : "");
                        float size = Math.min(LABEL, barH);
                        float vx = Math.min(x1 + 2f, c.right - c.textWidth(value, c.regular, size));
                        c.text(value, vx, by - barH + 0.6f, c.regular, size, Rgb.GREY);
                    }
                    by -= barH;
                }
                y -= groupH;
            }
            if (ch.limit() > 0 && ch.limit() <= xa.hi()) {
                float lx = xs.at(ch.limit());
                c.line(lx, plotBottom, lx, plotTop + 2f, 0.9f, Rgb.ERROR, new float[]{3f, 2f});
                String l = c.ellipsize(ch.limitLabel(), c.regular, LABEL, c.width() / 2f);
                float w = c.textWidth(l, c.regular, LABEL);
                c.text(l, Math.max(c.left, Math.min(c.right - w, lx - w / 2f)), plotTop + 3f, c.regular, LABEL, Rgb.ERROR);
            }
            c.line(plotLeft, plotBottom, plotRight, plotBottom, 0.6f, Rgb.RULE, null);
            c.moveDown(total);
        }
    }

    // ---- histogram --------------------------------------------------------------------------

    void histogram(Block.Histogram ch) throws IOException {
        if (ch.bins().isEmpty()) {
            noData(ch.title());
            return;
        }
        double xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE;
        long cMax = 0;
        for (Bin b : ch.bins()) {
            xMin = Math.min(xMin, b.from());
            xMax = Math.max(xMax, b.to());
            cMax = Math.max(cMax, b.count());
        }
        float titleH = 14f, yLabelH = 10f, plotH = 140f, xAxisH = 24f, headroom = 2 * (LABEL + 3f);
        float total = titleH + yLabelH + headroom + plotH + xAxisH + 6f;
        c.ensure(total);
        float top = c.y();
        title(ch.title(), top);
        float plotTop = top - titleH - yLabelH - headroom;
        float plotBottom = plotTop - plotH;
        float plotRight = c.right - 4f;
        c.text(c.clean("count", c.regular), c.left, top - titleH - yLabelH + 3f, c.regular, LABEL, Rgb.GREY);
        Axis ya = Axis.nice(0, Math.max(1, cMax), 4);
        float plotLeft = yAxis(ya, plotTop, plotBottom, plotRight, true);
        Axis xa = Axis.nice(xMin, xMax, 8);
        double lo = Math.min(xa.lo(), xMin);
        double hi = Math.max(xa.hi(), xMax);
        XScale xs = new XScale(lo, hi, plotLeft, plotRight);
        YScale ys = new YScale(ya.lo(), ya.hi(), plotBottom, plotTop);
        for (Bin b : ch.bins()) {
            float x0 = xs.at(b.from());
            float x1 = xs.at(b.to());
            c.fillRect(x0 + 0.3f, plotBottom, Math.max(0.3f, x1 - x0 - 0.6f), ys.at(b.count()) - plotBottom, Rgb.palette(0));
        }
        for (double t : xa.ticks()) {
            if (t < lo || t > hi) {
                continue;
            }
            float x = xs.at(t);
            c.line(x, plotBottom, x, plotBottom - 2.5f, 0.5f, Rgb.RULE, null);
            String label = compact(t);
            float w = c.textWidth(label, c.regular, LABEL);
            c.text(label, Math.max(c.left, Math.min(c.right - w, x - w / 2f)), plotBottom - 4f - LABEL, c.regular, LABEL, Rgb.GREY);
        }
        String xLabel = c.ellipsize(ch.xLabel(), c.regular, LABEL, c.width());
        c.textCentred(xLabel, (plotLeft + plotRight) / 2f, plotBottom - 6f - 2 * LABEL - 2f, c.regular, LABEL, Rgb.GREY);
        int k = 0;
        for (Marker m : ch.markers()) {
            if (!Double.isFinite(m.x()) || m.x() < lo || m.x() > hi) {
                continue;
            }
            float mx = xs.at(m.x());
            c.line(mx, plotBottom, mx, plotTop + 2f, 0.9f, Rgb.palette(3), new float[]{3f, 2f});
            String label = c.ellipsize(m.label(), c.regular, LABEL, (plotRight - plotLeft) / 2f);
            float w = c.textWidth(label, c.regular, LABEL);
            float ly = plotTop + 3f + (k % 2) * (LABEL + 2f);
            c.text(label, Math.max(c.left, Math.min(c.right - w, mx - w / 2f)), ly, c.regular, LABEL, Rgb.TEXT);
            k++;
        }
        c.line(plotLeft, plotBottom, plotRight, plotBottom, 0.7f, Rgb.RULE, null);
        c.moveDown(total);
    }
}
