package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theMeerkatPlanGivesOneScenarioOfThreeHostsWithSimpleCosts() throws Exception {
        PlanResult r = new PlanningService().analyse(meerkatPlan(), Catalog.ofHardware(List.of(meerkat("m1"))));
        ScenarioResult s = r.sites().get(0).scenarios().get(0);
        assertEquals(3, s.hosts());
        assertEquals(3 * 1000.0, s.capexUsd());   // 3 hosts x 1,000 USD
        assertEquals(null, s.monthlyUsd());        // owned: no rental
        assertEquals(3000.0, s.tcoUsd());          // capex + 0 x 60 months
        assertEquals(5, s.years());
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
        assertTrue(sc.get("monthlyUsd").isNull());
        assertEquals(3000, sc.get("tcoUsd").asDouble(), 1e-9);
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
