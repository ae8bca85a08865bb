package dev.clusterplanner.ui.archfixture;

/** A deliberate violation for ArchitectureTest (test sources only): UI code that reads plan files through the adapter, bypassing the services. */
public class UiReadingPlanFilesDirectly {
    public String json() {
        return dev.clusterplanner.adapters.plan.PlanWriter.toJson(null);
    }
}
