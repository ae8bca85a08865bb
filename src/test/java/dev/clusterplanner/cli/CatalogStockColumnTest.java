package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** catalog list shows an "in stock" column once some row limits its stock (hardware CSV column available). */
class CatalogStockColumnTest {

    static final String QUOTE = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,power_idle_w,power_max_w,source,source_date,estimate,available\n"
            + "quote-r6615,Dell R6615 quote,rack,Dell,AMD EPYC 9124,16,32,128,6400,120,320,\"quote Q-123, https://example.com/q\",2026-11-30,false,4\n";

    @Test
    void aRowWithFourInStockShowsFourAndTheOthersNoLimit(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("quotes.csv");
        Files.writeString(in, QUOTE);
        Path user = dir.resolve("user");
        CliTest.Result r = CliTest.run("catalog", "import", in.toString(), "--folder", user.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        CliTest.Result list = CliTest.run("catalog", "list", "--category", "rack", "--folder", user.toString());
        String header = list.out().lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow();
        assertTrue(header.contains("in stock"), header);
        String quote = list.out().lines().filter(l -> l.startsWith("quote-r6615 ")).findFirst().orElseThrow();
        assertTrue(quote.matches(".* 4 +2026-11 .*"), quote);
        String shipped = list.out().lines().filter(l -> l.startsWith("rack-supermicro-as1115sv-8224p ")).findFirst().orElseThrow();
        assertTrue(shipped.contains("no limit"), shipped);
        // without a limited row there is no such column
        CliTest.Result plain = CliTest.run("catalog", "list", "--category", "rack");
        assertFalse(plain.out().contains("in stock"), plain.out());
    }
}
