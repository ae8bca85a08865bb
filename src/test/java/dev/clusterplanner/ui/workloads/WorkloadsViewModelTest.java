package dev.clusterplanner.ui.workloads;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.Problem;
import dev.clusterplanner.ui.ScriptedDialogs;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.TestContexts;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workloads editor's rules, without the toolkit, on {@link SeedPlan} (postgres, app, proxy, monitoring). */
class WorkloadsViewModelTest {

    @TempDir
    Path dir;
    final Plan seed = SeedPlan.plan();
    final PlanDocument document = new PlanDocument(seed);
    final SimpleObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(Catalog.EMPTY);
    final SimpleStringProperty status = new SimpleStringProperty();
    final SimpleObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    WorkloadsViewModel vm() {
        return new WorkloadsViewModel(document, catalog, TestContexts.synchronous(dir, new ScriptedDialogs()), status, problem);
    }

    int index(String name) {
        List<Workload> ws = document.plan().sites().get(0).workloads();
        for (int i = 0; i < ws.size(); i++) {
            if (ws.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aValidCountReachesThePlanAndCanBeUndone() {
        WorkloadsViewModel vm = vm();
        int app = index("app");
        assertTrue(vm.commit(app, WorkloadField.COUNT, "10"));
        assertEquals(10, document.plan().sites().get(0).workloads().get(app).count());
        assertEquals("10", vm.rows().get(app).text(WorkloadField.COUNT));
        // 2 postgres + 10 app + 2 proxy + 1 monitoring
        assertEquals(15, document.plan().sites().get(0).instanceCount());
        document.undo();
        assertEquals(4, document.plan().sites().get(0).workloads().get(app).count());
        assertEquals("4", vm.rows().get(app).text(WorkloadField.COUNT));
    }

    @Test
    void aZeroCountIsRefusedWithTheRuleAndThePlanIsUntouched() {
        WorkloadsViewModel vm = vm();
        int app = index("app");
        assertEquals("Count must be 1 or more, got 0",
                vm.validate(app, WorkloadField.COUNT, "0").orElseThrow().replace("workload 'app': ", ""));
        assertFalse(vm.commit(app, WorkloadField.COUNT, "0"));
        assertSame(seed, document.plan());
        assertTrue(vm.rows().get(app).problem().contains("Count must be 1 or more, got 0"), vm.rows().get(app).problem());
    }

    @Test
    void textThatIsNotANumberIsRefusedWithAPlainReason() {
        WorkloadsViewModel vm = vm();
        assertEquals("Memory (GiB) must be a number, got 'lots'", vm.validate(0, WorkloadField.MEMORY, "lots").orElseThrow());
        assertEquals("Count must be a whole number, got '2.5'", vm.validate(0, WorkloadField.COUNT, "2.5").orElseThrow());
    }

    @Test
    void messagesAndUndoUseTheWindowsWordsWithUnits() {
        WorkloadsViewModel vm = vm();
        assertEquals("workload 'postgres': Memory (GiB) must be more than 0, got 0", vm.validate(0, WorkloadField.MEMORY, "0").orElseThrow());
        assertTrue(vm.commit(0, WorkloadField.MEMORY, "8"));
        assertEquals("Undo set memory of postgres", document.undoTextProperty().get());
    }

    @Test
    void anAddedWorkloadIsTheRowReturnedAndItsErrorMarkClearsWhenFixed() {
        WorkloadsViewModel vm = vm();
        int row = vm.addWorkload();
        assertEquals(4, row);
        assertEquals("workload", vm.rows().get(row).workload().name());
        assertFalse(vm.commit(row, WorkloadField.MEMORY, "-2"));
        assertFalse(vm.rows().get(row).problem().isEmpty());
        assertTrue(vm.commit(row, WorkloadField.MEMORY, "1"), "the value it had");
        assertEquals("", vm.rows().get(row).problem());
    }

    @Test
    void aNameUsedByAnotherWorkloadIsRefused() {
        WorkloadsViewModel vm = vm();
        String reason = vm.validate(index("app"), WorkloadField.NAME, "postgres").orElseThrow();
        assertTrue(reason.contains("'postgres' is used twice"), reason);
        assertTrue(vm.validate(index("app"), WorkloadField.NAME, "web").isEmpty());
    }

    @Test
    void aRefusedEditIsForgottenOnceTheRowIsChangedSuccessfully() {
        WorkloadsViewModel vm = vm();
        int app = index("app");
        vm.commit(app, WorkloadField.VCPU, "-1");
        assertFalse(vm.rows().get(app).problem().isEmpty());
        assertTrue(vm.commit(app, WorkloadField.VCPU, "2"));
        assertEquals("", vm.rows().get(app).problem());
    }

    @Test
    void addingFromTheLibraryRenamesOnAClash() {
        WorkloadsViewModel vm = vm();
        Workload profile = Workload.of("postgres", WorkloadKind.VM, 1, 4, 16, 200);
        vm.addFromProfile(profile);
        vm.addFromProfile(profile);
        List<String> names = document.plan().sites().get(0).workloads().stream().map(Workload::name).toList();
        assertEquals(List.of("postgres", "app", "proxy", "monitoring", "postgres-2", "postgres-3"), names);
        assertEquals(16, document.plan().sites().get(0).workloads().get(4).memoryGib());
    }

    @Test
    void removingSeveralWorkloadsIsOneUndoStep() {
        WorkloadsViewModel vm = vm();
        vm.remove(List.of(index("app"), index("proxy")));
        assertEquals(List.of("postgres", "monitoring"), document.plan().sites().get(0).workloads().stream().map(Workload::name).toList());
        document.undo();
        assertSame(seed, document.plan());
    }

    @Test
    void csvImportAddsEveryRowAndRenamesAClash() throws Exception {
        WorkloadsViewModel vm = vm();
        Path csv = dir.resolve("w.csv");
        java.nio.file.Files.writeString(csv, "name,kind,count,vcpu,memory_gib,disk_gib\nweb,container,3,1,2,10\napp,vm,1,2,4,20\n");
        vm.importCsv(csv);
        List<String> names = document.plan().sites().get(0).workloads().stream().map(Workload::name).toList();
        assertEquals(List.of("postgres", "app", "proxy", "monitoring", "web", "app-2"), names);
        // 9 seed instances + 3 web + 1 app-2
        assertEquals(13, document.plan().sites().get(0).instanceCount());
        document.undo();
        assertSame(seed, document.plan(), "an import is one undo step");
    }

    @Test
    void aCsvWithABadRowImportsNothingAndSaysWhere() throws Exception {
        WorkloadsViewModel vm = vm();
        Path csv = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(csv, "name,kind,count,vcpu,memory_gib,disk_gib\nweb,container,3,1,2,10\ncache,container,0,1,2,10\n");
        vm.importCsv(csv);
        assertSame(seed, document.plan());
        Problem p = problem.get();
        assertTrue(p.headline().startsWith("Could not import bad.csv"), p.headline());
        // the bad count is on line 3 of the file
        assertTrue(p.details().stream().anyMatch(d -> d.contains("bad.csv:3") && d.contains("count")), p.details().toString());
    }

    @Test
    void theProfileLibraryFollowsTheCatalog() {
        WorkloadsViewModel vm = vm();
        assertTrue(vm.profiles().isEmpty());
        Workload p = Workload.of("redis", WorkloadKind.CONTAINER, 1, 1, 2, 5);
        catalog.set(new Catalog(List.of(), List.of(), List.of(p), Set.of()));
        assertEquals(List.of(p), vm.profiles());
    }
}
