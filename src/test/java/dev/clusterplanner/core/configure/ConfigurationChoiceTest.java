package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareOption;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.core.sizing.HostCost;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration choice with hand-worked numbers. The site: 10 containers of 1 vCPU, 1 GiB and 100 GiB disk under
 * Ceph (3 copies, nearfull 0.85, one host failure, at least 3 hosts): 1,000 GiB = 1,073.74 GB stored. Ceph usable on N
 * equal hosts = (N - 1) x raw per host / 3 x 0.85 (the largest host in reserve), so a host of R GB carries
 * R x 0.85 / 3 and N - 1 >= 1,073.74 / (R x 0.85 / 3).
 */
class ConfigurationChoiceTest {

    static final HostCost COST = HostCost.simple(60);

    static Site site() {
        return new Site("production", SiteKind.CLUSTER, List.of(Workload.of("app", WorkloadKind.CONTAINER, 10, 1, 1, 100)),
                List.of("srv"), Policy.defaultsFor(SiteKind.CLUSTER), null);
    }

    @Test
    void moreDrivesRatherThanMoreHostsWhenCephCapacityBinds() {
        Hardware srv = Rows.rented("srv", 500, 100);
        // as shipped 500 GB: 141.67 GB per host, N - 1 >= 7.58, 9 hosts x 100 = 900 USD a month
        // 1 x 1,000 GB (+5): 283.33 GB, N - 1 >= 3.79, 5 hosts x 105 = 525
        // 1 x 2,000 GB (+20): 566.67 GB, N - 1 >= 1.89, 3 hosts (the minimum) x 120 = 360  <- cheapest
        // 2 x 2,000 GB (+35): 1,133.33 GB, 2 would do but the minimum is 3: 3 x 135 = 405
        List<HardwareOption> options = List.of(
                Rows.drives("d1k", "srv", 1, 1000, 5.0, List.of()),
                Rows.drives("d2k", "srv", 1, 2000, 20.0, List.of()),
                Rows.drives("dd2k", "srv", 2, 2000, 35.0, List.of()));
        Catalog c = Rows.catalog(List.of(srv), List.of(), options);
        ConfigurationChoice.Chosen chosen = ConfigurationChoice.choose(site(), srv, c, COST);
        assertEquals("srv.d2k", chosen.chosen().row().id());
        assertEquals(3, chosen.sizing().hosts());
        assertEquals(3 * 120 * 60, chosen.sizing().costUsd(), 1e-6);
        assertEquals(9, chosen.asShipped().hosts());
        assertEquals(9 * 100 * 60, chosen.asShipped().costUsd(), 1e-6);
        // sized: as shipped (54,000), d1k (5 x 105 x 60 = 31,500), d2k (21,600); dd2k cannot beat 21,600 even on the
        // fewest hosts allowed (135 x 60 x 3 = 24,300), so it is not sized
        assertEquals(3, chosen.tried());
        assertEquals(4, chosen.offered());
        assertTrue(chosen.explanation().startsWith("configured with 1 x 2000.0 GB (+20 USD a month per host): as shipped 9 hosts were needed"),
                chosen.explanation());
        assertTrue(chosen.explanation().contains("54,000 against 21,600 USD of purchase, setup and rent over the horizon"), chosen.explanation());
        assertTrue(chosen.explanation().contains("3 of 4 configurations sized (1 cost more per host"), chosen.explanation());
    }

    @Test
    void equalCostGoesToFewerHosts() {
        Hardware srv = Rows.rented("srv", 500, 100);
        // 1 x 1,500 GB (+20): 425 GB per host, N - 1 >= 2.53: 4 hosts x 120 = 480 a month
        // 1 x 2,000 GB (+60): 566.67 GB, N - 1 >= 1.89: 3 hosts x 160 = 480 a month: the same cost, one host fewer
        List<HardwareOption> options = List.of(
                Rows.drives("d15", "srv", 1, 1500, 20.0, List.of()),
                Rows.drives("d20", "srv", 1, 2000, 60.0, List.of()));
        Catalog c = Rows.catalog(List.of(srv), List.of(), options);
        ConfigurationChoice.Chosen chosen = ConfigurationChoice.choose(site(), srv, c, COST);
        assertEquals("srv.d20", chosen.chosen().row().id());
        assertEquals(3, chosen.sizing().hosts());
        assertEquals(480 * 60, chosen.sizing().costUsd(), 1e-6);
    }

    @Test
    void stockOfTheRowHoldsForItsConfigurationsSoFewerLargerHostsWin() {
        Hardware srv = Rows.rented("srv", 500, 100);
        // 1 x 1,500 GB (+20): 4 hosts x 120 = 480 a month; 1 x 2,000 GB (+70): 3 hosts x 170 = 510 a month
        List<HardwareOption> options = List.of(
                Rows.drives("d15", "srv", 1, 1500, 20.0, List.of()),
                Rows.drives("d20", "srv", 1, 2000, 70.0, List.of()));
        Catalog c = Rows.catalog(List.of(srv), List.of(), options);
        assertEquals("srv.d15", ConfigurationChoice.choose(site(), srv, c, COST).chosen().row().id(), "unlimited: the cheaper");
        // only 3 servers to be had at this site: the 4-host configuration does not fit, the dearer 3-host one does
        Site three = site().withAvailable(java.util.Map.of("srv", 3));
        ConfigurationChoice.Chosen chosen = ConfigurationChoice.choose(three, srv, c, COST);
        assertEquals("srv.d20", chosen.chosen().row().id());
        assertEquals(510 * 60, chosen.sizing().costUsd(), 1e-6);
    }

    @Test
    void aRowThatFitsBestAsShippedStaysAsShipped() {
        Hardware srv = Rows.rented("srv", 4000, 100);
        // 4,000 GB already carries 1,133 GB per host: 3 hosts (the minimum); more drives only cost more
        Catalog c = Rows.catalog(List.of(srv), List.of(), List.of(Rows.drives("big", "srv", 2, 4000, 30.0, List.of())));
        ConfigurationChoice.Result r = ConfigurationChoice.choose(site(), List.of(srv), c, COST);
        assertSame(srv, r.candidates().get(0));
        ConfigurationChoice.Chosen chosen = r.chosen().get(0);
        assertTrue(chosen.chosen().asShipped());
        assertEquals(1, chosen.tried(), "130 x 60 x 3 = 23,400 > 100 x 60 x 3 = 18,000: nothing else is sized");
        assertTrue(chosen.explanation().startsWith("as shipped: no configuration of srv fits for less"), chosen.explanation());
    }

    @Test
    void anUnpricedChoiceIsNeverChosenAndARowWithoutOptionsIsLeftAlone() {
        Hardware srv = Rows.rented("srv", 500, 100);
        Hardware other = Rows.rented("other", 500, 100);
        Catalog c = Rows.catalog(List.of(srv, other), List.of(), List.of(Rows.drives("free", "srv", 1, 2000, null, List.of())));
        ConfigurationChoice.Result r = ConfigurationChoice.choose(site(), List.of(srv, other), c, COST);
        assertSame(srv, r.candidates().get(0), "the only choice has no price: as shipped, 9 hosts");
        assertSame(other, r.candidates().get(1));
        assertEquals(1, r.chosen().size());
        assertEquals(9, r.chosen().get(0).sizing().hosts());
    }
}
