package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.FindingItem;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.usage.InstanceUsage;
import dev.clusterplanner.core.usage.MemberUsage;
import dev.clusterplanner.core.usage.UsageSeries;
import dev.clusterplanner.core.usage.UsageStats;
import dev.clusterplanner.core.usage.UsageSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Usage over time" part of the report's Live cluster section, when the saved probe carries a watch
 * ({@code probe --watch --json}): what each instance and member used (mean, P95, maximum), a chart of CPU cores per
 * instance over time, and the right-sizing findings.
 */
final class UsageReportSection {

    /** At most this many instances are drawn in the chart (the busiest by P95); the table lists them all. */
    static final int MAX_LINES = 10;

    private UsageReportSection() {
    }

    static List<Block> blocks(WatchService.Result w, WatchService.DemandComparison demand) {
        List<Block> b = new ArrayList<>();
        UsageSummary u = w.summary();
        b.add(new Heading(2, "Usage over time"));
        b.add(new Paragraph(String.format(Locale.ROOT, "Watched %s%s: %d of %d samples every %d s%s. CPU use in cores is the CPU time an"
                        + " instance consumed between two samples divided by the time between them; P95 is the 95th percentile (nearest rank);"
                        + " right-sizing adds %s %% headroom to P95.",
                u.samples() == 0 ? "" : "from " + u.from() + " to " + u.to(),
                u.samples() < 2 ? "" : " (" + UsageSummary.human(Duration.between(u.from(), u.to())) + ")",
                u.samples(), w.settings().plannedSamples(), w.settings().interval().toSeconds(),
                w.stoppedEarly() ? ", stopped early" : "", num(w.settings().headroomPct()))));
        List<UsageSeries.Line> lines = new ArrayList<>(UsageSeries.cores(w.samples(), w.settings().interval()).get("instances"));
        if (!lines.isEmpty()) {
            lines.sort((x, y) -> Double.compare(peak(y), peak(x)));
            List<Block.Series> series = lines.stream().limit(MAX_LINES)
                    .map(l -> new Block.Series(l.name(), l.points().stream().map(p -> new Block.Point(p.seconds(), p.value())).toList()))
                    .toList();
            b.add(new Block.LineChart("CPU cores per instance" + (lines.size() > MAX_LINES ? " (the " + MAX_LINES + " busiest)" : ""),
                    "seconds since the first sample", "cores", series, List.of()));
        }
        List<Row> rows = new ArrayList<>();
        for (InstanceUsage i : u.instances()) {
            LiveInstance live = w.probe().snapshot().instances().stream()
                    .filter(x -> x.project().equals(i.project()) && x.name().equals(i.name())).findFirst().orElse(null);
            rows.add(Row.of(("default".equals(i.project()) ? "" : i.project() + "/") + i.name(), i.location(),
                    live == null || live.cpuLimit() == null ? "–" : num(live.cpuLimit()), stats(i.cores()),
                    i.memoryBytes().empty() ? "–" : IncusUnits.human((long) i.memoryBytes().p95()),
                    live == null || live.memoryLimitBytes() == null ? "–" : IncusUnits.human(live.memoryLimitBytes())));
        }
        b.add(new Block.Table(List.of(Column.left("Instance"), Column.left("Member"), Column.right("CPU limit"),
                Column.right("Cores mean / P95 / max"), Column.right("Memory P95"), Column.right("Memory limit")), rows));
        List<Row> members = new ArrayList<>();
        for (MemberUsage m : u.members()) {
            members.add(Row.of(m.name(), m.answered() + " of " + m.samples(), stats(m.instanceCores()),
                    m.memoryUsedBytes().empty() ? "–" : IncusUnits.human((long) m.memoryUsedBytes().p95()) + " of " + IncusUnits.human(m.memoryTotalBytes())));
        }
        b.add(new Block.Table(List.of(Column.left("Member"), Column.right("Samples answered"), Column.right("Instance cores mean / P95 / max"),
                Column.right("Memory used P95")), members));
        if (demand != null) {
            b.add(new Paragraph("Plan site " + demand.site() + " sized for the live workloads: by their limits "
                    + hosts(demand.hostsByLimits(), demand.optionByLimits()) + "; by their observed use (P95 plus the headroom) "
                    + hosts(demand.hostsByUsage(), demand.optionByUsage()) + "."));
        }
        for (String note : w.notes()) {
            b.add(new Paragraph(note, TextStyle.NOTE));
        }
        if (w.usageFindings().isEmpty()) {
            b.add(new Paragraph("No right-sizing findings: every instance's use fits its limits with the headroom."));
        } else {
            List<FindingItem> items = new ArrayList<>();
            for (Finding f : Finding.worstFirst(w.usageFindings())) {
                items.add(FindingsSection.findingItem(f));
            }
            b.add(new Heading(3, "Right-sizing"));
            b.add(new Block.Findings(items));
        }
        return b;
    }

    static String hosts(Integer n, String option) {
        return n == null ? "no option fits" : n + " host(s) of " + option;
    }

    private static double peak(UsageSeries.Line l) {
        return l.points().stream().mapToDouble(UsageSeries.Point::value).max().orElse(0);
    }

    static String stats(UsageStats s) {
        return s.empty() ? "–" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f", s.mean(), s.p95(), s.max());
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
