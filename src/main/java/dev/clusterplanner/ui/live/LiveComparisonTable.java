package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.validation.Comparison;
import dev.clusterplanner.core.validation.LiveValidation;
import dev.clusterplanner.core.validation.MemberComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The Live area's plan-vs-actual table: its rows from a probe, each with the severity of the finding about it. */
public final class LiveComparisonTable {

    static final String CLUSTER = "(cluster)";
    static final String ALLOCATED = "(allocated)";

    private LiveComparisonTable() {
    }
    /**
     * One line of the plan-vs-actual table. {@code severity} is null when the line is fine or cannot be compared
     * ({@code status} says which: "ok", "not compared", or the severity of the finding about it).
     */
    public record Row(String member, String figure, String planned, String actual, String unit, Severity severity, String status,
                      String note) {
    }


    /** Member figures and the findings that speak about them (their text starts with "member:"). */
    private static final Map<String, Set<String>> MEMBER_RULES = Map.of(
            "threads", Set.of("live.threads-below-plan"),
            "memory", Set.of("live.memory-below-plan"),
            "usableStorage", Set.of("live.storage-below-plan"),
            "nic", Set.of("live.nic-below-10g", "live.nic-below-plan"),
            "gpus", Set.of("live.gpus-below-plan"));

    /**
     * The table: every member's figures against the planned host, the cluster's totals, and the live allocation against
     * the plan's demand. A line's severity is that of the validator's finding about it (so the table and the findings
     * never disagree); a line no finding speaks of is "ok" when both sides are known (hardware: and actual is at least
     * the planned figure), else "not compared".
     */
    static List<Row> rows(ProbeService.Result r) {
        LiveValidation v = r.validation();
        List<Row> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        List<Finding> fs = r.findings();
        for (MemberComparison m : v.members()) {
            if (m.rows().isEmpty()) {
                Severity sev = worst(fs, f -> f.rule().equals("live.member-down") && f.text().startsWith(m.member() + ":"));
                out.add(new Row(m.member(), "status", "", m.status(), "", sev == null ? Severity.WARNING : sev,
                        (sev == null ? Severity.WARNING : sev).id(), "resources not read"));
                continue;
            }
            for (Comparison c : m.rows()) {
                Set<String> rules = MEMBER_RULES.getOrDefault(c.figure(), Set.of());
                out.add(hardwareRow(m.member(), c, worst(fs, f -> rules.contains(f.rule()) && f.text().startsWith(m.member() + ":"))));
            }
        }
        for (Comparison c : v.totals()) {
            Severity sev = c.figure().equals("members")
                    ? worst(fs, f -> f.rule().equals("live.hosts-below-plan") || f.rule().equals("live.below-min-hosts")) : null;
            out.add(hardwareRow(CLUSTER, c, sev));
        }
        for (Comparison c : v.allocation()) {
            Severity sev = switch (c.figure()) {
                case "instances" -> worst(fs, f -> f.rule().equals("live.instance-missing"));
                case "vcpu" -> worst(fs, f -> f.rule().equals("live.allocation-above-plan") && f.text().contains("vCPU"));
                case "memory" -> worst(fs, f -> f.rule().equals("live.allocation-above-plan") && f.text().contains("GiB of memory"));
                case "gpus" -> worst(fs, f -> f.rule().equals("live.allocation-above-plan") && f.text().contains("GPU"));
                case "memoryUsed" -> worst(fs, f -> f.rule().equals("live.memory-near-limit"));
                default -> null;
            };
            out.add(row(ALLOCATED, c, sev));
        }
        return out;
    }

    /**
     * Hardware (a member, the cluster's totals): less than planned is a shortfall. Without a finding about it (the
     * validator tolerates a few percent of memory, and checks local storage only for local storage plans) it is
     * shown as a note, "below plan (no finding)", so a smaller figure is never coloured as fine.
     */
    private static Row hardwareRow(String member, Comparison c, Severity sev) {
        if (sev == null && c.planned() != null && c.actual() != null && c.actual() < c.planned()) {
            return new Row(member, c.figure(), number(c.planned()), number(c.actual()), c.unit(), Severity.INFO, "below plan (no finding)",
                    c.note());
        }
        return row(member, c, sev);
    }

    private static Row row(String member, Comparison c, Severity sev) {
        String status = sev != null ? sev.id() : c.planned() == null || c.actual() == null ? "not compared" : "ok";
        return new Row(member, c.figure(), number(c.planned()), number(c.actual()), c.unit(), sev, status, c.note());
    }

    private static Severity worst(List<Finding> fs, Predicate<Finding> about) {
        return fs.stream().filter(about).map(Finding::severity).max(Enum::compareTo).orElse(null);
    }

    static String number(Double d) {
        if (d == null) {
            return "-";
        }
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%,.1f", d);
    }
}
