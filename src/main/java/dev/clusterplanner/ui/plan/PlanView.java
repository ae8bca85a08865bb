package dev.clusterplanner.ui.plan;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The Plan & compare area: option cards, then placement, what-if, costs, utilisation, explanations and findings of the selected option. */
public class PlanView {

    private final VBox root = new VBox(8);
    private final PlanResultsViewModel vm;
    private final FlowPane cardPane = new FlowPane(12, 12);

    public PlanView(PlanResultsViewModel vm, javafx.collections.ObservableList<String> siteNames) {
        this.vm = vm;
        root.setId("planArea");
        root.getStyleClass().add(Styles.AREA);

        Label heading = new Label("Plan & compare");
        heading.getStyleClass().add(Styles.AREA_TITLE);
        ComboBox<String> site = new ComboBox<>(siteNames);
        site.setId("planSiteChooser");
        site.getSelectionModel().select(vm.siteIndexProperty().get());
        site.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                vm.siteIndexProperty().set(b.intValue());
            }
        });
        vm.siteIndexProperty().addListener((o, a, b) -> site.getSelectionModel().select(b.intValue()));
        siteNames.addListener((ListChangeListener<String>) c -> site.getSelectionModel().select(vm.siteIndexProperty().get()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.computingProperty());
        Label state = new Label();
        state.setId("planState");
        state.getStyleClass().add(Styles.MUTED);
        state.textProperty().bind(vm.stateProperty());
        Button recompute = new Button("Recompute");
        recompute.setId("recompute");
        recompute.setOnAction(e -> vm.recompute());
        javafx.scene.control.ToggleButton asTable = new javafx.scene.control.ToggleButton("Compare as a table");
        asTable.setId("compareAsTable");
        asTable.setTooltip(new javafx.scene.control.Tooltip("The options side by side, one row each (cards show more per option)"));
        HBox toolbar = new HBox(8, new Label("Site"), site, recompute, asTable, spinner, state);
        toolbar.getStyleClass().add(Styles.TOOLBAR);

        Label problemHead = new Label();
        problemHead.getStyleClass().add(Styles.BANNER_HEADLINE);
        Label problemText = new Label();
        problemText.getStyleClass().add(Styles.BANNER_DETAILS);
        problemText.setWrapText(true);
        problemHead.textProperty().bind(Bindings.createStringBinding(() -> vm.sizingProblemProperty().get() == null ? ""
                : vm.sizingProblemProperty().get().headline(), vm.sizingProblemProperty()));
        problemText.textProperty().bind(Bindings.createStringBinding(() -> vm.sizingProblemProperty().get() == null ? ""
                : String.join("\n", vm.sizingProblemProperty().get().details()), vm.sizingProblemProperty()));
        VBox problem = new VBox(4, problemHead, problemText);
        problem.setId("sizingProblem");
        problem.getStyleClass().add(Styles.PROBLEM_BANNER);
        problem.visibleProperty().bind(vm.sizingProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        cardPane.setId("optionCards");
        vm.cards().addListener((ListChangeListener<PlanResultsViewModel.OptionCard>) c -> fillCards());
        vm.selectedProperty().addListener((o, a, b) -> fillCards());
        vm.guidanceProperty().addListener((o, a, b) -> fillCards());
        fillCards();
        ScrollPane cardScroll = new ScrollPane(cardPane);
        cardScroll.setFitToWidth(true);
        cardScroll.setId("cardScroll");
        cardScroll.setPrefViewportHeight(250);
        // the key figures of a card (title to total) stay visible on a 1366x768 screen
        cardScroll.setMinHeight(175);

        TabPane details = new TabPane(
                tab("Placement", "placementTab", placementPane()),
                tab("Costs", "costsTab", costPane()),
                tab("Utilisation", "utilisationTab", utilisationChart()),
                tab("Why? (formulas)", "whyTab", explanationTable()),
                tab("Findings", "findingsTab", findingsTable()));
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.setId("planDetails");
        TableView<PlanResultsViewModel.OptionCard> comparison = comparisonTable();
        javafx.scene.layout.StackPane options = new javafx.scene.layout.StackPane(cardScroll, comparison);
        comparison.visibleProperty().bind(asTable.selectedProperty());
        cardScroll.visibleProperty().bind(asTable.selectedProperty().not());
        options.setMinHeight(175);
        SplitPane split = new SplitPane(options, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(heading, toolbar, new FleetBar(vm.fleet()).root(), problem, split);
    }

    /** The options as rows: the figures of the cards side by side; selecting a row selects the option. */
    private TableView<PlanResultsViewModel.OptionCard> comparisonTable() {
        TableView<PlanResultsViewModel.OptionCard> t = new TableView<>(vm.cards());
        t.setId("comparisonTable");
        t.getColumns().add(col("#", c -> String.valueOf(c.rank()), 40));
        t.getColumns().add(col("Option", c -> c.title() + (c.recommended() ? " (recommended)" : ""), 260));
        t.getColumns().add(col("Hosts", c -> c.feasible() ? String.valueOf(c.hosts()) : "does not fit: " + c.whyNot(), 120));
        t.getColumns().add(col("Purchase", c -> c.feasible() ? PlanResultsViewModel.money(c.capexUsd()) : "not costed", 110));
        t.getColumns().add(col("Monthly", c -> c.feasible() ? PlanResultsViewModel.money(c.monthlyUsd()) : "not costed", 100));
        t.getColumns().add(col("Total over the horizon", c -> c.feasible() ? PlanResultsViewModel.money(c.tcoUsd()) : "not costed", 150));
        t.getColumns().add(col("Configuration", c -> ConfigurationWords.of(c.scenario()), 220));
        t.getColumns().add(col("Findings", PlanResultsViewModel.OptionCard::findingsBadge, 140));
        t.getColumns().add(col("Power", PlanResultsViewModel.OptionCard::power, 180));
        t.getColumns().add(col("Cheapest fleet: bound, gap", c -> c.scenario().fleet() == null ? "" : "no fleet below "
                + PlanResultsViewModel.money(c.scenario().fleet().lowerBoundUsd()) + ", gap "
                + dev.clusterplanner.core.fleet.FleetSummary.percent(c.scenario().fleet().gap()), 220));
        t.setPlaceholder(new Label("No results yet."));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null && c != vm.selectedProperty().get()) {
                vm.selectedProperty().set(c);
            }
        });
        return t;
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private void fillCards() {
        cardPane.getChildren().clear();
        for (PlanResultsViewModel.OptionCard c : vm.cards()) {
            cardPane.getChildren().add(card(c));
        }
        if (vm.cards().isEmpty()) {
            String next = vm.guidanceProperty().get();
            Label none = new Label(next.isEmpty() ? "No results yet." : next);
            none.setId("planGuidance");
            none.setWrapText(true);
            none.getStyleClass().add(next.isEmpty() ? Styles.MUTED : Styles.GUIDANCE);
            cardPane.getChildren().add(none);
        }
    }

    /**
     * One option as a card, its key figures first (hosts, purchase, monthly, total over the horizon) so that they show on a
     * 1366x768 screen without scrolling; power, recovery and use follow; the sizing sentence is the card's tooltip.
     */
    private Node card(PlanResultsViewModel.OptionCard c) {
        String key = c.scenario().isFleet() ? "fleet" : String.join("+", c.scenario().hardwareIds());
        Label title = new Label("#" + c.rank() + "  " + c.title());
        title.getStyleClass().add(Styles.CARD_TITLE);
        title.setWrapText(true);
        title.setTooltip(new javafx.scene.control.Tooltip(c.title()));
        FlowPane badges = new FlowPane(4, 2);
        if (c.recommended()) {
            badges.getChildren().add(badge("recommended", Styles.BADGE_INFO));
        }
        if (!c.feasible()) {
            badges.getChildren().add(badge("does not fit", Styles.BADGE_ERROR));
        }
        if (c.findings() > 0) {
            Label b = badge(c.findingsBadge(), Styles.BADGE_WARNING);
            b.setId("findingsBadge-" + key);
            b.setTooltip(new javafx.scene.control.Tooltip("Warnings and errors of this option, as listed in the Findings tab and the PDF report"));
            badges.getChildren().add(b);
        }
        Label hosts = new Label(c.feasible() ? c.hosts() + " hosts" : "Does not fit");
        hosts.setId("hosts-" + key);
        hosts.getStyleClass().add(Styles.CARD_FIGURE);
        VBox box = new VBox(2, title, badges, hosts);
        String notCosted = "not costed (does not fit)";
        if (!c.feasible()) {
            Label whyNot = new Label(c.whyNot());
            whyNot.setId("whyNot-" + key);
            whyNot.setWrapText(true);
            whyNot.getStyleClass().add(Styles.PROBLEM_TEXT);
            box.getChildren().add(whyNot);
        }
        String prefix = c.recommended() ? "recommended" : "option-" + key + "-";
        box.getChildren().addAll(
                figure("Purchase", c.feasible() ? PlanResultsViewModel.money(c.capexUsd()) : notCosted, prefix + "Purchase"),
                figure("Monthly", c.feasible() ? PlanResultsViewModel.money(c.monthlyUsd()) : notCosted, prefix + "Monthly"),
                figure(c.years() + "-year TCO", c.feasible() ? PlanResultsViewModel.money(c.tcoUsd()) : notCosted, prefix + "Tco"),
                figure("Power", c.power(), null),
                figure("Recovery", c.recovery(), null),
                figure("Use", c.utilisation(), null));
        String configuration = ConfigurationWords.of(c.scenario());
        if (!configuration.isEmpty()) {
            Node configured = figure("Configured", configuration, prefix + "Configured");
            javafx.scene.control.Tooltip.install(configured, new javafx.scene.control.Tooltip(ConfigurationWords.why(c.scenario())));
            box.getChildren().add(configured);
        }
        javafx.scene.control.Tooltip.install(box, new javafx.scene.control.Tooltip(c.explanation()));
        box.getStyleClass().add(Styles.CARD);
        if (c.recommended()) {
            box.getStyleClass().add(Styles.CARD_BEST);
        }
        if (!c.feasible()) {
            box.getStyleClass().add(Styles.CARD_FAILS);
        }
        if (c == vm.selectedProperty().get()) {
            box.getStyleClass().add(Styles.CARD_SELECTED);
        }
        box.setPrefWidth(260);
        box.setId("card-" + key);
        box.setOnMouseClicked(e -> vm.selectedProperty().set(c));
        return box;
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.BADGE, style);
        return l;
    }

    private static Node figure(String label, String value, String id) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.CARD_LABEL);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setPrefWidth(100);
        Label v = new Label(value);
        v.setWrapText(true);
        if (id != null) {
            v.setId(id);
        }
        return new HBox(8, l, v);
    }

    private Node placementPane() {
        TableView<PlanResultsViewModel.HostRow> table = hostTable(vm.placement());
        table.setId("placementTable");
        ComboBox<String> fail = new ComboBox<>();
        fail.setId("failHost");
        fail.setPromptText("pick a host");
        Runnable fill = () -> {
            fail.getItems().setAll(vm.hostNames());
        };
        vm.hostNames().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        fail.valueProperty().bindBidirectional(vm.failedHostProperty());
        Label outcome = new Label();
        outcome.setId("whatIfOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.whatIfProperty());
        TableView<PlanResultsViewModel.HostRow> after = hostTable(vm.whatIfPlacement());
        after.setId("whatIfTable");
        after.setPlaceholder(new Label("Pick a host above to see where its instances go."));
        HBox bar = new HBox(8, new Label("What if a host fails?"), fail);
        bar.getStyleClass().add(Styles.TOOLBAR);
        VBox whatIf = new VBox(6, bar, outcome, after);
        whatIf.getStyleClass().add(Styles.AREA);
        VBox.setVgrow(after, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, whatIf);
        split.setDividerPositions(0.55);
        return split;
    }

    private static TableView<PlanResultsViewModel.HostRow> hostTable(javafx.collections.ObservableList<PlanResultsViewModel.HostRow> rows) {
        TableView<PlanResultsViewModel.HostRow> t = new TableView<>(rows);
        t.getColumns().add(col("Host", PlanResultsViewModel.HostRow::host, 80));
        t.getColumns().add(col("Hardware", PlanResultsViewModel.HostRow::hardware, 170));
        t.getColumns().add(col("CPU", r -> PlanResultsViewModel.pct(r.cpu()), 60));
        t.getColumns().add(col("Memory", r -> PlanResultsViewModel.pct(r.memory()), 70));
        t.getColumns().add(col("Disk", r -> PlanResultsViewModel.pct(r.disk()), 60));
        t.getColumns().add(col("GPU", r -> PlanResultsViewModel.pct(r.gpu()), 50));
        t.getColumns().add(col("Network", r -> PlanResultsViewModel.pct(r.network()), 70));
        t.getColumns().add(col("Instances", r -> r.instances() + ": " + r.instanceNames(), 360));
        t.setPlaceholder(new Label("No placement."));
        return t;
    }

    /** A column whose header and cells carry a tooltip with their whole text, for when the column is too narrow. */
    static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new javafx.scene.control.Tooltip(title));
        c.setGraphic(header);
        c.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, title.length() * 8 + 20));
        return c;
    }

    private Node costPane() {
        NumberAxis x = new NumberAxis();
        x.setLabel("month");
        NumberAxis y = new NumberAxis();
        y.setLabel("cumulative USD");
        LineChart<Number, Number> line = new LineChart<>(x, y);
        line.setId("cumulativeCostChart");
        line.setTitle("Cumulative cost");
        line.setCreateSymbols(false);
        // the chart's own legend hides itself when it is taller than the room it would leave (seven options do that):
        // a flowing legend under the charts, with the chart's colour classes, always shows
        line.setLegendVisible(false);
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(12, 2);
        legend.setId("costLegend");
        CategoryAxis bx = new CategoryAxis();
        NumberAxis by = new NumberAxis();
        by.setLabel("USD, total");
        bx.setLabel("option (# as on the cards)");
        StackedBarChart<String, Number> bars = new StackedBarChart<>(bx, by);
        bars.setId("costBreakdownChart");
        bars.setTitle("Cost breakdown");
        Label breakEven = new Label();
        breakEven.setId("breakEven");
        breakEven.setWrapText(true);
        breakEven.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.CheckBox zoom = new javafx.scene.control.CheckBox("Zoom to the recommended option");
        zoom.setId("costZoom");
        zoom.setSelected(true);
        Label notDrawn = new Label();
        notDrawn.setId("costNotDrawn");
        notDrawn.setWrapText(true);
        notDrawn.getStyleClass().add(Styles.MUTED);
        notDrawn.textProperty().bind(vm.notDrawnProperty());
        Runnable fill = () -> {
            line.getData().clear();
            bars.getData().clear();
            // break-evens are marked on the dearer option's own line: a symbol only on those points
            java.util.Map<String, java.util.Map<Integer, PlanResultsViewModel.BreakEven>> marks = new java.util.HashMap<>();
            for (PlanResultsViewModel.BreakEven b : vm.breakEvens()) {
                marks.computeIfAbsent(b.dearerFirstId(), k -> new java.util.HashMap<>()).put(b.month(), b);
            }
            for (PlanResultsViewModel.CostSeries s : vm.costSeries()) {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(CostCurves.chartName(s.option()) + (s.recommended() ? " (recommended)" : ""));
                var here = marks.getOrDefault(s.optionId(), java.util.Map.of());
                for (PlanResultsViewModel.CostPoint p : s.points()) {
                    XYChart.Data<Number, Number> d = new XYChart.Data<>(p.month(), p.cumulativeUsd());
                    PlanResultsViewModel.BreakEven b = here.get(p.month());
                    if (b != null) {
                        javafx.scene.layout.Region marker = new javafx.scene.layout.Region();
                        marker.getStyleClass().add(Styles.BREAK_EVEN_MARKER);
                        marker.setId("breakEven-" + p.month());
                        javafx.scene.control.Tooltip.install(marker, new javafx.scene.control.Tooltip(b.describe()));
                        d.setNode(marker);
                    }
                    series.getData().add(d);
                }
                line.getData().add(series);
            }
            legend.getChildren().clear();
            for (int i = 0; i < line.getData().size(); i++) {
                javafx.scene.layout.Region symbol = new javafx.scene.layout.Region();
                symbol.getStyleClass().addAll("chart-legend-item-symbol", "chart-line-symbol", "series" + i, "default-color" + (i % 8));
                Label item = new Label(line.getData().get(i).getName(), symbol);
                item.getStyleClass().add("chart-legend-item");
                legend.getChildren().add(item);
            }
            java.util.Map<String, XYChart.Series<String, Number>> byComponent = new java.util.LinkedHashMap<>();
            for (PlanResultsViewModel.Breakdown b : vm.breakdown()) {
                XYChart.Series<String, Number> series = byComponent.computeIfAbsent(b.component(), k -> {
                    XYChart.Series<String, Number> n = new XYChart.Series<>();
                    n.setName(k);
                    return n;
                });
                series.getData().add(new XYChart.Data<>(shortName(b.option()), b.usd()));
            }
            bars.getData().addAll(byComponent.values());
            breakEven.setText(CostCurves.breakEvenSummary(vm.costSeries(), vm.breakEvens()));
            // AWS lines can be a hundred times the recommended one: zoomed, the axes fit the recommended option and its break-evens
            int months = vm.costSeries().stream().mapToInt(PlanResultsViewModel.CostSeries::months).max().orElse(0);
            double top = vm.costSeries().stream().filter(PlanResultsViewModel.CostSeries::recommended)
                    .mapToDouble(c -> c.at(c.months())).max().orElse(0);
            boolean fit = zoom.isSelected() && top > 0 && months > 0;
            x.setAutoRanging(months == 0);
            if (months > 0) {
                x.setLowerBound(0);
                x.setUpperBound(months);
                x.setTickUnit(months > 24 ? 12 : 3);
            }
            y.setAutoRanging(!fit);
            if (fit) {
                double upper = niceCeiling(top * 2);
                y.setLowerBound(0);
                y.setUpperBound(upper);
                y.setTickUnit(upper / 5);
            }
        };
        zoom.selectedProperty().addListener((o, a, b) -> fill.run());
        vm.costSeries().addListener((ListChangeListener<PlanResultsViewModel.CostSeries>) c -> fill.run());
        vm.breakdown().addListener((ListChangeListener<PlanResultsViewModel.Breakdown>) c -> fill.run());
        fill.run();
        HBox charts = new HBox(8, line, bars);
        HBox.setHgrow(line, Priority.ALWAYS);
        HBox.setHgrow(bars, Priority.ALWAYS);
        VBox box = new VBox(6, charts, legend, zoom, breakEven, notDrawn);
        box.getStyleClass().add(Styles.AREA);
        VBox.setVgrow(charts, Priority.ALWAYS);
        // the charts keep a readable plot area however small the window: the pane scrolls instead of squashing them
        line.setMinSize(360, CHART_MIN_HEIGHT);
        bars.setMinSize(300, CHART_MIN_HEIGHT);
        charts.setMinHeight(CHART_MIN_HEIGHT);
        return scrolling(box, "costScroll");
    }

    /** The smallest height of a chart: a plot area of about 180 px after its title and axis. */
    static final double CHART_MIN_HEIGHT = 280;

    private static Node scrolling(Node content, String id) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}: round axis bounds. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String shortName(String s) {
        return s.length() > 28 ? s.substring(0, 27) + "..." : s;
    }

    private Node utilisationChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel("% of host capacity");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("utilisationChart");
        chart.setTitle("Per-host utilisation of the selected option");
        Runnable fill = () -> {
            chart.getData().clear();
            String[] names = {"CPU", "memory", "disk", "GPU", "network"};
            for (int d = 0; d < names.length; d++) {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(names[d]);
                for (PlanResultsViewModel.HostRow r : vm.placement()) {
                    Double u = switch (d) {
                        case 0 -> r.cpu();
                        case 1 -> r.memory();
                        case 2 -> r.disk();
                        case 3 -> r.gpu();
                        default -> r.network();
                    };
                    if (u != null && !u.isInfinite()) {
                        s.getData().add(new XYChart.Data<>(r.host(), u * 100));
                    }
                }
                if (!s.getData().isEmpty()) {
                    chart.getData().add(s);
                }
            }
        };
        vm.placement().addListener((ListChangeListener<PlanResultsViewModel.HostRow>) c -> fill.run());
        fill.run();
        chart.setMinHeight(CHART_MIN_HEIGHT);
        return scrolling(chart, "utilisationScroll");
    }

    private Node explanationTable() {
        TableView<Explanation> t = new TableView<>(vm.explanations());
        t.setId("explanationTable");
        t.getColumns().add(col("Figure", Explanation::figure, 180));
        t.getColumns().add(col("Value", e -> String.format(Locale.ROOT, "%,.2f %s", e.value(), e.unit()), 140));
        TableColumn<Explanation, String> formula = col("Formula", Explanation::formula, 520);
        t.getColumns().add(formula);
        t.getColumns().add(col("Source", Explanation::citation, 260));
        t.setPlaceholder(new Label("Select an option card to see how its numbers were reached."));
        return t;
    }

    private Node findingsTable() {
        return findingsPane();
    }

    private Node findingsPane() {
        TableView<Finding> t = new TableView<>(vm.findings());
        t.setId("findingsTable");
        t.getColumns().add(col("Severity", f -> f.severity().id(), 80));
        t.getColumns().add(col("Finding", Finding::text, 640));
        t.getColumns().add(col("Rule", Finding::rule, 160));
        t.getColumns().add(col("Source", Finding::citation, 240));
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll(Styles.SEVERITY_INFO, Styles.SEVERITY_WARNING, Styles.SEVERITY_ERROR);
                if (!empty && f != null) {
                    getStyleClass().add(switch (f.severity()) {
                        case INFO -> Styles.SEVERITY_INFO;
                        case WARNING -> Styles.SEVERITY_WARNING;
                        case ERROR -> Styles.SEVERITY_ERROR;
                    });
                }
            }
        });
        t.setPlaceholder(new Label("No findings for this site."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the whole sentence of the selected finding, wrapped, under the table
        Label detail = new Label("Select a finding to read it whole.");
        detail.setId("findingDetail");
        detail.setWrapText(true);
        detail.getStyleClass().add(Styles.MUTED);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> detail.setText(f == null ? "Select a finding to read it whole."
                : f.severity().id() + ": " + f.text() + (f.citation() == null || f.citation().isBlank() ? "" : " (source: " + f.citation() + ")")));
        VBox box = new VBox(6, t, detail);
        VBox.setVgrow(t, Priority.ALWAYS);
        return box;
    }

    public Node root() {
        return root;
    }
}
