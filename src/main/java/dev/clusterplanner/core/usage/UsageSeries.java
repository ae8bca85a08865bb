package dev.clusterplanner.core.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU use over time, for charts: one point per sampling interval (at its end, in seconds from the first sample),
 * per instance and per member (the sum of its instances). Rates follow {@link UsageSummary#cores}; intervals longer
 * than {@link UsageSummary#MAX_INTERVAL_FACTOR} times the planned one are left out, as in the summary.
 */
public final class UsageSeries {

    /** One point: seconds since the first sample, and the value. */
    public record Point(double seconds, double value) {
    }

    /** A named line of points. */
    public record Line(String name, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    private UsageSeries() {
    }

    /** Cores used per instance (named project/name, or name in the default project) and per member. */
    public static Map<String, List<Line>> cores(List<UsageSample> samples, Duration interval) {
        Map<String, List<Point>> instances = new LinkedHashMap<>();
        Map<String, List<Point>> members = new LinkedHashMap<>();
        Instant t0 = samples.stream().map(UsageSample::at).min(Comparator.naturalOrder()).orElse(null);
        for (UsageSummary.Interval iv : UsageSummary.intervals(samples, interval)) {
            if (iv.gap()) {
                continue;
            }
            double at = Duration.between(t0, iv.after().at()).toMillis() / 1000.0;
            for (UsageSummary.Rate r : iv.rates()) {
                if (r.cores() != null) {
                    InstanceReading x = r.reading();
                    String name = "default".equals(x.project()) ? x.name() : x.key();
                    instances.computeIfAbsent(name, n -> new ArrayList<>()).add(new Point(at, r.cores()));
                }
            }
            for (MemberReading m : iv.after().members()) {
                if (m.answered()) {
                    members.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(new Point(at, iv.coresOnMember().getOrDefault(m.name(), 0.0)));
                }
            }
        }
        return Map.of("instances", lines(instances), "members", lines(members));
    }

    private static List<Line> lines(Map<String, List<Point>> m) {
        return m.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList();
    }
}
