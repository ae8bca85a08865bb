package dev.clusterplanner.adapters.plan;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanReaderWriterTest {

    @TempDir
    Path dir;

    static Plan hybridPlan() {
        Site dev = new Site("dev", SiteKind.DESKTOP,
                List.of(Workload.of("app", WorkloadKind.CONTAINER, 3, 1, 2, 20)),
                List.of("desktop-meerkat"), null, null);
        Site uat = new Site("uat", SiteKind.SINGLE_SERVER,
                List.of(new Workload("win", WorkloadKind.VM, 1, 4, 8, 120, 0, false, 500, 5, 10, 0.5, 10, "desktops")),
                List.of("rack-a", "rack-b"), Policy.defaultsFor(SiteKind.SINGLE_SERVER).withReserveMemoryGib(3.5),
                new Facility(false, 0.2182, 1.0, 0, 0, "EIA Middle Atlantic residential, April 2025"));
        Site prod = new Site("production", SiteKind.CLUSTER,
                List.of(Workload.of("postgres", WorkloadKind.VM, 2, 4, 16, 200).withAntiAffinity(true),
                        Workload.of("llm", WorkloadKind.OCI, 1, 4, 16, 50).withGpu(1)),
                List.of("rack-a"),
                Policy.defaultsFor(SiteKind.CLUSTER).withFailuresTolerated(2).withStorage(StorageMode.CEPH, CephLayout.erasure(4, 2)),
                Facility.DATA_CENTRE);
        return new Plan("Hybrid", "dev, uat and prod", List.of(dev, uat, prod),
                new CostSettings(7, 4.5, 12, 6, CostSettings.AwsCommitment.THREE_YEAR));
    }

    @Test
    void savedPlanLoadsBackEqual() throws Exception {
        Plan plan = hybridPlan();
        Path file = dir.resolve("hybrid.plan.json");
        PlanWriter.write(plan, file);
        assertEquals(plan, PlanReader.read(file));
    }

    @Test
    void saveLeavesNoTemporaryFilesAndReplacesTheOldPlan() throws Exception {
        Path file = dir.resolve("p.plan.json");
        PlanWriter.write(hybridPlan(), file);
        Plan renamed = hybridPlan().withName("Renamed");
        PlanWriter.write(renamed, file);
        assertEquals(renamed, PlanReader.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void optionalFieldsTakeTheirDefaults() throws Exception {
        Plan plan = PlanReader.parse("""
                {"format": 1, "name": "min", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": ["x"], "workloads": [
                    {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2}]}]}
                """, "min.plan.json");
        Site site = plan.sites().get(0);
        assertEquals(Policy.defaultsFor(SiteKind.CLUSTER), site.policy());
        assertEquals(1, site.policy().failuresTolerated());
        assertEquals(3, site.policy().minHosts());
        assertEquals(Facility.DATA_CENTRE, site.facility());
        assertEquals(Workload.DEFAULT_CPU_UTIL, site.workloads().get(0).cpuUtil());
        assertEquals(CostSettings.DEFAULT, plan.cost());
    }

    private static InputProblem onlyProblem(String json) {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> PlanReader.parse(json, "bad.plan.json"));
        assertEquals(1, e.problems().size(), () -> "expected one problem, got " + e.problems());
        return e.problems().get(0);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        InputProblem p = onlyProblem("{\n  \"format\": 1,\n  \"name\": \"x\"\n  \"sites\": []\n}");
        assertEquals("bad.plan.json", p.file());
        assertEquals(4, p.line());
        assertEquals(3, p.column());
        assertTrue(p.message().startsWith("not valid JSON"), p.message());
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        InputProblem p = onlyProblem("""
                {"format": 1, "name": "x", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": [], "workloads": [
                    {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2,
                     "memoryGb": 4}]}]}
                """);
        assertEquals("sites/0/workloads/0/memoryGb", p.field());
        assertEquals(4, p.line());
        assertTrue(p.message().startsWith("unknown field 'memoryGb' in sites/0/workloads/0; expected one of name, kind, count"), p.message());
    }

    @Test
    void wrongTypeIsRejectedWithLineAndField() {
        InputProblem p = onlyProblem("""
                {"format": 1, "name": "x", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": [], "workloads": [
                    {"name": "web", "kind": "container", "count": 2, "vcpu": 1,
                     "memoryGib": "32GB"}]}]}
                """);
        assertEquals("sites/0/workloads/0/memoryGib", p.field());
        assertEquals(4, p.line());
        assertEquals(19, p.column());
        assertEquals("'memoryGib' must be a number, got text \"32GB\"", p.message());
    }

    @Test
    void negativeCountIsAnImpossibleValue() {
        InputProblem p = onlyProblem("""
                {"format": 1, "name": "x", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": [], "workloads": [
                    {"name": "web", "kind": "container",
                     "count": -2, "vcpu": 1, "memoryGib": 2}]}]}
                """);
        assertEquals("sites/0/workloads/0/count", p.field());
        assertEquals(4, p.line());
        assertEquals("workload 'web': count must be 1 or more, got -2", p.message());
    }

    @Test
    void zeroMemoryIsAnImpossibleValue() {
        InputProblem p = onlyProblem("""
                {"format": 1, "name": "x", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": [], "workloads": [
                    {"name": "web", "kind": "container", "count": 1, "vcpu": 1, "memoryGib": 0}]}]}
                """);
        assertEquals("sites/0/workloads/0/memoryGib", p.field());
        assertEquals(3, p.line());
        assertEquals("workload 'web': memoryGib must be greater than 0, got 0", p.message());
    }

    @Test
    void overcommitBelowOneIsRejected() {
        InputProblem p = onlyProblem("""
                {"format": 1, "name": "x", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": [], "workloads": [],
                   "policy": {"cpuOvercommitVms": 0.5}}]}
                """);
        assertEquals("sites/0/policy/cpuOvercommitVms", p.field());
        assertEquals(3, p.line());
    }

    @Test
    void missingFormatAndUnsupportedFormatAreNamed() {
        assertEquals("missing field 'format' (this version writes and reads format 1)",
                onlyProblem("{\"name\": \"x\", \"sites\": []}").message().replace("; a plan needs at least one site", ""));
        InputProblem future = onlyProblem("{\"format\": 9, \"name\": \"x\", \"sites\": [{\"name\": \"c\", \"kind\": \"desktop\", \"hardware\": [], \"workloads\": []}]}");
        assertEquals("format", future.field());
        assertEquals("plan format 9 is not supported; this version reads format 1", future.message());
    }

    @Test
    void unknownSiteKindIsNamed() {
        InputProblem p = onlyProblem("{\"format\": 1, \"name\": \"x\", \"sites\": [{\"name\": \"c\", \"kind\": \"mainframe\", \"hardware\": [], \"workloads\": []}]}");
        assertEquals("sites/0/kind", p.field());
        assertEquals("unknown site kind 'mainframe' (expected desktop, single-server or cluster)", p.message());
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> PlanReader.parse("""
                {"format": 1, "name": "x", "sites": [
                  {"name": "c", "kind": "cluster", "hardware": [], "workloads": [
                    {"name": "a", "kind": "container", "count": "two", "vcpu": 1, "memoryGib": 2},
                    {"name": "b", "kind": "robot", "count": 1, "vcpu": 1, "memoryGib": 2}]}]}
                """, "bad.plan.json"));
        assertEquals(List.of("sites/0/workloads/0/count", "sites/0/workloads/1/kind"),
                e.problems().stream().map(InputProblem::field).toList());
    }

    @Test
    void aRejectedFileLeavesThePlanOnDiskUntouched() throws Exception {
        Path file = dir.resolve("keep.plan.json");
        PlanWriter.write(hybridPlan(), file);
        String before = Files.readString(file, StandardCharsets.UTF_8);
        assertThrows(InputRejectedException.class, () -> PlanReader.parse("{", file.toString()));
        assertEquals(before, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
        String json = "\uFEFF" + PlanWriter.toJson(hybridPlan());
        assertEquals(hybridPlan(), PlanReader.parse(json, "bom.plan.json"));
    }
}
