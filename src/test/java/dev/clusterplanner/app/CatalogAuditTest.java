package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.PriceItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogAuditTest {

    static Hardware machine(String id, HardwareCategory cat, Double price, Double idle, Double max, String source, boolean estimate, String notes) {
        return new Hardware(id, id, cat, "v", "cpu", 1, 8, 16, 0, 1.0, 32, price, cat == HardwareCategory.BAREMETAL_CLOUD ? 100.0 : null,
                null, 0, 0, 0, 0, null, 1, 1, null, 0, 0, 0, 0, idle, max, null, source, LocalDate.of(2026, 1, 1), estimate, notes);
    }

    @Test
    void anAddressIsAnHttpOrHttpsLinkAnywhereInTheSource() {
        assertTrue(CatalogAudit.hasAddress("System76 Thelio, https://system76.com/desktops/thelio (2026-12-06)"));
        assertTrue(CatalogAudit.hasAddress("http://tekspecz.com/x"));
        assertFalse(CatalogAudit.hasAddress("storagereview AS-1115SV-WTNRT review (2024)"));
        assertFalse(CatalogAudit.hasAddress(null));
    }

    @Test
    void onlyPricedDesktopAndRackMachinesNeedPower() {
        assertTrue(CatalogAudit.ownedWithoutPower(machine("a", HardwareCategory.DESKTOP, 2000.0, null, null, "s", false, "")));
        assertTrue(CatalogAudit.ownedWithoutPower(machine("b", HardwareCategory.RACK, 5000.0, 110.0, null, "s", false, "")),
                "idle alone is not enough");
        assertFalse(CatalogAudit.ownedWithoutPower(machine("c", HardwareCategory.RACK, null, null, null, "s", false, "")),
                "an unpriced row has no cost to complete");
        assertFalse(CatalogAudit.ownedWithoutPower(machine("d", HardwareCategory.BAREMETAL_CLOUD, null, null, null, "s", false, "")),
                "a rental's power is in its rent");
        assertFalse(CatalogAudit.ownedWithoutPower(machine("e", HardwareCategory.DESKTOP, 1000.0, 10.5, 35.0, "s", false, "")));
    }

    @Test
    void olderThanCountsWholeMonthsBackFromTodayAndUndatedIsOld() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertFalse(CatalogAudit.olderThan(LocalDate.of(2026, 6, 6), 6, today), "exactly 6 months is not older than 6");
        assertTrue(CatalogAudit.olderThan(LocalDate.of(2026, 6, 5), 6, today));
        assertTrue(CatalogAudit.olderThan(null, 120, today));
        assertFalse(CatalogAudit.olderThan(today, 0, today));
        assertThrows(IllegalArgumentException.class, () -> CatalogAudit.olderThan(today, -1, today));
    }

    @Test
    void theAuditListsEachGapOfEachRowAndTheShareOfCitedRows() {
        Catalog c = new Catalog(List.of(
                machine("cited", HardwareCategory.DESKTOP, 1000.0, 10.0, 30.0, "vendor page https://example.com/a", false, ""),
                machine("bare", HardwareCategory.RACK, 5000.0, null, null, "estimate: a guess", true, " ")),
                List.of(new PriceItem("p1", "electricity", "x", "usd_per_kwh", 0.1, 0, null, "EIA https://www.eia.gov/electricity/monthly/",
                        LocalDate.of(2025, 4, 30), false, "")), List.of(), Set.of());
        List<CatalogAudit.Finding> f = CatalogAudit.audit(c);
        assertEquals(List.of(new CatalogAudit.Finding("bare", "rack", CatalogAudit.Gap.NO_ADDRESS),
                new CatalogAudit.Finding("bare", "rack", CatalogAudit.Gap.ESTIMATE_WITHOUT_NOTES),
                new CatalogAudit.Finding("bare", "rack", CatalogAudit.Gap.OWNED_WITHOUT_POWER)), f);
        assertEquals(2.0 / 3, CatalogAudit.addressShare(c), 1e-12);
    }
}
