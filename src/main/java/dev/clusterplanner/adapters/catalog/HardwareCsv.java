package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.adapters.catalog.CsvRow.Bound;
import dev.clusterplanner.core.model.Billing;
import dev.clusterplanner.core.model.CpuArch;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.PriceItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hardware catalog files ({@code catalogs/hardware/*.csv}). Strict and all-or-nothing: every
 * problem is reported with file, line and column, and a file with one bad row yields no rows.
 * Columns and defaults are documented in README, section "Catalogs".
 */
public final class HardwareCsv {

    public static final List<String> REQUIRED = List.of("id", "name", "category", "vendor", "cpu_model", "cores",
            "threads", "memory_gib", "source", "source_date", "estimate");
    public static final List<String> PRICE_COLUMNS = List.of("price_usd", "monthly_usd", "hourly_usd");
    public static final List<String> OPTIONAL = List.of("sockets", "base_ghz", "cpu_score", "setup_usd", "os_disk_gb",
            "data_disks", "data_disk_gb", "data_disk_type", "nic_ports", "nic_gbps", "gpu_model", "gpu_count",
            "gpu_vram_gib", "gpu_watts", "rack_units", "power_idle_w", "power_max_w", "region", "notes",
            "billing_unit", "billing_minimum", "cpu_arch", "runs_vms", "available");

    /** Defaults for optional columns left out or blank. */
    public static final int DEFAULT_SOCKETS = 1;
    public static final double DEFAULT_CPU_SCORE = 1.0;
    public static final int DEFAULT_NIC_PORTS = 1;
    public static final double DEFAULT_NIC_GBPS = 1.0;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final Set<String> KNOWN = new LinkedHashSet<>();

    static {
        KNOWN.addAll(REQUIRED);
        KNOWN.addAll(PRICE_COLUMNS);
        KNOWN.addAll(OPTIONAL);
        KNOWN.addAll(BilledCurrency.COLUMNS);
    }

    private HardwareCsv() {
    }

    /** All rows of one file, or the exception with every problem found. */
    public static List<Hardware> parse(String text, String file, LocalDate today) throws InputRejectedException {
        List<InputProblem> problems = new ArrayList<>();
        return CsvTable.valuesOrThrow(parse(text, file, today, problems, Map.of()), problems);
    }

    /**
     * Collects problems instead of throwing; returns an empty list when there are any (never half a file).
     * {@code elsewhere} maps ids that other files of the same catalog define to where ("desktop.csv line 3").
     */
    static List<Lined<Hardware>> parse(String text, String file, LocalDate today, List<InputProblem> problems,
                                  Map<String, String> elsewhere) {
        return parse(text, file, today, problems, elsewhere, Map.of());
    }

    /** As above; {@code rates} are the catalog's exchange rates by currency for rows billed in EUR or GBP. */
    static List<Lined<Hardware>> parse(String text, String file, LocalDate today, List<InputProblem> problems,
                                  Map<String, String> elsewhere, Map<String, PriceItem> rates) {
        int before = problems.size();
        CsvTable table = CsvTable.parse(text, file, KNOWN, new LinkedHashSet<>(REQUIRED), problems);
        if (table == null) {
            return List.of();
        }
        if (PRICE_COLUMNS.stream().noneMatch(table.columns::containsKey)
                && List.of("price_billed", "monthly_billed", "hourly_billed").stream().noneMatch(table.columns::containsKey)) {
            problems.add(new InputProblem(file, 1, 0, "price_usd",
                    "the file needs a price column: price_usd, monthly_usd or hourly_usd"));
        }
        return table.uniqueRows(problems, before, elsewhere, row -> row(row, today, rates), Hardware::id);
    }

    private static Hardware row(CsvRow row, LocalDate today, Map<String, PriceItem> rates) {
        String id = row.required("id");
        if (id != null && !ID.matcher(id).matches()) {
            row.problem("id", "'" + id + "' is not a valid id (use letters, digits, '.', '_' and '-', no spaces)");
        }
        String name = row.required("name");
        String categoryText = row.required("category");
        HardwareCategory category = null;
        if (categoryText != null) {
            try {
                category = HardwareCategory.parse(categoryText);
            } catch (IllegalArgumentException e) {
                row.problem("category", e.getMessage());
            }
        }
        String vendor = row.required("vendor");
        String cpuModel = row.required("cpu_model");
        Integer sockets = row.integer("sockets", Bound.POSITIVE);
        Integer cores = row.integer("cores", Bound.POSITIVE);
        Integer threads = row.integer("threads", Bound.POSITIVE);
        if (row.text("cores") == null && row.has("cores")) {
            row.required("cores");
        }
        if (row.text("threads") == null && row.has("threads")) {
            row.required("threads");
        }
        if (cores != null && threads != null && threads < cores) {
            row.problem("threads", "threads (" + threads + ") cannot be fewer than cores (" + cores + ")");
        }
        Double baseGhz = row.number("base_ghz", Bound.POSITIVE);
        Double cpuScore = row.number("cpu_score", Bound.POSITIVE);
        Double memory = row.number("memory_gib", Bound.POSITIVE);
        if (row.text("memory_gib") == null) {
            row.required("memory_gib");
        }
        Double price = row.number("price_usd", Bound.POSITIVE);
        Double monthly = row.number("monthly_usd", Bound.POSITIVE);
        Double hourly = row.number("hourly_usd", Bound.POSITIVE);
        Double setup = row.number("setup_usd", Bound.NOT_NEGATIVE);
        BilledCurrency.Converted usd = BilledCurrency.apply(row, price, monthly, hourly, setup, rates);
        price = usd.price();
        monthly = usd.monthly();
        hourly = usd.hourly();
        setup = usd.setup();
        Integer osDisk = row.integer("os_disk_gb", Bound.NOT_NEGATIVE);
        Integer dataDisks = row.integer("data_disks", Bound.NOT_NEGATIVE);
        Double dataDiskGb = row.number("data_disk_gb", Bound.POSITIVE);
        DiskType diskType = null;
        String diskTypeText = row.text("data_disk_type");
        if (diskTypeText != null) {
            try {
                diskType = DiskType.parse(diskTypeText);
            } catch (IllegalArgumentException e) {
                row.problem("data_disk_type", e.getMessage());
            }
        }
        int disks = dataDisks == null ? 0 : dataDisks;
        if (disks > 0 && dataDiskGb == null && row.text("data_disk_gb") == null) {
            row.problem(row.has("data_disk_gb") ? "data_disk_gb" : "data_disks",
                    "data_disks is " + disks + ", so data_disk_gb (the size of each data disk) is needed");
        }
        Integer nicPorts = row.integer("nic_ports", Bound.POSITIVE);
        Double nicGbps = row.number("nic_gbps", Bound.POSITIVE);
        String gpuModel = row.text("gpu_model");
        Integer gpuCount = row.integer("gpu_count", Bound.NOT_NEGATIVE);
        Double gpuVram = row.number("gpu_vram_gib", Bound.POSITIVE);
        Double gpuWatts = row.number("gpu_watts", Bound.POSITIVE);
        int gpus = gpuCount == null ? 0 : gpuCount;
        if (gpus > 0 && gpuVram == null && row.text("gpu_vram_gib") == null) {
            row.problem(row.has("gpu_vram_gib") ? "gpu_vram_gib" : "gpu_count",
                    "gpu_count is " + gpus + ", so gpu_vram_gib (memory per GPU) is needed");
        }
        Integer rackUnits = row.integer("rack_units", Bound.NOT_NEGATIVE);
        Double idle = row.number("power_idle_w", Bound.POSITIVE);
        Double max = row.number("power_max_w", Bound.POSITIVE);
        if (idle != null && max != null && idle > max) {
            row.problem("power_idle_w", "power_idle_w (" + fmt(idle) + ") cannot be more than power_max_w (" + fmt(max) + ")");
        }
        String region = row.text("region");
        CsvRow.Citation cited = row.citation(today);
        String source = cited.source();
        LocalDate sourceDate = cited.date();
        Boolean estimate = cited.estimate();
        String notes = row.text("notes");
        if (!usd.note().isEmpty()) {
            notes = notes == null || notes.isBlank() ? usd.note() : notes + "; " + usd.note();
        }
        Billing billing = billing(row, monthly, hourly);
        CpuArch arch = null;
        String archText = row.text("cpu_arch");
        if (archText != null) {
            try {
                arch = CpuArch.parse(archText);
            } catch (IllegalArgumentException e) {
                row.problem("cpu_arch", e.getMessage());
            }
        }
        Boolean runsVms = row.bool("runs_vms");
        Integer available = row.integer("available", Bound.NOT_NEGATIVE);
        if (available != null && available > Limits.MAX_HOSTS) {
            row.problem("available", "available is how many of this row can be had, at most " + Limits.MAX_HOSTS
                    + " (the most hosts a site plans), got " + available + "; leave it blank for no limit");
        }
        if (row.bad() || id == null || category == null || cores == null || threads == null || memory == null
                || estimate == null) {
            return null; // a missing required column is reported once, for the header
        }
        Hardware h = new Hardware(id, name, category, vendor, cpuModel,
                sockets == null ? DEFAULT_SOCKETS : sockets, cores, threads,
                baseGhz == null ? 0 : baseGhz, cpuScore == null ? DEFAULT_CPU_SCORE : cpuScore, memory,
                price, monthly, hourly, setup == null ? 0 : setup,
                osDisk == null ? 0 : osDisk, disks, dataDiskGb == null ? 0 : dataDiskGb,
                diskType != null ? diskType : disks > 0 ? DiskType.NVME : null,
                nicPorts == null ? DEFAULT_NIC_PORTS : nicPorts, nicGbps == null ? DEFAULT_NIC_GBPS : nicGbps,
                gpuModel, gpus, gpuVram == null ? 0 : gpuVram, gpuWatts == null ? 0 : gpuWatts,
                rackUnits != null ? rackUnits : category == HardwareCategory.RACK ? 1 : 0,
                idle, max, region, source, sourceDate, estimate, notes, billing,
                arch == null ? CpuArch.X86_64 : arch, runsVms != null ? runsVms : Hardware.defaultRunsVms(category), available);
        for (FieldProblem p : ModelRules.check(h)) { // upper bounds (hostile input)
            row.problem(p.field(), p.message());
        }
        return row.bad() ? null : h;
    }

    /**
     * The row's billing: {@code billing_unit} (second, hour or month) and {@code billing_minimum} (units billed at
     * least); blank means {@link Billing#defaultFor}. Billing belongs to a rented row, an hourly unit to an hourly
     * rate and the month to a monthly rate; a minimum needs its unit.
     */
    private static Billing billing(CsvRow row, Double monthly, Double hourly) {
        String unitText = row.text("billing_unit");
        Double minimum = row.number("billing_minimum", Bound.NOT_NEGATIVE);
        if (unitText == null) {
            if (minimum != null) {
                row.problem("billing_minimum", "billing_minimum counts billing units, so billing_unit (second, hour or month) is needed");
            }
            return null;
        }
        Billing.Unit unit;
        try {
            unit = Billing.Unit.parse(unitText);
        } catch (IllegalArgumentException e) {
            row.problem("billing_unit", e.getMessage());
            return null;
        }
        if (monthly == null && hourly == null) {
            if (row.text("monthly_usd") == null && row.text("hourly_usd") == null) {
                row.problem("billing_unit", "billing applies to a rented row, and this row has neither monthly_usd nor hourly_usd");
            }
            return null;
        }
        if (unit == Billing.Unit.MONTH && monthly == null) {
            row.problem("billing_unit", "billing_unit 'month' bills a monthly rate, and this row has no monthly_usd");
            return null;
        }
        if (unit != Billing.Unit.MONTH && hourly == null) {
            row.problem("billing_unit", "billing_unit '" + unit.id() + "' bills an hourly rate, and this row has no hourly_usd");
            return null;
        }
        return minimum == null ? new Billing(unit, 0) : new Billing(unit, minimum);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
