package dev.clusterplanner.ui;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The main window: menu bar, the main areas as tabs, a status bar. Binds to {@link MainViewModel}. */
public class MainView {

    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel vm) {
        MenuBar menuBar = new MenuBar(new Menu("_File"), new Menu("_Edit"), new Menu("_View"), new Menu("_Help"));
        menuBar.setId("menuBar");
        root.setTop(menuBar);

        TabPane tabs = new TabPane(
                area("planArea", "Plan & compare", "Sizing and cost comparison of the plan's sites appear here."),
                area("workloadsArea", "Workloads", "The workloads of each site appear here."),
                area("catalogArea", "Catalog", "The hardware catalog appears here."),
                area("riskArea", "Risk", "Monte Carlo risk simulation appears here."),
                area("liveArea", "Live cluster", "Probe a running Incus cluster here."));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);

        Label status = new Label();
        status.setId("statusText");
        status.textProperty().bind(vm.statusProperty());
        Label planName = new Label();
        planName.textProperty().bind(vm.titleProperty());
        HBox statusBar = new HBox(16, status, planName);
        statusBar.setId("statusBar");
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        root.setBottom(statusBar);
    }

    private static Tab area(String id, String title, String placeholder) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.AREA_TITLE);
        Label text = new Label(placeholder);
        text.getStyleClass().add(Styles.PLACEHOLDER);
        VBox box = new VBox(8, heading, text);
        box.setId(id);
        Tab tab = new Tab(title, box);
        tab.setId(id + "Tab");
        return tab;
    }

    public Parent root() {
        return root;
    }
}
