package dev.clusterplanner.core.archfixture;

/** A deliberate violation for ArchitectureTest (test sources only): "core" code that uses JavaFX. */
public class CoreUsingJavaFx {
    public javafx.beans.property.SimpleStringProperty name = new javafx.beans.property.SimpleStringProperty();
}
