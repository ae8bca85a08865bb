package dev.clusterplanner.adapters.incus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveDisk;
import dev.clusterplanner.core.live.LiveGpu;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveNetwork;
import dev.clusterplanner.core.live.LiveNic;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveUsage;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.live.ProbeException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Turning the Incus REST API's JSON (sync responses) into the core's live records. */
final class IncusJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private IncusJson() {
    }

    /** An error answer of the API ({"type": "error", "error": "...", "error_code": 500}). */
    static final class ApiError extends IOException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The {@code metadata} of a sync response; an error answer becomes an {@link ApiError}. */
    static JsonNode metadata(HttpReply reply, String what) throws IOException, ProbeException {
        JsonNode root;
        try {
            root = MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, what + ": the answer (HTTP " + reply.status() + ") is not JSON; is this an Incus server?");
        }
        if (root == null || !root.isObject()) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, what + ": the answer (HTTP " + reply.status() + ") is not an Incus API response");
        }
        if (reply.status() != 200 || "error".equals(root.path("type").asText())) {
            String error = root.path("error").asText("");
            throw new ApiError(reply.status(), error.isEmpty() ? "HTTP " + reply.status() : error);
        }
        return root.path("metadata");
    }

    record ServerInfo(String name, String version, boolean clustered, boolean trusted, String fingerprint) {
    }

    static ServerInfo server(JsonNode meta) {
        JsonNode env = meta.path("environment");
        return new ServerInfo(env.path("server_name").asText(""), env.path("server_version").asText(""),
                env.path("server_clustered").asBoolean(false), "trusted".equals(meta.path("auth").asText()),
                env.path("certificate_fingerprint").asText(""));
    }

    record MemberInfo(String name, String url, MemberStatus status, String message, List<String> roles, String failureDomain) {
    }

    static List<MemberInfo> members(JsonNode array) {
        List<MemberInfo> out = new ArrayList<>();
        for (JsonNode m : array) {
            List<String> roles = new ArrayList<>();
            m.path("roles").forEach(r -> roles.add(r.asText()));
            out.add(new MemberInfo(m.path("server_name").asText(), m.path("url").asText(""),
                    MemberStatus.fromIncus(m.path("status").asText(null)), m.path("message").asText(""),
                    roles, m.path("failure_domain").asText("")));
        }
        return out;
    }

    static LiveResources resources(JsonNode meta) {
        JsonNode cpu = meta.path("cpu");
        int sockets = 0;
        int cores = 0;
        int threads = 0;
        String model = "";
        for (JsonNode socket : cpu.path("sockets")) {
            sockets++;
            if (model.isEmpty()) {
                model = socket.path("name").asText("");
            }
            for (JsonNode core : socket.path("cores")) {
                cores++;
                for (JsonNode thread : core.path("threads")) {
                    if (thread.path("online").asBoolean(true)) {
                        threads++;
                    }
                }
            }
        }
        if (threads == 0) {
            threads = cpu.path("total").asInt(0);
        }
        JsonNode memory = meta.path("memory");
        List<LiveDisk> disks = new ArrayList<>();
        for (JsonNode d : meta.path("storage").path("disks")) {
            disks.add(new LiveDisk(d.path("id").asText(""), d.path("type").asText(""), d.path("model").asText(""),
                    d.path("size").asLong(0), d.path("removable").asBoolean(false), d.path("read_only").asBoolean(false)));
        }
        List<LiveNic> nics = new ArrayList<>();
        for (JsonNode card : meta.path("network").path("cards")) {
            for (JsonNode port : card.path("ports")) {
                JsonNode speed = port.path("link_speed");
                nics.add(new LiveNic(port.path("id").asText(""), card.path("driver").asText(""),
                        speed.isNumber() && speed.asLong() > 0 ? speed.asLong() : null,
                        port.path("link_detected").asBoolean(false)));
            }
        }
        List<LiveGpu> gpus = new ArrayList<>();
        for (JsonNode g : meta.path("gpu").path("cards")) {
            gpus.add(new LiveGpu(g.path("vendor").asText(""), g.path("product").asText(""), g.path("driver").asText(""),
                    g.path("pci_address").asText("")));
        }
        return new LiveResources(model, sockets, cores, threads, memory.path("total").asLong(0), memory.path("used").asLong(0),
                disks, nics, gpus);
    }

    /** An instance from {@code /1.0/instances?recursion=1}; a memory limit in % is resolved against hostMemoryBytes. */
    static LiveInstance instance(JsonNode i, long hostMemoryBytes) {
        Map<String, String> limits = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = i.path("expanded_config").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("limits.")) {
                limits.put(e.getKey(), e.getValue().asText());
            }
        }
        OptionalDouble cpu = IncusUnits.parseCpuLimit(limits.get("limits.cpu"));
        OptionalLong memory = IncusUnits.parseMemoryLimit(limits.get("limits.memory"), hostMemoryBytes);
        Long rootSize = null;
        String rootPool = "";
        int gpus = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = i.path("expanded_devices").fields(); it.hasNext(); ) {
            JsonNode dev = it.next().getValue();
            String type = dev.path("type").asText();
            if (type.equals("disk") && dev.path("path").asText().equals("/")) {
                rootPool = dev.path("pool").asText("");
                OptionalLong size = IncusUnits.parseBytes(dev.path("size").asText(null));
                rootSize = size.isPresent() ? size.getAsLong() : null;
            } else if (type.equals("gpu")) {
                gpus++;
            }
        }
        return new LiveInstance(i.path("name").asText(), i.path("project").asText("default"), i.path("type").asText(""),
                i.path("location").asText(""), i.path("status").asText(""), limits,
                cpu.isPresent() ? cpu.getAsDouble() : null, memory.isPresent() ? memory.getAsLong() : null,
                rootSize, rootPool, gpus, null);
    }

    static LiveUsage usage(JsonNode state) {
        JsonNode memory = state.path("memory");
        return new LiveUsage(memory.path("usage").asLong(0), memory.path("usage_peak").asLong(0),
                state.path("cpu").path("usage").asLong(0), state.path("processes").asInt(0));
    }

    record PoolInfo(String name, String driver, String status, List<String> locations, java.util.Map<String, String> config) {
    }

    static List<PoolInfo> pools(JsonNode array) {
        List<PoolInfo> out = new ArrayList<>();
        for (JsonNode p : array) {
            List<String> locations = new ArrayList<>();
            p.path("locations").forEach(l -> locations.add(l.asText()));
            java.util.Map<String, String> config = new java.util.TreeMap<>();
            p.path("config").fields().forEachRemaining(e -> {
                if (LivePool.keptConfigKey(e.getKey()) && e.getValue().isValueNode()) {
                    config.put(e.getKey(), e.getValue().asText());
                }
            });
            out.add(new PoolInfo(p.path("name").asText(), p.path("driver").asText(""), p.path("status").asText(""), locations, config));
        }
        return out;
    }

    /** {total, used} bytes of {@code /1.0/storage-pools/NAME/resources}. */
    static long[] poolSpace(JsonNode meta) {
        JsonNode space = meta.path("space");
        return new long[]{space.path("total").asLong(0), space.path("used").asLong(0)};
    }

    static List<LiveNetwork> networks(JsonNode array) {
        List<LiveNetwork> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(new LiveNetwork(n.path("name").asText(), n.path("type").asText(""), n.path("managed").asBoolean(false),
                    n.path("status").asText("")));
        }
        return out;
    }
}
