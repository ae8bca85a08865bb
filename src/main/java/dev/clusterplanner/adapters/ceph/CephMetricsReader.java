package dev.clusterplanner.adapters.ceph;

import dev.clusterplanner.adapters.net.ConnectionErrors;
import dev.clusterplanner.core.live.CephCluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the Ceph manager's Prometheus endpoint over plain HTTP (GET only, no credentials), with a connect
 * timeout, a timeout for the whole answer and a size limit.
 */
public final class CephMetricsReader {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /** A large cluster's manager serves a few MB (per-OSD and per-pool series); 64 MB is far beyond that. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxBytes;
    private final HttpClient http;

    public CephMetricsReader() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    public CephMetricsReader(Duration connectTimeout, Duration readTimeout, long maxBytes) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Scrapes {@code url} and maps the metrics to a cluster picture. */
    public CephCluster read(String url) throws CephReadException {
        return toCluster(fetch(url), url, Instant.now());
    }

    /**
     * The cluster a metrics text describes. Refused with "not a Ceph metrics endpoint": an empty answer, a
     * compressed or binary one, and text without any {@code ceph_} metric (these used to read as a cluster with 0
     * OSDs). Refused too: the same series (name and labels) twice with different values, which would make
     * every figure depend on which line was read last.
     */
    public static CephCluster toCluster(String text, String url, Instant readAt) throws CephReadException {
        if (text.isBlank()) {
            throw new CephReadException("Ceph metrics at " + url + ": the answer is empty: not a Ceph metrics endpoint");
        }
        if (text.charAt(0) == '\u001f') {
            throw new CephReadException("Ceph metrics at " + url + ": the answer is compressed (gzip), not Prometheus text: not a Ceph metrics endpoint");
        }
        int probe = Math.min(text.length(), 4096);
        for (int i = 0; i < probe; i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || c == '\uFFFD') {
                throw new CephReadException("Ceph metrics at " + url + ": the answer is binary, not Prometheus text: not a Ceph metrics endpoint");
            }
        }
        PrometheusText.Exposition x = PrometheusText.parse(text);
        if (x.samples().stream().noneMatch(s -> s.name().startsWith("ceph_"))) {
            throw new CephReadException("Ceph metrics at " + url + ": the answer has no ceph_* metric"
                    + (x.problems().isEmpty() ? "" : " (and " + x.problems().size() + " line(s) that are not Prometheus text)")
                    + ": not a Ceph metrics endpoint");
        }
        java.util.Map<String, PrometheusText.Sample> seen = new java.util.HashMap<>();
        for (PrometheusText.Sample s : x.samples()) {
            String key = s.name() + new java.util.TreeMap<>(s.labels());
            PrometheusText.Sample first = seen.putIfAbsent(key, s);
            if (first != null && Double.compare(first.value(), s.value()) != 0) {
                throw new CephReadException("Ceph metrics at " + url + ": the series " + s.name() + s.labels() + " appears twice with different values"
                        + " (line " + first.line() + ": " + first.value() + ", line " + s.line() + ": " + s.value() + "); refused");
            }
        }
        return CephMetrics.toCluster(x, url, readAt);
    }

    /** The metrics text, or a {@link CephReadException} that says what went wrong. */
    public String fetch(String url) throws CephReadException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CephReadException("Ceph metrics URL '" + url + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new CephReadException("Ceph metrics URL '" + url + "' must be http(s)://host:port/metrics");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(readTimeout)
                .header("Accept", "text/plain;version=0.0.4").build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new CephReadException("Ceph metrics at " + url + ": no connection within " + connectTimeout.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new CephReadException("Ceph metrics at " + url + ": no answer within " + readTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new CephReadException("Ceph metrics at " + url + ": "
                    + "cannot connect: " + ConnectionErrors.describe(e, url, "the Ceph manager's prometheus module"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CephReadException("Ceph metrics at " + url + ": interrupted", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new CephReadException("Ceph metrics at " + url + ": HTTP " + response.statusCode()
                        + " (is the manager's prometheus module enabled? ceph mgr module enable prometheus)");
            }
            // The request timeout covers the headers only: bound the body's reading too, closing the stream on expiry.
            CompletableFuture<byte[]> body = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] bytes;
            try {
                bytes = body.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                in.close();
                body.cancel(true);
                throw new CephReadException("Ceph metrics at " + url + ": answer not complete within " + readTimeout.toSeconds() + " s", e);
            } catch (ExecutionException e) {
                throw new CephReadException("Ceph metrics at " + url + ": " + reason(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CephReadException("Ceph metrics at " + url + ": interrupted", e);
            }
            if (bytes.length > maxBytes) {
                throw new CephReadException("Ceph metrics at " + url + ": answer larger than " + maxBytes + " bytes, refused");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (CephReadException e) {
            throw e;
        } catch (IOException e) {
            throw new CephReadException("Ceph metrics at " + url + ": " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        Throwable c = e.getCause();
        while ((m == null || m.isBlank()) && c != null) {
            m = c.getMessage();
            c = c.getCause();
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
