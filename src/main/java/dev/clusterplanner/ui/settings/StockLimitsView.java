package dev.clusterplanner.ui.settings;

import dev.clusterplanner.ui.Styles;
import dev.clusterplanner.ui.settings.StockLimitsViewModel.Draft;
import dev.clusterplanner.ui.settings.StockLimitsViewModel.Limit;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * The Settings area's "Stock limits" section: the selected site's limits as a list, and a form (hardware as a choice of
 * the site's candidates, the most hosts) checked as it is typed. Binds to {@link StockLimitsViewModel}.
 */
final class StockLimitsView {

    private final StockLimitsViewModel vm;
    private final ListView<Limit> list = new ListView<>();
    private final ChoiceBox<String> hardware = new ChoiceBox<>();
    private final TextField most = new TextField();
    private final MarkedForm form = new MarkedForm("stock");
    private final VBox root;

    StockLimitsView(StockLimitsViewModel vm) {
        this.vm = vm;
        Label title = new Label("Stock limits");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label hint = new Label("The most hosts of a row this site may use (over the catalog's stock); none listed = the catalog's."
                + " An option that needs more hosts of a row than this is not offered as it is and says so.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        hint.setMaxWidth(620);

        list.setId("stockLimitsList");
        list.setItems(vm.rows());
        list.setPrefHeight(90);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Limit item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.line(item));
            }
        });
        list.setPlaceholder(new Label("None: the catalog's stock holds for every row."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                fill(StockLimitsViewModel.draftOf(b));
            }
        });

        hardware.setId("stockHardware");
        hardware.setItems(vm.hardwareChoices());
        most.setId("stockMost");
        most.setPromptText("0 to 1,000");
        most.setPrefColumnCount(6);

        form.row("Hardware (candidate)", hardware, StockLimitsViewModel.HARDWARE, "One of this site's hardware candidates (a catalog row).");
        form.row("Most hosts", most, StockLimitsViewModel.MOST,
                "The most hosts of this row the site may use, a whole number from 0 to 1,000; 0: none of it.");
        hardware.valueProperty().addListener((o, a, b) -> check());
        most.textProperty().addListener((o, a, b) -> check());

        root = new VBox(6, title, hint, list);
        root.getChildren().addAll(form.withButtons(() -> vm.add(draft()),
                () -> vm.update(list.getSelectionModel().getSelectedIndex(), draft()),
                () -> vm.remove(list.getSelectionModel().getSelectedIndex())));
        root.setId("stockLimitsSection");
        root.getStyleClass().add(Styles.DETAILS);
    }

    private Draft draft() {
        return new Draft(hardware.getValue(), most.getText());
    }

    private void fill(Draft d) {
        hardware.setValue(d.hardware());
        most.setText(d.most());
    }

    /**
     * Marks each field whose value cannot be saved, with the reason under it: the hardware only once one is chosen, the
     * count only once something is typed.
     */
    private void check() {
        Map<String, String> found = vm.problemsAsTyped(draft(), list.getSelectionModel().getSelectedIndex());
        for (String field : form.fields()) {
            boolean untouched = field.equals(StockLimitsViewModel.HARDWARE) ? hardware.getValue() == null : most.getText().isBlank();
            form.mark(field, untouched ? "" : found.getOrDefault(field, ""));
        }
    }

    Node root() {
        return root;
    }
}
