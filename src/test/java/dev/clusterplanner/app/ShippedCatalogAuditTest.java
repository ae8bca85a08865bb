package dev.clusterplanner.app;

import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, "Done when", on the shipped catalogs: at least 90 % of rows cite a public address, every estimate's notes
 * say how it was made, no priced machine to buy lacks power, at least 6 priced bare-metal rows from at least 4
 * providers with their setup fees, and the chuck-stack Incus guide's three builds have a complete 5-year cost.
 */
class ShippedCatalogAuditTest {

    static Catalog catalog;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService(null, java.time.Clock.systemUTC()).loadShipped();
    }

    @Test
    void atLeastNinetyPercentOfRowsCiteAPublicAddress() {
        double share = CatalogAudit.addressShare(catalog);
        assertTrue(share >= 0.90, "share of rows with an address: " + share);
    }

    @Test
    void everyEstimateSaysHowAndEveryPricedOwnedMachineHasPower() {
        List<CatalogAudit.Finding> gaps = CatalogAudit.audit(catalog).stream()
                .filter(f -> f.gap() != CatalogAudit.Gap.NO_ADDRESS && f.gap() != CatalogAudit.Gap.UNPRICED_CHOICE).toList();
        assertEquals(List.of(), gaps);
    }

    @Test
    void sixPricedBareMetalRowsFromFourProvidersEachWithASetupFeeFigureAndBillingNoted() {
        List<Hardware> priced = catalog.hardware(HardwareCategory.BAREMETAL_CLOUD).stream()
                .filter(h -> !h.priceMissing() && CatalogAudit.hasAddress(h.source())).toList();
        Set<String> vendors = priced.stream().map(Hardware::vendor).collect(Collectors.toSet());
        assertTrue(priced.size() >= 6, priced.stream().map(Hardware::id).toList().toString());
        assertTrue(vendors.size() >= 4, vendors.toString());
        // a EUR-billed row says so and shows the dated rate it was converted at
        Hardware eur = catalog.hardware("baremetal-hetzner-gex44").orElseThrow();
        assertEquals(216.2, eur.monthlyUsd(), 1e-9);    // 184 EUR x 1.1750 USD/EUR
        assertEquals(92.83, eur.setupUsd(), 1e-9);      // 79 EUR x 1.1750 = 92.825
        assertTrue(eur.notes().endsWith("billed in EUR: 184 EUR a month x 1.175 USD/EUR = 216.20 USD; 79 EUR setup x 1.175 USD/EUR = 92.83 USD"
                + " (fx-usd-per-eur-2025-12-31, rate of 2025-12-31)"), eur.notes());
        assertEquals(1.1750, catalog.price("fx-usd-per-eur-2025-12-31").orElseThrow().value(), 1e-12);
    }

    @Test
    void theGuidesThreeBuildsHaveACompleteFiveYearCost() throws Exception {
        for (String[] p : List.of(new String[]{"meerkat-cluster.plan.json", "desktop-meerkat-tall-i5"},
                new String[]{"thelio-gpu-cluster.plan.json", "desktop-thelio-32c-gpu16"},
                new String[]{"supermicro-cluster.plan.json", "rack-supermicro-as1115sv-8224p"})) {
            PlanResult r = new PlanningService().analyse(ExamplePlans.load(p[0]), catalog);
            CostOption o = r.sites().get(0).cost().option("owned:" + p[1]).orElseThrow();
            assertEquals(3, o.hostsStart(), p[0]);
            assertTrue(o.complete(), p[0] + " missing: " + o.missing());
            assertNotNull(o.tcoUsd(), p[0]);
        }
    }

    @Test
    void theThelioPowerEstimateIsTheFormulaInItsNotes() {
        Hardware t = catalog.hardware("desktop-thelio-32c-gpu16").orElseThrow();
        // idle (25 + 2x3 + 2x1 + 15 + 7) / 0.90 = 61.1 -> 61; loaded (170 + 2x5 + 2x6 + 20 + 160) / 0.90 = 413.3 -> 413
        assertEquals(61.0, t.powerIdleW());
        assertEquals(413.0, t.powerMaxW());
        assertTrue(t.notes().contains("/ PSU 0.90 = 61 W") && t.notes().contains("/ 0.90 = 413 W"), t.notes());
    }
}
