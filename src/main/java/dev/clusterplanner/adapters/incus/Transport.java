package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.ProbeException;

import java.io.IOException;

/**
 * How the client reaches Incus. It has exactly one operation, GET: the probe is read-only by
 * construction, not by convention.
 */
interface Transport extends AutoCloseable {

    /** GET {@code pathAndQuery} (e.g. {@code /1.0/resources?target=node2}). */
    HttpReply get(String pathAndQuery) throws IOException, ProbeException;

    /** Where requests go: an https URL or a unix socket path, for messages and the snapshot. */
    String describe();

    /** SHA-256 fingerprint of the server certificate seen, empty over a unix socket. */
    default String serverFingerprint() {
        return "";
    }

    @Override
    default void close() {
    }
}
