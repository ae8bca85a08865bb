package dev.clusterplanner.ui.catalog;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.ui.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Under the catalog's details: buttons to make the selected row the user's own (duplicate as a quote, edit one of the
 * user's rows, give a row without a price one) and the form for it. Binds to {@link HardwareFormViewModel}.
 */
public class HardwareFormView {

    private final VBox root = new VBox(6);
    private final HardwareFormViewModel form;
    private final Map<HardwareFormViewModel.Field, TextField> fields = new EnumMap<>(HardwareFormViewModel.Field.class);
    private final Map<HardwareFormViewModel.Field, Label> problems = new EnumMap<>(HardwareFormViewModel.Field.class);

    public HardwareFormView(HardwareFormViewModel form, CatalogViewModel catalog) {
        this.form = form;
        Button duplicate = new Button("Duplicate as my quote");
        duplicate.setId("duplicateHardware");
        duplicate.disableProperty().bind(catalog.selectedProperty().isNull());
        duplicate.setOnAction(e -> open(catalog.selectedProperty().get(), HardwareFormViewModel.Mode.DUPLICATE));
        Button edit = new Button("Edit my row");
        edit.setId("editHardware");
        Button price = new Button("Give it a price");
        price.setId("priceHardware");
        Runnable enable = () -> {
            Hardware h = catalog.selectedProperty().get();
            edit.setDisable(h == null || !catalog.badges(h).contains("yours"));
            price.setDisable(h == null || CatalogViewModel.comparablePrice(h).isPresent());
        };
        catalog.selectedProperty().addListener((o, a, b) -> enable.run());
        enable.run();
        edit.setOnAction(e -> open(catalog.selectedProperty().get(), HardwareFormViewModel.Mode.EDIT));
        price.setOnAction(e -> open(catalog.selectedProperty().get(), HardwareFormViewModel.Mode.PRICE));
        FlowPane buttons = new FlowPane(8, 4, duplicate, edit, price);

        GridPane grid = new GridPane();
        grid.setId("hardwareForm");
        grid.getStyleClass().add(Styles.DETAILS);
        int r = 0;
        for (HardwareFormViewModel.Field f : HardwareFormViewModel.Field.values()) {
            Label label = new Label(f.label());
            label.getStyleClass().add(Styles.DETAIL_LABEL);
            TextField field = new TextField();
            field.setId("hw-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            field.setPrefColumnCount(16);
            Label problem = new Label();
            problem.getStyleClass().add(Styles.PROBLEM_TEXT);
            problem.setWrapText(true);
            problem.setMaxWidth(300);
            problem.managedProperty().bind(problem.textProperty().isNotEmpty());
            field.textProperty().addListener((o, a, text) -> mark(f, form.modeProperty().get() == null ? "" : form.validate(f, text).orElse("")));
            field.setOnAction(e -> mark(f, form.set(f, field.getText()).orElse("")));
            field.focusedProperty().addListener((o, had, has) -> {
                if (had && !has && form.modeProperty().get() != null) {
                    mark(f, form.set(f, field.getText()).orElse(""));
                }
            });
            fields.put(f, field);
            problems.put(f, problem);
            grid.add(label, 0, r);
            grid.add(new VBox(2, field, problem), 1, r);
            r++;
        }
        CheckBox candidate = new CheckBox("Make it a candidate of the selected site");
        candidate.setId("hwMakeCandidate");
        candidate.selectedProperty().bindBidirectional(form.makeCandidateProperty());
        Button save = new Button("Save to my catalog");
        save.setId("saveHardware");
        save.disableProperty().bind(form.savingProperty());
        save.setOnAction(e -> {
            // what is typed in the focused field counts
            fields.forEach((f, field) -> mark(f, form.set(f, field.getText()).orElse("")));
            form.save();
        });
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> form.cancel());
        // the actions first: they stay in view on a small screen, the fields scroll under them
        VBox editor = new VBox(6, new HBox(8, save, cancel), candidate, grid);
        editor.visibleProperty().bind(form.modeProperty().isNotNull());
        editor.managedProperty().bind(editor.visibleProperty());
        Label status = new Label();
        status.setId("hardwareFormStatus");
        status.setWrapText(true);
        status.textProperty().bind(form.statusProperty());
        Label title = new Label("Your own hardware and quotes");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        root.getChildren().addAll(title, buttons, status, editor);
    }

    private void open(Hardware h, HardwareFormViewModel.Mode mode) {
        if (h == null) {
            return;
        }
        form.start(h, mode);
        fields.forEach((f, field) -> {
            field.setText(form.text(f));
            mark(f, "");
        });
    }

    private void mark(HardwareFormViewModel.Field f, String problem) {
        problems.get(f).setText(problem);
        fields.get(f).getStyleClass().remove(Styles.FIELD_INVALID);
        if (!problem.isEmpty()) {
            fields.get(f).getStyleClass().add(Styles.FIELD_INVALID);
        }
    }

    public Node root() {
        return root;
    }
}
