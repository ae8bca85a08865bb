package dev.clusterplanner.adapters.incus;

import java.nio.charset.StandardCharsets;

/** A response of the Incus API: status code and the whole body (already limited in size). */
record HttpReply(int status, byte[] body) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
