package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    static final String SEED_PLAN = Path.of(System.getProperty("project.basedir", "."), "catalogs/examples/meerkat-cluster.plan.json").toString();

    @Test
    void writesRepeatableJsonForAFixedSeed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals("0", run("simulate", SEED_PLAN, "--trials", "500", "--seed", "9", "--json", a.toString())[0]);
        assertEquals("0", run("simulate", SEED_PLAN, "--trials", "500", "--seed", "9", "--json", b.toString())[0]);
        assertEquals(Files.readString(a), Files.readString(b));
        assertTrue(Files.readString(a).contains("\"trialsRun\" : 500"), Files.readString(a));
    }

    @Test
    void printsTheRiskTableWithStandardErrors() {
        String[] r = run("simulate", SEED_PLAN, "--trials", "300", "--seed", "1");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("standard error"), r[1]);
        assertTrue(r[1].contains("300 trials x 60 months, seed 1"), r[1]);
    }

    @Test
    void zeroTrialsIsAUsageError() {
        String[] r = run("simulate", SEED_PLAN, "--trials", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--trials must be between 1"), r[2]);
    }
}
