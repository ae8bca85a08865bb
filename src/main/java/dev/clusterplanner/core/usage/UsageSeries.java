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
        List<UsageSample> s = new ArrayList<>(samples);
        s.sort(Comparator.comparing(UsageSample::at));
        Map<String, List<Point>> instances = new LinkedHashMap<>();
        Map<String, List<Point>> members = new LinkedHashMap<>();
        if (s.isEmpty()) {
            return Map.of("instances", List.of(), "members", List.of());
        }
        Instant t0 = s.get(0).at();
        for (int k = 1; k < s.size(); k++) {
            UsageSample a = s.get(k - 1);
            UsageSample b = s.get(k);
            Duration dt = Duration.between(a.at(), b.at());
            if (dt.compareTo(interval.multipliedBy(UsageSummary.MAX_INTERVAL_FACTOR)) > 0) {
                continue;
            }
            double at = Duration.between(t0, b.at()).toMillis() / 1000.0;
            Map<String, InstanceReading> before = new LinkedHashMap<>();
            a.instances().forEach(r -> before.put(r.key(), r));
            Map<String, Double> perMember = new LinkedHashMap<>();
            for (InstanceReading r : b.instances()) {
                InstanceReading p = before.get(r.key());
                if (p == null || !p.running() || !r.running()) {
                    continue;
                }
                Double c = UsageSummary.cores(p.cpuNanos(), r.cpuNanos(), dt);
                if (c != null) {
                    String name = "default".equals(r.project()) ? r.name() : r.key();
                    instances.computeIfAbsent(name, x -> new ArrayList<>()).add(new Point(at, c));
                    perMember.merge(r.location(), c, Double::sum);
                }
            }
            for (MemberReading m : b.members()) {
                if (m.answered()) {
                    members.computeIfAbsent(m.name(), x -> new ArrayList<>()).add(new Point(at, perMember.getOrDefault(m.name(), 0.0)));
                }
            }
        }
        return Map.of("instances", lines(instances), "members", lines(members));
    }

    private static List<Line> lines(Map<String, List<Point>> m) {
        return m.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList();
    }
}
