package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limited stock and network bandwidth in the sizing engine, with numbers worked out by hand. */
class StockAndBandwidthTest {

    /** No failures, one host minimum, local storage: only capacity and stock decide. */
    static final Policy LOCAL = Policy.defaultsFor(SiteKind.CLUSTER).withFailuresTolerated(0).withMinHosts(1)
            .withStorage(StorageMode.LOCAL, CephLayout.DEFAULT);

    static Site site(Policy p, List<Workload> ws, List<Hardware> hw, Map<String, Integer> available) {
        return new Site("s", SiteKind.CLUSTER, ws, hw.stream().map(Hardware::id).toList(), p, null, available, List.of());
    }

    static SizingOption only(SizingResult r, String id) {
        return r.options().stream().filter(o -> !o.mixed() && o.hardwareIds().get(0).equals(id)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ bandwidth

    @Test
    void twoInstancesOf8000MbitsNeverShareOne10GbEHost() {
        // one host offers 15 threads, 62 GiB, 931 GiB and 1 x 10 Gbit/s = 10,000 Mbit/s; each instance takes 0.25 thread,
        // 2 GiB, 10 GiB and 8,000 Mbit/s: CPU, memory and disk would fit both on one host, 2 x 8,000 = 16,000 > 10,000 does not
        Hardware h = Hosts.host("h", 16, 64, 1, 1000, 0, 1000.0);
        Workload w = Workload.of("stream", WorkloadKind.CONTAINER, 2, 1, 2, 10).withBandwidthMbps(8000);
        SizingOption o = only(Sizer.size(site(LOCAL, List.of(w), List.of(h), Map.of()), List.of(h), HostCost.simple(60)), "h");
        assertTrue(o.feasible());
        assertEquals(2, o.hosts());
        // volume bound: 16,000 / 10,000 rounds up to 2 hosts
        assertEquals(2, o.hostsLowerBound());
        for (PlacedHost ph : o.placement().hosts()) {
            assertEquals(1, ph.instances().size());
            assertEquals(8000, ph.used().get(Dimension.NETWORK), 1e-9);
            assertEquals(0.8, ph.utilisation(Dimension.NETWORK), 1e-9);
        }
        // 16,000 of 20,000 Mbit/s = 80 %, more than any other dimension
        assertEquals(0.8, o.utilisation().get(Dimension.NETWORK), 1e-9);
        assertEquals(Dimension.NETWORK, o.binding());
        assertTrue(o.explanation().startsWith("2 hosts: network binds at 80 %"), o.explanation());
    }

    @Test
    void withoutAnyBandwidthTheNetworkIsNotADimensionOfTheSite() {
        Hardware h = Hosts.host("h", 16, 64, 1, 1000, 0, 1000.0);
        Workload w = Workload.of("web", WorkloadKind.CONTAINER, 2, 1, 2, 10);
        SizingOption o = only(Sizer.size(site(LOCAL, List.of(w), List.of(h), Map.of()), List.of(h), HostCost.simple(60)), "h");
        assertFalse(o.utilisation().containsKey(Dimension.NETWORK));
        assertNull(o.placement().hosts().get(0).utilisation(Dimension.NETWORK));
        assertTrue(o.formulas().stream().noneMatch(e -> e.figure().startsWith("network per host")));
    }

    @Test
    void underCephAOnePortHostKeepsHalfItsPortForCeph() {
        // 1 x 10 Gbit/s shared with Ceph: 10,000 - 5,000 = 5,000 Mbit/s for instances, less than the 8,000 one needs
        Policy ceph = LOCAL.withStorage(StorageMode.CEPH, CephLayout.DEFAULT);
        Hardware one = Hosts.host("one", 16, 64, 1, 1000, 0, 1000.0);
        Workload w = Workload.of("stream", WorkloadKind.CONTAINER, 1, 1, 2, 10).withBandwidthMbps(8000);
        SizingOption o = only(Sizer.size(site(ceph, List.of(w), List.of(one), Map.of()), List.of(one), HostCost.simple(60)), "one");
        assertFalse(o.feasible());
        String why = o.placement().unplaced().get(0).reason();
        assertTrue(why.contains("needs 8000 Mbit/s of bandwidth; one offers 5000 Mbit/s"), why);
        // 2 x 10 Gbit/s: one port is Ceph's cluster network, the other's 10,000 Mbit/s carry the instance
        Hardware two = Hosts.withNic(Hosts.host("two", 16, 64, 1, 1000, 0, 1000.0), 2, 10);
        SizingOption t = only(Sizer.size(site(ceph, List.of(w), List.of(two), Map.of()), List.of(two), HostCost.simple(60)), "two");
        assertTrue(t.feasible(), t.explanation());
        assertEquals(10_000, t.placement().hosts().get(0).capacity().get(Dimension.NETWORK), 1e-9);
    }

    // ------------------------------------------------------------------ stock

    /** 9 instances of 4 GiB on hosts of 16 - 2 = 14 GiB: 3 per host, so 3 hosts. */
    static final Workload NINE = Workload.of("app", WorkloadKind.CONTAINER, 9, 1, 4, 10);

    @Test
    void aRowWithTwoInStockIsNotAnOptionForASiteThatNeedsThree() {
        Hardware a = Hosts.host("a", 8, 16, 1, 1000, 0, 1000.0).withAvailable(2);
        SizingResult r = Sizer.size(site(LOCAL, List.of(NINE), List.of(a), Map.of()), List.of(a), HostCost.simple(60));
        SizingOption o = only(r, "a");
        assertFalse(o.feasible());
        assertEquals(3, o.hosts());
        assertTrue(o.explanation().startsWith("needs 3 hosts; 2 in stock (the catalog's stock)"), o.explanation());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("sizing.stock-short")));
    }

