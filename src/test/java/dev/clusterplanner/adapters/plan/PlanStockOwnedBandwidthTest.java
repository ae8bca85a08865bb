package dev.clusterplanner.adapters.plan;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A site's stock override and owned hosts, and a workload's NIC bandwidth, in plan files. */
class PlanStockOwnedBandwidthTest {

    static final String PLAN = """
            {"format": 1, "name": "p", "sites": [
              {"name": "c", "kind": "cluster", "hardware": ["rack-a", "rack-b"],
               "available": {"rack-a": 2, "rack-b": 0},
               "owned": [{"hardware": "old-box", "count": 2, "purchased": "2022-03-15", "priceUsd": 4200},
                         {"hardware": "rack-a", "count": 1}],
               "workloads": [
                 {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2, "bandwidthMbps": 8000}]}]}
            """;

    static List<String> problems(String text) {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> PlanReader.parse(text, "p.plan.json"));
        return e.problems().stream().map(InputProblem::describe).toList();
    }

    @Test
    void stockOwnedHostsAndBandwidthAreRead() throws Exception {
        Site site = PlanReader.parse(PLAN, "p.plan.json").sites().get(0);
        assertEquals(Map.of("rack-a", 2, "rack-b", 0), site.available());
        assertEquals(List.of(new OwnedHosts("old-box", 2, LocalDate.of(2022, 3, 15), 4200.0), new OwnedHosts("rack-a", 1, null, null)),
                site.owned());
        assertEquals(3, site.ownedHostCount());
        assertEquals(8000.0, site.workloads().get(0).bandwidthMbps());
    }

    @Test
    void leftOutTheyAreEmptyAndZero() throws Exception {
        Site site = PlanReader.parse("""
                {"format": 1, "name": "p", "sites": [{"name": "c", "kind": "cluster", "hardware": ["x"], "workloads": [
                  {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2}]}]}
                """, "p.plan.json").sites().get(0);
        assertTrue(site.available().isEmpty());
        assertTrue(site.owned().isEmpty());
        assertEquals(0.0, site.workloads().get(0).bandwidthMbps());
    }

    @Test
    void aSavedPlanKeepsThem() throws Exception {
        Plan plan = PlanReader.parse(PLAN, "p.plan.json");
        assertEquals(plan, PlanReader.parse(PlanWriter.toJson(plan), "again.plan.json"));
    }

    @Test
    void theSiteOverrideWinsOverTheCatalogRowAndNothingMeansUnlimited() throws Exception {
        Site site = PlanReader.parse(PLAN, "p.plan.json").sites().get(0);
        Hardware a = row("rack-a", 10);
        Hardware c = row("rack-c", 5);
        Hardware d = row("rack-d", null);
        assertEquals(2, site.stockOf(a));
        assertEquals(5, site.stockOf(c));
        assertNull(site.stockOf(d));
    }

    @Test
    void badOwnedHostsAndStockAreNamedByField() {
        List<String> p = problems("""
                {"format": 1, "name": "p", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": ["rack-a"],
                   "available": {"rack-a": -1, "rack-b": "many"},
                   "owned": [{"hardware": "old-box", "count": 0, "purchased": "last year", "priceUsd": -5},
                             {"count": 1, "colour": "red"}],
                   "workloads": [
                     {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2, "bandwidthMbps": -3}]}]}
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains("sites/0/available/rack-b: 'rack-b' must be a whole number, got text \"many\""), all);
        assertTrue(all.contains("sites/0/owned/0/purchased: 'purchased' is a date like 2023-04-01"), all);
        assertTrue(all.contains("sites/0/owned/1: missing field 'hardware'"), all);
        assertTrue(all.contains("sites/0/owned/1/colour: unknown field 'colour'"), all);
        // value rules come after the structure is right: checked on a plan without the structural problems
        List<String> values = problems("""
                {"format": 1, "name": "p", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": ["rack-a"],
                   "available": {"rack-a": -1},
                   "owned": [{"hardware": "old-box", "count": 0, "priceUsd": -5}],
                   "workloads": [
                     {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2, "bandwidthMbps": -3}]}]}
                """);
        String v = String.join("\n", values);
        assertTrue(v.contains("sites/0/available/rack-a"), v);
        assertTrue(v.contains("sites/0/owned/0/count"), v);
        assertTrue(v.contains("sites/0/owned/0/priceUsd"), v);
        assertTrue(v.contains("sites/0/workloads/0/bandwidthMbps"), v);
    }

    static Hardware row(String id, Integer available) {
        return new Hardware(id, id, HardwareCategory.RACK, "v", "cpu", 1, 8, 16, 2, 1, 64, 1000.0, null, null, 0, 0, 1, 1000,
                null, 2, 10, null, 0, 0, 0, 1, null, null, null, "s", LocalDate.of(2026, 1, 1), false).withAvailable(available);
    }
}
