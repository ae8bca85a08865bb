package dev.clusterplanner.adapters.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live Ceph cluster as the {@code "cluster"} object of a saved probe's {@code "ceph"} part, and back. Every field of
 * {@link CephCluster} is written, so a saved probe can be checked again later (against another plan, in a report).
 * Bytes are whole numbers, ratios are null when the source did not report them.
 */
public final class CephDocument {

    private CephDocument() {
    }

    public static Map<String, Object> toMap(CephCluster c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", c.source());
        m.put("readAt", c.readAt() == null ? null : c.readAt().toString());
        m.put("version", c.version());
        m.put("health", c.health().label());
        m.put("healthChecks", c.healthChecks());
        m.put("hosts", c.hostCount());
        m.put("totalBytes", c.totalBytes());
        m.put("usedRawBytes", c.usedRawBytes());
        m.put("availBytes", c.availBytes());
        m.put("nearfullRatio", c.nearfullRatio());
        m.put("fullRatio", c.fullRatio());
        List<Object> osds = new ArrayList<>();
        for (CephOsd o : c.osds()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", o.id());
            d.put("host", o.host());
            d.put("deviceClass", o.deviceClass());
            d.put("up", o.up());
            d.put("in", o.in());
            d.put("sizeBytes", o.sizeBytes());
            d.put("usedBytes", o.usedBytes());
            osds.add(d);
        }
        m.put("osds", osds);
        List<Object> pools = new ArrayList<>();
        for (CephPool p : c.pools()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", p.id());
            d.put("name", p.name());
            d.put("type", p.erasureCoded() ? "erasure" : "replicated");
            d.put("size", p.size());
            d.put("minSize", p.minSize());
            d.put("k", p.k());
            d.put("m", p.m());
            d.put("ecProfile", p.ecProfile());
            d.put("objects", p.objects());
            d.put("storedBytes", p.storedBytes());
            d.put("usedRawBytes", p.usedRawBytes());
            d.put("maxAvailBytes", p.maxAvailBytes());
            pools.add(d);
        }
        m.put("pools", pools);
        m.put("readWarnings", c.warnings());
        return m;
    }

    /** Reads the object {@link #toMap} wrote; {@code file} and {@code at} name the place in a rejection. */
    public static CephCluster read(JsonNode n, String file, String at) throws InputRejectedException {
        String source = text(n, "source", file, at);
        Instant readAt = null;
        if (n.hasNonNull("readAt")) {
            try {
                readAt = Instant.parse(n.get("readAt").asText());
            } catch (DateTimeParseException e) {
                throw new InputRejectedException(new InputProblem(file, 0, 0, at + ".readAt", "'" + n.get("readAt").asText()
                        + "' is not an ISO-8601 instant"));
            }
        }
        String healthLabel = n.path("health").asText("unknown");
        CephHealth health = CephHealth.fromStatus(healthLabel);
        List<String> checks = strings(n.path("healthChecks"));
        List<CephOsd> osds = new ArrayList<>();
        int i = 0;
        for (JsonNode o : n.path("osds")) {
            String where = at + ".osds[" + i++ + "]";
            osds.add(new CephOsd(integer(o, "id", file, where), o.path("host").asText(""), o.path("deviceClass").asText(""),
                    o.path("up").asBoolean(false), o.path("in").asBoolean(false), number(o, "sizeBytes", file, where),
                    number(o, "usedBytes", file, where)));
        }
        List<CephPool> pools = new ArrayList<>();
        i = 0;
        for (JsonNode p : n.path("pools")) {
            String where = at + ".pools[" + i++ + "]";
            String type = p.path("type").asText("");
            if (!type.equals("erasure") && !type.equals("replicated")) {
                throw new InputRejectedException(new InputProblem(file, 0, 0, where + ".type", "'" + type + "' is not replicated or erasure"));
            }
            pools.add(new CephPool(integer(p, "id", file, where), text(p, "name", file, where), type.equals("erasure"),
                    integer(p, "size", file, where), p.hasNonNull("minSize") ? p.get("minSize").asInt() : null,
                    p.path("k").asInt(0), p.path("m").asInt(0), p.path("ecProfile").asText(""), p.path("objects").asLong(0),
                    number(p, "storedBytes", file, where), number(p, "usedRawBytes", file, where), number(p, "maxAvailBytes", file, where)));
        }
        return new CephCluster(source, readAt, n.path("version").asText(""), health, checks, osds, pools,
                number(n, "totalBytes", file, at), number(n, "usedRawBytes", file, at), number(n, "availBytes", file, at),
                n.hasNonNull("nearfullRatio") ? n.get("nearfullRatio").asDouble() : null,
                n.hasNonNull("fullRatio") ? n.get("fullRatio").asDouble() : null, strings(n.path("readWarnings")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String text(JsonNode n, String field, String file, String at) throws InputRejectedException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new InputRejectedException(new InputProblem(file, 0, 0, at + "." + field, "missing or not text"));
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field, String file, String at) throws InputRejectedException {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new InputRejectedException(new InputProblem(file, 0, 0, at + "." + field, "missing or not a whole number of bytes"));
        }
        return v.asLong();
    }

    private static int integer(JsonNode n, String field, String file, String at) throws InputRejectedException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new InputRejectedException(new InputProblem(file, 0, 0, at + "." + field, "missing or not a whole number"));
        }
        return v.asInt();
    }
}
