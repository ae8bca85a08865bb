package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveNic;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.LiveUsage;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveValidatorTest {

    static final long GIB = 1L << 30;

    static LiveMember member(String name, int threads, long memGib, Long nicMbps) {
        LiveResources r = new LiveResources("cpu", 1, threads / 2, threads, memGib * GIB, 0, List.of(),
                List.of(new LiveNic("eth0", "ixgbe", nicMbps, true)), List.of());
        return new LiveMember(name, "https://" + name + ":8443", MemberStatus.ONLINE, "", List.of(), "", r, "");
    }

    static LiveInstance instance(String name, String at, double cpu, long memGib) {
        return new LiveInstance(name, "default", "container", at, "Running", Map.of("limits.memory", memGib + "GiB"), cpu, memGib * GIB,
                null, "default", 0, new LiveUsage(GIB / 8, GIB / 8, 0, 1));
    }

    static LiveSnapshot snapshot(List<LiveMember> members, List<LiveInstance> instances) {
        return new LiveSnapshot(Instant.parse("2026-11-25T19:00:00Z"), "test", "node1", "6.0.4", true, "", members, instances, List.of(),
                List.of(), List.of(), 10);
    }

    static Site site(StorageMode storage, List<Workload> workloads) {
        Policy p = Policy.defaultsFor(SiteKind.CLUSTER);
        return new Site("prod", SiteKind.CLUSTER, workloads, List.of(), p.withStorage(storage, p.ceph()), null);
    }

    @Test
    void aOneGigabitNicIsReportedForCephRecovery() {
        var s = snapshot(List.of(member("node1", 8, 32, 10_000L), member("node2", 8, 32, 10_000L), member("node3", 8, 32, 1_000L)), List.of());
        LiveValidation v = LiveValidator.validate(s, site(StorageMode.CEPH, List.of()), null, null);
        var nic = v.withRule("live.nic-below-10g");
        assertEquals(1, nic.size(), v.findings().toString());
        assertEquals("node3: NIC 1 Gb/s, plan needs 10 Gb/s for Ceph recovery", nic.get(0).text());
        assertEquals(Severity.WARNING, nic.get(0).severity());
    }

    @Test
    void liveAllocationThatCannotHealAfterAMemberLossIsAWarning() {
        // each member: 32 GiB - 2 GiB reserve = 30 GiB. node1 holds one 20 GiB instance, node2 and node3 hold 20 GiB each too:
        // losing any member leaves 10 GiB free on each survivor, less than the 20 GiB evacuee
        var members = List.of(member("node1", 8, 32, null), member("node2", 8, 32, null), member("node3", 8, 32, null));
        var s = snapshot(members, List.of(instance("a-1", "node1", 1, 20), instance("b-1", "node2", 1, 20), instance("c-1", "node3", 1, 20)));
        LiveValidation v = LiveValidator.validate(s, null, null, null);
        var f = v.withRule("live.cannot-heal-after-member-loss");
        assertEquals(1, f.size(), v.findings().toString());
        assertTrue(f.get(0).text().startsWith("if node1 fails, a-1 (20 GiB, 0.25 threads) finds no member with room (most free: node2 10 GiB"),
                f.get(0).text());
        assertTrue(v.hasAtLeast(Severity.WARNING));
    }

    @Test
    void liveAllocationLargerThanTheSurvivorsOfferIsReportedByVolume() {
        // each member: 32 - 2 = 30 GiB; 25 GiB on each of three = 75 GiB running; after losing the largest member the
        // others offer 30 + 30 = 60 GiB < 75 GiB (FailureHeadroom), so no evacuation is tried
        var members = List.of(member("node1", 8, 32, null), member("node2", 8, 32, null), member("node3", 8, 32, null));
        var s = snapshot(members, List.of(instance("a-1", "node1", 1, 25), instance("b-1", "node2", 1, 25), instance("c-1", "node3", 1, 25)));
        LiveValidation v = LiveValidator.validate(s, null, null, null);
        var f = v.withRule("live.cannot-heal-after-member-loss");
        assertEquals(1, f.size(), v.findings().toString());
        assertTrue(f.get(0).text().startsWith("after losing the largest member the others offer 60 GiB of memory for the 75"), f.get(0).text());
    }

    @Test
    void liveAllocationThatFitsOnTheSurvivorsHeals() {
        // two 5 GiB instances per member: losing one moves 10 GiB onto survivors with 30 - 10 = 20 GiB free each
        var members = List.of(member("node1", 8, 32, null), member("node2", 8, 32, null), member("node3", 8, 32, null));
        List<LiveInstance> inst = new ArrayList<>();
        for (String m : List.of("node1", "node2", "node3")) {
            inst.add(instance("x-" + m, m, 1, 5));
            inst.add(instance("y-" + m, m, 1, 5));
        }
        LiveValidation v = LiveValidator.validate(snapshot(members, inst), null, null, null);
        assertTrue(v.withRule("live.cannot-heal-after-member-loss").isEmpty(), v.findings().toString());
        assertEquals(1, v.withRule("live.heals-after-member-loss").size());
        assertTrue(v.withRule("live.heals-after-member-loss").get(0).text().contains("(node1, 10 GiB of memory limits)"));
        assertFalse(v.hasAtLeast(Severity.WARNING), v.findings().toString());
    }

    @Test
    void limitsAboveThePlanAndMissingInstancesAreFound() {
        var members = List.of(member("node1", 8, 32, null), member("node2", 8, 32, null), member("node3", 8, 32, null));
        // the plan: web x3 of 1 vCPU / 4 GiB; live: web-1 with 8 GiB, web-2 as planned, web-3 missing
        var s = snapshot(members, List.of(instance("web-1", "node1", 1, 8), instance("web-2", "node2", 1, 4)));
        var site = site(StorageMode.LOCAL, List.of(Workload.of("web", WorkloadKind.CONTAINER, 3, 1, 4, 0)));
        LiveValidation v = LiveValidator.validate(s, site, null, null);
        assertEquals(List.of("web-1: limits.memory 8 GiB, the plan gives it 4 GiB"), v.withRule("live.limit-above-plan").stream().map(f -> f.text()).toList());
        assertEquals(List.of("workload 'web': 1 of 3 planned instance(s) not found live: web-3"),
                v.withRule("live.instance-missing").stream().map(f -> f.text()).toList());
        // allocated 8 + 4 = 12 GiB against the planned 3 x 4 = 12 GiB: not above the plan
        assertEquals(12.0, v.allocationRow("memory").actual(), 1e-9);
        assertEquals(12.0, v.allocationRow("memory").planned(), 1e-9);
        assertTrue(v.withRule("live.allocation-above-plan").isEmpty());
    }

    @Test
    void aPlanNeedingMoreHostsThanTheClusterHasIsAnError() {
        // members of 16 GiB offer 14 GiB after the reserve; 4 instances of 10 GiB need one member each = 4, +1 failure = 5 > 3
        var members = List.of(member("node1", 8, 16, null), member("node2", 8, 16, null), member("node3", 8, 16, null));
        var site = site(StorageMode.LOCAL, List.of(Workload.of("big", WorkloadKind.CONTAINER, 4, 1, 10, 0)));
        LiveValidation v = LiveValidator.validate(snapshot(members, List.of()), site, null, null);
        assertEquals(5, v.hostsNeeded());
        var f = v.withRule("live.hosts-below-plan");
        assertEquals(1, f.size(), v.findings().toString());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).text().startsWith("the plan needs 5 hosts like node1 (8 threads, 16 GiB) and the cluster has 3 online"), f.get(0).text());
    }

    @Test
    void anUnreachableMemberIsAWarningAndTheOthersAreStillCompared() {
        var down = new LiveMember("node3", "", MemberStatus.UNREACHABLE, "", List.of(), "", null, "connection refused");
        var s = snapshot(List.of(member("node1", 8, 32, null), member("node2", 8, 32, null), down), List.of());
        LiveValidation v = LiveValidator.validate(s, null, null, null);
        assertEquals(List.of("node3: unreachable (connection refused); its resources were not read and its instances are not running as planned"),
                v.withRule("live.member-down").stream().map(f -> f.text()).toList());
        assertEquals(16.0, v.total("threads").actual(), "8 + 8 threads of the two readable members");
    }

    @Test
    void aLiveClusterImportsAsAValidPlanGroupedByNameStem() {
        var members = List.of(member("node1", 8, 32, null), member("node2", 8, 32, null), member("node3", 8, 32, null));
        var s = snapshot(members, List.of(instance("web-1", "node1", 2, 4), instance("web-2", "node2", 2, 4), instance("db-1", "node3", 4, 16)));
        Plan plan = LivePlanImport.toPlan(s, "imported");
        List<FieldProblem> problems = ModelRules.check(plan);
        assertTrue(problems.isEmpty(), problems.toString());
        Site site = plan.sites().get(0);
        assertEquals(SiteKind.CLUSTER, site.kind());
        assertEquals(List.of("web", "db"), site.workloads().stream().map(Workload::name).toList());
        assertEquals(2, site.workloads().get(0).count());
        assertEquals(4.0, site.workloads().get(0).memoryGib());
        assertEquals(4.0, site.workloads().get(1).vcpu());
        assertTrue(plan.description().contains("node1 8 threads, 32 GiB"), plan.description());
    }
}
