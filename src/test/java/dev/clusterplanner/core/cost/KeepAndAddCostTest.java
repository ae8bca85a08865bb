package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Site;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.clusterplanner.core.cost.CostFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class KeepAndAddCostTest {

    static final Hardware MEERKAT = CostEngineTest.MEERKAT; // 1,000 USD, 12 threads, 32 GiB, 10-30 W, one 4 TB drive

    static Site withOwned(Double price) {
        return smallSite("desktop-test").withOwned(List.of(new OwnedHosts("desktop-test", 2, LocalDate.of(2023, 4, 1), price)));
    }

    @Test
    void twoOwnedHostsCostNoPurchaseAndOnlyTheShortfallIsBought() {
        // the site needs 3 hosts (policy minimum, Ceph size 3): 2 owned + 1 bought
        SiteCost sc = CostEngineTest.engine(catalog(List.of(MEERKAT), AWS_PRICES), fixed(3)).site(withOwned(800.0));
        CostOption keep = CostEngineTest.option(sc, "keep:desktop-test");
        assertTrue(keep.complete(), () -> keep.missing().toString());
        assertEquals(CostOptionKind.KEEP_AND_ADD, keep.kind());
        assertEquals("keep 2 owned desktop-test + add 1 desktop-test", keep.label());
        assertEquals(3, keep.hostsStart());
        MonthCost m1 = keep.series().get(0);
        // purchase: the one new host only, 1 x 1,000
        assertEquals(1000.00, keep.capexUsd(), 0.001);
        assertEquals(1000.00, m1.amount(CostComponent.HARDWARE), 0.001);
        // support: new 1,000 x 5 % / 12 = 4.17; owned 2 x 800 (the price paid) x 5 % / 12 = 6.67; 10.84 a month
        assertEquals(10.84, m1.amount(CostComponent.SUPPORT), 0.001);
        // power of all 3 hosts, as the all-new option: 3.32; S3 backup 6.90
        assertEquals(3.32, m1.amount(CostComponent.ELECTRICITY), 0.001);
        assertEquals(6.90, m1.amount(CostComponent.BACKUP), 0.001);
        // recurring: 10.84 + 3.32 + 6.90 = 21.06
        assertEquals(21.06, keep.monthlyUsd(), 0.001);
        // salvage: only the new host's book value at month 60, 1,000 x 0.10 = 100; none for the owned hosts
        assertEquals(-100.00, keep.series().get(59).amount(CostComponent.SALVAGE), 0.001);
        // TCO = 1,000 + 60 x 21.06 - 100 = 2,163.60 (the all-new option: 4,063.20)
        assertEquals(2163.60, keep.tcoUsd(), 0.001);
        assertEquals(4063.20, CostEngineTest.option(sc, "owned:desktop-test").tcoUsd(), 0.001);
        assertEquals("keep:desktop-test", sc.cheapestId());
        // the owned hosts' price shows in the bill of materials as sunk: 2 x 800, counted 0
        BomLine sunk = keep.bom().get(0);
        assertEquals(2, sunk.quantity());
        assertEquals(800.0, sunk.unitPriceUsd(), 0.001);
        assertEquals(0.0, sunk.totalUsd(), 0.001);
        assertTrue(sunk.reason().contains("2 x 800.00 USD = 1,600.00 USD (the price paid, from the plan) is sunk, not counted"), sunk.reason());
        assertEquals(1000.0, keep.bom().get(1).totalUsd(), 0.001);
    }

    @Test
    void withoutAPricePaidSupportIsAShareOfTheCatalogPriceAndSaysSo() {
        SiteCost sc = CostEngineTest.engine(catalog(List.of(MEERKAT), AWS_PRICES), fixed(3)).site(withOwned(null));
        CostOption keep = CostEngineTest.option(sc, "keep:desktop-test");
        // owned 2 x 1,000 (catalog) x 5 % / 12 = 8.33; new 4.17 -> 12.50
        assertEquals(12.50, keep.series().get(0).amount(CostComponent.SUPPORT), 0.001);
        assertTrue(keep.explanations().stream().anyMatch(e -> e.formula().contains("2 x 1,000.00 USD (desktop-test, the catalog price)")),
                () -> keep.explanations().toString());
    }

    @Test
    void ownedHostsThatCarryEverythingBuyNothing() {
        Site site = smallSite("desktop-test").withOwned(List.of(new OwnedHosts("desktop-test", 3, null, 900.0)));
        CostOption keep = CostEngineTest.option(CostEngineTest.engine(catalog(List.of(MEERKAT), AWS_PRICES), fixed(3)).site(site), "keep:none");
        assertEquals(0.0, keep.capexUsd(), 0.001);
        assertEquals("keep the 3 owned desktop-test (no new hosts)", keep.label());
        // support 3 x 900 x 5 % / 12 = 11.25; power 3.32; backup 6.90 -> 21.47 a month, 60 months, nothing sold
        assertEquals(21.47, keep.monthlyUsd(), 0.001);
        assertEquals(60 * 21.47, keep.tcoUsd(), 0.001);
    }

    @Test
    void anOwnedHostsRunningCostForTheFleetOptimiserIsItsSupportOverTheHorizon() {
        OwnedFleet.Entry e = new OwnedFleet.Entry(new OwnedHosts("desktop-test", 1, null, 1200.0), MEERKAT);
        // 1,200 x 5 % / 12 x 60 = 300.00
        assertEquals(300.00, OwnedFleet.supportUsdOver(e, 5, 60), 0.001);
    }
}
