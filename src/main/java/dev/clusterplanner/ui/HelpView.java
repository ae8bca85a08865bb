package dev.clusterplanner.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help in its own (non-modal) window: what each area does, the files, and the keyboard shortcuts. */
public final class HelpView {

    private HelpView() {
    }

    public static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                Cluster Planner sizes Incus hosts for your workloads, compares hardware options and their cost over
                the planning horizon, and checks a running cluster against the plan.

                AREAS
                  Plan & compare  one card per hardware option of each site: hosts, purchase cost, monthly cost,
                                  total cost of ownership, power, Ceph recovery time, findings. Click "Why?" on a
                                  card for the formulas behind its numbers. Results recompute in the background
                                  while you edit.
                  Workloads       the selected site's workloads. Double-click a cell to edit it, or use the form on
                                  the right; a value the plan cannot hold is refused with the reason. Add workloads
                                  from the profile library or import them from a CSV.
                  Catalog         the hardware: filter by category, text and price range; the details show every
                                  figure with its source and date. "Add as candidate" puts a machine into the
                                  selected site's comparison.
                  Risk            a Monte Carlo simulation of growth and failures, with a cancel button.
                  Live cluster    reads a running Incus cluster and compares it with the plan.

                FILES
                  Plans are JSON files (*.plan.json). A file that does not load is reported line by line and
                  nothing of it is loaded: the plan you had stays open. Unsaved changes are written every few
                  seconds to ~/.cluster-planner/autosave.plan.json; after a crash the app offers them back.
                  Every edit can be undone. The window size and the last plan are remembered.

                KEYBOARD SHORTCUTS
                """);
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            sb.append(String.format("  %-18s %s%n", Shortcuts.display(s), s.action()));
        }
        return sb.toString();
    }

    public static void show(Window owner) {
        Label text = new Label(text());
        text.getStyleClass().addAll(Styles.HELP_TEXT, Styles.BANNER_DETAILS);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Cluster Planner help");
        Scene scene = new Scene(new ScrollPane(text), 820, 640);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }
}
