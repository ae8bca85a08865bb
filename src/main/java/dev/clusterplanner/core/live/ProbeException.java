package dev.clusterplanner.core.live;

/**
 * A probe could not read the cluster at all. The kind tells the user what to fix: the network
 * (connection), the TLS setup (certificate, fingerprint) or the server's trust in this client.
 */
public class ProbeException extends Exception {

    public enum Kind {
        /** refused, unreachable, timed out, unix socket missing */
        CONNECTION("connection error"),
        /** the TLS handshake failed for another reason than the fingerprint */
        TLS("TLS error"),
        /** the server certificate is not the pinned one */
        FINGERPRINT_MISMATCH("TLS error: server certificate changed"),
        /** trust on first use was declined */
        FINGERPRINT_REJECTED("TLS error: server certificate not accepted"),
        /** the server does not trust the client certificate */
        NOT_TRUSTED("not trusted"),
        /** the client certificate, key or remote configuration cannot be used */
        CLIENT_CONFIG("client configuration error"),
        /** the server answered something that is not the Incus API */
        PROTOCOL("protocol error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;

    public ProbeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProbeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** "TLS error: ..." — the kind first, so a user knows where to look. */
    public String describe() {
        return kind.label() + ": " + getMessage();
    }
}
