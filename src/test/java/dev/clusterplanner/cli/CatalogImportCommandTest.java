package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogImportCommandTest {

    static final String QUOTE = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,power_idle_w,power_max_w,source,source_date,estimate\n"
            + "quote-r6615,Dell R6615 quote,rack,Dell,AMD EPYC 9124,16,32,128,6400,120,320,\"quote Q-123, https://example.com/q\",2026-11-30,false\n";

    @Test
    void importThenListShowsTheRowAsYoursAndASecondImportIsRefused(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("quotes.csv");
        Files.writeString(in, QUOTE);
        Path user = dir.resolve("user");
        CliTest.Result r = CliTest.run("catalog", "import", in.toString(), "--folder", user.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Imported " + in + ": 1 hardware row(s) into " + user.resolve("hardware/quotes.csv")), r.out());
        CliTest.Result list = CliTest.run("catalog", "list", "--category", "rack", "--folder", user.toString());
        String line = list.out().lines().filter(l -> l.startsWith("quote-r6615 ")).findFirst().orElseThrow();
        assertTrue(line.endsWith("yours"), line);
        CliTest.Result again = CliTest.run("catalog", "import", in.toString(), "--folder", user.toString());
        assertEquals(Cli.INPUT_REJECTED, again.code());
        assertTrue(again.err().contains("use --replace to replace it"), again.err());
    }

    @Test
    void aBadFileIsNotImported(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("quotes.csv");
        Files.writeString(in, QUOTE.replace(",128,", ",128 GB,"));
        Path user = dir.resolve("user");
        CliTest.Result r = CliTest.run("catalog", "import", in.toString(), "--folder", user.toString());
        assertEquals(Cli.INPUT_REJECTED, r.code());
        assertTrue(r.err().contains(in + ":2:8: memory_gib: '128 GB' is not a number"), r.err());
        assertFalse(Files.exists(user));
    }

    @Test
    void listOlderThanShowsOnlyRowsWithOlderFigures() {
        CliTest.Result r = CliTest.run("catalog", "list", "--older-than", "12");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("electricity-us-new-england-residential"), "EIA April 2025 figures are over 12 months old: " + r.out());
        assertFalse(r.out().contains("aws-m7i.large "), "AWS prices of 2026-07 are not");
        assertTrue(r.out().contains("Rows with figures older than 12 month(s)"), r.out());
        CliTest.Result bad = CliTest.run("catalog", "list", "--older-than", "-1");
        assertEquals(Cli.USAGE, bad.code());
        assertTrue(bad.err().contains("--older-than must be 0 or more months, not -1"), bad.err());
    }

    @Test
    void checkPrintsTheAuditAndStrictTurnsItIntoAnExitCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, "id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,source,source_date,estimate\n"
                + "box-1,Box,desktop,Acme,i5,12,16,32,900,invoice,2026-10-01,false\n");
        CliTest.Result r = CliTest.run("catalog", "check", file.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Audit: 0 of 1 hardware and price rows cite a public address (0.0 %)"), r.out());
        assertTrue(r.out().contains("1 row(s) with no public address (https://...) in its source: box-1"), r.out());
        assertTrue(r.out().contains("1 row(s) with a priced machine to buy without idle and loaded power"), r.out());
        assertEquals(Cli.FINDINGS, CliTest.run("catalog", "check", file.toString(), "--strict").code());
    }
}
