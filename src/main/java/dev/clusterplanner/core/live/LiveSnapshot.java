package dev.clusterplanner.core.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running Incus installation really has and runs, read at one moment. Immutable.
 * Never holds a private key or anything from the client's credentials.
 *
 * @param takenAt       when the probe started (UTC)
 * @param source        where it was read from: an https URL or a unix socket path
 * @param serverName    the member that answered (for a standalone server, the server itself)
 * @param serverVersion Incus version reported by the server
 * @param clustered     whether the server is part of a cluster
 * @param fingerprint   SHA-256 fingerprint of the server certificate (hex), empty over a unix socket
 * @param members       every cluster member (one for a standalone server), each with its resources or why they are missing
 * @param instances     every instance in every project
 * @param pools         storage pools with their space, per member for local drivers
 * @param networks      networks the server knows (managed and physical)
 * @param problems      parts that could not be read (the rest of the snapshot is still valid)
 * @param durationMillis how long the probe took
 */
public record LiveSnapshot(
        Instant takenAt,
        String source,
        String serverName,
        String serverVersion,
        boolean clustered,
        String fingerprint,
        List<LiveMember> members,
        List<LiveInstance> instances,
        List<LivePool> pools,
        List<LiveNetwork> networks,
        List<String> problems,
        long durationMillis) {

    public LiveSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        source = source == null ? "" : source;
        serverName = serverName == null ? "" : serverName;
        serverVersion = serverVersion == null ? "" : serverVersion;
        fingerprint = fingerprint == null ? "" : fingerprint;
        members = List.copyOf(members);
        instances = List.copyOf(instances);
        pools = List.copyOf(pools);
        networks = List.copyOf(networks);
        problems = List.copyOf(problems);
    }

    public Optional<LiveMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<LiveInstance> instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Members whose resources were read. */
    public List<LiveMember> readableMembers() {
        return members.stream().filter(LiveMember::readable).toList();
    }

    public List<LiveInstance> instancesOn(String member) {
        return instances.stream().filter(i -> member.equals(i.location())).toList();
    }
}
