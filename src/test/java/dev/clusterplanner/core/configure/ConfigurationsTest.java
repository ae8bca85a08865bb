package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareOption;
import dev.clusterplanner.core.model.HardwareOption.Part;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.sizing.HostCost;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationsTest {

    static final HostCost COST = HostCost.simple(60);

    @Test
    void aConfigurationSumsItsPartsAndNamesEachChoiceWithItsSource() {
        Hardware rack = Rows.bought("rack", 5000);
        List<HardwareOption> options = List.of(
                Rows.drives("d4", "rack", 4, 3840, null, List.of(new Part("nvme-tb", 7.68))),
                Rows.memory("m256", "rack", 256, List.of(new Part("dimm-64", 2))));
        Configurations.Expansion e = Configurations.expand(rack, options,
                List.of(Rows.part("nvme-tb", "usd_per_tb", 330, true), Rows.part("dimm-64", "usd", 900, false)));
        // one choice per group with "as shipped" in each: 2 x 2 = 4 configurations, the row itself first
        assertEquals(4, e.configurations().size());
        assertTrue(e.configurations().get(0).asShipped());
        assertEquals("rack", e.configurations().get(0).row().id());
        Configuration both = e.configurations().get(3);
        Hardware row = both.row();
        assertEquals("rack.m256.d4", row.id()); // choice ids in group order: memory, data drives, NIC, GPU
        // 5,000 + 7.68 TB x 330 USD/TB (2,534.40) + 2 x 900 (1,800) = 9,334.40
        assertEquals(9334.40, row.priceUsd(), 1e-9);
        assertEquals(4334.40, both.addedUsd(), 1e-9);
        assertEquals(4, row.dataDisks());
        assertEquals(3840, row.dataDiskGb());
        assertEquals(256, row.memoryGib());
        assertEquals(2, row.nicPorts()); // untouched groups keep the row's
        assertTrue(row.estimate(), "an estimated part makes the configured row an estimate");
        assertTrue(row.notes().contains("nvme-tb x 7.68 at 330 USD/TB = 2,534.40 USD: estimate: https://example.org/nvme-tb"), row.notes());
        assertTrue(row.notes().contains("dimm-64 x 2 at 900 USD each = 1,800 USD: https://example.org/dimm-64"), row.notes());
        assertTrue(Hardware.class.isInstance(row) && row.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*"));
    }

    @Test
    void aRentedRowAddsTheMonthlyAddOnAndAnUnpricedChoiceIsNeverExpanded() {
        Hardware server = Rows.rented("srv", 960, 224);
        HardwareOption priced = Rows.drives("srv-2", "srv", 1, 3840, 52.80, List.of());
        HardwareOption unpriced = Rows.memory("srv-mem", "srv", 512, List.of());
        Configurations.Expansion e = Configurations.expand(server, List.of(priced, unpriced), List.of());
        assertEquals(2, e.configurations().size(), "as shipped and the priced drives; the memory choice has no price");
        assertEquals(224 + 52.80, e.configurations().get(1).row().monthlyUsd(), 1e-9);
        assertEquals(1, e.unpriced().size());
        assertEquals("srv-mem", e.unpriced().get(0).option().id());
        // the catalog audit's view: the same choice, with why
        Catalog c = Rows.catalog(List.of(server), List.of(), List.of(priced, unpriced));
        List<Configurations.Unpriced> u = Configurations.unpriced(c);
        assertEquals(List.of("srv-mem"), u.stream().map(x -> x.option().id()).toList());
        assertTrue(u.get(0).reason().contains("no price"), u.get(0).reason());
    }

    @Test
    void partsForARentedRowOrAnAddOnForABoughtRowAreUnpricedWithTheReason() {
        Hardware server = Rows.rented("srv", 960, 224);
        Hardware rack = Rows.bought("rack", 5000);
        HardwareOption parts = Rows.drives("p", "srv", 2, 3840, null, List.of(new Part("nvme-tb", 7.68)));
        HardwareOption addOn = Rows.drives("a", "rack", 4, 3840, 50.0, List.of());
        Catalog c = Rows.catalog(List.of(server, rack), List.of(Rows.part("nvme-tb", "usd_per_tb", 330, true)), List.of(parts, addOn));
        List<Configurations.Unpriced> u = Configurations.unpriced(c);
        assertEquals(2, u.size());
        assertTrue(u.get(0).reason().contains("is rented"), u.get(0).reason());
        assertTrue(u.get(1).reason().contains("is bought"), u.get(1).reason());
    }

    @Test
    void onlyNonDominatedConfigurationsAreOffered() {
        Hardware rack = Rows.bought("rack", 5000);
        Policy local = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null);
        // the same 4 drives twice: the dearer one offers nothing more, so it is dominated; the GPU adds a dimension
        List<HardwareOption> options = List.of(
                Rows.drives("cheap", "rack", 4, 3840, null, List.of(new Part("nvme-tb", 7.68))),
                Rows.drives("dear", "rack", 4, 3840, null, List.of(new Part("nvme-tb", 8))),
                Rows.gpu("l4", "rack", List.of(new Part("l4", 1))));
        List<Configuration> all = Configurations.expand(rack, options, List.of(Rows.part("nvme-tb", "usd_per_tb", 330, true),
                Rows.part("l4", "usd", 2500, true))).configurations();
        assertEquals(6, all.size()); // (shipped, cheap, dear) x (shipped, l4)
        List<String> kept = Configurations.nonDominated(all, local, COST).stream().map(k -> k.row().id()).toList();
        assertEquals(List.of("rack", "rack.l4", "rack.cheap", "rack.cheap.l4"), kept);
        // the public list the fleet optimiser reads: the same, as hardware rows
        Catalog c = Rows.catalog(List.of(rack), List.of(Rows.part("nvme-tb", "usd_per_tb", 330, true), Rows.part("l4", "usd", 2500, true)), options);
        assertEquals(kept, Configurations.configurations(rack, c, local, COST).stream().map(Hardware::id).toList());
    }

    @Test
    void theDominationRuleKeepsTheFirstOfTwoEqualsAndDropsTheWorseForNoLess() {
        List<double[]> caps = List.of(new double[]{1, 1}, new double[]{1, 1}, new double[]{2, 1}, new double[]{0, 3});
        double[] costs = {10, 10, 10, 5};
        List<Integer> idx = List.of(0, 1, 2, 3);
        List<Integer> kept = Dominance.nonDominated(idx, caps::get, i -> costs[i]);
        // 0 and 1 are equal (1 would be dropped as the later), but 2 offers more for the same money: both go
        assertEquals(List.of(2, 3), kept);
        assertFalse(Dominance.dominates(new double[]{1, 1}, 11, new double[]{1, 1}, 10, true), "dearer never dominates");
    }
}
