package dev.clusterplanner.adapters.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Maps the JSON of {@code ceph status}, {@code ceph df}, {@code ceph osd df}, {@code ceph osd pool ls detail},
 * {@code ceph osd metadata} and {@code ceph osd dump} (each {@code -f json}, Ceph 16.2 field names) to a
 * {@link CephCluster}. {@code osd dump} adds what the others lack: up/in per OSD, the nearfull and full
 * ratios and the erasure-code profiles (k and m).
 */
public final class CephJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The six answers a {@link CephCluster} is built from. */
    public record Answers(JsonNode status, JsonNode df, JsonNode osdDf, JsonNode poolLsDetail, JsonNode osdMetadata, JsonNode osdDump) {
    }

    private CephJson() {
    }

    public static JsonNode parse(String text, String what) throws CephReadException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new CephReadException(what + ": empty answer");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CephReadException(what + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    public static CephCluster toCluster(Answers a, String source, Instant readAt) {
        List<String> warnings = new ArrayList<>();
        JsonNode healthNode = a.status().path("health");
        CephHealth health = CephHealth.fromStatus(healthNode.path("status").asText(null));
        List<String> checks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = healthNode.path("checks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String msg = e.getValue().path("summary").path("message").asText("");
            checks.add(e.getKey() + (msg.isEmpty() ? "" : ": " + msg));
        }

        Map<Integer, JsonNode> metadata = new HashMap<>();
        String version = "";
        for (JsonNode m : a.osdMetadata()) {
            metadata.put(m.path("id").asInt(-1), m);
            if (version.isEmpty()) {
                version = m.path("ceph_version").asText("");
            }
        }
        Map<Integer, JsonNode> dumpOsds = new HashMap<>();
        for (JsonNode o : a.osdDump().path("osds")) {
            dumpOsds.put(o.path("osd").asInt(-1), o);
        }
        List<CephOsd> osds = new ArrayList<>();
        for (JsonNode n : a.osdDf().path("nodes")) {
            int id = n.path("id").asInt(-1);
            JsonNode meta = metadata.get(id);
            JsonNode dump = dumpOsds.get(id);
            if (meta == null) {
                warnings.add("osd." + id + ": no metadata (host unknown)");
            }
            boolean up = dump != null ? dump.path("up").asInt() == 1 : "up".equals(n.path("status").asText());
            boolean in = dump != null ? dump.path("in").asInt() == 1 : n.path("reweight").asDouble() > 0;
            osds.add(new CephOsd(id, meta == null ? "" : meta.path("hostname").asText(""), n.path("device_class").asText(""),
                    up, in, n.path("kb").asLong() * 1024, n.path("kb_used").asLong() * 1024));
        }

        Map<String, JsonNode> profiles = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.osdDump().path("erasure_code_profiles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            profiles.put(e.getKey(), e.getValue());
        }
        Map<Integer, JsonNode> usage = new HashMap<>();
        for (JsonNode p : a.df().path("pools")) {
            usage.put(p.path("id").asInt(-1), p.path("stats"));
        }
        List<CephPool> pools = new ArrayList<>();
        for (JsonNode p : a.poolLsDetail()) {
            int id = p.path("pool_id").asInt(-1);
            String name = p.path("pool_name").asText("pool " + id);
            boolean ec = p.path("type").asInt() == 3; // pg_pool_t::TYPE_ERASURE
            String profile = p.path("erasure_code_profile").asText("");
            int k = 0;
            int m = 0;
            if (ec) {
                JsonNode prof = profiles.get(profile);
                if (prof == null) {
                    warnings.add("pool " + name + ": erasure-code profile '" + profile + "' not found, k and m unknown");
                } else {
                    k = prof.path("k").asInt(0);
                    m = prof.path("m").asInt(0);
                }
            }
            JsonNode stats = usage.get(id);
            if (stats == null) {
                warnings.add("pool " + name + ": not in ceph df, usage unknown");
                stats = JSON.createObjectNode();
            }
            pools.add(new CephPool(id, name, ec, p.path("size").asInt(), p.path("min_size").asInt(), k, m, ec ? profile : "",
                    stats.path("objects").asLong(), stats.path("stored").asLong(), stats.path("bytes_used").asLong(),
                    stats.path("max_avail").asLong()));
        }

        JsonNode totals = a.df().path("stats");
        return new CephCluster(source, readAt, version, health, checks, osds, pools,
                totals.path("total_bytes").asLong(), totals.path("total_used_raw_bytes").asLong(),
                totals.path("total_avail_bytes").asLong(),
                ratio(a.osdDump().path("nearfull_ratio")), ratio(a.osdDump().path("full_ratio")), warnings);
    }

    /** Ceph stores ratios as floats (0.8500000238418579): six decimals are what was set. */
    private static Double ratio(JsonNode n) {
        return n.isNumber() ? Math.round(n.asDouble() * 1e6) / 1e6 : null;
    }
}
