package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.FingerprintPrompt;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.live.ProbeSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Opens an {@link IncusClient}: over HTTPS with a client certificate, over a local unix socket, or by remote name. */
public final class IncusConnector {

    private IncusConnector() {
    }

    /**
     * @param url         e.g. {@code https://10.0.0.1:8443} (port 8443 is assumed when missing)
     * @param fingerprint SHA-256 of the server certificate to pin; null or blank for trust on first use
     * @param prompt      asked once when nothing is pinned
     */
    public static IncusClient https(String url, Path cert, Path key, String fingerprint, FingerprintPrompt prompt, ProbeSettings settings)
            throws ProbeException {
        return https(url, cert, key, fingerprint, prompt, settings, UnaryOperator.identity());
    }

    static IncusClient https(String url, Path cert, Path key, String fingerprint, FingerprintPrompt prompt, ProbeSettings settings,
                             UnaryOperator<HttpClient> wrap) throws ProbeException {
        URI uri = parseUrl(url);
        return new IncusClient(new HttpsTransport(uri, cert, key, fingerprint, prompt, settings.connectTimeout(), settings.readTimeout(),
                settings.maxResponseBytes(), wrap));
    }

    public static IncusClient socket(Path socket, ProbeSettings settings) throws ProbeException {
        return new IncusClient(new UnixSocketTransport(socket, settings.readTimeout(), settings.maxResponseBytes()));
    }

    /**
     * A remote of the user's incus client configuration ({@code config.yml}, {@code client.crt},
     * {@code client.key}, {@code servercerts/NAME.crt}); null name means the configured default remote.
     * The pinned certificate of {@code servercerts/} wins; an explicit fingerprint must agree with it.
     */
    public static IncusClient remote(Path configDir, String name, String fingerprint, FingerprintPrompt prompt, ProbeSettings settings)
            throws ProbeException {
        IncusRemotes.Remote r = IncusRemotes.load(configDir).resolve(name);
        if (r.socket() != null) {
            return socket(r.socket(), settings);
        }
        String pin = r.pinnedFingerprint();
        if (pin != null && fingerprint != null && !fingerprint.isBlank() && !pin.equals(PemCredentials.normaliseFingerprint(fingerprint))) {
            throw new ProbeException(ProbeException.Kind.FINGERPRINT_MISMATCH, "remote '" + r.name() + "' pins " + pin + " (servercerts/"
                    + r.name() + ".crt) but --fingerprint says " + fingerprint);
        }
        return https(r.url(), r.clientCert(), r.clientKey(), pin != null ? pin : fingerprint, prompt, settings);
    }

    /** A remote of the incus client configuration, as listed for the user to pick. */
    public record RemoteEntry(String name, String address, String protocol, boolean isDefault) {
        /** Image servers (simplestreams, oci) are remotes too, but not Incus servers to probe. */
        public boolean probeable() {
            return protocol.equals("incus");
        }
    }

    /** The remotes of {@code configDir/config.yml} in file order ("local" added when missing, as incus does). */
    public static java.util.List<RemoteEntry> remotes(Path configDir) throws ProbeException {
        IncusRemotes r = IncusRemotes.load(configDir);
        java.util.List<RemoteEntry> out = new java.util.ArrayList<>();
        for (String n : r.names()) {
            out.add(new RemoteEntry(n, r.address(n), r.protocol(n), n.equals(r.defaultRemote())));
        }
        return out;
    }

    /** The unix socket of an Incus on this machine: $INCUS_SOCKET, $INCUS_DIR/unix.socket, or the packaged default. */
    public static Path defaultSocket(Map<String, String> env) {
        String s = env.get("INCUS_SOCKET");
        if (s != null && !s.isBlank()) {
            return Path.of(s);
        }
        String dir = env.get("INCUS_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir, "unix.socket");
        }
        Path packaged = Path.of("/var/lib/incus/unix.socket");
        Path run = Path.of("/run/incus/unix.socket");
        return Files.exists(packaged) || !Files.exists(run) ? packaged : run;
    }

    /** The incus client's configuration folder: $INCUS_CONF, else ~/.config/incus. */
    public static Path defaultConfigDir(Map<String, String> env) {
        String conf = env.get("INCUS_CONF");
        if (conf != null && !conf.isBlank()) {
            return Path.of(conf);
        }
        return Path.of(System.getProperty("user.home"), ".config", "incus");
    }

    static URI parseUrl(String url) throws ProbeException {
        String u = url.trim();
        if (!u.contains("://")) {
            u = "https://" + u;
        }
        try {
            URI uri = new URI(u);
            if (uri.getHost() == null) {
                throw new URISyntaxException(u, "no host");
            }
            if (uri.getPort() < 0) {
                uri = new URI(uri.getScheme(), null, uri.getHost(), 8443, null, null, null);
            } else {
                uri = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, "'" + url + "' is not a URL (" + e.getReason() + ")");
        }
    }
}
