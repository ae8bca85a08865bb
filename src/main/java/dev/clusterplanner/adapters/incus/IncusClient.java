package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.adapters.net.ConnectionErrors;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveNetwork;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.LiveUsage;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.live.ProbeException;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a whole Incus installation with GET requests only: the server ({@code /1.0}), the cluster
 * members, every member's resources (concurrently, through the answering member with
 * {@code ?target=}), every instance in every project with its limits and state, storage pools
 * with their space, and networks. A member that is offline, refuses or times out is reported as
 * such; the rest of the snapshot still comes back.
 */
public final class IncusClient implements AutoCloseable {

    /** Hooks into a probe's progress (tests use it to stop a member in the middle of a probe). */
    public interface ProbeListener {
        void membersListed(List<String> names);

        ProbeListener NONE = names -> {
        };
    }

    private static final int PARALLEL = 8;

    private final Transport transport;
    private final Clock clock;

    IncusClient(Transport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    IncusClient(Transport transport) {
        this(transport, Clock.systemUTC());
    }

    public String target() {
        return transport.describe();
    }

    public LiveSnapshot snapshot() throws ProbeException {
        return snapshot(ProbeListener.NONE);
    }

    public LiveSnapshot snapshot(ProbeListener listener) throws ProbeException {
        Instant takenAt = clock.instant();
        long t0 = System.nanoTime();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());

        JsonNode serverMeta = first("/1.0");
        IncusJson.ServerInfo server = IncusJson.server(serverMeta);
        if (!server.trusted()) {
            throw new ProbeException(ProbeException.Kind.NOT_TRUSTED, transport.describe()
                    + ": the server does not trust this client's certificate; on a member run "
                    + "`incus config trust add-certificate client.crt` (or add this client with a trust token)");
        }
        List<IncusJson.MemberInfo> memberInfos;
        if (server.clustered()) {
            memberInfos = IncusJson.members(first("/1.0/cluster/members?recursion=1"));
        } else {
            memberInfos = List.of(new IncusJson.MemberInfo(server.name().isEmpty() ? "server" : server.name(),
                    transport.describe(), MemberStatus.ONLINE, "standalone server", List.of(), ""));
        }
        listener.membersListed(memberInfos.stream().map(IncusJson.MemberInfo::name).toList());

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, daemonThreads());
        try {
            Map<String, Future<JsonNode>> resources = new LinkedHashMap<>();
            for (IncusJson.MemberInfo m : memberInfos) {
                if (m.status() == MemberStatus.OFFLINE) {
                    continue; // the cluster already knows: do not wait for it
                }
                String path = server.clustered() ? "/1.0/resources?target=" + enc(m.name()) : "/1.0/resources";
                resources.put(m.name(), pool.submit(() -> fetch(path)));
            }
            Future<JsonNode> instancesF = pool.submit(() -> fetch("/1.0/instances?recursion=1&all-projects=true"));
            Future<JsonNode> poolsF = pool.submit(() -> fetch("/1.0/storage-pools?recursion=1"));
            Future<JsonNode> networksF = pool.submit(() -> fetch("/1.0/networks?recursion=1"));

            List<LiveMember> members = new ArrayList<>();
            Map<String, Long> memoryOf = new LinkedHashMap<>();
            for (IncusJson.MemberInfo m : memberInfos) {
                Future<JsonNode> f = resources.get(m.name());
                if (f == null) {
                    members.add(new LiveMember(m.name(), m.url(), MemberStatus.OFFLINE, m.message(), m.roles(), m.failureDomain(), null,
                            "the cluster reports it offline: " + m.message()));
                    continue;
                }
                try {
                    LiveResources r = parsed(() -> IncusJson.resources(await(f)), "its resources");
                    memoryOf.put(m.name(), r.memoryBytes());
                    members.add(new LiveMember(m.name(), m.url(), m.status(), m.message(), m.roles(), m.failureDomain(), r, ""));
                } catch (ReadFailure e) {
                    MemberStatus status = e.timedOut ? MemberStatus.SLOW : MemberStatus.UNREACHABLE;
                    members.add(new LiveMember(m.name(), m.url(), status, m.message(), m.roles(), m.failureDomain(), null, e.getMessage()));
                }
            }

            List<LiveInstance> instances = new ArrayList<>();
            try {
                for (JsonNode i : await(instancesF)) {
                    String name = i.path("name").asText("?");
                    try {
                        LiveInstance li = IncusJson.instance(i, memoryOf.getOrDefault(i.path("location").asText(""), 0L));
                        String cpu = li.limits().get("limits.cpu");
                        if (cpu != null && !cpu.isBlank() && li.cpuLimit() == null) {
                            problems.add("instance " + name + ": limits.cpu '" + shorten(cpu) + "' is not a CPU count or set that can be read");
                        }
                        instances.add(li);
                    } catch (RuntimeException e) {
                        problems.add("instance " + name + " not read: its description is not what Incus sends (" + e.getClass().getSimpleName() + ")");
                    }
                }
            } catch (ReadFailure e) {
                problems.add("instances not read: " + e.getMessage());
            }
            instances = withUsage(pool, instances, members, problems);

            List<LivePool> pools = new ArrayList<>();
            try {
                List<IncusJson.PoolInfo> infos = parsed(() -> IncusJson.pools(await(poolsF)), "the storage pools");
                pools = pools(pool, infos, members, server.clustered());
            } catch (ReadFailure e) {
                problems.add("storage pools not read: " + e.getMessage());
            }
            List<LiveNetwork> networks = List.of();
            try {
                networks = parsed(() -> IncusJson.networks(await(networksF)), "the networks");
            } catch (ReadFailure e) {
                problems.add("networks not read: " + e.getMessage());
            }
            for (LiveMember m : members) {
                if (!m.readable()) {
                    problems.add("member " + m.name() + " (" + m.status().id() + "): " + m.readError());
                }
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new LiveSnapshot(takenAt, transport.describe(), server.name(), server.version(), server.clustered(),
                    transport.serverFingerprint(), members, instances, pools, networks, problems, millis);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One sampling round of a watch: every instance's counters and each member's system figures (see
     * {@link IncusUsageReader}); what cannot be read is a problem of the sample.
     */
    public dev.clusterplanner.core.usage.UsageSample sample(List<String> memberNames, boolean clustered) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, daemonThreads());
        try {
            return new IncusUsageReader(transport, clock, pool).sample(memberNames, clustered);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<LiveInstance> withUsage(ExecutorService pool, List<LiveInstance> instances, List<LiveMember> members, List<String> problems)
            throws ProbeException {
        List<Future<JsonNode>> states = new ArrayList<>();
        for (LiveInstance i : instances) {
            boolean memberUp = members.stream().anyMatch(m -> m.name().equals(i.location()) && m.readable())
                    || members.size() == 1;
            if (i.running() && memberUp) {
                String path = "/1.0/instances/" + enc(i.name()) + "/state?project=" + enc(i.project());
                states.add(pool.submit(() -> fetch(path)));
            } else {
                states.add(null);
            }
        }
        List<LiveInstance> out = new ArrayList<>();
        AtomicInteger unread = new AtomicInteger();
        String lastError = "";
        for (int k = 0; k < instances.size(); k++) {
            LiveInstance i = instances.get(k);
            Future<JsonNode> f = states.get(k);
            if (f == null) {
                out.add(i);
                continue;
            }
            try {
                LiveUsage u = parsed(() -> IncusJson.usage(await(f)), "its state");
                out.add(i.withUsage(u));
            } catch (ReadFailure e) {
                unread.incrementAndGet();
                lastError = i.name() + ": " + e.getMessage();
                out.add(i);
            }
        }
        if (unread.get() > 0) {
            problems.add("state of " + unread.get() + " running instance(s) not read (" + lastError + ")");
        }
        return out;
    }

    private List<LivePool> pools(ExecutorService pool, List<IncusJson.PoolInfo> infos, List<LiveMember> members, boolean clustered)
            throws ProbeException {
        record Pending(IncusJson.PoolInfo info, String member, Future<JsonNode> future) {
        }
        List<Pending> pending = new ArrayList<>();
        for (IncusJson.PoolInfo p : infos) {
            String base = "/1.0/storage-pools/" + enc(p.name()) + "/resources";
            if (LivePool.sharedDriver(p.driver()) || !clustered) {
                pending.add(new Pending(p, "", pool.submit(() -> fetch(base))));
            } else {
                for (LiveMember m : members) {
                    if (!p.locations().isEmpty() && !p.locations().contains(m.name())) {
                        continue;
                    }
                    if (!m.readable()) {
                        pending.add(new Pending(p, m.name(), null));
                        continue;
                    }
                    pending.add(new Pending(p, m.name(), pool.submit(() -> fetch(base + "?target=" + enc(m.name())))));
                }
            }
        }
        Map<String, List<LivePool.PoolSpace>> spaces = new LinkedHashMap<>();
        for (Pending p : pending) {
            LivePool.PoolSpace space;
            if (p.future() == null) {
                space = new LivePool.PoolSpace(p.member(), 0, 0, "member not readable");
            } else {
                try {
                    long[] s = parsed(() -> IncusJson.poolSpace(await(p.future())), "the pool's space");
                    space = new LivePool.PoolSpace(p.member(), s[0], s[1], "");
                } catch (ReadFailure e) {
                    space = new LivePool.PoolSpace(p.member(), 0, 0, e.getMessage());
                }
            }
            spaces.computeIfAbsent(p.info().name(), k -> new ArrayList<>()).add(space);
        }
        List<LivePool> out = new ArrayList<>();
        for (IncusJson.PoolInfo p : infos) {
            out.add(new LivePool(p.name(), p.driver(), p.status(), LivePool.sharedDriver(p.driver()),
                    spaces.getOrDefault(p.name(), List.of()), p.config()));
        }
        return out;
    }

    /** The probe's first requests: any failure here means the cluster cannot be read at all. */
    private JsonNode first(String path) throws ProbeException {
        try {
            return IncusJson.metadata(transport.get(path), path);
        } catch (IncusJson.ApiError e) {
            if (e.status == 403) {
                throw new ProbeException(ProbeException.Kind.NOT_TRUSTED, transport.describe() + path + ": " + e.getMessage()
                        + " (the server does not trust this client certificate)");
            }
            throw new ProbeException(ProbeException.Kind.PROTOCOL, transport.describe() + path + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.CONNECTION, "cannot connect to " + transport.describe() + ": "
                    + ConnectionErrors.describe(e, transport.describe(), "incusd"), e);
        }
    }

    /** A later request: failures are reported per part, not for the whole probe (a non-JSON answer included). */
    private JsonNode fetch(String path) throws ReadFailure, ProbeException {
        try {
            return IncusJson.metadata(transport.get(path), path);
        } catch (ProbeException e) {
            if (e.kind() != ProbeException.Kind.PROTOCOL) {
                throw e;
            }
            throw new ReadFailure(e.getMessage(), false);
        } catch (HttpTimeoutException e) {
            throw new ReadFailure("timed out: " + e.getMessage(), true);
        } catch (IOException e) {
            throw new ReadFailure(ConnectionErrors.describe(e, transport.describe(), "incusd"), false);
        }
    }

    private static JsonNode await(Future<JsonNode> f) throws ReadFailure, ProbeException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailure("interrupted", false);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReadFailure r) {
                throw r;
            }
            if (e.getCause() instanceof ProbeException p) {
                throw p;
            }
            throw new ReadFailure(String.valueOf(e.getCause()), false);
        }
    }

    /** A reading step of one part; an answer of an unexpected shape becomes a {@link ReadFailure} of that part. */
    private interface Step<T> {
        T run() throws ReadFailure, ProbeException;
    }

    private static <T> T parsed(Step<T> step, String what) throws ReadFailure, ProbeException {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw new ReadFailure(what + ": the answer is not what Incus sends (" + e.getClass().getSimpleName() + ")", false);
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    static final class ReadFailure extends Exception {
        final boolean timedOut;

        ReadFailure(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "incus-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        transport.close();
    }
}
