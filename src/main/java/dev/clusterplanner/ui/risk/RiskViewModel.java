package dev.clusterplanner.ui.risk;

import dev.clusterplanner.app.SimulationService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.simulation.SimulationInputs;
import dev.clusterplanner.core.simulation.SimulationResult;
import dev.clusterplanner.ui.BackgroundExecutor;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.Problem;
import dev.clusterplanner.ui.TaskHandle;
import dev.clusterplanner.ui.TaskListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Risk area: runs the Monte Carlo simulation of the open plan in the background with progress and a
 * cancel button, and shows, for the chosen site, the cost histogram of each option, the capacity exhaustion
 * curve and the headline probabilities. A cancelled run leaves the previous results in place.
 */
public class RiskViewModel {

    /** One bar of a histogram: the bin's middle and how many trials fell into it. */
    public record Bar(double middleUsd, int trials) {
    }

    private final PlanDocument document;
    private final ObjectProperty<Catalog> catalog;
    private final BackgroundExecutor executor;
    private final SimulationService simulation;
    private final IntegerProperty trials = new SimpleIntegerProperty(10_000);
    private final StringProperty seed = new SimpleStringProperty("1");
    private final BooleanProperty growth = new SimpleBooleanProperty(true);
    private final BooleanProperty failures = new SimpleBooleanProperty(true);
    private final BooleanProperty prices = new SimpleBooleanProperty(true);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Not run yet. A run of 10,000 trials takes a few seconds.");
    private final ObservableList<SimulationService.SiteSimulation> results = FXCollections.observableArrayList();
    private final IntegerProperty siteIndex;
    private final ObservableList<String> optionNames = FXCollections.observableArrayList();
    private final IntegerProperty optionIndex = new SimpleIntegerProperty(0);
    private final ObservableList<Bar> histogram = FXCollections.observableArrayList();
    private final ObservableList<Double> exhaustion = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty headline = new SimpleStringProperty("");
    private final javafx.beans.property.DoubleProperty p50 = new SimpleDoubleProperty(Double.NaN);
    private final javafx.beans.property.DoubleProperty p90 = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private TaskHandle handle;

    public RiskViewModel(PlanDocument document, ObjectProperty<Catalog> catalog, BackgroundExecutor executor,
                         SimulationService simulation, IntegerProperty siteIndex) {
        this.document = document;
        this.catalog = catalog;
        this.executor = executor;
        this.simulation = simulation;
        this.siteIndex = siteIndex;
        siteIndex.addListener((o, a, b) -> showSite());
        optionIndex.addListener((o, a, b) -> showOption());
    }

