package dev.clusterplanner.ui.plan;

import dev.clusterplanner.ui.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The options area's "Find the cheapest fleet" row: the buttons, the time limit, a progress bar with the best cost so
 * far, the lower bound and the gap while it runs, and Cancel (keeps the best fleet found so far). Binds to
 * {@link FleetSearchViewModel}; the answer appears as one more option card.
 */
public final class FleetBar {

    private final HBox root;

    public FleetBar(FleetSearchViewModel vm) {
        Button find = new Button("Find the cheapest fleet");
        find.setId("findFleet");
        find.setTooltip(new Tooltip("Searches every mix of this site's hardware candidates (any number of types) for the one that costs"
                + " least over the horizon, within stock and with the failure headroom; the answer is one more option card,"
                + " with how far at most it is above the cheapest possible (lower bound and gap)."));
        find.setOnAction(e -> vm.find());
        Button all = new Button("... for every site");
        all.setId("findFleetEverySite");
        all.setOnAction(e -> vm.findForEverySite());
        Label limitLabel = new Label("Time limit, s per site");
        TextField limit = new TextField();
        limit.setId("fleetSeconds");
        limit.setPrefColumnCount(4);
        limit.textProperty().bindBidirectional(vm.secondsProperty());
        limit.setTooltip(new Tooltip("The same plan and time limit give the same fleet; a longer limit can only find a cheaper one."));
        ProgressBar bar = new ProgressBar();
        bar.setId("fleetProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelFleet");
        cancel.setTooltip(new Tooltip("Stops the search and keeps the best fleet found so far"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        find.disableProperty().bind(vm.runningProperty());
        all.disableProperty().bind(vm.runningProperty());
        limit.disableProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("fleetStatus");
        status.getStyleClass().add(Styles.MUTED);
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        root = new HBox(8, find, all, limitLabel, limit, bar, cancel, status);
        root.setId("fleetBar");
        root.getStyleClass().add(Styles.TOOLBAR);
    }

    public Node root() {
        return root;
    }
}
