package dev.clusterplanner.ui;

import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.ui.catalog.CatalogView;
import dev.clusterplanner.ui.plan.PlanView;
import dev.clusterplanner.ui.risk.RiskView;
import dev.clusterplanner.ui.live.LiveView;
import dev.clusterplanner.ui.workloads.WorkloadsView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The main window: menu bar, banners, the main areas as tabs, a status bar. Binds to {@link MainViewModel}. */
public class MainView {

    private final BorderPane root = new BorderPane();
    private final MainViewModel vm;
    private final TabPane tabs;
    private Runnable onQuit = () -> { };

    public MainView(MainViewModel vm) {
        this.vm = vm;
        tabs = new TabPane(
                area("planArea", "Plan & compare", () -> new PlanView(vm.results(), vm.workloads().siteNames()).root()),
                area("workloadsArea", "Workloads", () -> new WorkloadsView(vm.workloads()).root()),
                area("catalogArea", "Catalog", () -> new CatalogView(vm.catalogBrowser(), vm.hardwareForm()).root()),
                area("riskArea", "Risk", () -> new RiskView(vm.risk()).root()),
                area("liveArea", "Live cluster", () -> new LiveView(vm.live()).root()),
                area("settingsArea", "Settings", () -> new dev.clusterplanner.ui.settings.SettingsView(vm.planSettings(), vm.workloads().siteNames()).root()));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        root.setTop(new VBox(menuBar(), recoveryBanner(), problemBanner()));
        root.setBottom(statusBar());
    }

    /** What "Quit" does (the app closes the stage through its close request). */
    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    public TabPane tabs() {
        return tabs;
    }

