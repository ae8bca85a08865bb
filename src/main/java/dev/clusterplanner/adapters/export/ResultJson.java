package dev.clusterplanner.adapters.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.FailureCheck;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.UnplacedInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes analysis results as JSON (the {@code plan --json} contract, fields documented in README "Result JSON").
 * The application composes a document from ordered maps and lists, using the helpers here for core types, so a
 * new field is one {@code put}; this class turns the document into JSON deterministically: keys in insertion
 * order, numbers rounded to a fixed number of decimals, infinities and NaN as null.
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResultJson() {
    }

    /** The JSON text of a document made of maps (String keys), lists, strings, numbers, booleans and nulls. */
    public static String toJson(Map<String, ?> document) {
        try {
            return MAPPER.writeValueAsString(node(document)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result JSON", e);
        }
    }

    /** Writes the document atomically (temporary file, then rename). */
    public static void write(Map<String, ?> document, Path file) throws IOException {
        AtomicFile.write(file, toJson(document).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode node(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((key, value) -> o.set(String.valueOf(key), node(value)));
            return o;
        }
        if (v instanceof Iterable<?> it) {
            ArrayNode a = F.arrayNode();
            it.forEach(x -> a.add(node(x)));
            return a;
        }
        if (v instanceof String s) {
            return F.textNode(s);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long) {
            return F.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return F.nullNode();
            }
            return F.numberNode(new BigDecimal(d).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros());
        }
        return F.textNode(String.valueOf(v));
    }

    // ------------------------------------------------------------------ core types

    /** A sizing option: hardware, hosts, bound, placement, utilisation, unplaced, failure check, explanation, formulas. */
    public static Map<String, Object> sizingOption(SizingOption o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", o.rank());
        m.put("kind", o.mixed() ? "mixed" : "homogeneous");
        m.put("hardware", o.mixed() ? o.hardwareIds() : o.hardwareIds().get(0));
        m.put("hostsByHardware", o.hostsByHardware());
        m.put("hosts", o.hosts());
        m.put("hostsLowerBound", o.hostsLowerBound());
        m.put("feasible", o.feasible());
        m.put("explanation", o.explanation());
        m.put("bindingDimension", o.binding() == null ? null : o.binding().id());
        m.put("utilisation", utilisation(o.utilisation()));
        m.put("failureCheck", failureCheck(o.failureCheck()));
        List<Object> hosts = new ArrayList<>();
        for (PlacedHost h : o.placement().hosts()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("host", h.name());
            hm.put("hardware", h.hardwareId());
            hm.put("instances", h.instances());
            Map<Dimension, Double> u = new LinkedHashMap<>();
            for (Dimension d : Dimension.values()) {
                u.put(d, h.utilisation(d));
            }
            hm.put("utilisation", utilisationAll(u));
            Map<String, Object> used = new LinkedHashMap<>();
            Map<String, Object> cap = new LinkedHashMap<>();
            for (Dimension d : Dimension.values()) {
                used.put(d.id(), h.used().get(d));
                cap.put(d.id(), h.capacity().get(d));
            }
            hm.put("used", used);
            hm.put("capacity", cap);
            hosts.add(hm);
        }
        m.put("placement", hosts);
        List<Object> un = new ArrayList<>();
        for (UnplacedInstance u : o.placement().unplaced()) {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("instance", u.instance());
            um.put("workload", u.workload());
            um.put("rule", u.rule());
            um.put("reason", u.reason());
            un.add(um);
        }
        m.put("unplaced", un);
        m.put("formulas", explanations(o.formulas()));
        return m;
    }

    /** Every dimension as a key; null where it does not apply. */
    static Map<String, Object> utilisation(Map<Dimension, Double> util) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            m.put(d.id(), util.get(d));
        }
        return m;
    }

    private static Map<String, Object> utilisationAll(Map<Dimension, Double> util) {
        return utilisation(util);
    }

    public static Map<String, Object> failureCheck(FailureCheck f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failuresTolerated", f.failuresTolerated());
        m.put("method", f.method());
        m.put("setsChecked", f.setsChecked());
        m.put("holds", f.holds());
        m.put("summary", f.summary());
        return m;
    }

    public static List<Object> explanations(List<Explanation> list) {
        List<Object> out = new ArrayList<>();
        for (Explanation e : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("figure", e.figure());
            m.put("value", e.value());
            m.put("unit", e.unit());
            m.put("formula", e.formula());
            m.put("citation", e.citation());
            out.add(m);
        }
        return out;
    }

    public static List<Object> findings(List<Finding> list) {
        List<Object> out = new ArrayList<>();
        for (Finding f : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().id());
            m.put("rule", f.rule());
            m.put("text", f.text());
            m.put("citation", f.citation());
            out.add(m);
        }
        return out;
    }
}
