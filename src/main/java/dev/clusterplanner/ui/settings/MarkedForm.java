package dev.clusterplanner.ui.settings;

import dev.clusterplanner.ui.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of a Settings list editor ("Hardware you already own", "Stock limits"): labelled fields, each with its
 * tooltip and the reason it cannot be saved shown under it (the field marked invalid), and the Add / Change selected /
 * Remove selected buttons with the line that says why a save was refused. Ids start with the editor's prefix
 * ({@code ownedProblem-count}, {@code stockAdd}, ...).
 */
final class MarkedForm {

    private final String prefix;
    private final GridPane grid = new GridPane();
    private final Map<String, Label> problems = new LinkedHashMap<>();
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Label result = new Label();

    MarkedForm(String prefix) {
        this.prefix = prefix;
        grid.getStyleClass().add(Styles.DETAILS);
        result.setId(prefix + "Problem");
        result.getStyleClass().add(Styles.PROBLEM_TEXT);
        result.setWrapText(true);
    }

    /** Adds a row: label, field and, under the field, its problem (shown only when there is one). */
    void row(String text, Control control, String field, String help) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.DETAIL_LABEL);
        label.setLabelFor(control);
        label.setTooltip(new Tooltip(help));
        control.setTooltip(new Tooltip(help));
        Label problem = new Label();
        problem.setId(prefix + "Problem-" + field);
        problem.getStyleClass().add(Styles.PROBLEM_TEXT);
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        int r = problems.size();
        problems.put(field, problem);
        fields.put(field, control);
        grid.add(label, 0, r);
        grid.add(new VBox(2, control, problem), 1, r);
    }

    /** The fields in the order they were added. */
    List<String> fields() {
        return List.copyOf(fields.keySet());
    }

    /** Shows why {@code field} cannot be saved ("" for nothing) and marks the field; clears the refusal line. */
    void mark(String field, String why) {
        result.setText("");
        problems.get(field).setText(why);
        Control c = fields.get(field);
        c.getStyleClass().remove(Styles.FIELD_INVALID);
        if (!why.isEmpty()) {
            c.getStyleClass().add(Styles.FIELD_INVALID);
        }
    }

    /** The form, the three buttons ({@code <prefix>Add}, {@code <prefix>Change}, {@code <prefix>Remove}) and the refusal line. */
    List<Node> withButtons(Action add, Action change, Action remove) {
        HBox buttons = new HBox(8, button("Add", "Add", add), button("Change selected", "Change", change),
                button("Remove selected", "Remove", remove));
        return List.of(grid, buttons, result);
    }

    /** What a button does: empty when done, else the reason it was refused (shown on the refusal line). */
    @FunctionalInterface
    interface Action {
        java.util.Optional<String> run();
    }

    private Button button(String text, String id, Action action) {
        Button b = new Button(text);
        b.setId(prefix + id);
        b.setOnAction(e -> result.setText(action.run().orElse("")));
        return b;
    }
}
