package dev.clusterplanner.app;

import dev.clusterplanner.core.fleet.Chassis;
import dev.clusterplanner.core.fleet.FleetCheck;
import dev.clusterplanner.core.fleet.FleetProblem;
import dev.clusterplanner.core.fleet.FleetSettings;
import dev.clusterplanner.core.fleet.FleetSolution;
import dev.clusterplanner.core.fleet.FleetSolver;
import dev.clusterplanner.core.fleet.HostType;
import dev.clusterplanner.core.fleet.SiteFleet;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.PriceItem;
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

        // the same server configured with more drives, each priced by the parts catalog's NVMe price per TB
        PriceItem perTb = catalog.price("part-drive-nvme-tb").orElseThrow();
        String source = perTb.id() + ": " + perTb.source() + " (" + perTb.sourceDate() + ")";
        Chassis cto = SiteFleet.driveChassis(row, site.policy(), cost.perHost(row).orElseThrow(), List.of(
                new SiteFleet.DriveChoice("1 x 960 GB (as shipped)", 1, 960, 0, ""),
                new SiteFleet.DriveChoice("2 x 3.84 TB NVMe", 2, 3840, 2 * 3.84 * perTb.value(), source),
                new SiteFleet.DriveChoice("4 x 3.84 TB NVMe", 4, 3840, 4 * 3.84 * perTb.value(), source)));
        FleetProblem configured = SiteFleet.of(site, List.of(row), cost, Map.of(), List.of(), List.of(cto), Map.of());
        FleetSolution c = FleetSolver.solve(configured, FleetSettings.of(2));
        assertEquals(List.of(), FleetCheck.violations(configured, c));
        assertTrue(c.hosts().size() < 12 && c.hosts().size() <= 5, "hosts " + c.hostsByType());
        assertTrue(c.cost() < f.cost(), c.cost() + " vs " + f.cost());
        // the bill of materials: the hosts with more drives name them, with their price and its source
        Chassis.Option drives = null;
        for (var h : c.hosts()) {
            HostType t = configured.types().get(h.type());
            if (!t.configuration().isEmpty() && t.configuration().get(0).name().contains("3.84 TB")) {
                drives = t.configuration().get(0);
            }
        }
        assertTrue(drives != null, "no host with more drives: " + c.hostsByType());
        assertTrue(drives.source().contains("part-drive-nvme-tb"), drives.source());
        System.out.println("supermicro-cluster, bare metal: fixed row " + f.hostsByType() + " " + f.cost() + " USD; configured "
                + c.hostsByType() + " " + c.cost() + " USD, drives " + drives.name() + " at " + drives.cost() + " USD (" + drives.source() + ")");
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
