package dev.clusterplanner.ui.risk;

import dev.clusterplanner.ui.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The Risk area: run settings, Run / Cancel with a progress bar, the cost histogram, the exhaustion curve and the summary. */
public class RiskView {

    private final VBox root = new VBox(8);

    public RiskView(RiskViewModel vm) {
        root.setId("riskArea");
        root.getStyleClass().add(Styles.AREA);
        Label heading = new Label("Risk (Monte Carlo)");
        heading.getStyleClass().add(Styles.AREA_TITLE);

        Spinner<Integer> trials = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(100, 10_000_000, 10_000, 1000));
        trials.setId("trials");
        trials.setEditable(true);
        trials.setPrefWidth(130);
        trials.getValueFactory().valueProperty().addListener((o, a, b) -> vm.trialsProperty().set(b));
        vm.trialsProperty().addListener((o, a, b) -> trials.getValueFactory().setValue(b.intValue()));
        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPrefColumnCount(6);
        seed.textProperty().bindBidirectional(vm.seedProperty());
        CheckBox growth = new CheckBox("growth");
        growth.selectedProperty().bindBidirectional(vm.growthProperty());
        CheckBox failures = new CheckBox("failures");
        failures.selectedProperty().bindBidirectional(vm.failuresProperty());
        CheckBox prices = new CheckBox("price drift");
        prices.selectedProperty().bindBidirectional(vm.pricesProperty());
        Button run = new Button("Run");
        run.setId("runSimulation");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSimulation");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox settings = new HBox(8, new Label("Trials"), trials, new Label("Seed"), seed, growth, failures, prices, run, cancel);
        settings.getStyleClass().add(Styles.TOOLBAR);

        ProgressBar bar = new ProgressBar();
        bar.setId("simulationProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(260);
        Label status = new Label();
        status.setId("simulationStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox progress = new HBox(8, bar, status);
        progress.getStyleClass().add(Styles.TOOLBAR);

        ComboBox<String> option = new ComboBox<>(vm.optionNames());
        option.setId("histogramOption");
        option.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                vm.optionIndexProperty().set(b.intValue());
            }
        });
        vm.optionNames().addListener((ListChangeListener<String>) c -> option.getSelectionModel().select(vm.optionIndexProperty().get()));
        vm.optionIndexProperty().addListener((o, a, b) -> option.getSelectionModel().select(b.intValue()));

        CategoryAxis hx = new CategoryAxis();
        hx.setLabel("total cost over the horizon (USD, bin middle)");
        NumberAxis hy = new NumberAxis();
        hy.setLabel("trials");
        BarChart<String, Number> histogram = new BarChart<>(hx, hy);
        histogram.setId("costHistogram");
        histogram.setTitle("Total cost across trials");
        histogram.setLegendVisible(false);
        histogram.setCategoryGap(1);
        histogram.setBarGap(0);
        histogram.setAnimated(false);
        histogram.setMinHeight(240);
        Label marks = new Label();
        marks.setId("histogramMarks");
        marks.setWrapText(true);
        vm.histogram().addListener((ListChangeListener<RiskViewModel.Bar>) c -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            java.util.List<RiskViewModel.Bar> bars = java.util.List.copyOf(vm.histogram());
            double width = bars.size() > 1 ? bars.get(1).middleUsd() - bars.get(0).middleUsd() : 0;
            double p50 = vm.p50Property().get();
            double p90 = vm.p90Property().get();
            for (RiskViewModel.Bar b : bars) {
                XYChart.Data<String, Number> d = new XYChart.Data<>(String.format(Locale.ROOT, "%,.0f", b.middleUsd()), b.trials());
                // the bars holding the median and the 90th percentile are marked in their own colours
                String mark = in(b, width, p90) ? Styles.HISTOGRAM_P90 : in(b, width, p50) ? Styles.HISTOGRAM_P50 : null;
                if (mark != null) {
                    d.nodeProperty().addListener((o, a, node) -> {
                        if (node != null) {
                            node.getStyleClass().add(mark);
                        }
                    });
                }
                s.getData().add(d);
            }
            histogram.getData().setAll(java.util.List.of(s));
            marks.setText(bars.isEmpty() || Double.isNaN(p50) ? "" : String.format(Locale.ROOT,
                    "P50 (half the futures cost less): %,.0f USD, marked in blue; P90 (nine in ten cost less): %,.0f USD, marked in orange.", p50, p90));
        });

        NumberAxis ex = new NumberAxis();
        ex.setLabel("month");
        NumberAxis ey = new NumberAxis(0, 100, 20);
        ey.setLabel("% of trials exhausted");
        LineChart<Number, Number> exhaustion = new LineChart<>(ex, ey);
        exhaustion.setId("exhaustionCurve");
        exhaustion.setTitle("Capacity exhausted by month");
        exhaustion.setCreateSymbols(false);
        exhaustion.setLegendVisible(false);
        exhaustion.setAnimated(false);
        exhaustion.setMinHeight(240);
        vm.exhaustion().addListener((ListChangeListener<Double>) c -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            for (int m = 0; m < vm.exhaustion().size(); m++) {
                s.getData().add(new XYChart.Data<>(m + 1, 100 * vm.exhaustion().get(m)));
            }
            exhaustion.getData().setAll(java.util.List.of(s));
        });
        // the recommended option's histogram first, full width; the exhaustion curve under it
        VBox charts = new VBox(8, new HBox(8, new Label("Histogram of"), option), histogram, marks, exhaustion);

        Label answer = new Label();
        answer.setId("riskAnswer");
        answer.setWrapText(true);
        answer.getStyleClass().add(Styles.GUIDANCE);
        answer.textProperty().bind(vm.headlineProperty());
        answer.visibleProperty().bind(vm.headlineProperty().isNotEmpty());
        answer.managedProperty().bind(answer.visibleProperty());
        Label summary = new Label();
        summary.setId("simulationSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label note = new Label("Each site's recommended option is simulated; the site is the one chosen in Workloads or Plan & compare.");
        note.getStyleClass().add(Styles.MUTED);
        note.setWrapText(true);
        Label before = new Label("Nothing to show yet: click Run to simulate 10,000 possible futures of growth, failures and prices "
                + "for each site's recommended option. The answer, the spread of total cost and when capacity runs out appear here.");
        before.setId("riskBeforeRun");
        before.setWrapText(true);
        before.getStyleClass().add(Styles.GUIDANCE);
        // nothing is drawn before a run: empty charts with meaningless axes say nothing
        javafx.beans.binding.BooleanBinding ran = javafx.beans.binding.Bindings.isNotEmpty(vm.results());
        charts.visibleProperty().bind(ran);
        charts.managedProperty().bind(ran);
        summary.visibleProperty().bind(ran);
        summary.managedProperty().bind(ran);
        before.visibleProperty().bind(ran.not());
        before.managedProperty().bind(ran.not());
        VBox results = new VBox(8, answer, before, charts, summary, note);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(results);
        scroll.setId("riskResults");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(heading, settings, progress, scroll);
    }

    private static boolean in(RiskViewModel.Bar b, double width, double value) {
        return !Double.isNaN(value) && width > 0 && value >= b.middleUsd() - width / 2 && value < b.middleUsd() + width / 2;
    }

    public Node root() {
        return root;
    }
}
