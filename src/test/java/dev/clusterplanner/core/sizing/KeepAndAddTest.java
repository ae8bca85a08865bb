package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeepAndAddTest {

    static final HostCost COST = HostCost.simple(60);
    // local storage (no Ceph tax), 1 host failure tolerated, no policy minimum beyond one host
    static final Policy P = Policy.defaultsFor(SiteKind.CLUSTER).withStorage(StorageMode.LOCAL, null).withMinHosts(1);
    // memory after the 2 GiB reserve: old 32 - 2 = 30 GiB (3 instances of 10 GiB), big 64 - 2 = 62 GiB (6 instances)
    static final Hardware OLD = Hosts.host("old", 64, 32, 1, 1000, 0, 1000.0);
    static final Hardware BIG = Hosts.host("big", 64, 64, 1, 1000, 0, 4000.0);

    static List<Workload> web(int count) {
        return List.of(Workload.of("web", WorkloadKind.CONTAINER, count, 1, 10, 0));
    }

    static SizingOption keep(SizingResult r) {
        return r.options().stream().filter(SizingOption::keepAndAdd).findFirst().orElseThrow();
    }

    @Test
    void twoOwnedHostsCarryPartOfTheLoadAndExactlyTheShortfallIsAdded() {
        // 10 x 10 GiB = 100 GiB. Owned: 2 x 30 = 60 GiB.
        // + 1 big: 122 GiB, but after losing the largest (62) 60 < 100 -> not enough.
        // + 2 big: 184 GiB, after losing a big 122 >= 100 -> 2 new hosts.
        // Replace: 3 big (186 - 62 = 124 >= 100; 2 big: 124 - 62 = 62 < 100).
        SizingResult r = Sizer.size(SizerTest.cluster(web(10), P), List.of(BIG), List.of(OLD, OLD), COST);
        SizingOption keep = keep(r);
        assertTrue(keep.feasible());
        assertEquals(4, keep.hosts());
        assertEquals(Map.of("old", 2), keep.ownedByHardware());
        assertEquals(Map.of("big", 2), keep.newHostsByHardware());
        assertEquals(2, keep.ownedHosts());
        // ranking cost: the owned hosts cost no purchase, the two new ones 2 x 4,000
        assertEquals(8000.0, keep.costUsd(), 1e-9);
        // memory: 100 / (62 + 62 + 30 + 30) = 54 %
        assertEquals(100.0 / 184.0, keep.utilisation().get(Dimension.MEMORY), 1e-9);
        assertEquals(10, keep.placement().placedCount());
        assertTrue(keep.explanation().startsWith("keep 2 owned old + add 2 big, 4 hosts: memory binds at 54 %"), keep.explanation());

        SizingOption replace = r.options().stream().filter(o -> !o.keepAndAdd() && !o.mixed()).findFirst().orElseThrow();
        assertEquals(3, replace.hosts());
        assertEquals(12000.0, replace.costUsd(), 1e-9);
        // both shown, keep-and-add ranked first (8,000 < 12,000)
        assertEquals(1, keep.rank());
        assertEquals(2, replace.rank());
    }

    @Test
    void thePlacementNamesWhichHostsAreOwned() {
        SizingOption keep = keep(Sizer.size(SizerTest.cluster(web(10), P), List.of(BIG), List.of(OLD, OLD), COST));
        // larger memory first: the two new big hosts, then the two owned ones
        List<String> names = keep.placement().hosts().stream().map(PlacedHost::name).toList();
        assertEquals(List.of("host-1", "host-2", "owned-1", "owned-2"), names);
        assertEquals("old", keep.placement().hosts().get(2).hardwareId());
        assertEquals("big", keep.placement().hosts().get(0).hardwareId());
    }

    @Test
    void ownedHostsThatCarryEverythingAddNothingAndAreOfferedOnce() {
        // 4 x 10 GiB = 40 GiB; 3 owned old hold 90, after losing one 60 >= 40 -> no new host, whatever the candidate
        Hardware other = Hosts.host("other", 64, 128, 1, 1000, 0, 9000.0);
        SizingResult r = Sizer.size(SizerTest.cluster(web(4), P), List.of(BIG, other), List.of(OLD, OLD, OLD), COST);
        List<SizingOption> keeps = r.options().stream().filter(SizingOption::keepAndAdd).toList();
        assertEquals(1, keeps.size());
        SizingOption k = keeps.get(0);
        assertEquals(3, k.hosts());
        assertTrue(k.newHostsByHardware().isEmpty());
        assertEquals(0.0, k.costUsd(), 1e-9);
        assertEquals(1, k.rank());
        assertTrue(k.explanation().startsWith("keep the 3 owned old (no new hosts), 3 hosts:"), k.explanation());
    }

    @Test
    void limitedStockBoundsTheNewHostsOnly() {
        // keep 2 old needs 2 new big; with 1 big in stock there is no keep-and-add option with big
        SizingResult one = Sizer.size(SizerTest.cluster(web(10), P), List.of(BIG.withAvailable(1)), List.of(OLD, OLD), COST);
        assertFalse(one.options().stream().anyMatch(SizingOption::keepAndAdd));
        // 2 in stock is enough, though with the owned hosts the cluster has 4
        SizingResult two = Sizer.size(SizerTest.cluster(web(10), P), List.of(BIG.withAvailable(2)), List.of(OLD, OLD), COST);
        assertEquals(Map.of("big", 2), keep(two).newHostsByHardware());
    }

    @Test
    void aRentedCandidateGetsNoKeepAndAddOption() {
        Hardware rent = Hosts.rented("rent", 64, 64, 300);
        SizingResult r = Sizer.size(SizerTest.cluster(web(10), P), List.of(rent), List.of(OLD, OLD), COST);
        assertFalse(r.options().stream().anyMatch(SizingOption::keepAndAdd));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("sizing.owned-not-kept") && f.text().contains("no candidate that is bought")),
                r.findings().toString());
    }

    @Test
    void withoutOwnedHostsNothingChanges() {
        SizingResult a = Sizer.size(SizerTest.cluster(web(10), P), List.of(BIG), COST);
        SizingResult b = Sizer.size(SizerTest.cluster(web(10), P), List.of(BIG), List.of(), COST);
        assertEquals(a.options().size(), b.options().size());
        assertEquals(a.options().get(0).hosts(), b.options().get(0).hosts());
    }

    @Test
    void anOwnedHostCostsItsRunningPartOnly() {
        // bought row: no rent, so nothing over the horizon; rented row: its rent x months, no setup fee
        assertEquals(0.0, COST.runningPerHost(OLD).getAsDouble(), 1e-9);
        Hardware rent = Hosts.rented("rent", 64, 64, 300);
        assertEquals(300.0 * 60, COST.runningPerHost(rent).getAsDouble(), 1e-9);
    }
}
