package dev.clusterplanner.core.model;

/**
 * The sizes this program accepts, checked before any work starts so that no input can make it run out of
 * memory or run for minutes. Each limit is far above a real Incus cluster (an Incus cluster is typically 3 to
 * 50 members; Incus instance names are at most 63 characters) and low enough that the largest accepted input
 * is planned in seconds. A refusal names the file, line and field (or the command-line option) and the limit.
 */
public final class Limits {

    private Limits() {
    }

    // ---- files

    /** A plan, snapshot or result JSON file: 8 MiB (a plan with 2,000 workloads is about 1 MiB). */
    public static final long MAX_JSON_FILE_BYTES = 8L * 1024 * 1024;
    /** A catalog or workloads CSV file: 8 MiB. */
    public static final long MAX_CSV_FILE_BYTES = 8L * 1024 * 1024;
    /** A key, certificate or Incus client configuration file: 1 MiB. */
    public static final long MAX_SMALL_FILE_BYTES = 1024L * 1024;
    /** Rows (records) in one CSV file. */
    public static final int MAX_CSV_ROWS = 20_000;
    /** Nesting of JSON objects and lists (a plan needs 5). */
    public static final int MAX_JSON_DEPTH = 32;
    /** Digits (and sign, point and exponent) in one JSON number. */
    public static final int MAX_NUMBER_CHARS = 40;
    /** Characters in one JSON text value (a description is the longest). */
    public static final int MAX_TEXT_CHARS = 20_000;

    // ---- a plan

    /** Sites in one plan. */
    public static final int MAX_SITES = 100;
    /** Workload groups (rows) in one site. */
    public static final int MAX_WORKLOADS_PER_SITE = 5_000;
    /** Instances in a whole plan (the sum of every workload's count). */
    public static final int MAX_INSTANCES_PER_PLAN = 20_000;
    /** Hardware candidates in one site. */
    public static final int MAX_HARDWARE_PER_SITE = 200;
    /** A site's minimum host count (minHosts) and its host failures tolerated (failuresTolerated, at most minHosts - 1 more). */
    public static final int MAX_HOSTS = 1_000;
    /** Characters in a plan, site, hardware id or project name. */
    public static final int MAX_NAME_CHARS = 200;
    /** Characters in an Incus instance name: a workload's name, '-' and its count's digits must fit in it. */
    public static final int MAX_INSTANCE_NAME_CHARS = 63;

    // ---- per instance (a single Incus instance on one host)

    public static final double MAX_VCPU = 1_024;
    public static final double MAX_MEMORY_GIB = 65_536;
    public static final double MAX_DISK_GIB = 1_048_576;
    public static final int MAX_GPU = 64;
    public static final double MAX_IOPS = 10_000_000;
    public static final double MAX_MBPS = 1_000_000;

    // ---- policy and facility

    public static final double MAX_CPU_OVERCOMMIT = 64;
    public static final double MAX_PERCENT = 100;
    public static final double MAX_HOST_GIB = 65_536;
    public static final double MAX_HOST_THREADS = 4_096;
    public static final int MAX_CEPH_SIZE = 10;
    public static final int MAX_CEPH_CHUNKS = 32;
    /** Electricity price (USD per kWh); the dearest retail electricity anywhere is below 1 USD. */
    public static final double MAX_ELECTRICITY_USD_PER_KWH = 10;
    /** Power usage effectiveness; the worst data centres measured are below 3. */
    public static final double MAX_PUE = 5;
    public static final double MAX_COLOCATION_USD_PER_U_MONTH = 10_000;
    public static final double MAX_COLOCATION_USD_PER_KW_MONTH = 100_000;

    /** A hardware row's purchase price (monthly, setup: a tenth; hourly: a thousandth). */
    public static final double MAX_HARDWARE_PRICE_USD = 10_000_000;

    /** A price row's value (any unit: USD, USD per GB-month, a ratio, IOPS). */
    public static final double MAX_PRICE_VALUE = 1_000_000_000;

    /** Risk simulation trials. */
    public static final int MAX_TRIALS = 1_000_000;
}
