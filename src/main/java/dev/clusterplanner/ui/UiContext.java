package dev.clusterplanner.ui;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.app.SimulationService;

import java.nio.file.Path;

/**
 * What the view-models are built from: the application services, the executor for background work,
 * the remembered settings, the dialogs, and the folder for crash recovery. The window builds the real
 * one ({@link #desktop}); tests build theirs with a {@link SynchronousExecutor}, in-memory settings
 * and scripted dialogs.
 */
public record UiContext(PlanService plans, CatalogService catalogs, PlanningService planning, SimulationService simulation,
                        CephProbeService ceph, ProbeService probes, BackgroundExecutor executor,
                        UserSettings settings, DialogService dialogs, Path recoveryDir) {

    /** Without an Incus probe service of its own: the default {@link ProbeService}. */
    public UiContext(PlanService plans, CatalogService catalogs, PlanningService planning, SimulationService simulation,
                     CephProbeService ceph, BackgroundExecutor executor, UserSettings settings, DialogService dialogs, Path recoveryDir) {
        this(plans, catalogs, planning, simulation, ceph, new ProbeService(catalogs), executor, settings, dialogs, recoveryDir);
    }

    public static UiContext desktop(DialogService dialogs) {
        Path dir = Path.of(System.getProperty("user.home"), ".cluster-planner");
        return new UiContext(new PlanService(), new CatalogService(), new PlanningService(), new SimulationService(), new CephProbeService(), new ProbeService(), new FxBackgroundExecutor(),
                UserSettings.preferences(), dialogs, dir);
    }

    public UiContext withExecutor(BackgroundExecutor other) {
        return new UiContext(plans, catalogs, planning, simulation, ceph, probes, other, settings, dialogs, recoveryDir);
    }
}
