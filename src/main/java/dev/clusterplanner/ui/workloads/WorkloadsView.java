package dev.clusterplanner.ui.workloads;

import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads area: the site's workloads as an editable table (double-click a cell), a form with every
 * field of the selected workload (ControlsFX decorations show why a value is refused, as you type), the
 * profile library and CSV import, and the site's hardware candidates. Binds to {@link WorkloadsViewModel}.
 */
public class WorkloadsView {

    private static final List<WorkloadField> TABLE_FIELDS = List.of(WorkloadField.NAME, WorkloadField.KIND, WorkloadField.COUNT,
            WorkloadField.VCPU, WorkloadField.MEMORY, WorkloadField.DISK, WorkloadField.GPU, WorkloadField.ANTI_AFFINITY);

    private final VBox root = new VBox(8);
    private final WorkloadsViewModel vm;
    private final TableView<WorkloadRow> table = new TableView<>();
    private final Map<WorkloadField, TextField> form = new EnumMap<>(WorkloadField.class);
    private final Map<WorkloadField, javafx.scene.control.ChoiceBox<String>> choices = new EnumMap<>(WorkloadField.class);
    private final Label formProblem = new Label();
    private final ValidationSupport validation = new ValidationSupport();

    public WorkloadsView(WorkloadsViewModel vm) {
        this.vm = vm;
        root.setId("workloadsArea");
        root.getStyleClass().add(Styles.AREA);

        Label heading = new Label("Workloads");
        heading.getStyleClass().add(Styles.AREA_TITLE);

        ComboBox<String> site = new ComboBox<>(vm.siteNames());
        site.setId("siteChooser");
        site.getSelectionModel().select(vm.siteIndexProperty().get());
        site.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                vm.siteIndexProperty().set(b.intValue());
            }
        });
        vm.siteIndexProperty().addListener((o, a, b) -> site.getSelectionModel().select(b.intValue()));
        vm.siteNames().addListener((ListChangeListener<String>) c -> site.getSelectionModel().select(vm.siteIndexProperty().get()));

        Button add = new Button("Add workload");
        add.setId("addWorkload");
        add.setOnAction(e -> selectNew(vm.addWorkload()));
        MenuButton fromProfile = new MenuButton("Add from library");
        fromProfile.setId("addFromProfile");
        Runnable fillProfiles = () -> {
            fromProfile.getItems().clear();
            for (Workload p : vm.profiles()) {
                MenuItem item = new MenuItem(p.name() + "  (" + p.kind().id() + ", " + WorkloadField.num(p.vcpu()) + " vCPU, "
                        + WorkloadField.num(p.memoryGib()) + " GiB)");
                item.setOnAction(e -> selectNew(vm.addFromProfile(p)));
                fromProfile.getItems().add(item);
            }
            if (vm.profiles().isEmpty()) {
                MenuItem none = new MenuItem("The profile library is empty");
                none.setDisable(true);
                fromProfile.getItems().add(none);
            }
        };
        fillProfiles.run();
        vm.profiles().addListener((ListChangeListener<Workload>) c -> fillProfiles.run());
        Button importCsv = new Button("Import CSV...");
        importCsv.setId("importWorkloads");
        importCsv.setOnAction(e -> vm.importCsv());
        Button remove = new Button("Remove");
        remove.setId("removeWorkload");
        remove.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedIndices()));
        remove.setOnAction(e -> removeSelected());
        HBox toolbar = new HBox(8, new Label("Site"), site, add, fromProfile, importCsv, remove);
        toolbar.getStyleClass().add(Styles.TOOLBAR);

        buildTable();
        SplitPane split = new SplitPane(table, buildForm());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label hint = new Label("Double-click a cell to edit it; Enter applies, Esc cancels. A value the plan cannot hold is refused and the reason shown. Ctrl+Z undoes.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        root.getChildren().addAll(heading, toolbar, split, hint);
    }

    private void buildTable() {
        table.setId("workloadsTable");
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No workloads in this site yet: add one, pick one from the library or import a CSV."));
        for (WorkloadField f : TABLE_FIELDS) {
            TableColumn<WorkloadRow, String> col = new TableColumn<>();
            Label header = new Label(f.label());
            header.setTooltip(new Tooltip(f == WorkloadField.ANTI_AFFINITY ? WorkloadField.SPREAD_MEANING : f.label()));
            col.setGraphic(header);
            col.setMinWidth(Math.max(60, f.label().length() * 8 + 16));
            col.setId("col-" + f.key());
            col.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().text(f)));
            if (f == WorkloadField.KIND) {
                col.setCellFactory(ComboBoxTableCell.forTableColumn(new DefaultStringConverter(),
                        WorkloadKind.CONTAINER.id(), WorkloadKind.VM.id(), WorkloadKind.OCI.id()));
            } else if (f == WorkloadField.ANTI_AFFINITY) {
                col.setCellFactory(ComboBoxTableCell.forTableColumn(new DefaultStringConverter(), "yes", "no"));
            } else {
                col.setCellFactory(TextFieldTableCell.forTableColumn());
            }
            col.setOnEditCommit(e -> {
                vm.commit(e.getRowValue().index(), f, e.getNewValue());
                table.refresh();
            });
            col.setSortable(false);
            table.getColumns().add(col);
        }
        TableColumn<WorkloadRow, String> problem = new TableColumn<>("Problem");
        problem.setId("col-problem");
        problem.setCellValueFactory(c -> c.getValue().problemProperty());
        problem.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove(Styles.PROBLEM_TEXT);
                if (!empty && item != null && !item.isEmpty()) {
                    getStyleClass().add(Styles.PROBLEM_TEXT);
                    setTooltip(new Tooltip(item));
                } else {
                    setTooltip(null);
                }
            }
        });
        problem.setPrefWidth(320);
        problem.setSortable(false);
        table.getColumns().add(problem);
        table.setRowFactory(t -> new TableRow<>() {
            private javafx.beans.value.ChangeListener<String> listener;

            @Override
            protected void updateItem(WorkloadRow item, boolean empty) {
                if (getItem() != null && listener != null) {
                    getItem().problemProperty().removeListener(listener);
                }
                super.updateItem(item, empty);
                getStyleClass().remove(Styles.INVALID_ROW);
                if (!empty && item != null) {
                    listener = (o, a, b) -> toggle(b);
                    item.problemProperty().addListener(listener);
                    toggle(item.problem());
                }
            }

            private void toggle(String problem) {
                getStyleClass().remove(Styles.INVALID_ROW);
                if (problem != null && !problem.isEmpty()) {
                    getStyleClass().add(Styles.INVALID_ROW);
                }
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) {
                removeSelected();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> fillForm(row));
        vm.rows().addListener((ListChangeListener<WorkloadRow>) c -> fillForm(table.getSelectionModel().getSelectedItem()));
    }

    /** After Add: the new row is selected (so the form shows it) and in view. */
    private void selectNew(int row) {
        if (row >= 0 && row < vm.rows().size()) {
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(row);
            fillForm(vm.rows().get(row));
        }
    }

    private void removeSelected() {
        vm.remove(List.copyOf(table.getSelectionModel().getSelectedIndices()));
    }

    private Node buildForm() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.DETAILS);
        grid.setId("workloadForm");
        Label title = new Label("Selected workload");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        grid.add(title, 0, 0, 2, 1);
        int r = 1;
        for (WorkloadField f : WorkloadField.values()) {
            Label label = new Label(f == WorkloadField.ANTI_AFFINITY ? WorkloadField.SPREAD_MEANING : f.label());
            label.getStyleClass().add(Styles.DETAIL_LABEL);
            label.setWrapText(true);
            label.setMaxWidth(200);
            if (!f.choices().isEmpty()) {
                javafx.scene.control.ChoiceBox<String> box = new javafx.scene.control.ChoiceBox<>();
                box.getItems().setAll(f.choices());
                box.setId("field-" + f.key());
                box.valueProperty().addListener((o, a, b) -> {
                    WorkloadRow row = table.getSelectionModel().getSelectedItem();
                    if (!filling && row != null && b != null && !b.equals(row.text(f))) {
                        int index = row.index();
                        if (vm.commit(index, f, b)) {
                            table.getSelectionModel().clearAndSelect(index);
                        }
                    }
                });
                choices.put(f, box);
                grid.add(label, 0, r);
                grid.add(box, 1, r);
                r++;
                continue;
            }
            TextField field = new TextField();
            field.setId("field-" + f.key());
            field.setPrefColumnCount(10);
            form.put(f, field);
            validation.registerValidator(field, false, (Validator<String>) (control, text) -> {
                WorkloadRow row = table.getSelectionModel().getSelectedItem();
                if (row == null || text == null) {
                    return new ValidationResult();
                }
                return vm.validate(row.index(), f, text)
                        .map(reason -> ValidationResult.fromMessages(org.controlsfx.validation.ValidationMessage.error(control, reason)))
                        .orElseGet(ValidationResult::new);
            });
            field.setOnAction(e -> commitForm(f));
            field.focusedProperty().addListener((o, had, has) -> {
                if (had && !has) {
                    commitForm(f);
                }
            });
            grid.add(label, 0, r);
            grid.add(field, 1, r);
            r++;
        }
        formProblem.setId("formProblem");
        formProblem.getStyleClass().add(Styles.PROBLEM_TEXT);
        formProblem.setWrapText(true);
        formProblem.setMaxWidth(320);
        formProblem.textProperty().bind(Bindings.createStringBinding(() -> {
            var result = validation.getValidationResult();
            return result == null ? "" : String.join("\n", result.getMessages().stream()
                    .filter(m -> m.getSeverity() == Severity.ERROR).map(m -> m.getText()).distinct().toList());
        }, validation.validationResultProperty()));
        grid.add(formProblem, 0, r, 2, 1);
        r++;

        Label candidatesTitle = new Label("Hardware candidates of this site");
        candidatesTitle.getStyleClass().add(Styles.SECTION_TITLE);
        ListView<String> candidates = new ListView<>(vm.hardwareCandidates());
        candidates.setId("candidatesList");
        candidates.setPrefHeight(110);
        candidates.setPlaceholder(new Label("None: add some from the Catalog tab"));
        Button removeCandidate = new Button("Remove candidate");
        removeCandidate.disableProperty().bind(candidates.getSelectionModel().selectedItemProperty().isNull());
        removeCandidate.setOnAction(e -> vm.removeHardwareCandidate(candidates.getSelectionModel().getSelectedItem()));
        grid.add(candidatesTitle, 0, r++, 2, 1);
        grid.add(candidates, 0, r++, 2, 1);
        grid.add(removeCandidate, 0, r, 2, 1);

        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(Region.USE_PREF_SIZE);
        fillForm(null);
        return scroll;
    }

    private boolean filling;

    private void fillForm(WorkloadRow row) {
        filling = true;
        try {
            for (var e : form.entrySet()) {
                e.getValue().setDisable(row == null);
                e.getValue().setText(row == null ? "" : row.text(e.getKey()));
            }
            for (var e : choices.entrySet()) {
                e.getValue().setDisable(row == null);
                e.getValue().setValue(row == null ? null : row.text(e.getKey()));
            }
        } finally {
            filling = false;
        }
        validation.revalidate();
    }

    private void commitForm(WorkloadField f) {
        WorkloadRow row = table.getSelectionModel().getSelectedItem();
        if (filling || row == null) {
            return;
        }
        String text = form.get(f).getText();
        if (text.equals(row.text(f))) {
            // back to the value the plan holds: the mark of an earlier refused edit goes
            vm.commit(row.index(), f, text);
            return;
        }
        int index = row.index();
        if (vm.commit(index, f, text)) {
            table.getSelectionModel().clearAndSelect(index);
        }
    }

    public Node root() {
        return root;
    }
}
