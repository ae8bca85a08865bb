package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.adapters.net.ConnectionErrors;
import dev.clusterplanner.core.live.FingerprintPrompt;
import dev.clusterplanner.core.live.ProbeException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * GET requests to an Incus server over HTTPS with a client certificate, the server certificate
 * pinned by fingerprint ({@link PinningTrustManager}), connect and read timeouts and a limit on
 * the size of a response.
 */
final class HttpsTransport implements Transport {

    private final URI base;
    private final HttpClient http;
    private final PinningTrustManager trust;
    private final Duration readTimeout;
    private final long maxBytes;

    /**
     * @param wrap lets a test wrap the HttpClient (to record the requests); identity otherwise
     */
    HttpsTransport(URI base, Path cert, Path key, String pinnedFingerprint, FingerprintPrompt prompt,
                   Duration connectTimeout, Duration readTimeout, long maxBytes, UnaryOperator<HttpClient> wrap) throws ProbeException {
        if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, "'" + base + "' is not an https:// URL of an Incus server");
        }
        if (pinnedFingerprint != null && !pinnedFingerprint.isBlank() && PemCredentials.normaliseFingerprint(pinnedFingerprint) == null) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG,
                    "'" + pinnedFingerprint + "' is not a SHA-256 fingerprint (64 hex digits, as `incus info` prints certificate_fingerprint)");
        }
        this.base = base;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.trust = new PinningTrustManager(pinnedFingerprint, prompt);
        SSLContext ssl;
        try {
            ssl = SSLContext.getInstance("TLS");
            javax.net.ssl.KeyManager[] keyManagers = null;
            if (cert != null && key != null) {
                PemCredentials.ClientIdentity id = PemCredentials.load(cert, key);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(id.keyStore(), id.password());
                keyManagers = kmf.getKeyManagers();
                java.util.Arrays.fill(id.password(), '\0');
            }
            ssl.init(keyManagers, new TrustManager[]{trust}, null);
        } catch (GeneralSecurityException e) {
            throw new ProbeException(ProbeException.Kind.TLS, "cannot set up TLS: " + e.getClass().getSimpleName());
        }
        SSLParameters params = ssl.getDefaultSSLParameters();
        params.setProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .sslContext(ssl)
                .sslParameters(params)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.http = wrap == null ? client : wrap.apply(client);
    }

    @Override
    public HttpReply get(String pathAndQuery) throws IOException, ProbeException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .GET()
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "cluster-planner-probe")
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, limitedBody(maxBytes, pathAndQuery));
        try {
            // the request timeout covers the headers; this covers the whole body too
            HttpResponse<byte[]> response = future.get(readTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new HttpReply(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + readTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private IOException translate(Throwable cause) throws ProbeException {
        String refusal = trust.refusal();
        if (refusal != null && (cause instanceof SSLHandshakeException || hasCause(cause, SSLHandshakeException.class)
                || hasCause(cause, java.security.cert.CertificateException.class))) {
            ProbeException.Kind kind = refusal.contains("is pinned") ? ProbeException.Kind.FINGERPRINT_MISMATCH : ProbeException.Kind.FINGERPRINT_REJECTED;
            throw new ProbeException(kind, base + ": " + refusal);
        }
        if (cause instanceof ResponseTooLarge big) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, big.getMessage());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return (IOException) cause;
        }
        if (cause instanceof SSLHandshakeException || hasCause(cause, javax.net.ssl.SSLException.class)) {
            throw new ProbeException(ProbeException.Kind.TLS, base + ": TLS handshake failed: "
                    + ConnectionErrors.describe(cause, base.toString(), "incusd"), cause);
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(rootMessage(cause), cause);
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        String m = r.getMessage();
        return m == null || m.isBlank() ? r.getClass().getSimpleName() : m;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionRefused(Throwable t) {
        return hasCause(t, ConnectException.class);
    }

    @Override
    public String describe() {
        return base.toString();
    }

    @Override
    public String serverFingerprint() {
        return trust.seenFingerprint();
    }

    boolean promptWasAsked() {
        return trust.askedUser();
    }

    /** A response larger than the limit is refused while it arrives, not after it was held in memory. */
    static final class ResponseTooLarge extends IOException {
        ResponseTooLarge(String message) {
            super(message);
        }
    }

    static HttpResponse.BodyHandler<byte[]> limitedBody(long maxBytes, String what) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new LimitedSubscriber(maxBytes, what, declared);
        };
    }

    private static final class LimitedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final String what;
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        private final long declared;

        LimitedSubscriber(long max, String what, long declared) {
            this.max = max;
            this.what = what;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new ResponseTooLarge("the answer to " + what + " announces " + declared
                        + " bytes, more than the limit of " + max + " bytes; refused"));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new ResponseTooLarge("the answer to " + what + " is larger than the limit of " + max + " bytes; refused"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            if (!result.isDone()) {
                result.completeExceptionally(t);
            }
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
