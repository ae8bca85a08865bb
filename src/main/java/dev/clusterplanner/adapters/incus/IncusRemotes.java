package dev.clusterplanner.adapters.incus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clusterplanner.adapters.files.InputFiles;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.live.ProbeException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The remotes of a user's incus client ({@code ~/.config/incus/config.yml}):
 * <pre>
 * default-remote: local
 * remotes:
 *   prod: {addr: https://10.0.0.1:8443, auth_type: tls, protocol: incus, project: default}
 *   local: {addr: unix://, protocol: incus}
 * </pre>
 * with the client's {@code client.crt} and {@code client.key} beside it and each remote's pinned
 * server certificate in {@code servercerts/NAME.crt}. Read only; nothing is ever written there.
 */
final class IncusRemotes {

    record Remote(String name, String url, Path socket, Path clientCert, Path clientKey, String pinnedFingerprint) {
    }

    private final Path dir;
    private final String defaultRemote;
    private final Map<String, JsonNode> remotes;

    private IncusRemotes(Path dir, String defaultRemote, Map<String, JsonNode> remotes) {
        this.dir = dir;
        this.defaultRemote = defaultRemote;
        this.remotes = remotes;
    }

    static IncusRemotes load(Path dir) throws ProbeException {
        Path file = dir.resolve("config.yml");
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(InputFiles.readUtf8(file, Limits.MAX_SMALL_FILE_BYTES, "incus client configuration"));
        } catch (InputRejectedException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, e.problems().get(0).describe());
        } catch (NoSuchFileException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": no incus client configuration here "
                    + "(add the remote with `incus remote add NAME URL`, or use --url with --cert and --key)");
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": not a readable incus client configuration ("
                    + firstLine(e.getMessage()) + ")");
        }
        Map<String, JsonNode> remotes = new LinkedHashMap<>();
        if (root != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("remotes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                remotes.put(e.getKey(), e.getValue());
            }
        }
        String def = root == null ? "local" : root.path("default-remote").asText("local");
        remotes.putIfAbsent("local", new ObjectMapper().createObjectNode().put("addr", "unix://").put("protocol", "incus"));
        return new IncusRemotes(dir, def, remotes);
    }

    List<String> names() {
        return new ArrayList<>(remotes.keySet());
    }

    String defaultRemote() {
        return defaultRemote;
    }

    /** The address of a remote as written in config.yml ("https://...", "unix://"), "" when missing. */
    String address(String name) {
        JsonNode r = remotes.get(name);
        return r == null ? "" : r.path("addr").asText("");
    }

    /** The protocol of a remote ("incus", "simplestreams", "oci"); image servers cannot be probed. */
    String protocol(String name) {
        JsonNode r = remotes.get(name);
        return r == null ? "" : r.path("protocol").asText("incus");
    }

    Remote resolve(String name) throws ProbeException {
        String n = name == null || name.isBlank() ? defaultRemote : name;
        JsonNode r = remotes.get(n);
        if (r == null) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, "no remote '" + n + "' in " + dir.resolve("config.yml")
                    + "; known remotes: " + String.join(", ", names()));
        }
        String protocol = r.path("protocol").asText("incus");
        if (!protocol.equals("incus")) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, "remote '" + n + "' is a " + protocol
                    + " image server, not an Incus server");
        }
        String auth = r.path("auth_type").asText("tls");
        String addr = r.path("addr").asText("");
        if (addr.startsWith("unix:")) {
            String path = addr.substring("unix:".length()).replaceFirst("^//", "");
            Path socket = path.isEmpty() ? IncusConnector.defaultSocket(System.getenv()) : Path.of(path);
            return new Remote(n, addr, socket, null, null, null);
        }
        if (!auth.equals("tls")) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, "remote '" + n + "' uses " + auth
                    + " authentication; the probe supports TLS client certificates (auth_type: tls)");
        }
        Path serverCert = dir.resolve("servercerts").resolve(n + ".crt");
        String pinned = null;
        if (Files.exists(serverCert)) {
            pinned = PemCredentials.fingerprint(PemCredentials.readCertificates(serverCert)[0]);
        }
        return new Remote(n, addr, null, dir.resolve("client.crt"), dir.resolve("client.key"), pinned);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
