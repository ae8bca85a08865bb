package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogCommandTest {

    static final String HEADER = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,source,source_date,estimate\n";

    @Test
    void checkWithoutAFolderPassesOnTheShippedCatalogs() {
        CliTest.Result r = CliTest.run("catalog", "check");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("shipped catalogs: OK"), r.out());
    }

    @Test
    void checkOfTheShippedFolderOnDiskPasses() {
        Path catalogs = Path.of(System.getProperty("project.basedir", "."), "catalogs");
        CliTest.Result r = CliTest.run("catalog", "check", catalogs.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(": OK, 10 file(s)"), r.out());
        assertTrue(r.out().contains(", 13 configure-to-order choice(s)"), r.out());
        // the choices without a price are listed, never chosen
        assertTrue(r.out().contains("2 row(s) with a configure-to-order choice without a price (it is never chosen): ovh-a5-192gb, sm-8224p-6x96gb"), r.out());
    }

    @Test
    void checkOfABadFolderPrintsEveryProblemAndExitsOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("hardware"));
        Path file = dir.resolve("hardware/mine.csv");
        Files.writeString(file, HEADER
                + "box-1,Box,desktop,Acme,i5,12,16,32GB,900,invoice,2026-10-01,false\n"
                + "box-1,Box,desktop,Acme,i5,12,8,32,900,invoice,2026-10-01,false\n");
        CliTest.Result r = CliTest.run("catalog", "check", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("  " + file + ":2:8: memory_gib: '32GB' is not a number"), r.out());
        assertTrue(r.out().contains("  " + file + ":3:7: threads: threads (8) cannot be fewer than cores (12)"), r.out());
        assertTrue(r.out().startsWith("2 problem(s)"), r.out());
    }

    @Test
    void checkOfASingleGoodFileSummarisesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, HEADER + "box-1,Box,desktop,Acme,i5,12,16,32,900,invoice,2026-10-01,false\n");
        CliTest.Result r = CliTest.run("catalog", "check", file.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("OK, 1 file(s): 1 hardware row(s), 0 price(s), 0 workload profile(s)"), r.out());
    }

    @Test
    void listByCategoryPrintsOnlyThatCategoryWithPriceAgeAndEstimates() {
        CliTest.Result r = CliTest.run("catalog", "list", "--category", "rack");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rack-supermicro-as1115sv-8224p "), r.out());
        assertTrue(r.out().contains("5000 USD"), r.out());
        assertTrue(r.out().contains("price missing"), r.out());
        assertTrue(r.out().contains("estimate"), r.out());
        assertFalse(r.out().contains("aws-m7i"), r.out());
    }

    @Test
    void listOfCloudShowsHourlyPricesAndTheirMonth() {
        CliTest.Result r = CliTest.run("catalog", "list", "-c", "cloud");
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("aws-m7i.2xlarge ")).findFirst().orElseThrow();
        assertTrue(line.contains("0.4032 USD/h"), line);
        assertTrue(line.contains("2026-07"), line);
    }

    @Test
    void anUnknownCategoryIsAUsageError() {
        CliTest.Result r = CliTest.run("catalog", "list", "--category", "mainframe");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown category 'mainframe'"), r.err());
    }
}
