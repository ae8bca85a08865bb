package dev.clusterplanner.ui.settings;

import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.ui.Styles;
import dev.clusterplanner.ui.settings.OwnedHostsViewModel.Draft;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * The Settings area's "Hardware you already own" section: the selected site's owned hosts as a list, and a form
 * (hardware as a choice of catalog rows, how many, purchase date, price) checked as it is typed. Binds to
 * {@link OwnedHostsViewModel}.
 */
final class OwnedHostsView {

    private final OwnedHostsViewModel vm;
    private final ListView<OwnedHosts> list = new ListView<>();
    private final ChoiceBox<String> hardware = new ChoiceBox<>();
    private final TextField count = new TextField("1");
    private final TextField purchased = new TextField();
    private final TextField price = new TextField();
    private final MarkedForm form = new MarkedForm("owned");
    private final VBox root;

    OwnedHostsView(OwnedHostsViewModel vm) {
        this.vm = vm;
        Label title = new Label("Hardware you already own");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label hint = new Label("Hosts this site already has. The planner offers \"keep and add\" (these hosts plus the fewest new ones)"
                + " beside \"replace\"; they cost no purchase, only power, colocation and support. A purchase date makes their failure"
                + " rate in the risk simulation grow with their age.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        hint.setMaxWidth(620);

        list.setId("ownedHostsList");
        list.setItems(vm.rows());
        list.setPrefHeight(110);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OwnedHosts item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : OwnedHostsViewModel.describe(item));
            }
        });
        list.setPlaceholder(new Label("None: every host would be bought new."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                fill(OwnedHostsViewModel.draftOf(b));
            }
        });

        hardware.setId("ownedHardware");
        hardware.setItems(vm.hardwareChoices());
        count.setId("ownedCount");
        count.setPrefColumnCount(5);
        purchased.setId("ownedPurchased");
        purchased.setPromptText("2023-04-01 (optional)");
        purchased.setPrefColumnCount(10);
        price.setId("ownedPrice");
        price.setPromptText("USD each (optional)");
        price.setPrefColumnCount(10);

        form.row("Hardware (catalog row)", hardware, OwnedHostsViewModel.HARDWARE, "The catalog row these hosts are: their capacity and power come from it.");
        form.row("How many", count, OwnedHostsViewModel.COUNT, "How many hosts of this row the site owns.");
        form.row("Purchase date", purchased, OwnedHostsViewModel.PURCHASED, "When they were bought (year-month-day); empty when unknown.");
        form.row("Price paid (USD each)", price, OwnedHostsViewModel.PRICE,
                "What one cost; support is a share of it. Empty: the catalog price is used. Never counted as a purchase.");
        hardware.valueProperty().addListener((o, a, b) -> check());
        count.textProperty().addListener((o, a, b) -> check());
        purchased.textProperty().addListener((o, a, b) -> check());
        price.textProperty().addListener((o, a, b) -> check());

        root = new VBox(6, title, hint, list);
        root.getChildren().addAll(form.withButtons(() -> vm.add(draft()),
                () -> vm.update(list.getSelectionModel().getSelectedIndex(), draft()),
                () -> vm.remove(list.getSelectionModel().getSelectedIndex())));
        root.setId("ownedHostsSection");
        root.getStyleClass().add(Styles.DETAILS);
    }

    private Draft draft() {
        return new Draft(hardware.getValue(), count.getText(), purchased.getText(), price.getText());
    }

    private void fill(Draft d) {
        hardware.setValue(d.hardware());
        count.setText(d.count());
        purchased.setText(d.purchased());
        price.setText(d.priceUsd());
    }

    /** Marks each field whose value cannot be saved, with the reason under it (the hardware only once one is chosen). */
    private void check() {
        Map<String, String> found = vm.problems(draft(), -1);
        for (String field : form.fields()) {
            form.mark(field, field.equals(OwnedHostsViewModel.HARDWARE) && hardware.getValue() == null ? "" : found.getOrDefault(field, ""));
        }
    }

    Node root() {
        return root;
    }
}
