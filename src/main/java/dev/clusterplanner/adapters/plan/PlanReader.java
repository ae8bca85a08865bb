package dev.clusterplanner.adapters.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterplanner.adapters.files.InputFiles;
import dev.clusterplanner.adapters.files.StrictJson;
import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.TextRules;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads plan files ({@code *.plan.json}). Reading is strict and all-or-nothing: bad JSON, unknown fields, wrong
 * types and impossible values are reported with line, column and field, and no plan is returned.
 */
public final class PlanReader {

    private PlanReader() {
    }

    /** Reads a plan file: a regular file of at most {@link Limits#MAX_JSON_FILE_BYTES} bytes of UTF-8 JSON. */
    public static Plan read(Path file) throws IOException, InputRejectedException {
        return parse(InputFiles.readUtf8(file, Limits.MAX_JSON_FILE_BYTES, "plan file (*.plan.json)"), file.toString());
    }

    /** Parses plan text; {@code fileName} is used in messages only. */
    public static Plan parse(String text, String fileName) throws InputRejectedException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        JsonNode root = StrictJson.parse(text, fileName);
        JsonLocations locations;
        try {
            locations = JsonLocations.scan(StrictJson.FACTORY, text);
        } catch (IOException e) { // the text was just parsed: cannot happen
            throw new InputRejectedException(new InputProblem(fileName, 0, 0, "", "cannot be read as JSON"));
        }
        Reader reader = new Reader(fileName, locations);
        Plan plan = reader.plan(root);
        if (plan != null && reader.problems.isEmpty()) {
            for (FieldProblem p : ModelRules.check(plan)) {
                reader.problem(p.field(), p.message());
            }
        }
        if (!reader.problems.isEmpty()) {
            throw new InputRejectedException(reader.problems);
        }
        return plan;
    }

    /**
     * Problems found after the plan was loaded (a hardware id not in the catalog, a site that cannot be sized),
     * reported against {@code label} (the file name or the plan's title) by field path only: the same problems
     * named by the plan file, with the line and column of each field.
     */
    public static InputRejectedException locate(InputRejectedException e, Path file, String label) {
        JsonLocations locations = null;
        try {
            String text = InputFiles.readUtf8(file, Limits.MAX_JSON_FILE_BYTES, "plan file");
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            locations = JsonLocations.scan(StrictJson.FACTORY, text);
        } catch (IOException | InputRejectedException | RuntimeException ignored) {
            // the file changed or went away since it was read: name it without a line
        }
        List<InputProblem> out = new ArrayList<>();
        for (InputProblem p : e.problems()) {
            boolean ours = p.file() == null || p.file().equals(label) || p.file().equals(file.toString());
            if (!ours) {
                out.add(p);
                continue;
            }
            JsonLocation loc = p.line() > 0 || locations == null || p.field() == null ? null : locations.find(p.field());
            out.add(loc == null ? new InputProblem(file.toString(), p.line(), p.column(), p.field(), p.message())
                    : new InputProblem(file.toString(), loc.getLineNr(), loc.getColumnNr(), p.field(), p.message()));
        }
        return new InputRejectedException(out);
    }

    /** Maps a JSON tree onto the model, collecting every problem rather than stopping at the first. */
    private static final class Reader {
        final String file;
        final JsonLocations locations;
        final List<InputProblem> problems = new ArrayList<>();

        Reader(String file, JsonLocations locations) {
            this.file = file;
            this.locations = locations;
        }

        void problem(String path, String message) {
            JsonLocation loc = locations.find(path);
            problems.add(new InputProblem(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), path, message));
        }

        Plan plan(JsonNode root) {
            if (!object(root, "")) {
                return null;
            }
            allowOnly(root, "", "format", "name", "description", "cost", "sites");
            JsonNode format = root.get("format");
            if (format == null) {
                problem("", "missing field 'format' (this version writes and reads format " + Plan.FORMAT + ")");
            } else if (!format.isInt()) {
                problem("format", "'format' must be a whole number, got " + kind(format));
            } else if (format.intValue() != Plan.FORMAT) {
                problem("format", "plan format " + format.intValue() + " is not supported; this version reads format " + Plan.FORMAT);
            }
            String name = text(root, "", "name", true, null);
            String description = text(root, "", "description", false, "");
            CostSettings cost = cost(root.get("cost"), "cost");
            List<Site> sites = new ArrayList<>();
            JsonNode sitesNode = root.get("sites");
            if (sitesNode == null) {
                problem("", "missing field 'sites' (a plan needs at least one site)");
            } else if (!sitesNode.isArray()) {
                problem("sites", "'sites' must be a list, got " + kind(sitesNode));
            } else {
                for (int i = 0; i < sitesNode.size(); i++) {
                    Site s = site(sitesNode.get(i), "sites/" + i);
                    if (s != null) {
                        sites.add(s);
                    }
                }
            }
            if (!problems.isEmpty() || name == null) {
                return null;
            }
            return new Plan(name, description, sites, cost);
        }

        CostSettings cost(JsonNode n, String path) {
            CostSettings d = CostSettings.DEFAULT;
            if (n == null) {
                return d;
            }
            if (!object(n, path)) {
                return d;
            }
            allowOnly(n, path, "years", "discountRatePct", "salvagePct", "supportPctPerYear", "awsCommitment");
            int years = integer(n, path, "years", d.years());
            double discount = number(n, path, "discountRatePct", d.discountRatePct());
            double salvage = number(n, path, "salvagePct", d.salvagePct());
            double support = number(n, path, "supportPctPerYear", d.supportPctPerYear());
            CostSettings.AwsCommitment commitment = d.awsCommitment();
            String c = text(n, path, "awsCommitment", false, null);
            if (c != null) {
                try {
                    commitment = CostSettings.AwsCommitment.parse(c);
                } catch (IllegalArgumentException e) {
                    problem(path + "/awsCommitment", e.getMessage());
                }
            }
            return new CostSettings(years, discount, salvage, support, commitment);
        }

        Site site(JsonNode n, String path) {
            if (!object(n, path)) {
                return null;
            }
            allowOnly(n, path, "name", "kind", "hardware", "policy", "facility", "workloads", "available", "owned");
            String name = text(n, path, "name", true, null);
            SiteKind kind = null;
            String kindText = text(n, path, "kind", true, null);
            if (kindText != null) {
                try {
                    kind = SiteKind.parse(kindText);
                } catch (IllegalArgumentException e) {
                    problem(path + "/kind", e.getMessage());
                }
            }
            List<String> hardware = new ArrayList<>();
            JsonNode hw = n.get("hardware");
            if (hw == null) {
                problem(path, "missing field 'hardware' (the catalog ids of the hardware candidates to compare)");
            } else if (!hw.isArray()) {
                problem(path + "/hardware", "'hardware' must be a list of catalog ids, got " + kind(hw));
            } else {
                for (int i = 0; i < hw.size(); i++) {
                    if (!hw.get(i).isTextual()) {
                        problem(path + "/hardware/" + i, "a hardware candidate is a catalog id (text), got " + kind(hw.get(i)));
                    } else {
                        hardware.add(hw.get(i).textValue());
                    }
                }
            }
            List<Workload> workloads = new ArrayList<>();
            JsonNode wl = n.get("workloads");
            if (wl == null) {
                problem(path, "missing field 'workloads' (a list, may be empty)");
            } else if (!wl.isArray()) {
                problem(path + "/workloads", "'workloads' must be a list, got " + kind(wl));
            } else {
                for (int i = 0; i < wl.size(); i++) {
                    Workload w = workload(wl.get(i), path + "/workloads/" + i);
                    if (w != null) {
                        workloads.add(w);
                    }
                }
            }
            if (kind == null || name == null) {
                return null;
            }
            Policy policy = policy(n.get("policy"), path + "/policy", kind);
            Facility facility = facility(n.get("facility"), path + "/facility", kind);
            return new Site(name, kind, workloads, hardware, policy, facility, available(n.get("available"), path + "/available"),
                    owned(n.get("owned"), path + "/owned"));
        }

        /** A site's stock override: {"hardware id": count, ...}. */
        Map<String, Integer> available(JsonNode n, String path) {
            Map<String, Integer> out = new LinkedHashMap<>();
            if (n == null || !object(n, path)) {
                return out;
            }
            n.fieldNames().forEachRemaining(id -> {
                int count = integer(n, path, id, 0);
                out.put(id, count);
            });
            return out;
        }

        /** A site's owned hosts: [{"hardware": id, "count": n, "purchased": "YYYY-MM-DD", "priceUsd": x}, ...]. */
        List<OwnedHosts> owned(JsonNode n, String path) {
            List<OwnedHosts> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            if (!n.isArray()) {
                problem(path, "'owned' must be a list of owned hosts ({\"hardware\": catalog id, \"count\": n}), got " + kind(n));
                return out;
            }
            for (int i = 0; i < n.size(); i++) {
                JsonNode o = n.get(i);
                String p = path + "/" + i;
                if (!object(o, p)) {
                    continue;
                }
                allowOnly(o, p, "hardware", "count", "purchased", "priceUsd");
                String hw = text(o, p, "hardware", true, null);
                int count = requiredInt(o, p, "count");
                LocalDate purchased = null;
                String date = text(o, p, "purchased", false, null);
                if (date != null) {
                    try {
                        purchased = LocalDate.parse(date);
                    } catch (DateTimeParseException e) {
                        problem(p + "/purchased", "'purchased' is a date like 2023-04-01 (year-month-day), got \""
                                + TextRules.printable(date.length() > 40 ? date.substring(0, 37) + "..." : date) + "\"");
                    }
                }
                Double price = o.get("priceUsd") == null ? null : number(o, p, "priceUsd", 0);
                if (hw != null) {
                    out.add(new OwnedHosts(hw, count, purchased, price));
                }
            }
            return out;
        }

        Policy policy(JsonNode n, String path, SiteKind kind) {
            Policy d = Policy.defaultsFor(kind);
            if (n == null || !object(n, path)) {
                return d;
            }
            allowOnly(n, path, "failuresTolerated", "minHosts", "cpuOvercommitContainers", "cpuOvercommitVms",
                    "vmCpuOverheadPct", "vmMemoryOverheadGib", "reserveMemoryGib", "reserveThreads", "storage",
                    "ceph", "cephMemoryPerOsdGib", "cephThreadsPerOsd", "cephMonMgrMemoryGib");
            StorageMode mode = d.storageMode();
            String m = text(n, path, "storage", false, null);
            if (m != null) {
                try {
                    mode = StorageMode.parse(m);
                } catch (IllegalArgumentException e) {
                    problem(path + "/storage", e.getMessage());
                }
            }
            return new Policy(
                    integer(n, path, "failuresTolerated", d.failuresTolerated()),
                    integer(n, path, "minHosts", d.minHosts()),
                    number(n, path, "cpuOvercommitContainers", d.cpuOvercommitContainers()),
                    number(n, path, "cpuOvercommitVms", d.cpuOvercommitVms()),
                    number(n, path, "vmCpuOverheadPct", d.vmCpuOverheadPct()),
                    number(n, path, "vmMemoryOverheadGib", d.vmMemoryOverheadGib()),
                    number(n, path, "reserveMemoryGib", d.reserveMemoryGib()),
                    number(n, path, "reserveThreads", d.reserveThreads()),
                    mode,
                    ceph(n.get("ceph"), path + "/ceph"),
                    number(n, path, "cephMemoryPerOsdGib", d.cephMemoryPerOsdGib()),
                    number(n, path, "cephThreadsPerOsd", d.cephThreadsPerOsd()),
                    number(n, path, "cephMonMgrMemoryGib", d.cephMonMgrMemoryGib()));
        }

        CephLayout ceph(JsonNode n, String path) {
            CephLayout d = CephLayout.DEFAULT;
            if (n == null || !object(n, path)) {
                return d;
            }
            allowOnly(n, path, "size", "minSize", "k", "m", "nearfullRatio");
            int k = integer(n, path, "k", 0);
            int m = integer(n, path, "m", 0);
            boolean ec = k > 0;
            return new CephLayout(integer(n, path, "size", ec ? 0 : d.size()), integer(n, path, "minSize", ec ? 0 : d.minSize()),
                    k, m, number(n, path, "nearfullRatio", d.nearfullRatio()));
        }

        Facility facility(JsonNode n, String path, SiteKind kind) {
            Facility d = Facility.defaultsFor(kind);
            if (n == null || !object(n, path)) {
                return d;
            }
            allowOnly(n, path, "dataCentre", "electricityUsdPerKwh", "pue", "colocationUsdPerUMonth", "colocationUsdPerKwMonth", "electricitySource");
            boolean dc = bool(n, path, "dataCentre", d.dataCentre());
            return new Facility(dc,
                    number(n, path, "electricityUsdPerKwh", d.electricityUsdPerKwh()),
                    number(n, path, "pue", dc ? d.pue() : 1.0),
                    number(n, path, "colocationUsdPerUMonth", dc ? d.colocationUsdPerUMonth() : 0),
                    number(n, path, "colocationUsdPerKwMonth", dc ? d.colocationUsdPerKwMonth() : 0),
                    text(n, path, "electricitySource", false, d.electricitySource()));
        }

        Workload workload(JsonNode n, String path) {
            if (!object(n, path)) {
                return null;
            }
            allowOnly(n, path, "name", "kind", "count", "vcpu", "memoryGib", "diskGib", "gpu", "antiAffinity",
                    "iops", "writeMbps", "netMbps", "cpuUtil", "growthPctYear", "project", "bandwidthMbps");
            String name = text(n, path, "name", true, null);
            WorkloadKind kind = null;
            String k = text(n, path, "kind", true, null);
            if (k != null) {
                try {
                    kind = WorkloadKind.parse(k);
                } catch (IllegalArgumentException e) {
                    problem(path + "/kind", e.getMessage());
                }
            }
            int count = requiredInt(n, path, "count");
            double vcpu = requiredNumber(n, path, "vcpu");
            double memory = requiredNumber(n, path, "memoryGib");
            double disk = number(n, path, "diskGib", 0);
            int gpu = integer(n, path, "gpu", 0);
            boolean anti = bool(n, path, "antiAffinity", false);
            double iops = number(n, path, "iops", 0);
            double write = number(n, path, "writeMbps", 0);
            double net = number(n, path, "netMbps", 0);
            double util = number(n, path, "cpuUtil", Workload.DEFAULT_CPU_UTIL);
            double growth = number(n, path, "growthPctYear", 0);
            double bandwidth = number(n, path, "bandwidthMbps", 0);
            String project = text(n, path, "project", false, Workload.DEFAULT_PROJECT);
            if (name == null || kind == null) {
                return null;
            }
            return new Workload(name, kind, count, vcpu, memory, disk, gpu, anti, iops, write, net, util, growth, project, bandwidth);
        }

        // ---- typed field access: each reports a problem and returns a default when the value is unusable

        boolean object(JsonNode n, String path) {
            if (!n.isObject()) {
                problem(path, (path.isEmpty() ? "the plan" : "'" + path + "'") + " must be a JSON object, got " + kind(n));
                return false;
            }
            return true;
        }

        void allowOnly(JsonNode n, String path, String... allowed) {
            List<String> known = List.of(allowed);
            n.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    problem(join(path, f), "unknown field '" + TextRules.printable(f) + "'" + (path.isEmpty() ? "" : " in " + path) + "; expected one of " + String.join(", ", known));
                }
            });
        }

        String text(JsonNode n, String path, String field, boolean required, String dflt) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(path, "missing field '" + field + "'");
                }
                return dflt;
            }
            if (!v.isTextual()) {
                problem(join(path, field), "'" + field + "' must be text, got " + kind(v));
                return dflt;
            }
            return v.textValue();
        }

        double number(JsonNode n, String path, String field, double dflt) {
            JsonNode v = n.get(field);
            if (v == null) {
                return dflt;
            }
            if (v.isNull()) {
                problem(join(path, field), "'" + field + "' is null; give a number, or leave the field out for the default");
                return dflt;
            }
            if (!v.isNumber()) {
                problem(join(path, field), "'" + field + "' must be a number, got " + kind(v));
                return dflt;
            }
            double d = v.doubleValue();
            if (Double.isInfinite(d)) {
                problem(join(path, field), "'" + field + "' is too large a number (" + v.asText().length() + " characters, beyond any real value)");
                return dflt;
            }
            return d;
        }

        double requiredNumber(JsonNode n, String path, String field) {
            if (n.get(field) == null) {
                problem(path, "missing field '" + field + "'");
                return 1;
            }
            return number(n, path, field, 1);
        }

        int integer(JsonNode n, String path, String field, int dflt) {
            JsonNode v = n.get(field);
            if (v == null) {
                return dflt;
            }
            if (v.isNull()) {
                problem(join(path, field), "'" + field + "' is null; give a whole number, or leave the field out for the default");
                return dflt;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                problem(join(path, field), "'" + field + "' must be a whole number, got " + kind(v));
                return dflt;
            }
            return v.intValue();
        }

        int requiredInt(JsonNode n, String path, String field) {
            if (n.get(field) == null) {
                problem(path, "missing field '" + field + "'");
                return 1;
            }
            return integer(n, path, field, 1);
        }

        boolean bool(JsonNode n, String path, String field, boolean dflt) {
            JsonNode v = n.get(field);
            if (v == null) {
                return dflt;
            }
            if (v.isNull()) {
                problem(join(path, field), "'" + field + "' is null; give true or false, or leave the field out for the default");
                return dflt;
            }
            if (!v.isBoolean()) {
                problem(join(path, field), "'" + field + "' must be true or false, got " + kind(v));
                return dflt;
            }
            return v.booleanValue();
        }

        static String join(String path, String field) {
            return path.isEmpty() ? field : path + "/" + field;
        }

        static String kind(JsonNode v) {
            if (v.isTextual()) {
                String t = v.textValue();
                return "text \"" + TextRules.printable(t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\"";
            }
            if (v.isNumber()) {
                return "the number " + v.asText();
            }
            if (v.isNull()) {
                return "null";
            }
            if (v.isBoolean()) {
                return v.asText();
            }
            if (v.isArray()) {
                return "a list";
            }
            if (v.isObject()) {
                return "an object";
            }
            return v.getNodeType().toString().toLowerCase();
        }
    }
}
