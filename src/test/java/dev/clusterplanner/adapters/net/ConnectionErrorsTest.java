package dev.clusterplanner.adapters.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionErrorsTest {

    static final String URL = "https://node1.example:8443";

    @Test
    void aRefusedConnectionAsksWhetherTheServiceListensThere() {
        assertEquals("connection refused: is incusd listening on node1.example:8443?",
                ConnectionErrors.describe(new IOException(new ConnectException("Connection refused")), URL, "incusd"));
        // the HTTP client reports a refused connection as a bare ClosedChannelException
        assertEquals("connection refused: is incusd listening on node1.example:8443?",
                ConnectionErrors.describe(new IOException(new ClosedChannelException()), URL, "incusd"));
        assertEquals("connection refused: is incusd listening on h:443?", ConnectionErrors.describe(new ConnectException(), "https://h", "incusd"));
    }

    @Test
    void anUnknownNameSaysNameNotFound() {
        String m = ConnectionErrors.describe(new IOException(new UnresolvedAddressException()), URL, "incusd");
        assertTrue(m.startsWith("name not found: node1.example"), m);
        assertTrue(ConnectionErrors.describe(new UnknownHostException("x"), URL, "incusd").startsWith("name not found: node1.example"));
    }

    @Test
    void certificateTimeoutAndSocketProblemsAreOneSentenceWithoutJavaNames() {
        String cert = ConnectionErrors.describe(new SSLHandshakeException("PKIX path building failed"), URL, "incusd");
        assertTrue(cert.startsWith("certificate or TLS problem with node1.example:8443"), cert);
        String chain = ConnectionErrors.describe(new IOException(new CertificateException("certificate expired")), URL, "incusd");
        assertTrue(chain.endsWith("certificate expired"), chain);
        String timeout = ConnectionErrors.describe(new HttpConnectTimeoutException("HTTP connect timed out"), URL, "incusd");
        assertTrue(timeout.contains("node1.example:8443 does not answer"), timeout);
        String socket = ConnectionErrors.describe(new NoSuchFileException("/var/lib/incus/unix.socket"), "/var/lib/incus/unix.socket", "incusd");
        assertEquals("no socket at /var/lib/incus/unix.socket: is incusd running on this machine?", socket);
        for (String m : new String[]{cert, chain, timeout, socket}) {
            assertFalse(m.contains("Exception"), m);
        }
    }
}
