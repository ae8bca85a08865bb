package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.adapters.catalog.CsvRow.Bound;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Workload files: the profile library ({@code catalogs/workloads/*.csv}) and what a user imports
 * from a spreadsheet. One row is a group of identical instances. Strict and all-or-nothing; the
 * value rules are the plan file's ({@link ModelRules#check(Workload)}), reported at the CSV cell.
 */
public final class WorkloadCsv {

    public static final List<String> REQUIRED = List.of("name", "kind", "count", "vcpu", "memory_gib", "disk_gib");
    public static final List<String> OPTIONAL = List.of("gpu", "anti_affinity", "iops", "write_mbps", "net_mbps",
            "bandwidth_mbps", "cpu_util", "growth_pct_year", "project", "site", "notes");

    /** A workload row and the site it names ("" when the file has no site column or the field is blank). */
    public record Row(String site, Workload workload, String notes, int line) {
    }

    private static final Set<String> KNOWN = new LinkedHashSet<>();
    /** Plan field names (as ModelRules reports them) to CSV column names. */
    private static final Map<String, String> COLUMN_OF = Map.of("memoryGib", "memory_gib", "diskGib", "disk_gib",
            "antiAffinity", "anti_affinity", "writeMbps", "write_mbps", "netMbps", "net_mbps", "cpuUtil", "cpu_util",
            "growthPctYear", "growth_pct_year", "bandwidthMbps", "bandwidth_mbps");

    static {
        KNOWN.addAll(REQUIRED);
        KNOWN.addAll(OPTIONAL);
    }

    private WorkloadCsv() {
    }

    public static List<Row> parse(String text, String file) throws InputRejectedException {
        List<InputProblem> problems = new ArrayList<>();
        List<Row> rows = parse(text, file, problems);
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        return rows;
    }

    static List<Row> parse(String text, String file, List<InputProblem> problems) {
        int before = problems.size();
        CsvTable table = CsvTable.parse(text, file, KNOWN, new LinkedHashSet<>(REQUIRED), problems);
        if (table == null) {
            return List.of();
        }
        List<Row> out = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvTable.Record r : table.records) {
            CsvRow row = table.row(r, problems);
            Row w = row(row);
            if (w != null) {
                String key = w.site() + "\u0000" + w.workload().name();
                Integer first = firstLine.putIfAbsent(key, row.line());
                if (first != null) {
                    row.problem("name", "workload name '" + w.workload().name() + "' is used twice"
                            + (w.site().isEmpty() ? "" : " in site '" + w.site() + "'") + " (first on line " + first + ")");
                } else {
                    out.add(w);
                }
            }
        }
        return problems.size() == before ? List.copyOf(out) : List.of();
    }

    private static Row row(CsvRow row) {
        String name = row.required("name");
        String kindText = row.required("kind");
        WorkloadKind kind = null;
        if (kindText != null) {
            try {
                kind = WorkloadKind.parse(kindText);
            } catch (IllegalArgumentException e) {
                row.problem("kind", e.getMessage());
            }
        }
        Integer count = row.integer("count", Bound.ANY);
        Double vcpu = row.number("vcpu", Bound.ANY);
        Double memory = row.number("memory_gib", Bound.ANY);
        Double disk = row.number("disk_gib", Bound.ANY);
        for (String c : List.of("count", "vcpu", "memory_gib", "disk_gib")) {
            if (row.text(c) == null) {
                row.required(c);
            }
        }
        Integer gpu = row.integer("gpu", Bound.ANY);
        Boolean anti = row.bool("anti_affinity");
        Double iops = row.number("iops", Bound.ANY);
        Double write = row.number("write_mbps", Bound.ANY);
        Double net = row.number("net_mbps", Bound.ANY);
        Double bandwidth = row.number("bandwidth_mbps", Bound.ANY);
        Double util = row.number("cpu_util", Bound.ANY);
        Double growth = row.number("growth_pct_year", Bound.ANY);
        String project = row.text("project");
        String site = row.text("site");
        if (row.bad() || name == null || kind == null || count == null || vcpu == null || memory == null || disk == null) {
            return null;
        }
        Workload w = new Workload(name, kind, count, vcpu, memory, disk, gpu == null ? 0 : gpu,
                anti != null && anti, orZero(iops), orZero(write), orZero(net),
                util == null ? Workload.DEFAULT_CPU_UTIL : util, orZero(growth), project, orZero(bandwidth));
        for (FieldProblem p : ModelRules.check(w)) {
            String column = COLUMN_OF.getOrDefault(p.field(), p.field());
            row.problem(column, p.message().replace(p.field() + " ", column + " "));
        }
        return row.bad() ? null : new Row(site == null ? "" : site, w, row.text("notes") == null ? "" : row.text("notes"), row.line());
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}
