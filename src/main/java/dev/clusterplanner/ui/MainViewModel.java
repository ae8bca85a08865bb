package dev.clusterplanner.ui;

import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.core.model.Plan;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** State of the main window: the open plan and the status line. Views bind to it; it holds no nodes. */
public class MainViewModel {

    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>(ExamplePlans.defaultPlan());
    private final StringProperty status = new SimpleStringProperty("Ready");

    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableValue<String> titleProperty() {
        return Bindings.createStringBinding(() -> plan.get().name() + " - Cluster Planner", plan);
    }
}
