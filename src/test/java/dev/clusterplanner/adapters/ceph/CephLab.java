package dev.clusterplanner.adapters.ceph;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Ceph lab the lab tests read (src/test/lab/ceph-lab.sh). Found through its env file:
 * $CP_CEPH_LAB_DIR/lab.env (default /tmp/cp-ceph-lab/lab.env). Under CI (CI=true) a missing lab fails the
 * test; elsewhere the test is skipped with the command that starts the lab.
 */
public final class CephLab {

    public static final String HOW_TO_RUN = "the Ceph lab is not running: start it with 'sudo src/test/lab/ceph-lab.sh start'"
            + " (needs ceph-mon ceph-mgr ceph-osd ceph-common ceph-base; see docs/dev/labs-and-ci.md), stop it with '... stop'";

    private final Map<String, String> env;

    private CephLab(Map<String, String> env) {
        this.env = env;
    }

    public static Path envFile() {
        String dir = System.getenv("CP_CEPH_LAB_DIR");
        return Path.of(dir == null || dir.isBlank() ? "/tmp/cp-ceph-lab" : dir, "lab.env");
    }

    /** The running lab, or the test is skipped (outside CI) / failed (under CI). */
    public static CephLab require() {
        Path file = envFile();
        String missing = null;
        Map<String, String> env = new HashMap<>();
        if (!Files.isReadable(file)) {
            missing = "no " + file;
        } else {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0) {
                        env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            } catch (IOException e) {
                missing = file + " unreadable: " + e.getMessage();
            }
            Path monPid = Path.of(env.getOrDefault("CP_CEPH_CONF", "/nonexistent")).resolveSibling("run/mon.a.pid");
            if (missing == null && !alive(monPid)) {
                missing = "the lab's monitor (" + monPid + ") is not running";
            }
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true and " + missing + ": .ci/run must start the Ceph lab before the tests");
            }
            Assumptions.abort(missing + "; " + HOW_TO_RUN);
        }
        return new CephLab(env);
    }

    private static boolean alive(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("State:")) {
                    return !line.contains("Z");
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public String get(String key) {
        String v = env.get(key);
        Assertions.assertNotNull(v, key + " missing from " + envFile());
        return v;
    }

    public long number(String key) {
        return Long.parseLong(get(key));
    }

    public String metricsUrl() {
        return get("CP_CEPH_METRICS_URL");
    }

    public Path conf() {
        return Path.of(get("CP_CEPH_CONF"));
    }
}
