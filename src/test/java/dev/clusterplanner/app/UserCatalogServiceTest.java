package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserCatalogServiceTest {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    static final String HEADER = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,power_idle_w,power_max_w,source,source_date,estimate\n";
    static final String QUOTE = HEADER + "quote-r6615,Dell R6615 quote,rack,Dell,AMD EPYC 9124,16,32,128,6400,120,320,"
            + "\"quote Q-123 from our reseller, https://example.com/q-123\",2026-11-30,false\n";

    @TempDir
    Path dir;

    UserCatalogService service(Path user) {
        return new UserCatalogService(new CatalogService(user, TODAY));
    }

    Path file(String name, String text) throws Exception {
        Path f = dir.resolve("in").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void anOptionFileForAShippedRowIsImportedIntoOptionsAndOffered() throws Exception {
        Path user = dir.resolve("user");
        String options = "id,hardware,group,choice,memory_gib,parts,source,source_date,estimate\n"
                + "my-sm-768,rack-supermicro-as1115sv-8224p,memory,12 x 64 GB (my quote),768,"
                + "part-memory-ddr5-rdimm-64gb-2026q1-actual x 6,https://example.org/my-quote,2026-12-01,false\n";
        UserCatalogService.Result r = service(user).importCsv(file("my-options.csv", options), false);
        assertEquals(user.resolve("options/my-options.csv"), r.file());
        assertEquals(1, r.rows());
        Catalog c = new CatalogService(user, TODAY).load();
        assertTrue(c.isUserRow("my-sm-768"));
        assertEquals(768.0, c.options("rack-supermicro-as1115sv-8224p").stream()
                .filter(o -> o.id().equals("my-sm-768")).findFirst().orElseThrow().memoryGib());
    }

    @Test
    void aGoodQuoteIsCopiedUnchangedIntoHardwareAndListedAsTheUsers() throws Exception {
        Path user = dir.resolve("user");
        Path in = file("quotes.csv", QUOTE);
        UserCatalogService.Result r = service(user).importCsv(in, false);
        Path target = user.resolve("hardware/quotes.csv");
        assertEquals(target, r.file());
        assertEquals(1, r.rows());
        assertFalse(r.replaced());
        assertEquals(QUOTE, Files.readString(target), "the file is copied as it is");
        Catalog c = new CatalogService(user, TODAY).load();
        assertTrue(c.isUserRow("quote-r6615"), "the row is marked as the user's");
        assertFalse(c.isUserRow("rack-supermicro-as1115sv-8224p"), "a shipped row is not");
        assertEquals(6400.0, c.hardware("quote-r6615").orElseThrow().priceUsd());
    }

    @Test
    void aBadFileIsRefusedWithFileLineAndFieldAndNothingIsWritten() throws Exception {
        Path user = dir.resolve("user");
        Path in = file("bad.csv", HEADER + "quote-1,Box,rack,Dell,EPYC,16,8,128,6400,120,320,quote,2026-11-30,false\n");
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> service(user).importCsv(in, false));
        assertEquals(in + ":2:7: threads: threads (8) cannot be fewer than cores (16)", e.problems().get(0).describe());
        assertFalse(Files.exists(user), "nothing is created");
    }

    @Test
    void aSecondImportOfTheSameFileNeedsReplaceAndThenReplacesIt() throws Exception {
        Path user = dir.resolve("user");
        Path in = file("quotes.csv", QUOTE);
        service(user).importCsv(in, false);
        String newer = QUOTE.replace("6400", "6100");
        Files.writeString(in, newer);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> service(user).importCsv(in, false));
        assertTrue(e.problems().get(0).message().contains("use --replace"), e.problems().toString());
        assertEquals(QUOTE, Files.readString(user.resolve("hardware/quotes.csv")), "the first file is left as it was");
        UserCatalogService.Result r = service(user).importCsv(in, true);
        assertTrue(r.replaced());
        assertEquals(newer, Files.readString(user.resolve("hardware/quotes.csv")));
        try (Stream<Path> s = Files.list(user.resolve("hardware"))) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anIdAnotherOfTheUsersFilesDefinesIsRefusedEvenWithReplaceNamingWhere() throws Exception {
        Path user = dir.resolve("user");
        service(user).importCsv(file("quotes.csv", QUOTE), false);
        Path other = file("more.csv", QUOTE);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> service(user).importCsv(other, true));
        assertTrue(e.problems().get(0).describe().contains("'quote-r6615' is already defined in " + user.resolve("hardware/quotes.csv") + " line 2"),
                e.problems().toString());
        assertFalse(Files.exists(user.resolve("hardware/more.csv")));
    }

    @Test
    void anIdOfAShippedRowIsAnOverrideOnlyWithReplace() throws Exception {
        Path user = dir.resolve("user");
        Path in = file("mine.csv", QUOTE.replace("quote-r6615", "rack-supermicro-as1115sv-8224p"));
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> service(user).importCsv(in, false));
        assertTrue(e.problems().get(0).message().contains("is a shipped hardware"), e.problems().toString());
        UserCatalogService.Result r = service(user).importCsv(in, true);
        assertEquals(java.util.List.of("rack-supermicro-as1115sv-8224p"), r.overrides());
        Catalog c = new CatalogService(user, TODAY).load();
        assertTrue(c.isOverride("rack-supermicro-as1115sv-8224p") && c.isUserRow("rack-supermicro-as1115sv-8224p"));
    }

    @Test
    void aQuoteBilledInEurosIsConvertedWithTheShippedRate() throws Exception {
        Path user = dir.resolve("user");
        Path in = file("eu.csv", "id,name,category,vendor,cpu_model,cores,threads,memory_gib,monthly_usd,currency,monthly_billed,source,source_date,estimate\n"
                + "eu-box,EU box,baremetal-cloud,Host,EPYC,16,32,128,,EUR,100,\"offer https://example.com/o\",2026-11-30,false\n");
        service(user).importCsv(in, false);
        Hardware h = new CatalogService(user, TODAY).load().hardware("eu-box").orElseThrow();
        assertEquals(117.50, h.monthlyUsd());   // 100 EUR x 1.1750 USD/EUR, the ECB rate of 2025-12-31
        assertTrue(h.notes().contains("(fx-usd-per-eur-2025-12-31, rate of 2025-12-31)"), h.notes());
    }

    @Test
    void aPriceFileGoesUnderPrices() throws Exception {
        Path user = dir.resolve("user");
        Path in = file("power.csv", "id,category,name,unit,value,source,source_date,estimate\n"
                + "my-tariff,electricity,Our tariff,usd_per_kwh,0.21,\"bill of 2026-11, https://example.com/bill\",2026-11-30,false\n");
        UserCatalogService.Result r = service(user).importCsv(in, false);
        assertEquals(user.resolve("prices/power.csv"), r.file());
        assertEquals(0.21, new CatalogService(user, TODAY).load().price("my-tariff").orElseThrow().value());
    }

    @Test
    void addHardwareWritesAFileTheLoaderReadsBackToTheSameMachine() throws Exception {
        Path user = dir.resolve("user");
        Hardware h = new Hardware("own-box", "Our box, \"tall\"", HardwareCategory.DESKTOP, "Acme", "Intel Core i5", 1, 12, 16, 0,
                1.0, 32, 950.0, null, null, 0, 500, 1, 4000, dev.clusterplanner.core.model.DiskType.SATA_SSD, 2, 2.5, null, 0, 0, 0, 0,
                12.0, 40.0, null, "invoice 7, https://example.com/i7", LocalDate.of(2026, 11, 1), false, "bought in November");
        service(user).addHardware(h, false);
        Hardware back = new CatalogService(user, TODAY).load().hardware("own-box").orElseThrow();
        assertEquals(h, back);
        assertThrows(InputRejectedException.class, () -> service(user).addHardware(h, false), "a second add of the same id is refused");
        Hardware cheaper = new Hardware("own-box", "Our box", HardwareCategory.DESKTOP, "Acme", "Intel Core i5", 1, 12, 16, 0,
                1.0, 32, 900.0, null, null, 0, 500, 1, 4000, dev.clusterplanner.core.model.DiskType.SATA_SSD, 2, 2.5, null, 0, 0, 0, 0,
                12.0, 40.0, null, "invoice 7, https://example.com/i7", LocalDate.of(2026, 11, 1), false, "");
        service(user).addHardware(cheaper, true);
        Catalog c = new CatalogService(user, TODAY).load();
        assertEquals(900.0, c.hardware("own-box").orElseThrow().priceUsd());
        assertEquals(1, c.hardware().stream().filter(x -> x.id().equals("own-box")).count());
    }
}
