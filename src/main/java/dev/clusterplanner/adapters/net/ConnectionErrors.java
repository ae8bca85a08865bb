package dev.clusterplanner.adapters.net;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a connection failed, in plain words for the person at the keyboard: "connection refused: is incusd listening
 * on HOST:PORT?", "name not found: HOST", a certificate problem in one sentence. Java's own exception names
 * ({@code ClosedChannelException}, {@code UnresolvedAddressException}) and exception chains never reach the user.
 * The command line and the window show the same sentence (it is the message of the exception the probe throws).
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /**
     * @param target  what was contacted: an https:// or http:// address, or a unix socket path
     * @param service who should be listening there ("incusd", "the Ceph manager's prometheus module")
     */
    public static String describe(Throwable e, String target, String service) {
        String hostPort = hostPort(target);
        String host = host(target);
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return "name not found: " + host + " (check the address, or the name server)";
        }
        if (has(e, HttpConnectTimeoutException.class)) {
            return "no connection within the time allowed: " + hostPort + " does not answer (switched off, a firewall, or the wrong address?)";
        }
        if (has(e, NoRouteToHostException.class)) {
            return "no route to " + host + " (the network cannot reach it: a firewall, or the wrong address?)";
        }
        if (has(e, NoSuchFileException.class)) {
            return "no socket at " + target + ": is " + service + " running on this machine?";
        }
        if (has(e, AccessDeniedException.class)) {
            return "permission denied on " + target + " (is your user in the incus-admin group?)";
        }
        if (has(e, CertificateException.class) || has(e, SSLException.class)) {
            String root = root(e);
            return "certificate or TLS problem with " + hostPort + ": " + (root.toLowerCase(Locale.ROOT).contains("certificate") ? root
                    : "the secure connection could not be set up (" + root + ")");
        }
        if (has(e, HttpTimeoutException.class)) {
            return "no answer from " + hostPort + " within the time allowed";
        }
        if (has(e, ConnectException.class) || has(e, java.nio.channels.ClosedChannelException.class)
                || root(e).toLowerCase(Locale.ROOT).contains("connection refused")) {
            return "connection refused: is " + service + " listening on " + hostPort + "?";
        }
        return root(e);
    }

    /** The deepest cause's message, or its plain class name when it has none. */
    public static String root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        String m = r.getMessage();
        return m == null || m.isBlank() ? words(r.getClass().getSimpleName()) : m;
    }

    /** "ClosedChannelException" -> "closed channel". */
    private static String words(String className) {
        String s = className.replace("Exception", "").replace("Error", "");
        return s.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip();
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static String hostPort(String target) {
        try {
            URI u = URI.create(target);
            if (u.getHost() == null) {
                return target;
            }
            int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            return u.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return target;
        }
    }

    static String host(String target) {
        try {
            URI u = URI.create(target);
            return u.getHost() == null ? target : u.getHost();
        } catch (IllegalArgumentException e) {
            return target;
        }
    }
}
