package dev.clusterplanner.core.live;

import java.util.List;
import java.util.Objects;

/**
 * One cluster member (or the standalone server) as the probe saw it.
 *
 * @param status    what the cluster says (Online, Offline, Evacuated, ...), or what the probe found
 * @param reachable whether this member's resources could be read in this probe
 * @param resources its hardware, or {@code null} when it could not be read ({@code readError} says why)
 */
public record LiveMember(
        String name,
        String url,
        MemberStatus status,
        String message,
        List<String> roles,
        String failureDomain,
        LiveResources resources,
        String readError) {

    public LiveMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        url = url == null ? "" : url;
        message = message == null ? "" : message;
        roles = List.copyOf(roles);
        failureDomain = failureDomain == null ? "" : failureDomain;
        readError = readError == null ? "" : readError;
    }

    public boolean readable() {
        return resources != null;
    }

    public boolean online() {
        return status == MemberStatus.ONLINE && readable();
    }

    public LiveMember withStatus(MemberStatus newStatus, String newReadError) {
        return new LiveMember(name, url, newStatus, message, roles, failureDomain, resources, newReadError);
    }
}
