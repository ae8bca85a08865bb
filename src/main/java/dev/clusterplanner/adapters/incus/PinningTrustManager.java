package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.FingerprintPrompt;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trusts exactly one server certificate, identified by the SHA-256 fingerprint of its DER encoding,
 * as {@code incus remote add} pins it. Incus servers use self-signed certificates, so there is no
 * chain or host name to check: the fingerprint is the identity.
 *
 * <p>With no pinned fingerprint (trust on first use) the prompt is asked once, however many
 * connections the probe opens; its answer holds for the rest of this trust manager's life. A
 * certificate that differs from the pinned (or accepted) one is refused, and the reason is kept
 * for a clear message ({@link #refusal()}).
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private final FingerprintPrompt prompt;
    private String pinned;
    private boolean asked;
    private String seen = "";
    private String refusal;

    PinningTrustManager(String pinnedFingerprint, FingerprintPrompt prompt) {
        this.pinned = PemCredentials.normaliseFingerprint(pinnedFingerprint);
        this.prompt = prompt == null ? FingerprintPrompt.REFUSE : prompt;
    }

    synchronized void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            refusal = "the server sent no certificate";
            throw new CertificateException(refusal);
        }
        String fp = PemCredentials.fingerprint(chain[0]);
        seen = fp;
        if (pinned == null) {
            if (asked) {
                refusal = "the server certificate (SHA-256 " + fp + ") was not accepted";
                throw new CertificateException(refusal);
            }
            asked = true;
            if (!prompt.trust(fp, chain[0].getSubjectX500Principal().getName())) {
                refusal = "the server certificate (SHA-256 " + fp + ") was not accepted; "
                        + "check it on the server (incus info | grep certificate_fingerprint) and pass --fingerprint " + fp;
                throw new CertificateException(refusal);
            }
            pinned = fp;
            return;
        }
        if (!pinned.equals(fp)) {
            refusal = "the server certificate has SHA-256 fingerprint " + fp + " but " + pinned
                    + " is pinned; the server's certificate changed or this is not the server you expect. Refusing to connect";
            throw new CertificateException(refusal);
        }
    }

    /** Why the last handshake was refused, or null. */
    synchronized String refusal() {
        return refusal;
    }

    synchronized boolean askedUser() {
        return asked;
    }

    synchronized String seenFingerprint() {
        return seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
