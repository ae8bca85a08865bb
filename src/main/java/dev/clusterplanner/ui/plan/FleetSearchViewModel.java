package dev.clusterplanner.ui.plan;

import dev.clusterplanner.app.FleetService;
import dev.clusterplanner.core.fleet.FleetProgress;
import dev.clusterplanner.core.fleet.FleetSummary;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.ui.BackgroundExecutor;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.TaskListener;
import dev.clusterplanner.ui.UserWords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * "Find the cheapest fleet": searches in the background for the cheapest fleet of the selected site (or of every site),
 * with progress (best cost so far, lower bound, gap) and Cancel, which stops the search and keeps the best fleet found so
 * far. Each answer becomes one more option of its site in the plan's analysis (the results are computed again with it);
 * an answer for a site edited since is left out by the analysis, so the option disappears until the search is run again.
 */
public class FleetSearchViewModel {

    /** The time limit offered at first, seconds per site. */
    public static final double DEFAULT_SECONDS = 5;

    private final PlanDocument document;
    private final ObjectProperty<Catalog> catalog;
    private final BackgroundExecutor executor;
    private final FleetService fleets;
    private final IntegerProperty siteIndex;
    private final Runnable onAnswer;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Takes a few seconds: tries every mix of the site's candidates.");
    private final StringProperty seconds = new SimpleStringProperty(fmt(DEFAULT_SECONDS));
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile List<FleetService.Answer> answers = List.of();

    public FleetSearchViewModel(PlanDocument document, ObjectProperty<Catalog> catalog, BackgroundExecutor executor, FleetService fleets,
                                IntegerProperty siteIndex, Runnable onAnswer) {
        this.document = document;
        this.catalog = catalog;
        this.executor = executor;
        this.fleets = fleets;
        this.siteIndex = siteIndex;
        this.onAnswer = onAnswer;
    }

    /** True while a search runs (the Find buttons are off, Cancel is on). */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** Share of the time limit spent, 0..1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What the search is doing or found: "best 61,363 USD, no fleet below 58,900 USD, gap 4.0 %". */
    public StringProperty statusProperty() {
        return status;
    }

    /** The time limit per site, as typed (seconds). */
    public StringProperty secondsProperty() {
        return seconds;
    }

    /** The answers found so far, one per site (the latest); read by the analysis. */
    public List<FleetService.Answer> answers() {
        return answers;
    }

    /** Searches the selected site. */
    public void find() {
        search(false);
    }

    /** Searches every site of the plan, one after the other. */
    public void findForEverySite() {
        search(true);
    }

    /** Stops the search; the best fleet found so far is kept and shown. */
    public void cancel() {
        if (running.get()) {
            stop.set(true);
            status.set("Stopping: keeping the best fleet found so far ...");
        }
    }

    private void search(boolean everySite) {
        if (running.get()) {
            return;
        }
        double limit;
        try {
            limit = Double.parseDouble(seconds.get().trim());
            FleetService.settings(limit);
        } catch (IllegalArgumentException e) {
            status.set("The time limit must be a number of seconds, more than 0 and at most " + fmt(FleetService.MAX_SECONDS)
                    + " (typed: '" + seconds.get() + "').");
            return;
        }
        Plan plan = document.plan();
        Catalog cat = catalog.get();
        List<Integer> sites = new ArrayList<>();
        for (int i = 0; i < plan.sites().size(); i++) {
            boolean chosen = everySite || i == Math.max(0, Math.min(siteIndex.get(), plan.sites().size() - 1));
            if (chosen && PlanResultsViewModel.notReady(plan.sites().get(i)).isEmpty()) {
                sites.add(i);
            }
        }
        if (sites.isEmpty()) {
            status.set("Nothing to search yet: the site needs workloads and hardware candidates.");
            return;
        }
        stop.set(false);
        running.set(true);
        progress.set(0);
        status.set("Searching ...");
        double budget = limit;
        executor.submit(c -> {
            List<FleetService.Answer> found = new ArrayList<>();
            for (int n = 0; n < sites.size() && !stop.get(); n++) {
                int i = sites.get(n);
                int done = n;
                String name = plan.sites().get(i).name();
                found.add(fleets.cheapest(plan, cat, i, FleetService.settings(budget),
                        p -> c.progress((done + Math.min(1, p.budgetUsed())) / sites.size(), progressText(name, p)), stop::get));
            }
            return found;
        }, new TaskListener<List<FleetService.Answer>>() {
            @Override
            public void succeeded(List<FleetService.Answer> found) {
                List<FleetService.Answer> next = new ArrayList<>(answers);
                for (FleetService.Answer a : found) {
                    next.removeIf(x -> x.site().equals(a.site()));
                    next.add(a);
                }
                answers = List.copyOf(next);
                running.set(false);
                progress.set(1);
                status.set(found.isEmpty() ? "Cancelled before a fleet was found." : String.join(" ", found.stream().map(FleetSearchViewModel::answerText).toList()));
                onAnswer.run();
            }

            @Override
            public void failed(Throwable error) {
                running.set(false);
                status.set("The search could not run: " + UserWords.of(error));
            }

            @Override
            public void progressed(double fraction, String message) {
                progress.set(Math.max(0, Math.min(1, fraction)));
                if (!stop.get()) {
                    status.set(message);
                }
            }

            @Override
            public void cancelled() {
                running.set(false);
            }
        });
    }

    /** "Site 'production': best 61,363 USD so far, no fleet below 58,900 USD, gap 4.0 %". */
    static String progressText(String site, FleetProgress p) {
        return "Site '" + site + "': best " + FleetSummary.usd(p.bestCost()) + " USD so far, no fleet below "
                + FleetSummary.usd(p.lowerBound()) + " USD, gap " + FleetSummary.percent(p.gap());
    }

    /** "Site 'production': 61,363 USD (option #2); no fleet costs less than ...". */
    static String answerText(FleetService.Answer a) {
        FleetSummary s = a.summary();
        return "Site '" + a.site() + "': " + FleetSummary.usd(s.costUsd()) + " USD, " + s.sentence() + ".";
    }

    /** Whether the answer was found for the site as it is now. */
    public boolean current(Site site) {
        return answers.stream().anyMatch(a -> a.solved().equals(site));
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.valueOf(v);
    }
}
