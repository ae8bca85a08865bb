package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.ProbeException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GET requests over the local unix socket of an Incus member ({@code /var/lib/incus/unix.socket}),
 * as the incus client does when run on the server: minimal HTTP/1.1, one connection per request
 * ("Connection: close"), Content-Length or chunked bodies, a read timeout and a size limit.
 * The socket itself grants access (root or the incus-admin group), so no certificate is involved.
 */
final class UnixSocketTransport implements Transport {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "incus-socket-timeout");
        t.setDaemon(true);
        return t;
    });

    private final Path socket;
    private final Duration readTimeout;
    private final long maxBytes;

    UnixSocketTransport(Path socket, Duration readTimeout, long maxBytes) throws ProbeException {
        if (!Files.exists(socket)) {
            throw new ProbeException(ProbeException.Kind.CONNECTION, socket + ": no such unix socket (is incusd running on this machine?)");
        }
        this.socket = socket;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpReply get(String pathAndQuery) throws IOException, ProbeException {
        if (!pathAndQuery.startsWith("/") || pathAndQuery.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("not a request path: " + pathAndQuery);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ScheduledFuture<?> closer = TIMER.schedule(() -> {
                timedOut.set(true);
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing to interrupt a blocked read
                }
            }, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: incus\r\nUser-Agent: cluster-planner-probe\r\n"
                        + "Accept: application/json\r\nConnection: close\r\n\r\n";
                ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                return readResponse(ch, pathAndQuery);
            } finally {
                closer.cancel(false);
            }
        } catch (AsynchronousCloseException e) {
            if (timedOut.get()) {
                throw new HttpTimeoutException(socket + ": no complete answer within " + readTimeout.toMillis() + " ms");
            }
            throw e;
        } catch (java.net.SocketException e) {
            throw new ProbeException(ProbeException.Kind.CONNECTION, socket + ": " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("ermission") ? " (the socket needs root or the incus-admin group)" : ""));
        }
    }

    private HttpReply readResponse(SocketChannel ch, String what) throws IOException, ProbeException {
        Reader in = new Reader(ch, maxBytes + 64 * 1024, what);
        String statusLine = in.line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, socket + ": not an HTTP answer: '" + statusLine + "'");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, socket + ": bad HTTP status line '" + statusLine + "'");
        }
        long length = -1;
        boolean chunked = false;
        for (String h = in.line(); !h.isEmpty(); h = in.line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String sizeLine = in.line();
                int semi = sizeLine.indexOf(';');
                long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                if (size == 0) {
                    break;
                }
                limit(body.size() + size, what);
                in.copy(body, size);
                in.line();
            }
        } else if (length >= 0) {
            limit(length, what);
            in.copy(body, length);
        } else {
            in.copyToEnd(body, maxBytes, what);
        }
        return new HttpReply(status, body.toByteArray());
    }

    private void limit(long size, String what) throws ProbeException {
        if (size > maxBytes) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, "the answer to " + what + " is larger than the limit of " + maxBytes + " bytes; refused");
        }
    }

    @Override
    public String describe() {
        return "unix:" + socket;
    }

    /** Buffered reading from a channel: CRLF lines and fixed-size copies. */
    private static final class Reader {
        private final SocketChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private final long max;
        private final String what;
        private long total;

        Reader(SocketChannel ch, long max, String what) {
            this.ch = ch;
            this.max = max;
            this.what = what;
            buf.flip();
        }

        private boolean fill() throws IOException, ProbeException {
            buf.compact();
            int n = ch.read(buf);
            buf.flip();
            if (n > 0) {
                total += n;
                if (total > max) {
                    throw new ProbeException(ProbeException.Kind.PROTOCOL, "the answer to " + what + " is larger than the limit; refused");
                }
            }
            return n > 0;
        }

        String line() throws IOException, ProbeException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                while (buf.hasRemaining()) {
                    char c = (char) (buf.get() & 0xff);
                    if (c == '\n') {
                        int len = sb.length();
                        if (len > 0 && sb.charAt(len - 1) == '\r') {
                            sb.setLength(len - 1);
                        }
                        return sb.toString();
                    }
                    sb.append(c);
                    if (sb.length() > 16 * 1024) {
                        throw new ProbeException(ProbeException.Kind.PROTOCOL, "an HTTP header line of " + what + " is too long");
                    }
                }
                if (!fill()) {
                    throw new IOException("the connection closed in the middle of the answer to " + what);
                }
            }
        }

        void copy(ByteArrayOutputStream out, long n) throws IOException, ProbeException {
            long left = n;
            while (left > 0) {
                if (!buf.hasRemaining() && !fill()) {
                    throw new IOException("the connection closed in the middle of the answer to " + what);
                }
                int k = (int) Math.min(left, buf.remaining());
                out.write(buf.array(), buf.arrayOffset() + buf.position(), k);
                buf.position(buf.position() + k);
                left -= k;
            }
        }

        void copyToEnd(ByteArrayOutputStream out, long limit, String what) throws IOException, ProbeException {
            while (true) {
                if (buf.hasRemaining()) {
                    out.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
                    buf.position(buf.limit());
                    if (out.size() > limit) {
                        throw new ProbeException(ProbeException.Kind.PROTOCOL, "the answer to " + what + " is larger than the limit of " + limit + " bytes; refused");
                    }
                }
                if (!fill()) {
                    return;
                }
            }
        }
    }
}
