package dev.clusterplanner.ui;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place an error becomes a sentence for people (decision record 0200). Errors the program expects
 * (a file that is missing, a value a rule refuses) keep their message, with the plan file's field names
 * replaced by the labels the window shows ("memoryGib" becomes "Memory (GiB)"). An error the program did not expect
 * (a bug) never shows its class name or the JVM's message: the user reads what happened in plain words, and the
 * details go to the log (standard error) for a bug report.
 */
public final class UserWords {

    /** Plan-file field names and the labels the window shows for them. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("memoryGib", "Memory (GiB)");
        FIELDS.put("diskGib", "Disk (GiB)");
        FIELDS.put("vcpu", "vCPU");
        FIELDS.put("gpu", "GPUs");
        FIELDS.put("count", "Count");
        FIELDS.put("writeMbps", "Write (MB/s)");
        FIELDS.put("netMbps", "Network (Mbit/s)");
        FIELDS.put("bandwidthMbps", "Bandwidth (Mbit/s)");
        FIELDS.put("iops", "IOPS");
        FIELDS.put("cpuUtil", "CPU use (0 to 1)");
        FIELDS.put("growthPctYear", "Growth (% a year)");
        FIELDS.put("failuresTolerated", "Host failures tolerated");
        FIELDS.put("minHosts", "Minimum hosts");
        FIELDS.put("vmCpuOverheadPct", "VM CPU overhead (%)");
        FIELDS.put("vmMemoryOverheadGib", "VM memory overhead (GiB)");
        FIELDS.put("reserveMemoryGib", "Memory reserved per host (GiB)");
        FIELDS.put("reserveThreads", "Threads reserved per host");
        FIELDS.put("cephMemoryPerOsdGib", "Ceph memory per OSD (GiB)");
        FIELDS.put("cephThreadsPerOsd", "Ceph threads per OSD");
        FIELDS.put("cephMonMgrMemoryGib", "Ceph monitor memory (GiB)");
        FIELDS.put("nearfullRatio", "Nearfull ratio");
        FIELDS.put("electricityUsdPerKwh", "Electricity (USD per kWh)");
        FIELDS.put("colocationUsdPerUMonth", "Colocation (USD per U a month)");
        FIELDS.put("colocationUsdPerKwMonth", "Colocation (USD per kW a month)");
        FIELDS.put("discountRatePct", "Discount rate (% a year)");
        FIELDS.put("salvagePct", "Salvage value (% of purchase)");
        FIELDS.put("supportPctPerYear", "Support (% of purchase a year)");
        FIELDS.put("min_size", "Min size");
    }

    private static final Pattern FIELD = Pattern.compile("\\b(" + String.join("|", FIELDS.keySet()) + ")\\b");

    private UserWords() {
    }

    /** What went wrong, in words for people. */
    public static String of(Throwable error) {
        if (error instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (error instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (error instanceof FileAlreadyExistsException e) {
            return "a file of that name is already there: " + e.getFile();
        }
        if (error instanceof NotDirectoryException e) {
            return "not a folder: " + e.getFile();
        }
        if (error instanceof ClosedChannelException) {
            return "the connection was closed before the answer came; is the server still running?";
        }
        if (error instanceof UnresolvedAddressException) {
            return "name not found: check the address";
        }
        if (error instanceof java.net.ConnectException) {
            return "connection refused: is the server listening at that address and port?";
        }
        if (error instanceof java.net.UnknownHostException e) {
            return "name not found: " + e.getMessage();
        }
        if (error instanceof java.net.SocketTimeoutException || error.getClass().getSimpleName().equals("HttpTimeoutException")) {
            return "no answer in time: is the address right and the server reachable?";
        }
        if (error instanceof javax.net.ssl.SSLException) {
            return "the secure connection failed (certificate changed or not trusted?)";
        }
        String message = error.getMessage();
        boolean expected = error instanceof IllegalArgumentException || error instanceof IllegalStateException
                || error instanceof IOException || error instanceof java.io.UncheckedIOException
                || error instanceof UnsupportedOperationException || error.getClass().getName().startsWith("dev.clusterplanner");
        if (expected && message != null && !message.isBlank() && readable(message)) {
            return fieldNames(message);
        }
        if (error.getCause() != null && error.getCause() != error) {
            String cause = of(error.getCause());
            if (!cause.equals(INTERNAL)) {
                return cause;
            }
        }
        System.err.println("Cluster Planner: unexpected error (shown to the user as an internal error)");
        error.printStackTrace();
        return INTERNAL;
    }

    /** What a user reads for a bug of the program. */
    public static final String INTERNAL = "Cluster Planner could not finish this because of an error in the program itself; "
            + "nothing was changed. The details were written to the log: please report them.";

    /** A message without JVM wording: no class names, no "Cannot invoke", no "null". */
    public static boolean readable(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return !(m.contains("java.") || m.contains("exception") || m.contains("cannot invoke") || m.contains("because \"")
                || m.matches("(?s).*\\bnull\\b.*"));
    }

    /** A rule's message with the plan file's field names replaced by the window's labels. */
    public static String fieldNames(String message) {
        Matcher m = FIELD.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(FIELDS.get(m.group(1))));
        }
        m.appendTail(sb);
        String out = sb.toString().replace("must be greater than 0", "must be more than 0");
        return out.startsWith("years must") ? "Horizon (years)" + out.substring("years".length()) : out;
    }
}
