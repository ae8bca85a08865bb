package dev.clusterplanner.lab;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real three-member Incus cluster started by {@code src/test/lab/incus-lab.sh start}, as the
 * tests see it: the values of its {@code lab.env} and a way to run the real {@code incus} client
 * against it. Under CI ({@code CI=true}) a missing lab fails the test; elsewhere it is skipped
 * with a message saying how to start it.
 */
public final class IncusLab {

    public static final String HOW_TO_RUN = "the Incus lab is not running: start it with `bash src/test/lab/incus-lab.sh start` "
            + "(root, Incus 6.0 and busybox-static; see docs/dev/labs-and-ci.md), then run `mvn verify`";

    private final Map<String, String> env;

    private IncusLab(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Held by this test JVM from its first lab test to its exit: test runs of other checkouts on the same machine use
     * the same lab, and their tests create, delete and stop things. Without the lock they would see each other's
     * instances and a member stopped by the other run.
     */
    private static java.nio.channels.FileLock lock;

    private static synchronized void lockLab(Path dir) {
        if (lock != null) {
            return;
        }
        try {
            java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve("tests.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            lock = ch.lock();
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock the Incus lab in " + dir, e);
        }
    }

    /** The running lab, with every instance deleted (a clean start for the calling test class); skipped or failed without it. */
    public static IncusLab requireEmpty() {
        IncusLab lab = require();
        // a member restarted a moment ago answers "Server isn't ready yet" for a while: retry for up to a minute
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                String existing = lab.incus("list", "--format", "csv", "-c", "n");
                List<String> names = existing.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
                if (names.isEmpty()) {
                    return lab;
                }
                for (String name : names) {
                    lab.incus("delete", "--force", name);
                }
            } catch (IllegalStateException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The running lab, or a skipped test (failed under CI). */
    public static IncusLab require() {
        Path file = envFile();
        if (!Files.isRegularFile(file)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + file + " does not exist: .ci/run must start the Incus lab before the tests. " + HOW_TO_RUN);
            }
            Assumptions.abort(HOW_TO_RUN + " (looked for " + file + ")");
        }
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            lockLab(file.getParent());
            return new IncusLab(values);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public static Path envFile() {
        String explicit = System.getenv("CP_INCUS_LAB_ENV");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String lab = System.getenv("CP_INCUS_LAB");
        return Path.of(lab == null || lab.isBlank() ? "/tmp/cp-incus-lab" : lab, "lab.env");
    }

    public String get(String key) {
        String v = env.get(key);
        if (v == null) {
            throw new IllegalStateException(envFile() + " has no " + key + "; restart the lab");
        }
        return v;
    }

    public String url() {
        return get("CP_INCUS_URL");
    }

    public Path cert() {
        return Path.of(get("CP_INCUS_CERT"));
    }

    public Path key() {
        return Path.of(get("CP_INCUS_KEY"));
    }

    public String fingerprint() {
        return get("CP_INCUS_FINGERPRINT");
    }

    public Path clientConfigDir() {
        return Path.of(get("CP_INCUS_CLIENT_CONF"));
    }

    public Path socket() {
        return Path.of(get("CP_INCUS_SOCKET"));
    }

    public List<String> members() {
        return List.of(get("CP_INCUS_MEMBERS").split(","));
    }

    /** Runs the real incus client against member node1 (through its unix socket); returns stdout, fails on a non-zero exit. */
    public String incus(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("incus");
        cmd.addAll(List.of(args));
        return run(cmd, Map.of("INCUS_DIR", get("CP_INCUS_DIR_node1"), "INCUS_CONF", get("CP_INCUS_LAB") + "/admin-conf"));
    }

    /** Runs the lab script (e.g. "stop-member", "node3"). */
    public String script(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(get("CP_INCUS_LAB_SCRIPT"));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of("CP_INCUS_LAB", get("CP_INCUS_LAB")));
    }

    private static String run(List<String> cmd, Map<String, String> extraEnv) {
        try {
            // stdin from /dev/null: incus init/launch read a YAML config from a stdin that is not a terminal
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(extraEnv);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroy();
                throw new IllegalStateException(cmd + " did not finish");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
