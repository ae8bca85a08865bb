package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.PlanService;

import java.nio.file.Path;

/** View-model test wiring: synchronous executor, in-memory settings, scripted dialogs, a temporary recovery folder. */
public final class TestContexts {

    private TestContexts() {
    }

    public static UiContext synchronous(Path tempDir, ScriptedDialogs dialogs) {
        return synchronous(tempDir, dialogs, UserSettings.inMemory());
    }

    public static UiContext synchronous(Path tempDir, ScriptedDialogs dialogs, UserSettings settings) {
        return new UiContext(new PlanService(), new CatalogService(), new dev.clusterplanner.app.PlanningService(), new dev.clusterplanner.app.SimulationService(), new dev.clusterplanner.app.CephProbeService(), new SynchronousExecutor(), settings, dialogs,
                tempDir.resolve("recovery"));
    }
}
