package dev.clusterplanner.ui.live;

import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.usage.UsageSeries;
import dev.clusterplanner.ui.Styles;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.NumberStringConverter;

import java.util.function.Function;

/**
 * The Live area's "Usage over time" tab: how long and how often to sample, start and cancel with progress, two small
 * charts (CPU cores per instance and per member over time), the usage table and the right-sizing findings.
 */
final class WatchView {

    private final VBox root;

    WatchView(LiveViewModel live) {
        WatchViewModel vm = live.watch();
        TextField duration = field("watchDuration", 6, "10m");
        duration.textProperty().bindBidirectional(vm.durationProperty());
        TextField interval = field("watchInterval", 5, "10s");
        interval.textProperty().bindBidirectional(vm.intervalProperty());
        TextField headroom = field("watchHeadroom", 4, "20");
        headroom.textProperty().bindBidirectional(vm.headroomProperty(), new NumberStringConverter());
        headroom.setTooltip(new Tooltip("Added to the observed 95th percentile before it is compared with limits or imported as demand"));
        Button start = new Button("Start watch");
        start.setId("startWatch");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> live.startWatch());
        Button cancel = new Button("Stop");
        cancel.setId("stopWatch");
        cancel.setTooltip(new Tooltip("Stops the watch and keeps what was sampled"));
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("watchProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Button open = new Button("Open saved watch...");
        open.setId("openWatch");
        open.setOnAction(e -> live.openWatch());
        Button importPlan = new Button("Import observed use as plan");
        importPlan.setId("importObserved");
        importPlan.disableProperty().bind(vm.resultProperty().isNull());
        importPlan.setOnAction(e -> vm.importObserved());
        HBox bar = row(new Label("Watch for"), duration, new Label("sample every"), interval, new Label("headroom %"), headroom,
                start, cancel, progress, open, importPlan);
        Label status = new Label();
        status.setId("watchStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        HBox charts = new HBox(8, chart("watchInstanceChart", "CPU cores per instance", vm.instanceLines()),
                chart("watchMemberChart", "CPU cores used on each member", vm.memberLines()));
        HBox.setHgrow(charts.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(charts.getChildren().get(1), Priority.ALWAYS);

        TableView<WatchViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("watchRows");
        table.getColumns().add(col("Instance", WatchViewModel.Row::instance, 160));
        table.getColumns().add(col("Member", WatchViewModel.Row::location, 100));
        table.getColumns().add(col("CPU limit", WatchViewModel.Row::cpuLimit, 80));
        table.getColumns().add(col("CPU cores used", WatchViewModel.Row::cores, 260));
        table.getColumns().add(col("Memory used", WatchViewModel.Row::memory, 220));
        table.setPlaceholder(new Label("Start a watch, or open a saved one, to see what each instance uses."));
        TableView<Finding> findings = new TableView<>(vm.findings());
        findings.setId("watchFindings");
        findings.getColumns().add(col("Severity", (Finding f) -> f.severity().id(), 80));
        TableColumn<Finding, String> text = col("Right-sizing", Finding::text, 700);
        findings.getColumns().add(text);
        findings.setPlaceholder(new Label("No right-sizing findings yet."));
        findings.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll(Styles.SEVERITY_INFO, Styles.SEVERITY_WARNING, Styles.SEVERITY_ERROR);
                setTooltip(null);
                if (!empty && f != null) {
                    getStyleClass().add(LiveView.severityClass(f.severity()));
                    setTooltip(new Tooltip(f.text()));
                }
            }
        });
        SplitPane split = new SplitPane(charts, table, findings);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4, 0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(6, bar, status, split);
        root.getStyleClass().add(Styles.AREA);
    }

    Node root() {
        return root;
    }

    private static TextField field(String id, int columns, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.setPromptText(prompt);
        return f;
    }

    /** A small line chart redrawn whenever its lines change; nothing is drawn before there is data. */
    private static LineChart<Number, Number> chart(String id, String title, ObservableList<UsageSeries.Line> lines) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds since the first sample");
        NumberAxis y = new NumberAxis();
        y.setLabel("cores");
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setTitle(title);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.setMinHeight(160);
        c.setPrefHeight(220);
        Runnable redraw = () -> {
            c.getData().clear();
            for (UsageSeries.Line l : lines) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(l.name());
                l.points().forEach(p -> s.getData().add(new XYChart.Data<>(p.seconds(), p.value())));
                c.getData().add(s);
            }
            c.setVisible(!lines.isEmpty());
        };
        lines.addListener((ListChangeListener<UsageSeries.Line>) ch -> redraw.run());
        redraw.run();
        return c;
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
