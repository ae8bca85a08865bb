package dev.clusterplanner.ui.live;

import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.ScriptedDialogs;
import dev.clusterplanner.ui.SeedPlan;
import dev.clusterplanner.ui.TestContexts;
import dev.clusterplanner.ui.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The usage part's form, without a cluster: what it accepts and what it says when it cannot start. */
class WatchViewModelTest {

    @TempDir
    Path dir;

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertEquals(Optional.of(Duration.ofMinutes(10)), WatchViewModel.parse("10m"));
        assertEquals(Optional.of(Duration.ofSeconds(20)), WatchViewModel.parse(" 20s "));
        assertEquals(Optional.of(Duration.ofHours(2)), WatchViewModel.parse("2h"));
        assertEquals(Optional.of(Duration.ofSeconds(45)), WatchViewModel.parse("45"));
        assertTrue(WatchViewModel.parse("0s").isEmpty());
        assertTrue(WatchViewModel.parse("ten minutes").isEmpty());
    }

    LiveViewModel vm() {
        LiveViewModel vm = new LiveViewModel(new PlanDocument(SeedPlan.plan()), TestContexts.synchronous(dir, new ScriptedDialogs(),
                UserSettings.inMemory()), p -> true);
        vm.connectionProperty().set(LiveViewModel.Connection.LOCAL);
        vm.socketProperty().set(dir.resolve("no-such.socket").toString());
        return vm;
    }

    @Test
    void anIntervalLongerThanTheWatchIsRefusedInPlainWords() {
        LiveViewModel vm = vm();
        vm.watch().durationProperty().set("20s");
        vm.watch().intervalProperty().set("1m");
        vm.startWatch();
        assertTrue(vm.watch().statusProperty().get().contains("longer than the watch"), vm.watch().statusProperty().get());
        assertFalse(vm.watch().runningProperty().get());
    }

    @Test
    void anUnreachableClusterSaysWhatHappenedWithoutAJavaName() {
        LiveViewModel vm = vm();
        vm.watch().durationProperty().set("4s");
        vm.watch().intervalProperty().set("2s");
        vm.startWatch();
        String s = vm.watch().statusProperty().get();
        assertTrue(s.startsWith("The watch could not run: "), s);
        assertFalse(s.contains("Exception") || s.contains("java."), s);
        assertFalse(vm.watch().runningProperty().get());
    }

    @Test
    void nothingToImportBeforeAWatch() {
        LiveViewModel vm = vm();
        vm.watch().importObserved();
        assertEquals("Nothing to import: run or open a watch first.", vm.watch().statusProperty().get());
    }
}
