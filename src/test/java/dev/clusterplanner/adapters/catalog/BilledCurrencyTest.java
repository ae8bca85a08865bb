package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BilledCurrencyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final String RATES = "id,category,name,unit,value,source,source_date,estimate\n"
            + "fx-old,exchange-rate,EUR old,usd_per_eur,1.05,ECB https://www.ecb.europa.eu/x,2025-02-28,false\n"
            + "fx-new,exchange-rate,EUR new,usd_per_eur,1.1750,ECB https://www.ecb.europa.eu/x,2025-12-31,false\n"
            + "fx-gbp,exchange-rate,GBP,usd_per_gbp,1.25,BoE https://example.com/gbp,2025-12-31,false\n";
    static final String HEADER = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,monthly_usd,setup_usd,currency,monthly_billed,setup_billed,source,source_date,estimate,notes\n";

    static CatalogLoader.Layer load(String hardware) {
        return CatalogLoader.read(List.of(new CatalogLoader.Source("h.csv", CatalogLoader.Kind.HARDWARE, hardware),
                new CatalogLoader.Source("r.csv", CatalogLoader.Kind.PRICES, RATES)), TODAY);
    }

    @Test
    void aEuroRowIsConvertedAtTheNewestRateWithCentsRoundedHalfUpAndTheNoteSaysSo() {
        // 184 x 1.175 = 216.20 and 79 x 1.175 = 92.825 -> 92.83 (half up); the 2025-02-28 rate is older and not used
        CatalogLoader.Layer l = load(HEADER + "h1,Box,baremetal-cloud,Hetzner,i5,14,20,64,,,EUR,184,79,page https://example.com/h,2026-01-11,false,quoted\n");
        assertEquals(List.of(), l.problems());
        Hardware h = l.hardware().get(0);
        assertEquals(216.20, h.monthlyUsd());
        assertEquals(92.83, h.setupUsd());
        assertEquals("quoted; billed in EUR: 184 EUR a month x 1.175 USD/EUR = 216.20 USD; 79 EUR setup x 1.175 USD/EUR = 92.83 USD"
                + " (fx-new, rate of 2025-12-31)", h.notes());
    }

    @Test
    void aPoundRowUsesThePoundRate() {
        CatalogLoader.Layer l = load(HEADER + "h1,Box,baremetal-cloud,X,i5,14,20,64,,,gbp,100,,page https://example.com/h,2026-01-11,false,\n");
        assertEquals(125.0, l.hardware().get(0).monthlyUsd());
    }

    @Test
    void mixedOrUnknownCurrenciesAndAMissingRateAreRefusedWithTheField() {
        List<InputProblem> p = load(HEADER
                + "h1,Box,baremetal-cloud,X,i5,14,20,64,200,,EUR,184,,s https://e.com,2026-01-11,false,\n"
                + "h2,Box,baremetal-cloud,X,i5,14,20,64,,,CHF,184,,s https://e.com,2026-01-11,false,\n"
                + "h3,Box,baremetal-cloud,X,i5,14,20,64,200,,USD,184,,s https://e.com,2026-01-11,false,\n").problems();
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).describe().startsWith("h.csv:2:11: currency: a row billed in EUR gives its amounts in price_billed"), p.toString());
        assertTrue(p.get(1).describe().startsWith("h.csv:3:11: currency: 'CHF' is not a currency the catalog converts"), p.toString());
        assertTrue(p.get(2).describe().startsWith("h.csv:4:11: currency: the *_billed columns hold an amount in the row's currency"), p.toString());
        List<InputProblem> noRate = CatalogLoader.read(List.of(new CatalogLoader.Source("h.csv", CatalogLoader.Kind.HARDWARE,
                HEADER + "h1,Box,baremetal-cloud,X,i5,14,20,64,,,EUR,184,,s https://e.com,2026-01-11,false,\n")), TODAY).problems();
        assertEquals("h.csv:2:11: currency: no exchange rate for EUR in the catalog's prices (a price row of category exchange-rate, unit usd_per_eur)",
                noRate.get(0).describe());
    }
}
