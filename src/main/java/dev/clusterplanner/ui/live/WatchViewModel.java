package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.app.WatchService;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.usage.InstanceUsage;
import dev.clusterplanner.core.usage.UsageSample;
import dev.clusterplanner.core.usage.UsageSeries;
import dev.clusterplanner.core.usage.UsageStats;
import dev.clusterplanner.ui.BackgroundExecutor;
import dev.clusterplanner.ui.DialogService;
import dev.clusterplanner.ui.TaskHandle;
import dev.clusterplanner.ui.TaskListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The Live area's usage part: watches the cluster for a while in the background (progress and cancel; what was
 * sampled is kept when cancelled), draws CPU use over time per instance and per member, lists what each instance used
 * against its limits and the right-sizing findings; a saved watch opens again later, and the cluster can be imported
 * as a plan whose demands are the observed use.
 */
public class WatchViewModel {

    /** One line of the usage table, in words for people. */
    public record Row(String instance, String location, String cpuLimit, String cores, String memory) {
    }


    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final WatchService watches;
    private final Path folder;
    private final Predicate<Plan> openAsPlan;

    private final StringProperty duration = new SimpleStringProperty("10m");
    private final StringProperty interval = new SimpleStringProperty("10s");
    private final DoubleProperty headroom = new SimpleDoubleProperty(20);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("No watch yet: connect once (to trust the server), then start a watch.");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<UsageSeries.Line> instanceLines = FXCollections.observableArrayList();
    private final ObservableList<UsageSeries.Line> memberLines = FXCollections.observableArrayList();
    private final ObjectProperty<WatchService.Result> result = new SimpleObjectProperty<>();
    private TaskHandle handle;

