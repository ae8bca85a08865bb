package dev.clusterplanner.app;

import dev.clusterplanner.core.configure.Configurations;
import dev.clusterplanner.core.fleet.FleetCheck;
import dev.clusterplanner.core.fleet.FleetProblem;
import dev.clusterplanner.core.fleet.FleetSettings;
import dev.clusterplanner.core.fleet.FleetSolution;
import dev.clusterplanner.core.fleet.FleetSolver;
import dev.clusterplanner.core.fleet.SiteFleet;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HostCost;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, "Done when": a chassis with drive options fits the supermicro-cluster example's bare-metal case (the rented
 * OVHcloud Advance-5 with one 960 GB data drive) in fewer hosts than the fixed row, and the answer names the drives.
 */
class SupermicroFleetTest {

    @Test
    void moreDrivesRatherThanMoreHostsWhenCephCapacityBinds() throws Exception {
        Catalog catalog = new CatalogService().load();
        Site site = ExamplePlans.load("supermicro-cluster.plan.json").sites().get(0);
        Hardware row = catalog.hardware("baremetal-ovh-advance5-8224p").orElseThrow();
        HostCost cost = HostCost.simple(60);

        // the fixed row: Ceph binds. 2,773 GiB of instance disks = 2,977.5 GB stored; one host's share of the pool is
        // 960 GB x 0.85 nearfull / 3 copies = 272 GB, the largest host in reserve: (N - 1) x 272 >= 2,977.5 -> N = 12
        FleetProblem fixed = SiteFleet.of(site, List.of(row), cost, Map.of(), List.of(), List.of(), Map.of());
        FleetSolution f = FleetSolver.solve(fixed, FleetSettings.of(2));
        assertEquals(List.of(), FleetCheck.violations(fixed, f));
        assertEquals(12, f.hosts().size());

        // the same server as the catalog's options configure it (data drives as monthly add-ons): its non-dominated
        // configurations, each a hardware row, are the fleet's host types
        List<Hardware> configurations = Configurations.configurations(row, catalog, site.policy(), cost);
        assertEquals(3, configurations.size(), configurations.stream().map(Hardware::id).toList().toString());
        FleetProblem configured = SiteFleet.of(site, configurations, cost, Map.of(), List.of(), List.of(), Map.of());
        FleetSolution c = FleetSolver.solve(configured, FleetSettings.of(2));
        assertEquals(List.of(), FleetCheck.violations(configured, c));
        assertTrue(c.hosts().size() < 12 && c.hosts().size() <= 5, "hosts " + c.hostsByType());
        assertTrue(c.cost() < f.cost(), c.cost() + " vs " + f.cost());
        // the bill of materials: the hosts with more drives are a configured row that names the drives and their price source
        Hardware drives = null;
        for (var h : c.hosts()) {
            String id = configured.types().get(h.type()).id();
            Hardware r = configurations.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            if (r.dataDiskGb() == 3840) {
                drives = r;
            }
        }
        assertTrue(drives != null, "no host with more drives: " + c.hostsByType());
        assertTrue(drives.notes().contains("3.84 TB") && drives.notes().contains("part-drive-nvme-tb"), drives.notes());
        System.out.println("supermicro-cluster, bare metal: fixed row " + f.hostsByType() + " " + f.cost() + " USD; configured "
                + c.hostsByType() + " " + c.cost() + " USD, drives " + drives.id());
    }

    @Test
    void twoOwnedHostsArePlannedAroundAndTheRestIsBought() throws Exception {
        Catalog catalog = new CatalogService().load();
        Site site = ExamplePlans.load("supermicro-cluster.plan.json").sites().get(0);
        Hardware owned = catalog.hardware("rack-supermicro-as1115sv-8224p").orElseThrow();
        Hardware ovh = catalog.hardware("baremetal-ovh-advance5-8224p").orElseThrow();
        HostCost cost = HostCost.simple(60);
        // two Supermicros already owned: no capex, 1,000 USD of running costs each over the horizon (a test figure);
        // Ceph needs three hosts and k = 1 a fourth's headroom, so new hardware fills the rest
        FleetProblem p = SiteFleet.of(site, List.of(owned, ovh), cost, Map.of(), List.of(new SiteFleet.Owned(owned.id(), 2, 1000)),
                List.of(), Map.of());
        FleetSolution s = FleetSolver.solve(p, FleetSettings.of(2));
        assertEquals(List.of(), FleetCheck.violations(p, s));
        long ownedUsed = s.hosts().stream().filter(h -> p.types().get(h.type()).owned()).count();
        assertEquals(2, ownedUsed, s.hostsByType().toString());
        assertTrue(s.hosts().size() >= 3, s.hostsByType().toString());
        // never more owned hosts than owned
        assertTrue(s.hosts().stream().filter(h -> p.types().get(h.type()).owned()).count() <= 2);
    }
}
