package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.core.usage.InstanceUsage;
import dev.clusterplanner.core.usage.MemberUsage;
import dev.clusterplanner.core.usage.UsageGap;
import dev.clusterplanner.core.usage.UsageStats;
import dev.clusterplanner.core.usage.UsageSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RightSizingTest {

    static final long MIB = 1L << 20;

    static LiveInstance instance(String name, Double cpu, Long memory) {
        return new LiveInstance(name, "default", "container", "node1", "Running", Map.of(), cpu, memory, null, "default", 0, null);
    }

    static UsageStats p95(double v) {
        return new UsageStats(v, v, v, 10);
    }

    static InstanceUsage usage(String name, double cores, double memoryBytes) {
        return new InstanceUsage(name, "default", "node1", p95(cores), p95(memoryBytes), UsageStats.NONE, UsageStats.NONE, UsageStats.NONE);
    }

    @Test
    void suggestedLimitsRoundTheP95WithHeadroomUp() {
        assertEquals(1, RightSizing.suggestedCpus(0.02, 0.2));   // 0.024 -> at least 1
        assertEquals(3, RightSizing.suggestedCpus(1.9, 0.2));    // 2.28 -> 3
        assertEquals(2, RightSizing.suggestedCpus(2.0, 0.0));    // exactly 2 stays 2
        assertEquals(512 * MIB, RightSizing.suggestedMemoryBytes(300 * MIB, 0.2)); // 360 MiB -> 2 x 256 MiB
        assertEquals(256 * MIB, RightSizing.suggestedMemoryBytes(1 * MIB, 0.2));
    }

    @Test
    void anInstanceAtNinetySixPercentOfItsCpuLimitRunsAtItsLimit() {
        Optional<Finding> f = RightSizing.cpuAtLimit(instance("web-1", 1.0, null), usage("web-1", 0.96, 0));
        assertTrue(f.isPresent());
        assertEquals(Severity.WARNING, f.get().severity());
        assertTrue(f.get().text().startsWith("web-1 runs at 96 % of its CPU limit at P95"), f.get().text());
        assertTrue(RightSizing.cpuAtLimit(instance("web-1", 1.0, null), usage("web-1", 0.89, 0)).isEmpty());
    }

    @Test
    void aFourCpuDatabaseIdlingAtTwoHundredthsOfACoreIsOversized() {
        Optional<Finding> f = RightSizing.cpuOversized(instance("db", 4.0, null), usage("db", 0.02, 0), 0.2);
        assertTrue(f.isPresent());
        assertEquals(Severity.INFO, f.get().severity());
        assertTrue(f.get().text().startsWith("db: 4 CPU limit, P95 0.020 cores"), f.get().text());
        assertTrue(f.get().text().contains("1 CPU would do"), f.get().text());
        // a one-CPU limit cannot be smaller
        assertTrue(RightSizing.cpuOversized(instance("db", 1.0, null), usage("db", 0.02, 0), 0.2).isEmpty());
    }

    @Test
    void memoryAtNinetyFourPercentOfItsLimitIsPressure() {
        // 240 / 256 = 93.75 %
        Optional<Finding> f = RightSizing.memoryPressure(instance("web-1", null, 256 * MIB), usage("web-1", 0, 240 * MIB));
        assertTrue(f.isPresent());
        assertTrue(f.get().text().contains("94 %"), f.get().text());
        assertTrue(RightSizing.memoryPressure(instance("web-1", null, 256 * MIB), usage("web-1", 0, 200 * MIB)).isEmpty()); // 78 %
    }

    @Test
    void memoryIsOversizedWhenTheSuggestionIsAtMostHalfTheLimit() {
        // 100 MiB x 1.2 = 120 MiB -> 256 MiB; 2 x 256 <= 1024
        assertTrue(RightSizing.memoryOversized(instance("a", null, 1024 * MIB), usage("a", 0, 100 * MIB), 0.2).isPresent());
        // 300 MiB x 1.2 = 360 -> 512 MiB; 2 x 512 > 512
        assertTrue(RightSizing.memoryOversized(instance("a", null, 512 * MIB), usage("a", 0, 300 * MIB), 0.2).isEmpty());
    }

    @Test
    void aMemberWhoseInstancesUseNinetyFivePercentOfItsThreadsIsBusy() {
        MemberUsage busy = new MemberUsage("node2", p95(1.9), UsageStats.NONE, UsageStats.NONE, 0, 5, 5, List.of());
        assertTrue(RightSizing.memberBusy(busy, 2).isPresent());   // 1.9 / 2 = 95 %
        MemberUsage fine = new MemberUsage("node2", p95(1.7), UsageStats.NONE, UsageStats.NONE, 0, 5, 5, List.of());
        assertTrue(RightSizing.memberBusy(fine, 2).isEmpty());     // 85 %
    }

    @Test
    void aMemberGapIsAWarningThatSaysHowManySamplesItsFiguresCover() {
        Instant t = Instant.parse("2026-12-06T10:00:04Z");
        MemberUsage m = new MemberUsage("node3", UsageStats.NONE, UsageStats.NONE, UsageStats.NONE, 0, 2, 6,
                List.of(new UsageGap("node3", t, t.plusSeconds(12), "connection refused")));
        List<Finding> f = RightSizing.memberGaps(m);
        assertEquals(1, f.size());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).text().contains("connection refused") && f.get(0).text().contains("2 of 6 samples"), f.get(0).text());
    }

    static Site site() {
        // planned utilisation: (2 x 1 x 0.3 + 1 x 2 x 0.6) / (2 x 1 + 1 x 2) = 1.8 / 4 = 45 %
        Workload web = new Workload("web", WorkloadKind.CONTAINER, 2, 1, 0.25, 0, 0, false, 0, 0, 0, 0.3, 0, "default");
        Workload db = new Workload("db", WorkloadKind.CONTAINER, 1, 2, 0.5, 0, 0, false, 0, 0, 0, 0.6, 0, "default");
        return new Site("lab", SiteKind.CLUSTER, List.of(web, db), List.of(), Policy.defaultsFor(SiteKind.CLUSTER), null);
    }

    static LiveSnapshot snapshot() {
        LiveResources r = new LiveResources("cpu", 1, 1, 2, 8L << 30, 0, List.of(), List.of(), List.of());
        LiveMember m = new LiveMember("node1", "https://node1:8443", MemberStatus.ONLINE, "", List.of(), "", r, "");
        return new LiveSnapshot(Instant.EPOCH, "test", "node1", "6.0.4", true, "", List.of(m),
                List.of(instance("web-1", 1.0, null), instance("web-2", 1.0, null), instance("db-1", 2.0, null)), List.of(), List.of(), List.of(), 1);
    }

    static UsageSummary observed(double web1, double web2, double db1) {
        return new UsageSummary(Instant.EPOCH, Instant.EPOCH.plusSeconds(40), Duration.ofSeconds(4), 11,
                List.of(usage("web-1", web1, 0), usage("web-2", web2, 0), usage("db-1", db1, 0)), List.of(), List.of());
    }

    @Test
    void plannedUtilisationIsWeightedByAllocatedVcpu() {
        assertEquals(0.45, RightSizing.plannedUtilisation(site()), 1e-12);
    }

    @Test
    void observedUtilisationTwentyPointsAboveThePlanIsAWarning() {
        // (0.9 + 0.9 + 1.0) / (1 + 1 + 2) = 70 % > 45 % + 20 points
        Optional<Finding> f = RightSizing.utilisationAgainstPlan(observed(0.9, 0.9, 1.0), snapshot(), site());
        assertTrue(f.isPresent());
        assertEquals("usage.above-plan", f.get().rule());
        assertTrue(f.get().text().contains("70 %") && f.get().text().contains("45 %"), f.get().text());
    }

    @Test
    void observedUtilisationUnderHalfThePlanIsAnInfo() {
        // 0.3 / 4 = 7.5 % < 22.5 %
        Optional<Finding> f = RightSizing.utilisationAgainstPlan(observed(0.1, 0.1, 0.1), snapshot(), site());
        assertEquals("usage.below-plan", f.orElseThrow().rule());
        // 1.8 / 4 = 45 %: as planned, nothing to say
        assertTrue(RightSizing.utilisationAgainstPlan(observed(0.45, 0.45, 0.9), snapshot(), site()).isEmpty());
    }

    @Test
    void usagePlanImportTakesObservedDemandsWithHeadroom() {
        assertEquals(0.1, UsagePlanImport.observedCpu(0.02, 0.2), 1e-9);  // 0.024 -> one step
        assertEquals(1.2, UsagePlanImport.observedCpu(0.95, 0.2), 1e-9);  // 1.14 -> 1.2
        Plan p = UsagePlanImport.toPlan(snapshot(), observed(0.02, 0.02, 0.95), 20, "observed");
        List<Workload> w = p.sites().get(0).workloads();
        Workload web = w.stream().filter(x -> x.name().equals("web")).findFirst().orElseThrow();
        Workload db = w.stream().filter(x -> x.name().equals("db")).findFirst().orElseThrow();
        assertEquals(2, web.count());
        assertEquals(0.1, web.vcpu(), 1e-9);
        assertEquals(1.2, db.vcpu(), 1e-9);
        assertTrue(p.description().startsWith("Demands are observed use, not limits"), p.description());
    }
}
