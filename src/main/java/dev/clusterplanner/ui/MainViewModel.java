package dev.clusterplanner.ui;

import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.ReportService;
import dev.clusterplanner.app.SimulationService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.ui.catalog.CatalogViewModel;
import dev.clusterplanner.ui.plan.PlanResultsViewModel;
import dev.clusterplanner.ui.risk.RiskViewModel;
import dev.clusterplanner.ui.live.LiveViewModel;
import dev.clusterplanner.ui.workloads.WorkloadsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * State of the main window and its file actions: the open plan (with undo and saved state), the
 * status line, the error banner, recent files, crash recovery, the theme, and the view-models of the
 * areas. Views bind to it; it holds no nodes and runs without a toolkit under a {@link SynchronousExecutor}.
 */
public class MainViewModel {

    public static final String PLAN_EXTENSION = ".plan.json";
    static final String LAST_PLAN = "last.plan";
    static final String DARK = "theme.dark";
    static final String OPEN_FOLDER_AFTER_EXPORT = "export.openFolder";

    private final UiContext ctx;
    private final PlanDocument document;
    private final Autosave autosave;
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<Autosave.Recovery> recovery = new SimpleObjectProperty<>();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(Catalog.EMPTY);
    private final StringBinding title;
    private final WorkloadsViewModel workloads;
    private final CatalogViewModel catalogBrowser;
    private final PlanResultsViewModel results;
    private final RiskViewModel risk;
    private final LiveViewModel live;
    private final dev.clusterplanner.ui.settings.PlanSettingsViewModel settingsModel;
    private final dev.clusterplanner.ui.catalog.HardwareFormViewModel hardwareForm;
    private Plan lastAutosaved;

    public MainViewModel(UiContext ctx) {
        this(ctx, ExamplePlans.defaultPlan());
    }

    public MainViewModel(UiContext ctx, Plan initial) {
        this.ctx = ctx;
        this.document = new PlanDocument(initial);
        this.autosave = new Autosave(ctx.recoveryDir(), ctx.plans());
        recentFiles.setAll(ctx.settings().recentFiles());
        darkTheme.set(ctx.settings().getBoolean(DARK, false));
        darkTheme.addListener((o, a, dark) -> ctx.settings().put(DARK, String.valueOf(dark)));
        title = Bindings.createStringBinding(() -> {
            Path file = document.file();
            String name = document.plan().name();
            return (document.isModified() ? "*" : "") + name
                    + (file == null ? "" : " (" + file.getFileName() + ")") + " - Cluster Planner";
        }, document.planProperty(), document.fileProperty(), document.modifiedProperty());
        workloads = new WorkloadsViewModel(document, catalog, ctx, status, problem);
        catalogBrowser = new CatalogViewModel(catalog, document);
        catalogBrowser.targetSiteProperty().bind(workloads.siteIndexProperty());
        results = new PlanResultsViewModel(document, catalog, ctx.executor(), ctx.planning(), workloads.siteIndexProperty());
        risk = new RiskViewModel(document, catalog, ctx.executor(), ctx.simulation(), workloads.siteIndexProperty());
        live = new LiveViewModel(document, ctx, this::openImportedPlan);
        settingsModel = new dev.clusterplanner.ui.settings.PlanSettingsViewModel(document, workloads.siteIndexProperty(), status, catalog);
        hardwareForm = new dev.clusterplanner.ui.catalog.HardwareFormViewModel(new dev.clusterplanner.app.UserCatalogService(ctx.catalogs()),
                ctx.executor(), document, workloads.siteIndexProperty(), this::loadCatalogs);
    }

    /** After the window is up: load the catalogs in the background, offer a crash recovery, reopen the last plan. */
    public void start(boolean reopenLastPlan) {
        loadCatalogs();
        Optional<Autosave.Recovery> found = autosave.find();
        if (found.isPresent()) {
            recovery.set(found.get());
            return;
        }
        String last = ctx.settings().get(LAST_PLAN);
        if (reopenLastPlan && last != null && java.nio.file.Files.isRegularFile(Path.of(last))) {
            openFile(Path.of(last));
        }
    }

