package dev.clusterplanner.ui.workloads;

import dev.clusterplanner.core.model.Workload;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line of the workloads table: the workload as it is in the plan, and the reason the last
 * edit of it was refused (empty when it was accepted). A refused edit never reaches the plan.
 */
public final class WorkloadRow {

    private final int index;
    private final Workload workload;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    WorkloadRow(int index, Workload workload) {
        this.index = index;
        this.workload = workload;
    }

    public int index() {
        return index;
    }

    public Workload workload() {
        return workload;
    }

    public String text(WorkloadField field) {
        return field.format(workload);
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String problem() {
        return problem.get();
    }

    void setProblem(String text) {
        problem.set(text == null ? "" : text);
    }
}
