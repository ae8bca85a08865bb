package dev.clusterplanner.hostile;

import dev.clusterplanner.Launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the command line in-process (or as a process) on hostile input and checks what every case must hold. */
final class Hostile {

    private Hostile() {
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** The example plan every plan case starts from (valid: check passes on it). */
    static String plan() {
        try {
            return Files.readString(Path.of(System.getProperty("project.basedir", "."), "catalogs", "examples", "meerkat-cluster.plan.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hardwareCsv() {
        try {
            return Files.readAllLines(Path.of(System.getProperty("project.basedir", "."), "catalogs", "hardware", "desktop.csv"))
                    .subList(0, 2).stream().reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String WORKLOADS_HEADER = "name,kind,count,vcpu,memory_gib,disk_gib,project\n";

    /** The CLI in this JVM, within 60 s, from {@code dir} (relative names resolve there through absolute args). */
    static Run cli(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = dev.clusterplanner.cli.Cli.run(args, new PrintWriter(out), new PrintWriter(err));
            return new Run(code, out.toString(), err.toString());
        }, () -> "over 60 s: " + String.join(" ", args));
    }

    /** The CLI as its own process (java -cp <this class path> Launcher ...), killed after 60 s. */
    static Run process(Path dir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] cmd = Stream.concat(Stream.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()), Stream.of(args)).toArray(String[]::new);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve(".out").toFile()).redirectError(dir.resolve(".err").toFile()).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "over 60 s: " + String.join(" ", args));
        Run r = new Run(p.exitValue(), Files.readString(dir.resolve(".out")), Files.readString(dir.resolve(".err")));
        Files.delete(dir.resolve(".out"));
        Files.delete(dir.resolve(".err"));
        return r;
    }

    /** What every refused or handled case must hold: no stack trace, no Java exception name, no internal error. */
    static void clean(Run r) {
        for (String bad : new String[]{"\tat ", "Exception", "Internal error", "FAIL_ON", "Jackson", "Caused by", "java.", "StreamReadConstraints"}) {
            assertFalse(r.all().contains(bad), "'" + bad + "' in the output:\n" + r.all());
        }
    }

    static Set<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Set<String> out = new TreeSet<>();
            s.forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** A refused case: the exit code, every fragment in the messages, clean output, nothing new in {@code dir}. */
    static Run refused(Path dir, int code, String[] fragments, String... args) throws IOException {
        Set<String> before = tree(dir);
        Run r = cli(args);
        assertEquals(code, r.code(), "exit code of " + String.join(" ", args) + "\n" + r.all());
        for (String f : fragments) {
            assertTrue(r.all().contains(f), "'" + f + "' missing from:\n" + r.all());
        }
        clean(r);
        if (code == 1 || code == 2) {
            assertEquals(before, tree(dir), "a failed command left files behind");
        }
        return r;
    }

    static String[] says(String... fragments) {
        return fragments;
    }

    static boolean mkfifo(Path p) {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString()).start();
            return proc.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

}
