package dev.clusterplanner.adapters.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterplanner.core.live.CephCluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a live Ceph cluster through the local {@code ceph} command (read-only commands only), where a Ceph
 * client configuration and keyring exist: {@code ceph [-c CONF] --connect-timeout N <command> -f json} for
 * status, df, osd df, osd pool ls detail, osd metadata and osd dump. Each call has a time limit and an
 * output limit; a call that fails is reported with ceph's own message.
 */
public final class CephCliReader {

    public static final Path DEFAULT_CONF = Path.of("/etc/ceph/ceph.conf");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Seconds the ceph command waits for a monitor before giving up (it waits forever without it). */
    public static final int CONNECT_TIMEOUT_SECONDS = 15;
    private static final long MAX_OUTPUT_BYTES = 64L * 1024 * 1024;

    /** The read-only commands, in the order of {@link CephJson.Answers}. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("status"), List.of("df"), List.of("osd", "df"), List.of("osd", "pool", "ls", "detail"),
            List.of("osd", "metadata"), List.of("osd", "dump"));

    private final String binary;
    private final Path conf;
    private final Duration timeout;

    /** The {@code ceph} on the PATH with its default configuration. */
    public CephCliReader() {
        this("ceph", null, DEFAULT_TIMEOUT);
    }

    /**
     * @param binary  the ceph command
     * @param conf    a ceph.conf to pass with {@code -c}, or null for ceph's default /etc/ceph/ceph.conf
     * @param timeout limit for each call
     */
    public CephCliReader(String binary, Path conf, Duration timeout) {
        this.binary = binary;
        this.conf = conf;
        this.timeout = timeout;
    }

    public String source() {
        return "ceph CLI (" + (conf == null ? DEFAULT_CONF : conf) + ")";
    }

    public CephCluster read() throws CephReadException {
        Path c = conf == null ? DEFAULT_CONF : conf;
        if (!Files.isReadable(c)) {
            throw new CephReadException("no Ceph client configuration at " + c
                    + (conf == null ? " (run where a ceph client and keyring are set up, or pass the ceph.conf)" : ""));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "ceph-cli");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (List<String> cmd : COMMANDS) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return run(cmd);
                    } catch (CephReadException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, pool));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (CompletableFuture<JsonNode> call : calls) {
                try {
                    answers.add(call.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CephReadException r) {
                        throw r;
                    }
                    throw new CephReadException("ceph: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CephReadException("ceph: interrupted", e);
                }
            }
            return CephJson.toCluster(new CephJson.Answers(answers.get(0), answers.get(1), answers.get(2), answers.get(3),
                    answers.get(4), answers.get(5)), source(), Instant.now());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one read-only ceph command with {@code -f json} and returns its parsed answer. */
    JsonNode run(List<String> args) throws CephReadException {
        List<String> command = new ArrayList<>(List.of(binary));
        if (conf != null) {
            command.add("-c");
            command.add(conf.toString());
        }
        command.add("--connect-timeout");
        command.add(Integer.toString(CONNECT_TIMEOUT_SECONDS));
        command.addAll(args);
        command.add("-f");
        command.add("json");
        String what = "ceph " + String.join(" ", args);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new CephReadException(what + ": cannot run '" + binary + "' (" + e.getMessage() + "); is ceph-common installed?", e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new CephReadException(what + ": no answer within " + timeout.toSeconds() + " s (is a monitor reachable?)");
            }
            byte[] stdout = out.get(5, TimeUnit.SECONDS);
            byte[] stderr = err.get(5, TimeUnit.SECONDS);
            if (p.exitValue() != 0) {
                throw new CephReadException(what + " failed (exit " + p.exitValue() + "): " + lastLine(stderr));
            }
            if (stdout.length > MAX_OUTPUT_BYTES) {
                throw new CephReadException(what + ": answer larger than " + MAX_OUTPUT_BYTES + " bytes, refused");
            }
            return CephJson.parse(new String(stdout, StandardCharsets.UTF_8), what);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CephReadException(what + ": interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new CephReadException(what + ": output not readable (" + e + ")", e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            byte[] head = in.readNBytes((int) MAX_OUTPUT_BYTES + 1);
            in.transferTo(java.io.OutputStream.nullOutputStream()); // let the process finish even when too large
            return head;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String lastLine(byte[] stderr) {
        String s = new String(stderr, StandardCharsets.UTF_8).strip();
        if (s.isEmpty()) {
            return "(no message)";
        }
        String[] lines = s.split("\n");
        String last = lines[lines.length - 1].strip();
        return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    }
}
