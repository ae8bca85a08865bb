package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.PriceItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PriceCsvTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String HEADER = "id,category,name,unit,value,tier,region,source,source_date,estimate";

    static List<String> problems(String text) {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> PriceCsv.parse(text, "p.csv", TODAY));
        return e.problems().stream().map(InputProblem::describe).toList();
    }

    @Test
    void tieredPricesLoadWithTheirLowerBounds() throws Exception {
        List<PriceItem> items = PriceCsv.parse(HEADER + "\n"
                + "out-t0,transfer,first 100 GB,usd_per_gb,0,0,us-east-1,AWS,2026-11-25,false\n"
                + "out-t1,transfer,to 10 TB,usd_per_gb,0.09,100,us-east-1,AWS,2026-11-25,false\n", "p.csv", TODAY);
        assertEquals(2, items.size());
        assertEquals(0.0, items.get(0).value());
        assertEquals(100.0, items.get(1).tier());
        assertEquals("price from 2026-11", items.get(1).priceAge());
    }

    @Test
    void aTierDefaultsToZero() throws Exception {
        PriceItem p = PriceCsv.parse("id,category,name,unit,value,source,source_date,estimate\n"
                + "kwh,electricity,office,usd_per_kwh,0.13,\"estimate: EIA, US average\",2025-12-31,true\n", "p.csv", TODAY).get(0);
        assertEquals(0.0, p.tier());
        assertEquals(true, p.estimate());
    }

    @Test
    void aNegativePriceIsImpossible() {
        assertEquals(List.of("p.csv:2:5: value: must be 0 or more, got -0.08"),
                problems(HEADER + "\ngp3,storage,gp3,usd_per_gb_month,-0.08,0,us-east-1,AWS,2026-11-25,false\n"));
    }

    @Test
    void anUnknownPriceCategoryListsTheValidOnes() {
        assertEquals(List.of("p.csv:2:2: category: unknown category 'disk' (expected storage, snapshot, object-storage, "
                        + "transfer, commitment, electricity, pue, colocation, part, exchange-rate)"),
                problems(HEADER + "\ngp3,disk,gp3,usd_per_gb_month,0.08,0,us-east-1,AWS,2026-11-25,false\n"));
    }

    @Test
    void aPueBelowOneIsImpossible() {
        assertEquals(List.of("p.csv:2:5: value: a PUE is 1.0 or more (total facility power / IT power), got 0.9"),
                problems(HEADER + "\npue,pue,PUE,ratio,0.9,0,,Uptime,2023-12-31,false\n"));
    }

    @Test
    void aDuplicatePriceIdIsRejected() {
        String row = "gp3,storage,gp3,usd_per_gb_month,0.08,0,us-east-1,AWS,2026-11-25,false";
        assertEquals(List.of("p.csv:3:1: id: id 'gp3' is used twice (first on line 2)"), problems(HEADER + "\n" + row + "\n" + row + "\n"));
    }

    @Test
    void aPriceFromTheFutureIsRejected() {
        assertEquals(List.of("p.csv:2:9: source_date: the date 2027-01-01 is in the future (today is 2026-11-25)"),
                problems(HEADER + "\ngp3,storage,gp3,usd_per_gb_month,0.08,0,us-east-1,AWS,2027-01-01,false\n"));
    }
}
