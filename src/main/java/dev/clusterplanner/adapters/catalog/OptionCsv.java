package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.adapters.catalog.CsvRow.Bound;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.HardwareOption;
import dev.clusterplanner.core.model.HardwareOption.Group;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configure-to-order option files ({@code catalogs/options/*.csv}, docs/reference/csv-columns.md): one choice per row,
 * for one hardware row and one option group, with what the configured host then has and the parts (purchased rows) or
 * the monthly add-on (rented rows) it costs. Strict and all-or-nothing, like {@link HardwareCsv}: every problem names
 * file, line and column.
 */
public final class OptionCsv {

    public static final List<String> REQUIRED = List.of("id", "hardware", "group", "choice", "source", "source_date", "estimate");
    public static final List<String> OPTIONAL = List.of("memory_gib", "data_disks", "data_disk_gb", "data_disk_type",
            "nic_ports", "nic_gbps", "gpu_model", "gpu_count", "gpu_vram_gib", "gpu_watts", "parts", "monthly_usd", "notes");

    /** The columns each group sets; a column of another group must stay blank. */
    static final Map<Group, List<String>> GROUP_COLUMNS = Map.of(
            Group.MEMORY, List.of("memory_gib"),
            Group.DATA_DRIVES, List.of("data_disks", "data_disk_gb", "data_disk_type"),
            Group.NIC, List.of("nic_ports", "nic_gbps"),
            Group.GPU, List.of("gpu_model", "gpu_count", "gpu_vram_gib", "gpu_watts"));

    /** Most parts one choice may list. */
    static final int MAX_PARTS = 20;
    /** Largest quantity of one part (pieces or TB). */
    static final double MAX_QUANTITY = 10_000;

    private static final Pattern PART = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s+x\\s+(\\d+(?:\\.\\d+)?)");
    private static final Set<String> KNOWN = new LinkedHashSet<>();

    static {
        KNOWN.addAll(REQUIRED);
        KNOWN.addAll(OPTIONAL);
    }

    private OptionCsv() {
    }

    /** A whole file on its own (ids of hardware rows and parts are checked against {@code hardware} and {@code parts}). */
    public static List<HardwareOption> parse(String text, String file, LocalDate today, Set<String> hardware, Set<String> parts)
            throws InputRejectedException {
        List<InputProblem> problems = new ArrayList<>();
        return CsvTable.valuesOrThrow(parse(text, file, today, problems, Map.of(), hardware, parts), problems);
    }

    static List<Lined<HardwareOption>> parse(String text, String file, LocalDate today, List<InputProblem> problems,
                                             Map<String, String> elsewhere, Set<String> hardware, Set<String> parts) {
        int before = problems.size();
        CsvTable table = CsvTable.parse(text, file, KNOWN, new LinkedHashSet<>(REQUIRED), problems);
        if (table == null) {
            return List.of();
        }
        return table.uniqueRows(problems, before, elsewhere, row -> row(row, today, hardware, parts), HardwareOption::id);
    }

    private static HardwareOption row(CsvRow row, LocalDate today, Set<String> hardwareIds, Set<String> partIds) {
        String id = row.required("id");
        if (id != null && !HardwareCsv.ID.matcher(id).matches()) {
            row.problem("id", "'" + id + "' is not a valid id (use letters, digits, '.', '_' and '-', no spaces)");
        }
        String hardware = row.required("hardware");
        if (hardware != null && !hardwareIds.contains(hardware)) {
            row.problem("hardware", "no hardware row has the id '" + hardware + "' (an option belongs to a catalog hardware row)");
        }
        String groupText = row.required("group");
        Group group = groupText == null ? null : Group.of(groupText);
        if (groupText != null && group == null) {
            row.problem("group", "unknown group '" + groupText + "' (expected memory, data-drives, nic or gpu)");
        }
        String choice = row.required("choice");
        if (choice != null && choice.length() > Limits.MAX_NAME_CHARS) {
            row.problem("choice", "choice must be at most " + Limits.MAX_NAME_CHARS + " characters, got " + choice.length());
        }
        if (group != null) {
            for (Map.Entry<Group, List<String>> e : GROUP_COLUMNS.entrySet()) {
                if (e.getKey() != group) {
                    for (String c : e.getValue()) {
                        if (row.text(c) != null) {
                            row.problem(c, c + " belongs to the group " + e.getKey().id() + "; this row is in the group "
                                    + group.id() + " (leave it blank)");
                        }
                    }
                }
            }
        }
        Double memory = upTo(row, "memory_gib", row.number("memory_gib", Bound.POSITIVE), Limits.MAX_HOST_GIB);
        Integer disks = row.integer("data_disks", Bound.NOT_NEGATIVE);
        if (disks != null && disks > 1_000) {
            row.problem("data_disks", "data_disks must be at most 1000, got " + disks);
        }
        Double diskGb = upTo(row, "data_disk_gb", row.number("data_disk_gb", Bound.POSITIVE), Limits.MAX_DISK_GIB);
        DiskType diskType = null;
        String typeText = row.text("data_disk_type");
        if (typeText != null) {
            try {
                diskType = DiskType.parse(typeText);
            } catch (IllegalArgumentException e) {
                row.problem("data_disk_type", e.getMessage());
            }
        }
        Integer ports = row.integer("nic_ports", Bound.POSITIVE);
        if (ports != null && ports > 64) {
            row.problem("nic_ports", "nic_ports must be at most 64, got " + ports);
        }
        Double gbps = upTo(row, "nic_gbps", row.number("nic_gbps", Bound.POSITIVE), 10_000);
        String gpuModel = row.text("gpu_model");
        Integer gpuCount = row.integer("gpu_count", Bound.NOT_NEGATIVE);
        if (gpuCount != null && gpuCount > Limits.MAX_GPU) {
            row.problem("gpu_count", "gpu_count must be at most " + Limits.MAX_GPU + ", got " + gpuCount);
        }
        Double vram = upTo(row, "gpu_vram_gib", row.number("gpu_vram_gib", Bound.NOT_NEGATIVE), 10_000);
        Double watts = upTo(row, "gpu_watts", row.number("gpu_watts", Bound.NOT_NEGATIVE), 100_000);
        if (group == Group.MEMORY && memory == null) {
            need(row, "memory_gib", "a memory choice gives the configured host's memory in GiB (slots x size)");
        }
        if (group == Group.DATA_DRIVES) {
            if (disks == null) {
                need(row, "data_disks", "a data-drives choice gives the configured host's data drives");
            } else if (disks > 0 && (diskGb == null || diskType == null)) {
                need(row, diskGb == null ? "data_disk_gb" : "data_disk_type", "drives need their size in GB and their type");
            }
        }
        if (group == Group.NIC && (ports == null || gbps == null)) {
            need(row, ports == null ? "nic_ports" : "nic_gbps", "a NIC choice gives the configured host's ports and Gbit/s per port");
        }
        if (group == Group.GPU) {
            if (gpuCount == null) {
                need(row, "gpu_count", "a GPU choice gives the configured host's GPU count");
            } else if (gpuCount > 0 && gpuModel == null) {
                need(row, "gpu_model", "a GPU choice with GPUs names their model");
            }
        }
        List<HardwareOption.Part> parts = parts(row, partIds);
        Double monthly = upTo(row, "monthly_usd", row.number("monthly_usd", Bound.NOT_NEGATIVE), Limits.MAX_HARDWARE_PRICE_USD / 10);
        if (!parts.isEmpty() && monthly != null) {
            row.problem("monthly_usd", "a choice is priced by its parts (a purchased row) or by a monthly add-on (a rented row), not both");
        }
        CsvRow.Citation cited = row.citation(today);
        String source = cited.source();
        LocalDate date = cited.date();
        Boolean estimate = cited.estimate();
        if (row.bad() || id == null || hardware == null || group == null || choice == null || estimate == null) {
            return null;
        }
        return new HardwareOption(id, hardware, group, choice, memory, disks, disks != null && disks == 0 ? Double.valueOf(0) : diskGb,
                diskType, ports, gbps, gpuModel, gpuCount, vram, watts, parts, monthly, source, date, estimate, row.text("notes"));
    }

    /** "part-a x 2; part-b x 3.84": each part id known to the price catalog, each quantity greater than 0. */
    private static List<HardwareOption.Part> parts(CsvRow row, Set<String> partIds) {
        String text = row.text("parts");
        if (text == null) {
            return List.of();
        }
        List<HardwareOption.Part> out = new ArrayList<>();
        String[] items = text.split(";");
        if (items.length > MAX_PARTS) {
            row.problem("parts", "a choice lists at most " + MAX_PARTS + " parts, got " + items.length);
            return List.of();
        }
        for (String item : items) {
            Matcher m = PART.matcher(item.strip());
            if (!m.matches()) {
                row.problem("parts", "'" + item.strip() + "' is not 'PART-ID x QUANTITY' (e.g. part-drive-nvme-tb x 3.84;"
                        + " separate parts with ';')");
                continue;
            }
            double q = Double.parseDouble(m.group(2));
            if (!(q > 0) || q > MAX_QUANTITY) {
                row.problem("parts", "the quantity of " + m.group(1) + " must be greater than 0 and at most "
                        + HardwareCsv.fmt(MAX_QUANTITY) + ", got " + m.group(2));
            } else if (!partIds.contains(m.group(1))) {
                row.problem("parts", "no price row has the id '" + m.group(1) + "' (parts come from the price catalog, e.g."
                        + " catalogs/prices/parts.csv)");
            } else {
                out.add(new HardwareOption.Part(m.group(1), q));
            }
        }
        return out;
    }

    private static void need(CsvRow row, String column, String why) {
        if (row.has(column)) {
            row.problem(column, "a value is required: " + why);
        } else {
            row.problem("group", "the column '" + column + "' is missing: " + why);
        }
    }

    private static Double upTo(CsvRow row, String column, Double v, double max) {
        if (v != null && !(v <= max)) {
            row.problem(column, column + " must be at most " + HardwareCsv.fmt(max) + ", got " + HardwareCsv.fmt(v));
            return null;
        }
        return v;
    }
}
