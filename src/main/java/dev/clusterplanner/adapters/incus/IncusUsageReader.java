package dev.clusterplanner.adapters.incus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.usage.InstanceReading;
import dev.clusterplanner.core.usage.MemberReading;
import dev.clusterplanner.core.usage.UsageSample;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One sampling round of a watch, GET only: every instance with its state in one request
 * ({@code /1.0/instances?recursion=2&all-projects=true}) and, on a cluster, every member's system figures
 * ({@code /1.0/cluster/members/NAME/state}, concurrently); on a standalone server its memory from
 * {@code /1.0/resources}. A part that cannot be read is a problem of the sample, never the end of the watch.
 */
final class IncusUsageReader {

    private final Transport transport;
    private final Clock clock;
    private final ExecutorService pool;

    IncusUsageReader(Transport transport, Clock clock, ExecutorService pool) {
        this.transport = transport;
        this.clock = clock;
        this.pool = pool;
    }

    UsageSample sample(List<String> members, boolean clustered) {
        var at = clock.instant();
        List<String> problems = new ArrayList<>();
        Map<String, Future<JsonNode>> states = new LinkedHashMap<>();
        for (String m : members) {
            String path = clustered ? "/1.0/cluster/members/" + enc(m) + "/state" : "/1.0/resources";
            states.put(m, pool.submit(() -> get(path)));
        }
        Future<JsonNode> instancesF = pool.submit(() -> get("/1.0/instances?recursion=2&all-projects=true"));
        List<InstanceReading> instances = new ArrayList<>();
        try {
            JsonNode list = await(instancesF);
            for (JsonNode i : list) {
                InstanceReading r = instance(i);
                if (r != null) {
                    instances.add(r);
                } else if ("Running".equalsIgnoreCase(i.path("status").asText(""))) {
                    problems.add("state of " + i.path("name").asText("?") + " not reported");
                }
            }
        } catch (Failure e) {
            problems.add("instances not read: " + e.getMessage());
        }
        List<MemberReading> readings = new ArrayList<>();
        for (var e : states.entrySet()) {
            try {
                JsonNode meta = await(e.getValue());
                readings.add(clustered ? member(e.getKey(), meta) : standalone(e.getKey(), meta));
            } catch (Failure f) {
                readings.add(MemberReading.silent(e.getKey(), f.getMessage()));
            }
        }
        return new UsageSample(at, instances, readings, problems);
    }

    /** An instance of a recursion=2 listing with its state; null when it has no state (stopped, or its member is down). */
    static InstanceReading instance(JsonNode i) {
        JsonNode state = i.path("state");
        if (!state.isObject()) {
            return null;
        }
        long rx = 0;
        long tx = 0;
        Iterator<Map.Entry<String, JsonNode>> nics = state.path("network").fields();
        while (nics.hasNext()) {
            var nic = nics.next();
            if ("loopback".equals(nic.getValue().path("type").asText()) || "lo".equals(nic.getKey())) {
                continue;
            }
            JsonNode c = nic.getValue().path("counters");
            rx += Math.max(0, c.path("bytes_received").asLong(0));
            tx += Math.max(0, c.path("bytes_sent").asLong(0));
        }
        JsonNode root = state.path("disk").path("root").path("usage");
        return new InstanceReading(i.path("name").asText(""), i.path("project").asText(""), i.path("location").asText(""),
                state.path("status").asText(i.path("status").asText("")), Math.max(0, state.path("cpu").path("usage").asLong(0)),
                Math.max(0, state.path("memory").path("usage").asLong(0)), root.isNumber() ? root.asLong() : null, rx, tx);
    }

    /** A member's {@code /1.0/cluster/members/NAME/state}: load average and memory from its sysinfo. */
    static MemberReading member(String name, JsonNode meta) {
        JsonNode sys = meta.path("sysinfo");
        if (!sys.isObject()) {
            return MemberReading.silent(name, "no sysinfo in the member state");
        }
        long total = sys.path("total_ram").asLong(0);
        long used = Math.max(0, total - sys.path("free_ram").asLong(0) - sys.path("buffered_ram").asLong(0));
        JsonNode loads = sys.path("load_averages");
        Double load1 = loads.isArray() && loads.size() > 0 && loads.get(0).isNumber() ? loads.get(0).asDouble() : null;
        return new MemberReading(name, true, "", load1, used, total);
    }

    /** A standalone server's {@code /1.0/resources}: memory only (no load average there). */
    static MemberReading standalone(String name, JsonNode meta) {
        JsonNode mem = meta.path("memory");
        return new MemberReading(name, true, "", null, mem.path("used").asLong(0), mem.path("total").asLong(0));
    }

    private JsonNode get(String path) throws Failure {
        try {
            return IncusJson.metadata(transport.get(path), path);
        } catch (IncusJson.ApiError e) {
            throw new Failure(path + ": " + e.getMessage());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Failure("timed out");
        } catch (IOException e) {
            throw new Failure(HttpsTransport.rootMessage(e));
        } catch (ProbeException e) {
            throw new Failure(e.getMessage());
        } catch (RuntimeException e) {
            throw new Failure("unreadable answer to " + path);
        }
    }

    private static JsonNode await(Future<JsonNode> f) throws Failure {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Failure x ? x : new Failure(String.valueOf(e.getCause().getMessage()));
        }
    }

    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
