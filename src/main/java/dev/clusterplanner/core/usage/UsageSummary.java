package dev.clusterplanner.core.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A watch boiled down: per instance and per member, mean, P95 and maximum of each figure, and where figures are
 * missing. Rates (CPU cores, network) come from two consecutive samples: the change of a cumulative counter over the
 * time between them. An interval longer than {@link #MAX_INTERVAL_FACTOR} times the planned interval is a gap in the
 * watch (interrupted, resumed later): no rate is taken over it.
 *
 * @param gaps stretches of the whole watch without samples
 */
public record UsageSummary(Instant from, Instant to, Duration interval, int samples, List<InstanceUsage> instances,
                           List<MemberUsage> members, List<UsageGap> gaps) {

    /** An interval this many times longer than planned is a gap, not a measurement. */
    public static final int MAX_INTERVAL_FACTOR = 3;

    public UsageSummary {
        instances = List.copyOf(instances);
        members = List.copyOf(members);
        gaps = List.copyOf(gaps);
    }

    /** The usage of the instance {@code project/name}, if it was seen. */
    public java.util.Optional<InstanceUsage> instance(String project, String name) {
        String key = (project == null || project.isEmpty() ? "default" : project) + "/" + name;
        return instances.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** CPU cores used over one interval: CPU time consumed divided by wall time; null when the counter went back (restart). */
    public static Double cores(long cpuNanosBefore, long cpuNanosAfter, Duration between) {
        long dt = between.toNanos();
        if (dt <= 0 || cpuNanosAfter < cpuNanosBefore) {
            return null;
        }
        return (cpuNanosAfter - cpuNanosBefore) / (double) dt;
    }

    /** Mbit/s over one interval from a cumulative byte counter; null when it went back (restart). */
    public static Double mbps(long bytesBefore, long bytesAfter, Duration between) {
        long dt = between.toNanos();
        if (dt <= 0 || bytesAfter < bytesBefore) {
            return null;
        }
        return (bytesAfter - bytesBefore) * 8.0 / (dt / 1e9) / 1e6;
    }

    /** Summarises samples taken every {@code interval} (the planned one). Samples are put in time order first. */
    public static UsageSummary of(List<UsageSample> samples, Duration interval) {
        List<UsageSample> s = new ArrayList<>(samples);
        s.sort(Comparator.comparing(UsageSample::at));
        Map<String, Series> perInstance = new LinkedHashMap<>();
        Map<String, MemberSeries> perMember = new LinkedHashMap<>();
        List<UsageGap> watchGaps = new ArrayList<>();
        for (UsageSample sample : s) {
            for (InstanceReading r : sample.instances()) {
                Series x = perInstance.computeIfAbsent(r.key(), k -> new Series(r.name(), r.project()));
                x.location = r.location();
                if (r.running()) {
                    x.memory.add((double) r.memoryBytes());
                    if (r.rootDiskBytes() != null) {
                        x.disk.add((double) r.rootDiskBytes());
                    }
                }
            }
            for (MemberReading m : sample.members()) {
                perMember.computeIfAbsent(m.name(), MemberSeries::new);
            }
        }
        for (Interval iv : intervals(s, interval)) {
            if (iv.gap()) {
                watchGaps.add(new UsageGap("watch", iv.before().at(), iv.after().at(), "no samples for " + human(iv.length())
                        + " (the watch was interrupted)"));
                continue;
            }
            for (Rate r : iv.rates()) {
                Series x = perInstance.get(r.reading().key());
                if (r.cores() != null) {
                    x.cores.add(r.cores());
                }
                if (r.rxMbps() != null && r.txMbps() != null) {
                    x.rx.add(r.rxMbps());
                    x.tx.add(r.txMbps());
                }
            }
            for (MemberReading m : iv.after().members()) {
                if (m.answered()) {
                    perMember.get(m.name()).instanceCores.add(iv.coresOnMember().getOrDefault(m.name(), 0.0));
                }
            }
        }
        for (MemberSeries ms : perMember.values()) {
            UsageGap open = null;
            for (UsageSample sample : s) {
                MemberReading m = sample.members().stream().filter(x -> x.name().equals(ms.name)).findFirst().orElse(null);
                if (m != null && m.answered()) {
                    ms.answered++;
                    if (m.load1() != null) {
                        ms.load.add(m.load1());
                    }
                    ms.memory.add((double) m.memoryUsedBytes());
                    ms.total = m.memoryTotalBytes();
                    if (open != null) {
                        ms.gaps.add(open);
                        open = null;
                    }
                } else {
                    String why = m == null ? "not listed in this sample" : m.error();
                    open = open == null ? new UsageGap(ms.name, sample.at(), sample.at(), why) : new UsageGap(ms.name, open.from(), sample.at(), open.reason());
                }
            }
            if (open != null) {
                ms.gaps.add(open);
            }
        }
        List<InstanceUsage> instances = perInstance.values().stream().map(Series::usage).toList();
        List<MemberUsage> members = perMember.values().stream()
                .map(m -> new MemberUsage(m.name, stats(m.instanceCores), stats(m.load), stats(m.memory), m.total, m.answered, s.size(), m.gaps))
                .toList();
        Instant from = s.isEmpty() ? Instant.EPOCH : s.get(0).at();
        Instant to = s.isEmpty() ? Instant.EPOCH : s.get(s.size() - 1).at();
        return new UsageSummary(from, to, interval, s.size(), instances, members, watchGaps);
    }

    /**
     * One instance's rates over an interval, each null when its counter went back (a restart).
     *
     * @param reading the instance at the end of the interval
     */
    public record Rate(InstanceReading reading, Double cores, Double rxMbps, Double txMbps) {
    }

    /**
     * Two consecutive samples and what happened between them: the rates of every instance running at both, and the
     * cores used on each member (the sum of its instances'). A gap (longer than {@link #MAX_INTERVAL_FACTOR} planned
     * intervals) has no rates.
     */
    public record Interval(UsageSample before, UsageSample after, Duration length, boolean gap, List<Rate> rates,
                           Map<String, Double> coresOnMember) {
    }

    /** The intervals between consecutive samples (put in time order first): the one place rates are taken. */
    public static List<Interval> intervals(List<UsageSample> samples, Duration interval) {
        List<UsageSample> s = new ArrayList<>(samples);
        s.sort(Comparator.comparing(UsageSample::at));
        List<Interval> out = new ArrayList<>();
        for (int k = 1; k < s.size(); k++) {
            UsageSample a = s.get(k - 1);
            UsageSample b = s.get(k);
            Duration dt = Duration.between(a.at(), b.at());
            if (dt.compareTo(interval.multipliedBy(MAX_INTERVAL_FACTOR)) > 0) {
                out.add(new Interval(a, b, dt, true, List.of(), Map.of()));
                continue;
            }
            Map<String, InstanceReading> before = new LinkedHashMap<>();
            a.instances().forEach(r -> before.put(r.key(), r));
            List<Rate> rates = new ArrayList<>();
            Map<String, Double> coresOnMember = new LinkedHashMap<>();
            for (InstanceReading r : b.instances()) {
                InstanceReading p = before.get(r.key());
                if (p == null || !p.running() || !r.running()) {
                    continue;
                }
                Double c = cores(p.cpuNanos(), r.cpuNanos(), dt);
                if (c != null) {
                    coresOnMember.merge(r.location(), c, Double::sum);
                }
                rates.add(new Rate(r, c, mbps(p.netRxBytes(), r.netRxBytes(), dt), mbps(p.netTxBytes(), r.netTxBytes(), dt)));
            }
            out.add(new Interval(a, b, dt, false, rates, coresOnMember));
        }
        return out;
    }

    /** "2 h 5 min", "40 s": a duration in plain words. */
    public static String human(Duration d) {
        long sec = d.toSeconds();
        if (sec < 120) {
            return sec + " s";
        }
        long min = sec / 60;
        if (min < 120) {
            return min + " min";
        }
        return min / 60 + " h " + min % 60 + " min";
    }

    private static UsageStats stats(List<Double> values) {
        return UsageStats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static final class Series {
        final String name;
        final String project;
        String location = "";
        final List<Double> cores = new ArrayList<>();
        final List<Double> memory = new ArrayList<>();
        final List<Double> disk = new ArrayList<>();
        final List<Double> rx = new ArrayList<>();
        final List<Double> tx = new ArrayList<>();

        Series(String name, String project) {
            this.name = name;
            this.project = project;
        }

        InstanceUsage usage() {
            return new InstanceUsage(name, project, location, stats(cores), stats(memory), stats(disk), stats(rx), stats(tx));
        }
    }

    private static final class MemberSeries {
        final String name;
        final List<Double> instanceCores = new ArrayList<>();
        final List<Double> load = new ArrayList<>();
        final List<Double> memory = new ArrayList<>();
        final List<UsageGap> gaps = new ArrayList<>();
        long total;
        int answered;

        MemberSeries(String name) {
            this.name = name;
        }
    }
}