    public void loadCatalogs() {
        ctx.executor().submit(c -> ctx.catalogs().load(), TaskListener.of(loaded -> {
            catalog.set(loaded);
            if (loaded.hardware().isEmpty()) {
                status.set("The hardware catalog is empty");
            }
        }, error -> problem.set(Problem.of("Could not load the catalogs", error))));
    }

    // ----- properties

    public PlanDocument document() {
        return document;
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return document.planProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringBinding titleProperty() {
        return title;
    }

    /** The error banner's content; null when there is nothing to show. */
    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** A plan left by a crashed session, offered until recovered or discarded; null otherwise. */
    public ObjectProperty<Autosave.Recovery> recoveryProperty() {
        return recovery;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Catalog> catalogProperty() {
        return catalog;
    }

    public WorkloadsViewModel workloads() {
        return workloads;
    }

    public LiveViewModel live() {
        return live;
    }

    /** The Settings area: plan, cost, site, policy and facility settings. */
    public dev.clusterplanner.ui.settings.PlanSettingsViewModel planSettings() {
        return settingsModel;
    }

    /** The Catalog area's form for the user's own hardware rows. */
    public dev.clusterplanner.ui.catalog.HardwareFormViewModel hardwareForm() {
        return hardwareForm;
    }

    public RiskViewModel risk() {
        return risk;
    }

    public PlanResultsViewModel results() {
        return results;
    }

    public CatalogViewModel catalogBrowser() {
        return catalogBrowser;
    }

    public UserSettings settings() {
        return ctx.settings();
    }

    public UiContext context() {
        return ctx;
    }

    // ----- file actions

    /** A new plan: one cluster site, the default example's hardware as candidates, no workloads yet. */
    public void newPlan() {
        if (!confirmDiscardChanges()) {
            return;
        }
        List<String> hardware = ExamplePlans.defaultPlan().sites().get(0).hardware();
        Site site = new Site("production", SiteKind.CLUSTER, List.of(), hardware, null, null);
        document.replace(new Plan("Untitled plan", "", List.of(site), null), null, false);
        autosave.clear();
        problem.set(null);
        status.set("New plan: add what you want to run in the Workloads area (Ctrl+2)");
    }

    public void open() {
        if (!confirmDiscardChanges()) {
            return;
        }
        ctx.dialogs().chooseFileToOpen("Open plan", "Cluster Planner plans", "*" + PLAN_EXTENSION, "*.json")
                .ifPresent(this::openFileWithoutAsking);
    }

    /** Opens a recent file (asks about unsaved changes first). */
    public void openFile(Path file) {
        if (!confirmDiscardChanges()) {
            return;
        }
        openFileWithoutAsking(file);
    }

    private void openFileWithoutAsking(Path file) {
        status.set("Opening " + file.getFileName() + " ...");
        busy.set(true);
        ctx.executor().submit(c -> ctx.plans().open(file), TaskListener.of(plan -> {
            busy.set(false);
            document.replace(plan, file, true);
            lastAutosaved = null;
            autosave.clear();
            problem.set(null);
            remember(file);
            status.set("Opened " + file.getFileName());
        }, error -> {
            busy.set(false);
            problem.set(Problem.of("Could not open " + file.getFileName(), error));
            status.set("Could not open " + file.getFileName() + "; the previous plan is still open");
        }));
    }

    /** Opens one of the shipped examples (not tied to a file: saving asks where). */
    public void openExample(String name) {
        if (!confirmDiscardChanges()) {
            return;
        }
        document.replace(ExamplePlans.load(name), null, true);
        autosave.clear();
        problem.set(null);
        status.set("Opened example " + name);
    }

    /**
     * Opens a plan made from something else (the live cluster) as a new, unsaved document: asks about unsaved changes
     * first; saving asks where. False when the user cancelled.
     */
    public boolean openImportedPlan(Plan plan) {
        if (!confirmDiscardChanges()) {
            return false;
        }
        document.replace(plan, null, false);
        lastAutosaved = null;
        autosave.clear();
        problem.set(null);
        status.set("Imported \"" + plan.name() + "\" (not saved yet)");
        return true;
    }

    /** Saves to the plan's file, or asks where if it has none. Returns whether the plan was saved. */
    public boolean save() {
        Path file = document.file();
        return file == null ? saveAs() : writeTo(file);
    }

    public boolean saveAs() {
        String suggested = document.file() != null ? document.file().getFileName().toString()
                : document.plan().name().replaceAll("[^A-Za-z0-9-]+", "-").toLowerCase(java.util.Locale.ROOT) + PLAN_EXTENSION;
        Optional<Path> chosen = ctx.dialogs().chooseFileToSave("Save plan as", suggested, "Cluster Planner plans", "*" + PLAN_EXTENSION);
        if (chosen.isEmpty()) {
            return false;
        }
        Path file = chosen.get();
        if (!file.getFileName().toString().endsWith(".json")) {
            file = file.resolveSibling(file.getFileName() + PLAN_EXTENSION);
        }
        return writeTo(file);
    }

    /** Writes on the calling thread: a plan file is a few kilobytes, and the unsaved-changes prompt needs the outcome. */
    private boolean writeTo(Path file) {
        Plan plan = document.plan();
        try {
            ctx.plans().save(plan, file);
        } catch (Exception e) {
            problem.set(Problem.of("Could not save " + file.getFileName(), e));
            status.set("Not saved");
            return false;
        }
        document.markSaved(plan, file);
        autosave.clear();
        lastAutosaved = null;
        remember(file);
        problem.set(null);
        status.set("Saved " + file);
        return true;
    }

    /** Asks about unsaved changes. True when the caller may go on (saved, discarded, or nothing to lose). */
    public boolean confirmDiscardChanges() {
        if (!document.isModified()) {
            return true;
        }
        return switch (ctx.dialogs().askSaveChanges(document.plan().name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** The window is about to close: true if it may (nothing unsaved, or the user chose). A clean exit leaves no recovery file. */
    public boolean requestExit() {
        if (!confirmDiscardChanges()) {
            return false;
        }
        autosave.clear();
        return true;
    }

    /**
     * Writes the cost tables of the current results as CSV (the comparison, and one sibling file per table) where the
     * user chooses, in the background, then opens the folder. Nothing is written when the plan has no results.
     */
    public void exportCsv() {
        var result = results.resultProperty().get();
        if (result == null || result.cost() == null) {
            problem.set(new Problem("Nothing to export yet", List.of("The plan has no results: " + results.stateProperty().get())));
            return;
        }
        String suggested = document.plan().name().replaceAll("[^A-Za-z0-9-]+", "-").toLowerCase(java.util.Locale.ROOT) + ".csv";
        Optional<Path> chosen = ctx.dialogs().chooseFileToSave("Export results as CSV", suggested, "CSV files", "*.csv");
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get().getFileName().toString().endsWith(".csv") ? chosen.get()
                : chosen.get().resolveSibling(chosen.get().getFileName() + ".csv");
        busy.set(true);
        status.set("Exporting CSV ...");
        ctx.executor().submit(c -> ctx.planning().writeCsv(result, target), TaskListener.of(files -> {
            busy.set(false);
            problem.set(null);
            Path folder = target.toAbsolutePath().getParent();
            status.set("Wrote " + files.size() + " CSV files to " + folder);
            if (ctx.settings().getBoolean(OPEN_FOLDER_AFTER_EXPORT, true)) {
                ctx.dialogs().openFolder(folder);
            }
        }, error -> {
            busy.set(false);
            problem.set(Problem.of("Could not export " + target.getFileName(), error));
            status.set("Nothing exported");
        }));
    }

    /**
     * The PDF report of the current results (with the Risk area's last simulation, if one was run), written in
     * the background; its progress shows in the status bar. Paper: US Letter in the US and Canada, else A4.
     */
    public void exportPdf() {
        var result = results.resultProperty().get();
        if (result == null) {
            problem.set(new Problem("Nothing to export yet", List.of("The plan has no results: " + results.stateProperty().get())));
            return;
        }
        String suggested = document.plan().name().replaceAll("[^A-Za-z0-9-]+", "-").toLowerCase(java.util.Locale.ROOT) + ".pdf";
        Optional<Path> chosen = ctx.dialogs().chooseFileToSave("Export PDF report", suggested, "PDF files", "*.pdf");
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? chosen.get()
                : chosen.get().resolveSibling(chosen.get().getFileName() + ".pdf");
        var plan = document.plan();
        var cat = catalog.get();
        List<SimulationService.SiteSimulation> simulated = List.copyOf(risk.results());
        String country = java.util.Locale.getDefault().getCountry();
        ReportService.Paper paper = country.equals("US") || country.equals("CA") ? ReportService.Paper.LETTER : ReportService.Paper.A4;
        busy.set(true);
        status.set("Writing the PDF report ...");
        ctx.executor().submit(c -> new ReportService(ctx.planning()).write(plan, cat, result, simulated, target, paper, c::progress),
                new TaskListener<ReportService.Written>() {
                    @Override
                    public void succeeded(ReportService.Written w) {
                        busy.set(false);
                        problem.set(null);
                        status.set("Wrote " + w.file().getFileName() + " (" + w.pages() + " pages)");
                        if (ctx.settings().getBoolean(OPEN_FOLDER_AFTER_EXPORT, true)) {
                            ctx.dialogs().openFolder(target.toAbsolutePath().getParent());
                        }
                    }

                    @Override
                    public void failed(Throwable error) {
                        busy.set(false);
                        problem.set(Problem.of("Could not write " + target.getFileName(), error));
                        status.set("Nothing exported");
                    }

                    @Override
                    public void progressed(double fraction, String message) {
                        status.set(String.format(java.util.Locale.ROOT, "PDF report %d %%: %s", Math.round(fraction * 100), message));
                    }
                });
    }

    public void undo() {
        document.undo();
    }

    public void redo() {
        document.redo();
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    public void dismissProblem() {
        problem.set(null);
    }

    private void remember(Path file) {
        Path abs = file.toAbsolutePath();
        List<Path> list = new ArrayList<>(recentFiles);
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > UserSettings.MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        recentFiles.setAll(list);
        ctx.settings().setRecentFiles(list);
        ctx.settings().put(LAST_PLAN, abs.toString());
    }

    // ----- crash recovery

    /** Called every few seconds by the window: writes the plan for recovery if it has changes not yet written. */
    public void autosaveTick() {
        Plan plan = document.plan();
        if (!document.isModified() || plan.equals(lastAutosaved)) {
            return;
        }
        lastAutosaved = plan;
        Path origin = document.file();
        ctx.executor().submit(c -> {
            autosave.write(plan, origin);
            return plan;
        }, TaskListener.of(p -> { }, error -> status.set("Autosave failed: " + UserWords.of(error))));
    }

    public void recover() {
        Autosave.Recovery r = recovery.get();
        if (r == null) {
            return;
        }
        document.replace(r.plan(), r.origin(), false);
        recovery.set(null);
        status.set("Recovered the unsaved plan from "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(r.writtenAt()));
    }

    public void discardRecovery() {
        recovery.set(null);
        autosave.clear();
    }

    Autosave autosaveStore() {
        return autosave;
    }
}
