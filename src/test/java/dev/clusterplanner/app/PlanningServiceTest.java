package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanningServiceTest {

    /** A Meerkat-like desktop: 12 threads, 32 GiB, one 4 TB data disk, 1,000 USD. */
    static Hardware meerkat(String id) {
        return new Hardware(id, "Meerkat", HardwareCategory.DESKTOP, "System76", "i5", 1, 6, 12, 3.0, 1.0, 32,
                1000.0, null, null, 0, 500, 1, 4000, DiskType.SATA_SSD, 2, 2.5, null, 0, 0, 0, 0, 10.0, 35.0,
                "us", "test", null, true);
    }

    static Plan meerkatPlan() throws InputRejectedException {
        return new PlanService().parse("""
                {"format": 1, "name": "m", "sites": [{"name": "production", "kind": "cluster", "hardware": ["m1"], "workloads": [
                  {"name": "postgres", "kind": "vm", "count": 2, "vcpu": 2, "memoryGib": 6, "diskGib": 100, "antiAffinity": true},
                  {"name": "app", "kind": "container", "count": 4, "vcpu": 1, "memoryGib": 2, "diskGib": 20},
                  {"name": "proxy", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 1, "diskGib": 10, "antiAffinity": true},
                  {"name": "monitoring", "kind": "container", "count": 1, "vcpu": 1, "memoryGib": 2, "diskGib": 50}]}]}
                """, "m.plan.json");
    }

    @Test
    void theMeerkatPlanGivesOneScenarioOfThreeHostsCostedByTheCostModel() throws Exception {
        PriceItem s3 = new PriceItem("aws-s3-standard-gb-month-t0", "object-storage", "S3", "usd_per_gb_month", 0.023, 0, "us-east-1", "AWS", null, false);
        Catalog catalog = new Catalog(List.of(meerkat("m1")), List.of(s3), List.of(), java.util.Set.of());
        PlanResult r = new PlanningService().analyse(meerkatPlan(), catalog);
        ScenarioResult s = r.sites().get(0).scenarios().get(0);
        assertEquals(3, s.hosts());
        assertEquals(3 * 1000.0, s.capexUsd());   // 3 hosts x 1,000 USD
        // desktops count as in an office even in a cluster's data-centre facility (power model): no PUE, no colocation.
        // Busy threads: postgres 2 x 2 x 1.15 x 0.3 = 1.38 + app 4 x 0.3 + proxy 2 x 0.3 + monitoring 0.3 = 3.48 of 36 -> u = 0.09667;
        // 3 x (10 + 25 x 0.09667) W = 37.25 W x 730 h = 27.1925 kWh x 0.13 USD = 3.535 -> 3.54;
        // support 5 % x 3,000 / 12 = 12.50; S3 backup 350 GiB x 0.023 = 8.05 -> 24.09 a month
        assertEquals(24.09, s.monthlyUsd(), 1e-9);
        // 3,000 + 60 x 24.09 - salvage 10 % x 3,000 = 3,000 + 1,445.40 - 300 = 4,145.40
        assertEquals(4145.40, s.tcoUsd(), 1e-9);
        assertEquals(5, s.years());
        assertEquals("owned:m1", s.cost().id());
    }

    @Test
    void anOptionTheSiteDoesNotFitShowsItsCostAsMissingNotAsZero() throws Exception {
        // a workload needing 2 GPUs on a GPU-less desktop: the sizing lists it unplaced, the cost model cannot cost it
        Plan plan = new PlanService().parse("""
                {"format": 1, "name": "g", "sites": [{"name": "production", "kind": "cluster", "hardware": ["m1"], "workloads": [
                  {"name": "app", "kind": "container", "count": 3, "vcpu": 1, "memoryGib": 2, "diskGib": 20},
                  {"name": "inference", "kind": "container", "count": 1, "vcpu": 2, "memoryGib": 4, "diskGib": 20, "gpu": 2}]}]}
                """, "g.plan.json");
        ScenarioResult s = new PlanningService().analyse(plan, Catalog.ofHardware(List.of(meerkat("m1")))).sites().get(0).scenarios().get(0);
        assertEquals(1, s.sizing().placement().unplaced().size(), "the GPU workload is unplaced");
        assertNull(s.capexUsd(), "not costed is not free");
        assertNull(s.monthlyUsd());
        assertNull(s.tcoUsd());
    }

    @Test
    void resultJsonCarriesTheContractFieldsAndIsByteForByteRepeatable() throws Exception {
        PlanningService svc = new PlanningService();
        Catalog cat = Catalog.ofHardware(List.of(meerkat("m1")));
        String json = svc.toJson(svc.analyse(meerkatPlan(), cat));
        assertEquals(json, svc.toJson(svc.analyse(meerkatPlan(), cat)));
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode site = root.get("sites").get(0);
        assertEquals("production", site.get("name").asText());
        JsonNode sc = site.get("scenarios").get(0);
        assertEquals("m1", sc.get("hardware").asText());
        assertEquals(3, sc.get("hosts").asInt());
        assertEquals(3, sc.get("hostsLowerBound").asInt());
        assertEquals(3, sc.get("placement").size());
        int instances = 0;
        for (JsonNode h : sc.get("placement")) {
            instances += h.get("instances").size();
            for (JsonNode name : h.get("instances")) {
                assertTrue(name.asText().matches("(postgres|app|proxy|monitoring)-[1-4]"), name.asText());
            }
        }
        assertEquals(9, instances);
        // memory: 24.5 GiB placed / (3 x (32 - 2 - 4 - 2)) = 24.5 / 72 = 0.3403
        assertEquals(0.3403, sc.get("utilisation").get("memory").asDouble(), 1e-9);
        assertTrue(sc.get("utilisation").get("disk").isNull(), "disk is pooled by Ceph");
        assertEquals(0, sc.get("unplaced").size());
        assertEquals(3000, sc.get("capexUsd").asDouble(), 1e-9);
        // the catalog has no S3 price for backups: the monthly cost and the total stay missing (null), never 0
        assertTrue(sc.get("monthlyUsd").isNull());
        assertTrue(sc.get("tcoUsd").isNull());
        assertEquals("owned:m1", sc.get("cost").get("id").asText());
        assertTrue(site.get("cost").get("options").get(0).get("missing").get(0).asText().contains("S3"));
        assertTrue(root.get("cost").get("claims").isArray());
        assertEquals(5, sc.get("years").asInt());
        assertTrue(sc.get("explanation").asText().startsWith("3 hosts: memory binds at 34 %"));
    }

    @Test
    void anUnknownHardwareIdRejectsThePlanNamingTheField() throws Exception {
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> new PlanningService().analyse(meerkatPlan(), Catalog.EMPTY));
        assertEquals("sites/0/hardware/0", e.problems().get(0).field());
        assertTrue(e.getMessage().contains("hardware 'm1' is not in the catalog"), e.getMessage());
    }

    @Test
    void policyOverridesApplyToEverySiteAndAreValidated() throws Exception {
        Catalog cat = Catalog.ofHardware(List.of(meerkat("m1")));
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> new PlanningService().analyse(meerkatPlan(), cat,
                new PolicyOverrides(null, null, 0.5, null, null, null), "m.plan.json"));
        assertTrue(e.getMessage().contains("sites/0/policy/cpuOvercommitContainers"), e.getMessage());
        PlanResult five = new PlanningService().analyse(meerkatPlan(), cat, new PolicyOverrides(null, 5, null, null, null, null), "m");
        assertEquals(5, five.sites().get(0).scenarios().get(0).hosts());
    }
}
