package dev.clusterplanner.core.live;

/**
 * Trust on first use: asked once, with the server certificate's SHA-256 fingerprint, when no
 * fingerprint is pinned for the server. Returning false refuses the connection.
 */
@FunctionalInterface
public interface FingerprintPrompt {

    boolean trust(String sha256Fingerprint, String certificateSubject);

    /** Never trusts an unknown certificate: the caller must pin a fingerprint. */
    FingerprintPrompt REFUSE = (fp, subject) -> false;
}
