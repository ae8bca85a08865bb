package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --quiet and NO_COLOR, as docs/reference/cli-exit-codes.md describes them. */
class ShellConventionsTest {

    static final String PLAN = "catalogs/examples/meerkat-cluster.plan.json";

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void quietPlanPrintsNothingAndStillWritesTheFilesAskedFor(@TempDir Path dir) {
        Path json = dir.resolve("result.json");
        Result r = run("plan", PLAN, "--quiet", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
        assertTrue(Files.isRegularFile(json));
    }

    @Test
    void quietIsAcceptedBeforeTheSubCommandAndAsMinusQ() {
        assertEquals(new Result(0, "", ""), run("--quiet", "check", PLAN));
        assertEquals(new Result(0, "", ""), run("check", "-q", PLAN));
        assertTrue(run("check", PLAN).out().contains("OK"), "without --quiet check reports");
    }

    @Test
    void quietKeepsDataSentToStandardOutputWithADash() {
        Result r = run("plan", PLAN, "--quiet", "--json", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("{"), r.out());
        assertTrue(r.out().contains("\"sites\""), "the result JSON is on standard output");
    }

    @Test
    void quietStillReportsProblemsOnStandardErrorWithTheExitCode(@TempDir Path dir) {
        Result r = run("plan", "--quiet", dir.resolve("missing.plan.json").toString());
        assertEquals(Cli.INPUT_REJECTED, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("missing.plan.json"), r.err());
    }

    @Test
    void quietSimulationPrintsNothing() {
        Result r = run("simulate", PLAN, "--trials", "200", "--seed", "1", "--quiet");
        assertEquals(new Result(0, "", ""), r);
    }

    @Test
    void noColorTurnsColourOffWhenSetToAnythingButEmpty() {
        assertEquals(Ansi.OFF, Cli.ansi(Map.of("NO_COLOR", "1")));
        assertEquals(Ansi.AUTO, Cli.ansi(Map.of("NO_COLOR", "")));
        assertEquals(Ansi.AUTO, Cli.ansi(Map.of()));
    }
}
