package dev.clusterplanner.ui.catalog;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.ui.Styles;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The catalog browser: filters, a sortable table, the selected row's details with its source. Binds to {@link CatalogViewModel}. */
public class CatalogView {

    private final VBox root = new VBox(8);
    private final CatalogViewModel vm;
    private final GridPane details = new GridPane();

    /** The catalog without the form for the user's own rows (tests of the table alone). */
    public CatalogView(CatalogViewModel vm) {
        this(vm, null);
    }

    public CatalogView(CatalogViewModel vm, HardwareFormViewModel form) {
        this.vm = vm;
        root.setId("catalogArea");
        root.getStyleClass().add(Styles.AREA);
        Label heading = new Label("Hardware catalog");
        heading.getStyleClass().add(Styles.AREA_TITLE);

        ComboBox<HardwareCategory> category = new ComboBox<>();
        category.setId("categoryFilter");
        category.getItems().add(null);
        category.getItems().addAll(HardwareCategory.values());
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(HardwareCategory c) {
                return c == null ? "All categories" : c.id();
            }

            @Override
            public HardwareCategory fromString(String s) {
                return null;
            }
        });
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        category.getSelectionModel().select(0);

        TextField search = new TextField();
        search.setId("catalogSearch");
        search.setPromptText("Search name, CPU, GPU, vendor, region");
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(vm.textProperty());
        TextField min = new TextField();
        min.setId("minPrice");
        min.setPromptText("min USD");
        min.setPrefColumnCount(7);
        min.textProperty().bindBidirectional(vm.minPriceProperty());
        TextField max = new TextField();
        max.setId("maxPrice");
        max.setPromptText("max USD");
        max.setPrefColumnCount(7);
        max.textProperty().bindBidirectional(vm.maxPriceProperty());
        Label filterProblem = new Label();
        filterProblem.getStyleClass().add(Styles.PROBLEM_TEXT);
        filterProblem.textProperty().bind(vm.filterProblemProperty());
        HBox filters = new HBox(8, category, search, new Label("Price"), min, new Label("to"), max, filterProblem);
        filters.getStyleClass().add(Styles.TOOLBAR);

        Label summary = new Label();
        summary.setId("catalogSummary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(vm.summaryProperty());

        TableView<Hardware> table = buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        Button addCandidate = new Button("Add as candidate to the selected site");
        addCandidate.setId("addCandidate");
        addCandidate.disableProperty().bind(vm.selectedProperty().isNull());
        addCandidate.setOnAction(e -> vm.addSelectedAsCandidate());
        details.getStyleClass().add(Styles.DETAILS);
        details.setId("hardwareDetails");
        ScrollPane detailScroll = new ScrollPane(details);
        detailScroll.setFitToWidth(true);
        VBox right = new VBox(8, detailScroll, addCandidate);
        if (form != null) {
            // while the form is open it takes the details' place (the row's figures are in the form)
            ScrollPane formScroll = new ScrollPane(new HardwareFormView(form, vm).root());
            formScroll.setFitToWidth(true);
            formScroll.setMinHeight(110);
            right.getChildren().add(formScroll);
            detailScroll.visibleProperty().bind(form.modeProperty().isNull());
            detailScroll.managedProperty().bind(detailScroll.visibleProperty());
            form.modeProperty().addListener((o, a, mode) -> VBox.setVgrow(formScroll, mode == null ? Priority.NEVER : Priority.ALWAYS));
        }
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        vm.selectedProperty().addListener((o, a, h) -> showDetails(h));
        showDetails(null);

        SplitPane split = new SplitPane(new VBox(4, table, summary), right);
        VBox.setVgrow(table, Priority.ALWAYS);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(heading, filters, split);
    }

    private TableView<Hardware> buildTable() {
        TableView<Hardware> table = new TableView<>();
        table.setId("catalogTable");
        SortedList<Hardware> sorted = new SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No hardware matches the filters."));
        table.getColumns().add(text("Name", h -> h.name() == null ? h.id() : h.name(), 230));
        table.getColumns().add(text("Category", h -> h.category().id(), 110));
        table.getColumns().add(text("CPU", h -> h.cpuModel() == null ? "" : h.cpuModel(), 170));
        table.getColumns().add(number("Threads", h -> (double) h.threads(), "%.0f"));
        table.getColumns().add(number("Memory (GiB)", Hardware::memoryGib, "%.0f"));
        TableColumn<Hardware, Double> price = new TableColumn<>("Price");
        price.setId("col-price");
        price.setCellValueFactory(c -> {
            OptionalDouble p = CatalogViewModel.comparablePrice(c.getValue());
            return new SimpleObjectProperty<>(p.isPresent() ? p.getAsDouble() : null);
        });
        price.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        price.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                Hardware h = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                setText(h == null ? null : CatalogViewModel.priceText(h));
                getStyleClass().remove(Styles.MUTED);
                if (h != null && item == null) {
                    getStyleClass().add(Styles.MUTED);
                }
            }
        });
        price.setPrefWidth(120);
        table.getColumns().add(price);
        table.getColumns().add(text("Price age", Hardware::priceAge, 130));
        TableColumn<Hardware, Hardware> badges = new TableColumn<>("Notes");
        badges.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        badges.setSortable(false);
        badges.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Hardware h, boolean empty) {
                super.updateItem(h, empty);
                setText(null);
                if (empty || h == null) {
                    setGraphic(null);
                    return;
                }
                HBox box = new HBox(4);
                for (String b : vm.badges(h)) {
                    Label badge = new Label(b);
                    badge.getStyleClass().addAll(Styles.BADGE, b.equals("estimate") ? Styles.BADGE_ESTIMATE : Styles.BADGE_OVERRIDE);
                    box.getChildren().add(badge);
                }
                setGraphic(box);
            }
        });
        badges.setPrefWidth(120);
        table.getColumns().add(badges);
        table.getColumns().add(number("Max power (W)", h -> h.powerMaxW(), "%.0f"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, h) -> vm.selectedProperty().set(h));
        return table;
    }

    private static TableColumn<Hardware, String> text(String title, Function<Hardware, String> value, double width) {
        TableColumn<Hardware, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // the whole text when the column is too narrow for it
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        col.setPrefWidth(width);
        col.setMinWidth(headerWidth(title));
        return col;
    }

    /** Wide enough for the header's words (a cut "Memory GiB" reads "Me..."). */
    private static double headerWidth(String title) {
        return title.length() * 8 + 24;
    }

    private static TableColumn<Hardware, Double> number(String title, Function<Hardware, Double> value, String format) {
        TableColumn<Hardware, Double> col = new TableColumn<>(title);
        col.setMinWidth(headerWidth(title));
        col.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue())));
        col.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "unknown" : String.format(Locale.ROOT, format, item));
            }
        });
        return col;
    }

    private void showDetails(Hardware h) {
        details.getChildren().clear();
        if (h == null) {
            Label none = new Label("Select a row to see all its figures and where they come from.");
            none.getStyleClass().add(Styles.MUTED);
            none.setWrapText(true);
            details.add(none, 0, 0);
            return;
        }
        List<CatalogViewModel.Detail> lines = vm.details(h);
        for (int i = 0; i < lines.size(); i++) {
            Label label = new Label(lines.get(i).label());
            label.getStyleClass().add(Styles.DETAIL_LABEL);
            Label value = new Label(lines.get(i).value());
            value.getStyleClass().add(Styles.DETAIL_VALUE);
            value.setWrapText(true);
            value.setMaxWidth(360);
            details.add(label, 0, i);
            details.add(value, 1, i);
        }
    }

    public Node root() {
        return root;
    }
}