    /**
     * @param folder     where new watches keep their samples (one JSON-lines file each)
     * @param openAsPlan opens an imported plan as the document (false when the user cancelled)
     */
    WatchViewModel(BackgroundExecutor executor, DialogService dialogs, ProbeService probes, Path folder, Predicate<Plan> openAsPlan) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.watches = new WatchService(probes);
        this.folder = folder;
        this.openAsPlan = openAsPlan;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    /** Per cent added to observed P95 before it is compared with limits or imported. */
    public DoubleProperty headroomProperty() {
        return headroom;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** CPU cores used over time, one line per instance. */
    public ObservableList<UsageSeries.Line> instanceLines() {
        return instanceLines;
    }

    /** CPU cores used by each member's instances over time. */
    public ObservableList<UsageSeries.Line> memberLines() {
        return memberLines;
    }

    public ObjectProperty<WatchService.Result> resultProperty() {
        return result;
    }

    /** "20s", "10m", "2h", "1d" or seconds; empty when it is not a duration of at least one second. */
    static Optional<Duration> parse(String text) {
        return WatchService.parseDuration(text).filter(d -> !d.isZero());
    }

    /** Starts a watch of the cluster the connection form names, compared with the plan site (null: automatic). */
    void start(ProbeService.Request request, Plan plan, String site) {
        Optional<Duration> length = parse(duration.get());
        Optional<Duration> every = parse(interval.get());
        if (length.isEmpty() || every.isEmpty()) {
            status.set("Write how long to watch and how often to sample as 20s, 10m, 2h or 1d.");
            return;
        }
        if (every.get().compareTo(length.get()) > 0) {
            status.set("Sample at least once during the watch: the interval (" + interval.get() + ") is longer than the watch ("
                    + duration.get() + ").");
            return;
        }
        if (headroom.get() < 0 || headroom.get() > 1000) {
            status.set("Headroom is a percentage between 0 and 1000.");
            return;
        }
        cancel();
        WatchService.Settings settings = new WatchService.Settings(length.get(), every.get(), headroom.get());
        Path log = folder.resolve("watch-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jsonl");
        List<UsageSample> live = new CopyOnWriteArrayList<>();
        running.set(true);
        progress.set(-1);
        status.set("Connecting ...");
        handle = executor.submit(c -> watches.watch(request, settings, log, plan, site, new WatchService.Listener() {
            @Override
            public void started(LiveSnapshot snapshot, int planned) {
                c.progress(0, "Watching " + snapshot.members().size() + " member(s) and " + snapshot.instances().size()
                        + " instance(s): " + planned + " samples planned; samples are kept in " + log);
            }

            @Override
            public void sampled(int taken, int planned, UsageSample s) {
                live.add(s);
                c.progress(taken / (double) planned, "Sample " + taken + " of " + planned + " (" + s.instances().size() + " instance(s)"
                        + (s.members().stream().anyMatch(m -> !m.answered()) ? ", a member is not answering" : "") + ")");
            }
        }, c::isCancelled), new TaskListener<>() {
            @Override
            public void succeeded(WatchService.Result r) {
                running.set(false);
                show(r, r.stoppedEarly() ? "Stopped early; kept " + r.samples().size() + " sample(s)" : "Watch finished");
            }

            @Override
            public void progressed(double fraction, String message) {
                progress.set(fraction);
                status.set(message);
                draw(live, settings.interval());
            }

            @Override
            public void failed(Throwable error) {
                running.set(false);
                progress.set(0);
                status.set("The watch could not run: " + message(error));
            }

            @Override
            public void cancelled() {
                running.set(false);
                progress.set(0);
                status.set("Cancelled; the " + live.size() + " sample(s) taken are in " + log + " (open it to see them).");
                draw(live, settings.interval());
            }
        });
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
    }

    /** Opens a saved watch (its samples file) and summarises it again against the open plan. */
    void open(Plan plan, String site) {
        Optional<Path> chosen = dialogs.chooseFileToOpen("Open a saved watch", "Watch samples", "*.jsonl");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        double h = headroom.get();
        executor.submit(c -> watches.open(file, h, plan, site),
                TaskListener.of(r -> show(r, "Opened " + file.getFileName()), e -> status.set("Could not open " + file.getFileName() + ": " + message(e))));
    }

    /** The cluster as a new plan whose demands are the observed use (P95 plus the headroom). */
    public void importObserved() {
        WatchService.Result r = result.get();
        if (r == null) {
            status.set("Nothing to import: run or open a watch first.");
            return;
        }
        Plan plan = watches.importAsPlan(r, true, "Observed use of " + (r.probe().snapshot().serverName().isBlank() ? "the cluster"
                : r.probe().snapshot().serverName()));
        if (openAsPlan.test(plan)) {
            status.set("Imported the cluster with its observed use as the plan \"" + plan.name() + "\"; save it to keep it.");
        }
    }

    private void show(WatchService.Result r, String what) {
        result.set(r);
        progress.set(1);
        draw(r.samples(), r.settings().interval());
        rows.setAll(r.summary().instances().stream().map(i -> row(i, r.probe().snapshot())).toList());
        findings.setAll(Finding.worstFirst(r.usageFindings()));
        status.set(String.format(Locale.ROOT, "%s: %d sample(s) every %d s, %d instance(s), %d right-sizing finding(s); samples in %s",
                what, r.samples().size(), r.settings().interval().toSeconds(), r.summary().instances().size(), r.usageFindings().size(), r.log()));
    }

    private void draw(List<UsageSample> samples, Duration every) {
        var lines = UsageSeries.cores(samples, every);
        instanceLines.setAll(lines.get("instances"));
        memberLines.setAll(lines.get("members"));
    }

    static Row row(InstanceUsage i, LiveSnapshot s) {
        LiveInstance live = s.instances().stream().filter(x -> x.project().equals(i.project()) && x.name().equals(i.name())).findFirst().orElse(null);
        String limit = live == null || live.cpuLimit() == null ? "no limit" : num(live.cpuLimit());
        String memLimit = live == null || live.memoryLimitBytes() == null ? "no limit" : IncusUnits.human(live.memoryLimitBytes());
        return new Row(("default".equals(i.project()) ? "" : i.project() + "/") + i.name(), i.location(), limit, stats(i.cores()),
                i.memoryBytes().empty() ? "not measured" : "P95 " + IncusUnits.human((long) i.memoryBytes().p95()) + " of " + memLimit);
    }

    static String stats(UsageStats s) {
        return s.empty() ? "not measured" : String.format(Locale.ROOT, "mean %.2f, P95 %.2f, max %.2f", s.mean(), s.p95(), s.max());
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String message(Throwable e) {
        if (e instanceof InputRejectedException ir && !ir.problems().isEmpty()) {
            return ir.problems().get(0).describe();
        }
        if (e instanceof dev.clusterplanner.core.live.ProbeException p) {
            return p.describe();
        }
        return dev.clusterplanner.ui.UserWords.of(e);
    }
}