    public IntegerProperty trialsProperty() {
        return trials;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty growthProperty() {
        return growth;
    }

    public BooleanProperty failuresProperty() {
        return failures;
    }

    public BooleanProperty pricesProperty() {
        return prices;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** 0..1 while running. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<SimulationService.SiteSimulation> results() {
        return results;
    }

    public ObservableList<String> optionNames() {
        return optionNames;
    }

    public IntegerProperty optionIndexProperty() {
        return optionIndex;
    }

    public ObservableList<Bar> histogram() {
        return histogram;
    }

    /** Probability (0..1) that capacity is exhausted by the end of month m+1, for m = 0 .. horizon-1. */
    public ObservableList<Double> exhaustion() {
        return exhaustion;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** The answer in one line ("Owned is cheaper in 100 % of 10,000 futures; ..."); "" before a run. */
    public StringProperty headlineProperty() {
        return headline;
    }

    /** The median total cost of the histogram's option (NaN when nothing is shown). */
    public javafx.beans.property.DoubleProperty p50Property() {
        return p50;
    }

    /** The 90th percentile total cost of the histogram's option (NaN when nothing is shown). */
    public javafx.beans.property.DoubleProperty p90Property() {
        return p90;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** Starts a run of the current plan (a running one is cancelled first). */
    public void run() {
        cancel();
        long seedValue;
        try {
            seedValue = Long.parseLong(seed.get().trim());
        } catch (NumberFormatException e) {
            status.set("The seed must be a whole number, got '" + seed.get() + "'");
            return;
        }
        int n = trials.get();
        if (n < 1) {
            status.set("Trials must be 1 or more, got " + n);
            return;
        }
        var whole = document.plan();
        var ready = whole.sites().stream().filter(x -> dev.clusterplanner.ui.plan.PlanResultsViewModel.notReady(x).isEmpty()).toList();
        if (ready.isEmpty()) {
            status.set("Nothing to simulate yet: add workloads and hardware candidates to a site first.");
            return;
        }
        var plan = whole.withSites(ready);
        var cat = catalog.get();
        int total = n * plan.sites().size();
        SimulationInputs.Uncertainty u = SimulationInputs.Uncertainty.DEFAULT.withGrowth(growth.get()).withFailures(failures.get());
        if (!prices.get()) {
            u = new SimulationInputs.Uncertainty(u.growth(), u.growthSdPoints(), u.failures(), false, 0, 0, 0, 0);
        }
        SimulationInputs.Uncertainty uncertainty = u;
        running.set(true);
        progress.set(0);
        problem.set(null);
        status.set(String.format(Locale.ROOT, "Running %,d trials per site ...", n));
        long start = System.nanoTime();
        handle = executor.submit(c -> simulation.simulate(plan, cat, n, seedValue, uncertainty,
                done -> c.progress((double) done / total, String.format(Locale.ROOT, "%,d of %,d trials", done, total)),
                c::isCancelled), new TaskListener<>() {
            @Override
            public void succeeded(List<SimulationService.SiteSimulation> value) {
                running.set(false);
                progress.set(1);
                results.setAll(value);
                showSite();
                long ms = (System.nanoTime() - start) / 1_000_000;
                status.set(String.format(Locale.ROOT, "%,d trials per site in %,d ms (seed %d)", n, ms, seedValue)
                        + (value.isEmpty() ? "; no site has a feasible recommended option to simulate" : ""));
            }

            @Override
            public void failed(Throwable error) {
                running.set(false);
                problem.set(Problem.of("The simulation could not run", error));
                status.set("Failed: " + problem.get().details().get(0));
            }

            @Override
            public void progressed(double fraction, String message) {
                progress.set(fraction);
                status.set("Running: " + message);
            }

            @Override
            public void cancelled() {
                running.set(false);
                progress.set(0);
                status.set("Cancelled" + (results.isEmpty() ? "" : "; the results shown are from the previous run"));
            }
        });
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
    }

    private SimulationService.SiteSimulation current() {
        if (results.isEmpty()) {
            return null;
        }
        String name = document.plan().sites().get(Math.min(siteIndex.get(), document.plan().sites().size() - 1)).name();
        return results.stream().filter(r -> r.site().equals(name)).findFirst().orElse(null);
    }

    private void showSite() {
        SimulationService.SiteSimulation sim = current();
        if (sim == null) {
            optionNames.clear();
            histogram.clear();
            exhaustion.clear();
            summary.set(results.isEmpty() ? "" : "This site was not simulated (no feasible recommended option).");
            headline.set(results.isEmpty() ? "" : "This site was not simulated: no option of it fits.");
            return;
        }
        SimulationResult r = sim.result();
        optionNames.setAll(r.options().stream().map(SimulationResult.OptionStats::name).toList());
        List<Double> ex = new ArrayList<>();
        for (double p : r.exhaustionByMonth()) {
            ex.add(p);
        }
        exhaustion.setAll(ex);
        summary.set(summary(sim));
        headline.set(headline(sim));
        // the recommended (owned) option first: the others' costs may hardly vary
        int first = Math.max(0, sim.inputs().ownedOption());
        if (optionIndex.get() != first) {
            optionIndex.set(first);
        } else {
            showOption();
        }
    }

    private void showOption() {
        SimulationService.SiteSimulation sim = current();
        histogram.clear();
        p50.set(Double.NaN);
        p90.set(Double.NaN);
        if (sim == null || optionIndex.get() < 0 || optionIndex.get() >= sim.result().options().size()) {
            return;
        }
        SimulationResult.OptionStats o = sim.result().options().get(optionIndex.get());
        p50.set(o.p50());
        p90.set(o.p90());
        histogram.setAll(bars(o.histogram()));
    }

    static List<Bar> bars(SimulationResult.Histogram h) {
        int[] counts = h.counts();
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new Bar(h.min() + (i + 0.5) * h.width(), counts[i]));
        }
        return out;
    }

    /**
     * The answer in one line: in how many of the simulated futures the owned option is cheaper than every alternative
     * (the least of its "cheaper than" probabilities), and when capacity runs out in one future of ten.
     */
    static String headline(SimulationService.SiteSimulation sim) {
        SimulationResult r = sim.result();
        List<String> parts = new ArrayList<>();
        double least = Double.NaN;
        for (var e : r.ownedCheaperThan()) {
            if (!Double.isNaN(e.value())) {
                least = Double.isNaN(least) ? e.value() : Math.min(least, e.value());
            }
        }
        String futures = String.format(Locale.ROOT, "%,d futures", r.trialsRun());
        if (!Double.isNaN(least)) {
            parts.add(String.format(Locale.ROOT, "Owning %d x %s is cheaper than every alternative in %.0f %% of %s",
                    sim.hosts(), sim.option(), 100 * least, futures));
        } else {
            parts.add(String.format(Locale.ROOT, "%d x %s simulated in %s", sim.hosts(), sim.option(), futures));
        }
        parts.add(r.monthExhausted10() < 0 ? "capacity lasts the whole horizon in at least 90 % of them"
                : "capacity runs out after month " + r.monthExhausted10() + " in 10 % of them");
        return String.join("; ", parts) + ".";
    }

    static String summary(SimulationService.SiteSimulation sim) {
        SimulationResult r = sim.result();
        StringBuilder sb = new StringBuilder();
        sb.append(sim.site()).append(": ").append(sim.hosts()).append(" x ").append(sim.option()).append(", ")
                .append(String.format(Locale.ROOT, "%,d trials", r.trialsRun())).append('\n');
        sb.append("Capacity (keeping the failure headroom) is exhausted ")
                .append(r.monthExhausted10() < 0 ? "with less than 10 % probability within the horizon"
                        : "with 10 % probability by month " + r.monthExhausted10())
                .append(r.monthExhausted50() < 0 ? "" : ", with 50 % by month " + r.monthExhausted50()).append(".\n");
        sb.append(String.format(Locale.ROOT, "At least one host failure in the first year: %.1f %% (standard error %.1f).%n",
                100 * r.hostFailureFirstYear().value(), 100 * r.hostFailureFirstYear().standardError()));
        sb.append(String.format(Locale.ROOT, "Hours per year running degraded (a failure not yet healed): %.1f.%n", r.degradedHoursPerYear().value()));
        for (int i = 0; i < r.options().size(); i++) {
            SimulationResult.OptionStats o = r.options().get(i);
            sb.append(String.format(Locale.ROOT, "%s: mean %,.0f USD, p50 %,.0f, p90 %,.0f, p95 %,.0f (plan %,.0f)",
                    o.name(), o.mean().value(), o.p50(), o.p90(), o.p95(), o.deterministic()));
            if (i < r.ownedCheaperThan().size() && !Double.isNaN(r.ownedCheaperThan().get(i).value())) {
                sb.append(String.format(Locale.ROOT, "; owned is cheaper in %.0f %% of trials", 100 * r.ownedCheaperThan().get(i).value()));
            }
            sb.append('\n');
        }
        sb.append(r.enough() ? "Enough trials: " : "More trials advised: ").append(r.enoughReason());
        return sb.toString();
    }
}
