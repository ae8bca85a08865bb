package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of every sizing, on random small sites with bandwidths, NICs and limited stock (tries kept modest: the CPU
 * is shared; {@code -Djqwik.tries.default} does not raise the tries fixed here). Runs in {@code mvn verify}.
 */
class SizerPropertiesTest {

    record Case(Site site, List<Hardware> hardware) {
    }

    @Provide
    Arbitrary<Case> sites() {
        Arbitrary<Workload> workload = Combinators.combine(
                Arbitraries.of(WorkloadKind.CONTAINER, WorkloadKind.VM),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(0.5, 1.0, 2.0, 4.0, 8.0),
                Arbitraries.of(0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 48.0),
                Arbitraries.of(0.0, 20.0, 200.0, 900.0),
                Arbitraries.integers().between(0, 1).injectDuplicates(0.7).map(g -> g),
                Arbitraries.of(true, false),
                Arbitraries.of(0.0, 0.0, 0.0, 500.0, 3000.0, 8000.0)
        ).as((kind, count, vcpu, mem, disk, gpu, aa, bw) ->
                Workload.of("w", kind, count, vcpu, mem, disk).withGpu(gpu).withAntiAffinity(aa).withBandwidthMbps(bw));
        Arbitrary<List<Workload>> workloads = workload.list().ofMinSize(1).ofMaxSize(4).map(SizerPropertiesTest::named);
        Arbitrary<Hardware> host = Combinators.combine(
                Arbitraries.of(4, 8, 16, 32),
                Arbitraries.of(16.0, 32.0, 64.0),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(1, 2),
                Arbitraries.of(500.0, 1000.0, 2000.0),
                Arbitraries.of(1, 2),
                Arbitraries.of(1.0, 10.0, 25.0),
                Arbitraries.of(null, null, 0, 1, 2, 3, 5)
        ).as((threads, mem, gpus, disks, price, ports, gbps, stock) -> Hosts.withNic(Hosts.host("h", threads, mem, disks, 1000, gpus, price), ports, gbps)
                .withAvailable(stock));
        Arbitrary<List<Hardware>> hosts = host.list().ofMinSize(1).ofMaxSize(2).map(SizerPropertiesTest::ids);
        Arbitrary<Policy> policy = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(StorageMode.LOCAL, StorageMode.CEPH)
        ).as((k, min, storage) -> Policy.defaultsFor(SiteKind.CLUSTER).withFailuresTolerated(k).withMinHosts(min)
                .withStorage(storage, null));
        // sometimes the site overrides the first row's stock
        Arbitrary<Integer> override = Arbitraries.of(null, null, null, 2, 4);
        return Combinators.combine(workloads, hosts, policy, override).as((ws, hw, p, o) ->
                new Case(new Site("s", SiteKind.CLUSTER, ws, hw.stream().map(Hardware::id).toList(), p, null,
                        o == null ? Map.of() : Map.of(hw.get(0).id(), o), List.of()), hw));
    }

    static List<Workload> named(List<Workload> ws) {
        List<Workload> out = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            Workload w = ws.get(i);
            out.add(new Workload("w" + i, w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                    0, 0, 0, 0.3, 0, null, w.bandwidthMbps()));
        }
        return out;
    }

    static List<Hardware> ids(List<Hardware> hs) {
        List<Hardware> out = new ArrayList<>();
        for (int i = 0; i < hs.size(); i++) {
            Hardware h = hs.get(i);
            out.add(Hosts.withNic(Hosts.host("hw" + i, h.threads(), h.memoryGib(), h.dataDisks(), h.dataDiskGb(), h.gpuCount(), h.priceUsd()),
                    h.nicPorts(), h.nicGbps()).withAvailable(h.available()));
        }
        return out;
    }

    static SizingResult size(Case c) {
        return Sizer.size(c.site(), c.hardware(), HostCost.simple(60));
    }

    @Property(tries = 80)
    void noHostIsOverCapacityInAnyDimensionAndAntiAffinityHolds(@ForAll("sites") Case c) {
        for (SizingOption o : size(c).options()) {
            List<String> bad = Checks.capacityAndAntiAffinity(c.site(), c.hardware(), o.placement().hosts(), Set.of());
            assertTrue(bad.isEmpty(), o.explanation() + ": " + bad);
        }
    }

    @Property(tries = 80)
    void everyInstanceIsPlacedOrListedUnplacedWithAReason(@ForAll("sites") Case c) {
        for (SizingOption o : size(c).options()) {
            List<String> bad = Checks.everyInstanceOnce(c.site(), o.placement(), Set.of());
            assertTrue(bad.isEmpty(), bad.toString());
            assertEquals(o.feasible(), o.placement().unplaced().isEmpty() && o.failureCheck().holds() && withinStock(c, o), o.explanation());
        }
    }

    @Property(tries = 80)
    void noOptionThatIsFeasibleUsesMoreHostsOfARowThanInStock(@ForAll("sites") Case c) {
        for (SizingOption o : size(c).options()) {
            if (o.feasible() || o.mixed()) {
                assertTrue(withinStock(c, o), o.explanation() + " uses " + o.hostsByHardware());
            }
            if (!withinStock(c, o)) {
                assertTrue(o.explanation().contains("in stock"), o.explanation());
            }
        }
    }

    static boolean withinStock(Case c, SizingOption o) {
        for (Hardware h : c.hardware()) {
            Integer stock = c.site().stockOf(h);
            if (stock != null && o.hostsByHardware().getOrDefault(h.id(), 0) > stock) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 60)
    void everyFeasibleOptionHealsAfterTheLossOfAnyKHosts(@ForAll("sites") Case c) {
        int k = c.site().policy().failuresTolerated();
        for (SizingOption o : size(c).options()) {
            if (!o.feasible() || k == 0 || o.hosts() > 9) {
                continue;
            }
            for (int[] failed : Checks.subsets(o.hosts(), k)) {
                var after = Sizer.evacuate(c.site(), c.hardware(), o, failed);
                assertTrue(after.isPresent(), "losing " + Arrays.toString(failed) + " strands an instance: " + o.explanation());
                Set<Integer> dead = new HashSet<>();
                for (int f : failed) {
                    dead.add(f);
                }
                List<String> bad = new ArrayList<>(Checks.capacityAndAntiAffinity(c.site(), c.hardware(), after.get().hosts(), dead));
                bad.addAll(Checks.everyInstanceOnce(c.site(), after.get(), dead));
                assertTrue(after.get().unplaced().isEmpty());
                // survivors keep what they ran (evacuation, not a re-pack)
                for (int h = 0; h < o.hosts(); h++) {
                    if (!dead.contains(h)) {
                        assertTrue(after.get().hosts().get(h).instances().containsAll(o.placement().hosts().get(h).instances()));
                    }
                }
                assertTrue(bad.isEmpty(), "after losing " + Arrays.toString(failed) + ": " + bad);
            }
        }
    }

    @Property(tries = 60)
    void hostsNeverUndercutTheLowerBoundAndTheSameInputGivesTheSameResult(@ForAll("sites") Case c) {
        SizingResult a = size(c);
        for (SizingOption o : a.options()) {
            if (o.feasible()) {
                assertTrue(o.hosts() >= o.hostsLowerBound(), o.explanation() + " lb " + o.hostsLowerBound());
            }
        }
        assertEquals(a, size(c));
    }
}
