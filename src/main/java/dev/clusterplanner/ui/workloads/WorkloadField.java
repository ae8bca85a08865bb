package dev.clusterplanner.ui.workloads;

import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.util.Locale;

/**
 * The editable fields of a workload, with the plan file's field names (so a {@code ModelRules}
 * problem maps to its field), how each is shown as text and how text becomes a value.
 */
public enum WorkloadField {
    NAME("name", "Name", "name"),
    KIND("kind", "Kind", "kind"),
    COUNT("count", "Count", "count"),
    VCPU("vcpu", "vCPU", "vCPU"),
    MEMORY("memoryGib", "Memory (GiB)", "memory"),
    DISK("diskGib", "Disk (GiB)", "disk"),
    GPU("gpu", "GPUs", "GPUs"),
    ANTI_AFFINITY("antiAffinity", "Spread", "spread"),
    IOPS("iops", "IOPS", "IOPS"),
    WRITE_MBPS("writeMbps", "Write (MB/s)", "write rate"),
    NET_MBPS("netMbps", "Network (Mbit/s)", "network rate"),
    BANDWIDTH("bandwidthMbps", "Bandwidth (Mbit/s)", "bandwidth"),
    CPU_UTIL("cpuUtil", "CPU use (0 to 1)", "CPU use"),
    GROWTH("growthPctYear", "Growth (% a year)", "growth"),
    PROJECT("project", "Project", "project");

    /** What "Spread" means, where it is set. */
    public static final String SPREAD_MEANING = "Spread: instances on distinct hosts (anti-affinity)";

    private final String key;
    private final String label;
    private final String word;

    WorkloadField(String key, String label, String word) {
        this.key = key;
        this.label = label;
        this.word = word;
    }

    /** The field in a sentence, for undo and the status line: "memory", "spread". */
    public String word() {
        return word;
    }

    /** The choices of a choice field (kind, spread); empty for a typed one. */
    public java.util.List<String> choices() {
        return switch (this) {
            case KIND -> java.util.List.of("container", "vm", "oci");
            case ANTI_AFFINITY -> java.util.List.of("yes", "no");
            default -> java.util.List.of();
        };
    }

    /** The field's name in plan files and in {@code ModelRules} problems. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String format(Workload w) {
        return switch (this) {
            case NAME -> w.name();
            case KIND -> w.kind().id();
            case COUNT -> String.valueOf(w.count());
            case VCPU -> num(w.vcpu());
            case MEMORY -> num(w.memoryGib());
            case DISK -> num(w.diskGib());
            case GPU -> String.valueOf(w.gpu());
            case ANTI_AFFINITY -> w.antiAffinity() ? "yes" : "no";
            case IOPS -> num(w.iops());
            case WRITE_MBPS -> num(w.writeMbps());
            case NET_MBPS -> num(w.netMbps());
            case BANDWIDTH -> num(w.bandwidthMbps());
            case CPU_UTIL -> num(w.cpuUtil());
            case GROWTH -> num(w.growthPctYear());
            case PROJECT -> w.project();
        };
    }

    /** The workload with this field set from text; IllegalArgumentException with a plain sentence if the text is not a value of the field's type. */
    public Workload with(Workload w, String text) {
        String t = text == null ? "" : text.trim();
        return switch (this) {
            case NAME -> new Workload(t, w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case KIND -> new Workload(w.name(), WorkloadKind.parse(t), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case COUNT -> w.withCount(integer(t));
            case VCPU -> new Workload(w.name(), w.kind(), w.count(), decimal(t), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case MEMORY -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), decimal(t), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case DISK -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), decimal(t), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case GPU -> w.withGpu(integer(t));
            case ANTI_AFFINITY -> w.withAntiAffinity(bool(t));
            case IOPS -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    decimal(t), w.writeMbps(), w.netMbps(), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case WRITE_MBPS -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), decimal(t), w.netMbps(), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case NET_MBPS -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), decimal(t), w.cpuUtil(), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case BANDWIDTH -> w.withBandwidthMbps(decimal(t));
            case CPU_UTIL -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), decimal(t), w.growthPctYear(), w.project(), w.bandwidthMbps());
            case GROWTH -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), decimal(t), w.project(), w.bandwidthMbps());
            case PROJECT -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), w.growthPctYear(), t, w.bandwidthMbps());
        };
    }

    private int integer(String t) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a whole number, got '" + t + "'");
        }
    }

    private double decimal(String t) {
        try {
            double v = Double.parseDouble(t.replace(',', '.'));
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number, got '" + t + "'");
        }
    }

    private boolean bool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "1" -> true;
            case "no", "false", "n", "0", "" -> false;
            default -> throw new IllegalArgumentException(label + " must be yes or no, got '" + t + "'");
        };
    }

    static String num(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
