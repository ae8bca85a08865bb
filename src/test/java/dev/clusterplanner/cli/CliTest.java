package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubCommands() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("check"), r.out());
    }

    @Test
    void unknownSubCommandIsAUsageError() {
        Result r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
        assertTrue(r.err().contains("Usage"), r.err());
    }

    @Test
    void everySubCommandAnswersHelpAndVersion() {
        for (String sub : Cli.create().getSubcommands().keySet()) {
            if (sub.equals("help")) {
                continue;
            }
            Result help = run(sub, "--help");
            assertEquals(0, help.code(), sub + " --help");
            assertTrue(help.out().contains("Usage:"), sub);
            Result version = run(sub, "--version");
            assertEquals(0, version.code(), sub + " --version");
            assertTrue(version.out().startsWith("Cluster Planner"), version.out());
        }
    }

    @Test
    void checkAcceptsAGoodPlan(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("ok.plan.json");
        Files.writeString(plan, """
                {"format": 1, "name": "ok", "sites": [{"name": "d", "kind": "desktop", "hardware": [], "workloads": [
                  {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2}]}]}
                """);
        Result r = run("check", plan.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 site(s) and 2 instance(s)"), r.out());
    }

    @Test
    void checkRejectsABadPlanWithFileLineAndFieldAndExitOne(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("bad.plan.json");
        Files.writeString(plan, "{\"format\": 1, \"name\": \"bad\", \"sites\": [{\"name\": \"d\", \"kind\": \"desktop\", \"hardware\": [],\n"
                + "\"workloads\": [{\"name\": \"web\", \"kind\": \"container\", \"count\": 0, \"vcpu\": 1, \"memoryGib\": 2}]}]}\n");
        Result r = run("check", plan.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(plan + ":2:"), r.err());
        assertTrue(r.err().contains("sites/0/workloads/0/count: workload 'web': count must be 1 or more, got 0"), r.err());
    }

    @Test
    void missingFileIsRejectedWithExitOne(@TempDir Path dir) {
        Result r = run("check", dir.resolve("nope.plan.json").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }
}
