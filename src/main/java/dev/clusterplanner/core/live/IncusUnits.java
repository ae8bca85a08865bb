package dev.clusterplanner.core.live;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Incus's ways of writing sizes and CPU limits, turned into numbers. */
public final class IncusUnits {

    public static final long GIB = 1L << 30;

    private IncusUnits() {
    }

    /**
     * A size as Incus writes it ("256MiB", "1GiB", "10GB", "512kB", "1073741824") in bytes; empty when
     * blank or unreadable. Binary suffixes (KiB, MiB, GiB, TiB, PiB, EiB) are powers of 1024, decimal ones
     * (kB, MB, GB, TB, PB, EB) powers of 1000, as in Incus's units.ParseByteSizeString.
     */
    public static OptionalLong parseBytes(String text) {
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        String t = text.trim();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            return OptionalLong.empty();
        }
        double number;
        try {
            number = Double.parseDouble(t.substring(0, i));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        String suffix = t.substring(i).trim();
        double factor = switch (suffix) {
            case "", "B" -> 1;
            case "kB", "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            case "PB" -> 1e15;
            case "EB" -> 1e18;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            case "PiB" -> 1L << 50;
            case "EiB" -> 1L << 60;
            default -> Double.NaN;
        };
        if (Double.isNaN(factor)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(number * factor));
    }

    /**
     * limits.memory: a size, or a percentage of the member's memory ("50%"). Empty when unlimited,
     * unreadable, or a percentage whose member memory is unknown (hostMemoryBytes <= 0).
     */
    public static OptionalLong parseMemoryLimit(String text, long hostMemoryBytes) {
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        String t = text.trim();
        if (t.endsWith("%")) {
            if (hostMemoryBytes <= 0) {
                return OptionalLong.empty();
            }
            try {
                double pct = Double.parseDouble(t.substring(0, t.length() - 1));
                return OptionalLong.of(Math.round(hostMemoryBytes * pct / 100.0));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return parseBytes(t);
    }

    /**
     * limits.cpu: a count ("2") or a pinned set ("0-3", "1,3,5-6"), as a number of CPUs; empty when
     * unlimited or unreadable.
     */
    public static OptionalDouble parseCpuLimit(String text) {
        if (text == null || text.isBlank()) {
            return OptionalDouble.empty();
        }
        String t = text.trim();
        try {
            return cpuCount(t);
        } catch (NumberFormatException e) { // a number beyond any machine's CPU count
            return OptionalDouble.empty();
        }
    }

    private static OptionalDouble cpuCount(String t) {
        if (t.matches("\\d+")) {
            return OptionalDouble.of(Integer.parseInt(t));
        }
        if (!t.matches("[0-9,\\- ]+")) {
            return OptionalDouble.empty();
        }
        int count = 0;
        for (String part : t.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            if (dash > 0) {
                int from = Integer.parseInt(p.substring(0, dash).trim());
                int to = Integer.parseInt(p.substring(dash + 1).trim());
                if (to < from) {
                    return OptionalDouble.empty();
                }
                count += to - from + 1;
            } else {
                Integer.parseInt(p);
                count++;
            }
        }
        // a set such as "3" is a count, not CPU 3; a set is written with ',' or '-'
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(count);
    }

    /** "24 GiB", "1.3 MiB", "512 B": a byte count for people (one decimal unless whole). */
    public static String human(long bytes) {
        return human(bytes, v -> v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v));
    }

    /** A byte count in the largest binary unit (B, KiB ... PiB) that keeps it at 1 or more, its number written by {@code number}. */
    public static String human(long bytes, java.util.function.DoubleFunction<String> number) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return number.apply(v) + " " + units[u];
    }
}