    /**
     * An area whose view is built the first time its tab is shown: the window opens with only the first
     * area built, which keeps the cold start short (docs/dev/benchmarks.md). The view-models exist from the start,
     * so an area built later shows the current state.
     */
    private static Tab area(String id, String title, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setId(id + "Tab");
        Runnable build = () -> {
            if (tab.getContent() == null) {
                tab.setContent(content.get());
            }
        };
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                build.run();
            }
        });
        if (tab.isSelected()) {
            build.run();
        }
        return tab;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.setId("fileMenu");
        MenuItem newPlan = item("New", "menuNew", Shortcuts.NEW, vm::newPlan);
        MenuItem open = item("Open...", "menuOpen", Shortcuts.OPEN, vm::open);
        Menu examples = new Menu("Open example");
        examples.setId("menuExamples");
        for (String name : ExamplePlans.NAMES) {
            MenuItem ex = new MenuItem(name.replace(MainViewModel.PLAN_EXTENSION, ""));
            ex.setOnAction(e -> vm.openExample(name));
            examples.getItems().add(ex);
        }
        Menu recent = new Menu("Open recent");
        recent.setId("menuRecent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                MenuItem r = new MenuItem(p.toString());
                r.setMnemonicParsing(false);
                r.setOnAction(e -> vm.openFile(p));
                recent.getItems().add(r);
            }
            recent.setDisable(vm.recentFiles().isEmpty());
        };
        fillRecent.run();
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        MenuItem save = item("Save", "menuSave", Shortcuts.SAVE, vm::save);
        MenuItem saveAs = item("Save as...", "menuSaveAs", Shortcuts.SAVE_AS, vm::saveAs);
        MenuItem importCsv = item("Import workloads from CSV...", "menuImport", Shortcuts.IMPORT, () -> vm.workloads().importCsv());
        MenuItem exportCsv = item("Export results as CSV...", "menuExportCsv", Shortcuts.EXPORT_CSV, vm::exportCsv);
        MenuItem exportPdf = item("Export PDF report...", "menuExportPdf", Shortcuts.EXPORT_PDF, vm::exportPdf);
        MenuItem quit = item("Quit", "menuQuit", Shortcuts.QUIT, () -> onQuit.run());
        file.getItems().addAll(newPlan, open, examples, recent, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importCsv, exportCsv, exportPdf, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        edit.setId("editMenu");
        MenuItem undo = item("Undo", "menuUndo", Shortcuts.UNDO, vm::undo);
        undo.textProperty().bind(vm.document().undoTextProperty());
        undo.disableProperty().bind(vm.document().canUndoProperty().not());
        MenuItem redo = item("Redo", "menuRedo", Shortcuts.REDO, vm::redo);
        redo.textProperty().bind(vm.document().redoTextProperty());
        redo.disableProperty().bind(vm.document().canRedoProperty().not());
        MenuItem addWorkload = item("Add workload", "menuAddWorkload", Shortcuts.ADD_WORKLOAD, () -> {
            tabs.getSelectionModel().select(1);
            vm.workloads().addWorkload();
        });
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), addWorkload);

        Menu view = new Menu("_View");
        view.setId("viewMenu");
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menuDark");
        dark.setAccelerator(Shortcuts.THEME.combination());
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        view.getItems().add(dark);
        view.getItems().add(new SeparatorMenuItem());
        Shortcuts.Shortcut[] tabKeys = {Shortcuts.TAB_PLAN, Shortcuts.TAB_WORKLOADS, Shortcuts.TAB_CATALOG, Shortcuts.TAB_RISK, Shortcuts.TAB_LIVE, Shortcuts.TAB_SETTINGS};
        for (int i = 0; i < tabKeys.length; i++) {
            int index = i;
            view.getItems().add(item(tabKeys[i].action(), null, tabKeys[i], () -> tabs.getSelectionModel().select(index)));
        }

        view.getItems().add(new SeparatorMenuItem());
        view.getItems().add(item("Recompute", "menuRecompute", Shortcuts.RECOMPUTE, () -> vm.results().recompute()));

        Menu help = new Menu("_Help");
        help.setId("helpMenu");
        help.getItems().add(item("Help: start here", "menuHelp", Shortcuts.HELP, () -> HelpView.show(root.getScene().getWindow(), "start")));
        help.getItems().add(item("User guide", "menuGuide", null, () -> HelpView.show(root.getScene().getWindow(), "getting-started")));
        help.getItems().add(item("Keyboard shortcuts", "menuShortcuts", null, () -> HelpView.show(root.getScene().getWindow(), "shortcuts")));
        help.getItems().add(new SeparatorMenuItem());
        help.getItems().add(item("About Cluster Planner", "menuAbout", null, () -> HelpView.show(root.getScene().getWindow(), "about")));

        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String id, Shortcuts.Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (id != null) {
            item.setId(id);
        }
        if (shortcut != null) {
            item.setAccelerator(shortcut.combination());
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private Node recoveryBanner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Autosave.Recovery r = vm.recoveryProperty().get();
            if (r == null) {
                return "";
            }
            return "Cluster Planner did not close cleanly. Unsaved changes to \"" + r.plan().name() + "\""
                    + (r.origin() == null ? "" : " (" + r.origin().getFileName() + ")") + " were kept. Recover them?";
        }, vm.recoveryProperty()));
        Button recover = new Button("Recover");
        recover.setId("recoverButton");
        recover.setOnAction(e -> vm.recover());
        Button discard = new Button("Discard");
        discard.setId("discardRecoveryButton");
        discard.setOnAction(e -> vm.discardRecovery());
        HBox banner = new HBox(8, text, recover, discard);
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.setId("recoveryBanner");
        banner.getStyleClass().add(Styles.RECOVERY_BANNER);
        showWhen(banner, vm.recoveryProperty().isNotNull());
        return banner;
    }

    private Node problemBanner() {
        Label headline = new Label();
        headline.setId("problemHeadline");
        headline.getStyleClass().add(Styles.BANNER_HEADLINE);
        Label details = new Label();
        details.setId("problemDetails");
        details.getStyleClass().add(Styles.BANNER_DETAILS);
        details.setWrapText(true);
        headline.textProperty().bind(Bindings.createStringBinding(() -> vm.problemProperty().get() == null ? "" : vm.problemProperty().get().headline(), vm.problemProperty()));
        details.textProperty().bind(Bindings.createStringBinding(() -> vm.problemProperty().get() == null ? ""
                : String.join("\n", vm.problemProperty().get().details()), vm.problemProperty()));
        Button close = new Button("Dismiss");
        close.setId("dismissProblem");
        close.setOnAction(e -> vm.dismissProblem());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox banner = new VBox(4, new HBox(8, headline, spacer, close), details);
        banner.setId("problemBanner");
        banner.getStyleClass().add(Styles.PROBLEM_BANNER);
        showWhen(banner, vm.problemProperty().isNotNull());
        return banner;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusText");
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        showWhen(busy, vm.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label planName = new Label();
        planName.setId("statusPlan");
        planName.textProperty().bind(vm.titleProperty());
        HBox statusBar = new HBox(8, busy, status, spacer, planName);
        statusBar.setId("statusBar");
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        return statusBar;
    }

    public Parent root() {
        return root;
    }
}
