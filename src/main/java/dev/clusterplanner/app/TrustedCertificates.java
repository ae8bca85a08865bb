package dev.clusterplanner.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Trust on first use for Incus servers: the SHA-256 fingerprint of each server certificate the user accepted, pinned
 * per server (a remote of a client configuration, or a URL) so the next connection refuses a changed certificate.
 * Kept in whatever {@link Store} the front end has (the window's user settings).
 */
public final class TrustedCertificates {

    /** Where pinned fingerprints are kept; keys are at most 80 characters (java.util.prefs). */
    public interface Store {
        String get(String key);

        void put(String key, String value);

        void remove(String key);
    }

    static final String KEY_PREFIX = "live.fp.";

    private final Store store;

    public TrustedCertificates(Store store) {
        this.store = store;
    }

    /** The fingerprint pinned for the target, or null (never for the local socket, which has no certificate). */
    public String pinned(ProbeService.Target target) {
        return target instanceof ProbeService.Local ? null : store.get(key(target));
    }

    /** Pins the fingerprint the user accepted. */
    public void trust(ProbeService.Target target, String fingerprint) {
        if (!(target instanceof ProbeService.Local)) {
            store.put(key(target), fingerprint);
        }
    }

    /** Forgets the pinned fingerprint; false when none was pinned. */
    public boolean forget(ProbeService.Target target) {
        if (pinned(target) == null) {
            return false;
        }
        store.remove(key(target));
        return true;
    }

    /** The store key of a target: a hash of what names the server (remote and its configuration folder, or the URL). */
    public static String key(ProbeService.Target t) {
        String id = t instanceof ProbeService.Remote r ? "remote:" + r.configDir() + ":" + r.name() : "url:" + ((ProbeService.Url) t).url();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
