package dev.clusterplanner.core.cost;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mixed option costed from its parts: the parts' series added, what belongs to the site counted once. */
class MixedCostingTest {

    static final String MEERKAT = "desktop-meerkat-tall-i5";   // 1,000 USD
    static final String THELIO = "desktop-thelio-32c-gpu16";   // 2,800 USD
    static Catalog catalog;
    static Plan plan;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
        plan = new PlanService().parse("""
                {"format": 1, "name": "p", "sites": [{"name": "office", "kind": "cluster", "hardware": ["%s", "%s"],
                  "policy": {"storage": "local", "failuresTolerated": 1, "minHosts": 3},
                  "workloads": [{"name": "web", "kind": "container", "count": 12, "vcpu": 2, "memoryGib": 4, "diskGib": 20, "netMbps": 5}]}]}
                """.formatted(MEERKAT, THELIO), "p");
    }

    /** The owned option of {@code id} costed on exactly {@code n} hosts. */
    static CostOption owned(String id, int n) {
        SiteCost sc = new CostEngine(catalog, plan.cost(), CostAssumptions.DEFAULT, (s, h) -> SizedHosts.of(n, null)).site(plan.sites().get(0));
        return sc.option("owned:" + id).orElseThrow();
    }

    @Test
    void twoMeerkatsAndOneThelioCostWhatTheirPartsCostWithTheSitesBackupsAndTransferOnce() {
        Site site = plan.sites().get(0);
        Map<String, Integer> mix = new LinkedHashMap<>();
        mix.put(MEERKAT, 2);
        mix.put(THELIO, 1);
        SiteCost sc = new CostEngine(catalog, plan.cost(), CostAssumptions.DEFAULT, null)
                .site(site, List.of(new MixedHosts("mix:test", "mix: 2 x Meerkat + 1 x Thelio", mix)));
        CostOption m = sc.option("mix:test").orElseThrow();
        assertEquals(CostOptionKind.MIXED, m.kind());
        assertEquals(3, m.hostsStart());
        // month 1 buys 2 x 1,000 + 1 x 2,800 = 4,800 USD
        assertEquals(4800.0, m.capexUsd(), 0.005);
        CostOption a = owned(MEERKAT, 2);
        CostOption b = owned(THELIO, 1);
        assertEquals(60, m.series().size());
        for (int i = 0; i < 60; i++) {
            MonthCost x = m.series().get(i);
            for (CostComponent c : CostComponent.values()) {
                double expected = a.series().get(i).amount(c) + (MixedCosting.SITE_WIDE.contains(c) && a.series().get(i).amount(c) != 0
                        ? 0 : b.series().get(i).amount(c));
                assertEquals(expected, x.amount(c), 0.005, "month " + (i + 1) + " " + c);
            }
        }
        double backupOnce = b.totals().getOrDefault(CostComponent.BACKUP, 0.0) + b.totals().getOrDefault(CostComponent.TRANSFER, 0.0);
        assertTrue(backupOnce > 0, "the site backs up and sends data: each part alone would pay for it");
        assertEquals(a.tcoUsd() + b.tcoUsd() - backupOnce, m.tcoUsd(), 0.01);
        assertTrue(m.complete(), m.missing().toString());
        // the whole plan lists the mixed kind beside the others
        assertTrue(sc.options().stream().anyMatch(o -> o.kind() == CostOptionKind.OWNED));
    }

    @Test
    void aPartThatIsNotInTheCatalogLeavesTheMixNotCostedAndSaysWhy() {
        SiteCost sc = new CostEngine(catalog, plan.cost(), CostAssumptions.DEFAULT, null)
                .site(plan.sites().get(0), List.of(new MixedHosts("mix:x", "mix: 1 x nothing", Map.of("no-such-row", 1))));
        CostOption m = sc.option("mix:x").orElseThrow();
        assertTrue(!m.complete() && m.tcoUsd() == null);
        assertTrue(m.findings().stream().anyMatch(f -> f.text().contains("no-such-row")));
    }
}