    @Test
    void theMixFillsAroundARowThatIsShortOfStock() {
        // a (1,000 USD) has 2 in stock, b (2,000 USD) has no limit: 3 x b = 6,000; 2 x a + 1 x b = 4,000
        Hardware a = Hosts.host("a", 8, 16, 1, 1000, 0, 1000.0).withAvailable(2);
        Hardware b = Hosts.host("b", 8, 16, 1, 1000, 0, 2000.0);
        SizingResult r = Sizer.size(site(LOCAL, List.of(NINE), List.of(a, b), Map.of()), List.of(a, b), HostCost.simple(60));
        SizingOption mix = r.options().get(0);
        assertTrue(mix.mixed(), mix.explanation());
        assertTrue(mix.feasible());
        assertEquals(Map.of("a", 2, "b", 1), mix.hostsByHardware());
        assertEquals(4000, mix.costUsd(), 1e-9);
        assertTrue(mix.explanation().contains("a alone needs 3 hosts; 2 in stock; saves 2,000 USD over 3 x b"), mix.explanation());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("sizing.stock-short")
                && f.text().contains("the mixed option uses 2 of them")), r.findings().toString());
        assertTrue(only(r, "b").feasible());
        assertFalse(only(r, "a").feasible());
    }

    @Test
    void aSiteOverrideReplacesTheRowsStock() {
        // the row says 1 in stock, the site says 3: the site wins, and 3 hosts of a are an option
        Hardware a = Hosts.host("a", 8, 16, 1, 1000, 0, 1000.0).withAvailable(1);
        SizingOption o = only(Sizer.size(site(LOCAL, List.of(NINE), List.of(a), Map.of("a", 3)), List.of(a), HostCost.simple(60)), "a");
        assertTrue(o.feasible(), o.explanation());
        // the row has no limit, the site allows 2: not an option, and the explanation names the site
        Hardware free = Hosts.host("a", 8, 16, 1, 1000, 0, 1000.0);
        SizingOption s = only(Sizer.size(site(LOCAL, List.of(NINE), List.of(free), Map.of("a", 2)), List.of(free), HostCost.simple(60)), "a");
        assertFalse(s.feasible());
        assertTrue(s.explanation().startsWith("needs 3 hosts; 2 in stock (this site's stock limit)"), s.explanation());
    }

    @Test
    void aRowWithNoneInStockIsLeftOutOfTheMix() {
        Hardware a = Hosts.host("a", 8, 16, 1, 1000, 0, 1000.0).withAvailable(0);
        Hardware b = Hosts.host("b", 8, 16, 1, 1000, 0, 2000.0);
        SizingResult r = Sizer.size(site(LOCAL, List.of(NINE), List.of(a, b), Map.of()), List.of(a, b), HostCost.simple(60));
        assertTrue(only(r, "a").explanation().startsWith("needs 3 hosts; none in stock"));
        assertTrue(r.options().stream().noneMatch(SizingOption::mixed));
        assertEquals(List.of("b"), r.options().get(0).hardwareIds());
        assertTrue(r.options().get(0).feasible());
    }
}
