package dev.clusterplanner.adapters.ceph;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a read can fail gives a message that says which, and nothing hangs. */
class CephReadErrorsTest {

    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    String serve(int status, byte[] body, long delayMs, AtomicReference<String> method) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", ex -> {
            if (method != null) {
                method.set(ex.getRequestMethod());
            }
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            } catch (java.io.IOException ignored) {
                // the client gave up
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // free once closed: nothing listens there
        }
    }

    @Test
    void anUnreachableEndpointIsReportedAsCannotConnect() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/metrics";
        CephReadException e = assertThrows(CephReadException.class, () -> new CephMetricsReader().read(url));
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void anHttpErrorNamesTheStatusAndThePrometheusModule() throws Exception {
        String url = serve(404, new byte[0], 0, null);
        CephReadException e = assertThrows(CephReadException.class, () -> new CephMetricsReader().read(url));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("prometheus"), e.getMessage());
    }

    @Test
    void anAnswerAboveTheSizeLimitIsRefused() throws Exception {
        String url = serve(200, "x 1\n".repeat(500).getBytes(StandardCharsets.UTF_8), 0, null); // 2,000 bytes
        CephMetricsReader reader = new CephMetricsReader(Duration.ofSeconds(2), Duration.ofSeconds(5), 1000);
        CephReadException e = assertThrows(CephReadException.class, () -> reader.read(url));
        assertTrue(e.getMessage().contains("larger than 1000 bytes"), e.getMessage());
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        String url = serve(200, "ceph_health_status 0\n".getBytes(StandardCharsets.UTF_8), 3000, null);
        CephMetricsReader reader = new CephMetricsReader(Duration.ofSeconds(1), Duration.ofSeconds(1), 1000);
        long t0 = System.nanoTime();
        CephReadException e = assertThrows(CephReadException.class, () -> reader.read(url));
        assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 2_900_000_000L, "gave up before the server answered");
    }

    @Test
    void theReaderOnlySendsGetAndReadsWhatIsServed() throws Exception {
        AtomicReference<String> method = new AtomicReference<>();
        String url = serve(200, "ceph_health_status 1\n".getBytes(StandardCharsets.UTF_8), 0, method);
        var c = new CephMetricsReader().read(url);
        assertEquals("GET", method.get());
        assertEquals(dev.clusterplanner.core.live.CephHealth.WARN, c.health());
    }

    @Test
    void aUrlThatIsNotHttpIsRejectedBeforeAnyConnection() {
        CephReadException e = assertThrows(CephReadException.class, () -> new CephMetricsReader().read("ftp://mgr/metrics"));
        assertTrue(e.getMessage().contains("http(s)://"), e.getMessage());
    }

    @Test
    void aMissingCephCommandOrConfigurationIsReported(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("ceph.conf");
        CephReadException noConf = assertThrows(CephReadException.class,
                () -> new CephCliReader("ceph", conf, Duration.ofSeconds(5)).read());
        assertTrue(noConf.getMessage().contains("no Ceph client configuration at " + conf), noConf.getMessage());

        java.nio.file.Files.writeString(conf, "[global]\n");
        CephReadException noBinary = assertThrows(CephReadException.class,
                () -> new CephCliReader(dir.resolve("no-such-ceph").toString(), conf, Duration.ofSeconds(5)).read());
        assertTrue(noBinary.getMessage().contains("cannot run"), noBinary.getMessage());
    }
}
