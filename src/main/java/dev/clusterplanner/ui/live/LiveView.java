package dev.clusterplanner.ui.live;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Live cluster area: the Incus probe (connect form, fingerprint confirmation through the dialogs, progress with
 * cancel, the plan-vs-actual table and the findings, snapshot and import) and the Ceph probe (figures and findings).
 * Severity colours come from style classes (see {@link Styles}), never inline styles.
 */
public class LiveView {

    private final VBox root = new VBox(8);

    public LiveView(LiveViewModel vm) {
        vm.loadRemotesOnce();
        root.setId("liveArea");
        root.getStyleClass().add(Styles.AREA);
        Label heading = new Label("Live cluster");
        heading.getStyleClass().add(Styles.AREA_TITLE);
        ComboBox<String> site = new ComboBox<>(vm.sites());
        site.setId("liveSite");
        site.valueProperty().bindBidirectional(vm.siteProperty());
        HBox siteRow = row(new Label("Compare with plan site"), site);
        TabPane parts = new TabPane(part("incusTab", "Incus", incus(vm)), part("watchTab", "Usage over time", new WatchView(vm).root()),
                part("cephTab", "Ceph", ceph(vm)));
        parts.setId("liveParts");
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(parts, Priority.ALWAYS);
        root.getChildren().addAll(heading, siteRow, parts);
    }

    private static Tab part(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    // ----- Incus

    private Node incus(LiveViewModel vm) {
        ComboBox<LiveViewModel.Connection> how = new ComboBox<>();
        how.getItems().setAll(LiveViewModel.Connection.values());
        how.setId("liveConnection");
        how.valueProperty().bindBidirectional(vm.connectionProperty());

        ComboBox<String> remote = new ComboBox<>(vm.remotes());
        remote.setId("liveRemote");
        remote.valueProperty().bindBidirectional(vm.remoteProperty());
        Button reload = new Button("Reload");
        reload.setId("reloadRemotes");
        reload.setOnAction(e -> vm.reloadRemotes());
        Label note = new Label();
        note.setId("remotesNote");
        note.getStyleClass().add(Styles.MUTED);
        note.textProperty().bind(vm.remotesNoteProperty());
        HBox remoteForm = row(new Label("Remote"), remote, reload, note);

        TextField url = new TextField();
        url.setId("liveUrl");
        url.setPromptText("https://10.0.0.1:8443");
        url.setPrefColumnCount(22);
        url.textProperty().bindBidirectional(vm.urlProperty());
        Button cert = new Button("Certificate...");
        cert.setId("chooseCertificate");
        cert.setOnAction(e -> vm.chooseCertificate());
        Label certName = fileLabel("certificateFile", vm.certificateProperty());
        Button key = new Button("Key...");
        key.setId("chooseKey");
        key.setOnAction(e -> vm.chooseKey());
        Label keyName = fileLabel("keyFile", vm.keyProperty());
        Button forget = new Button("Forget trusted certificate");
        forget.setId("forgetFingerprint");
        forget.setOnAction(e -> vm.forgetFingerprint());
        HBox urlForm = row(new Label("URL"), url, cert, certName, key, keyName, forget);

        TextField socket = new TextField();
        socket.setId("liveSocket");
        socket.setPromptText("default: $INCUS_SOCKET, $INCUS_DIR/unix.socket or /var/lib/incus/unix.socket");
        socket.setPrefColumnCount(36);
        socket.textProperty().bindBidirectional(vm.socketProperty());
        HBox socketForm = row(new Label("Socket"), socket);

        showWhen(remoteForm, vm.connectionProperty().isEqualTo(LiveViewModel.Connection.REMOTE));
        showWhen(urlForm, vm.connectionProperty().isEqualTo(LiveViewModel.Connection.URL));
        showWhen(socketForm, vm.connectionProperty().isEqualTo(LiveViewModel.Connection.LOCAL));

        Button connect = new Button("Connect and read");
        connect.setId("connectIncus");
        connect.setDefaultButton(false);
        connect.disableProperty().bind(vm.connectingProperty());
        connect.setOnAction(e -> vm.connect());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelIncus");
        cancel.disableProperty().bind(vm.connectingProperty().not());
        cancel.setOnAction(e -> vm.cancelConnect());
        ProgressBar progress = new ProgressBar();
        progress.setId("incusProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.connectingProperty());
        Button save = new Button("Save snapshot...");
        save.setId("saveSnapshot");
        save.disableProperty().bind(vm.hasIncusResultProperty().not());
        save.setOnAction(e -> vm.saveSnapshot());
        Button open = new Button("Open snapshot...");
        open.setId("openSnapshot");
        open.setOnAction(e -> vm.openSnapshot());
        Button importPlan = new Button("Import as plan");
        importPlan.setId("importAsPlan");
        importPlan.disableProperty().bind(vm.hasIncusResultProperty().not());
        importPlan.setOnAction(e -> vm.importAsPlan());
        HBox actions = row(connect, cancel, progress, save, open, importPlan);

        Label status = new Label();
        status.setId("incusStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.incusStatusProperty());

        TableView<LiveComparisonTable.Row> table = new TableView<>(vm.rows());
        table.setId("liveRows");
        table.getColumns().add(col("Member", LiveComparisonTable.Row::member, 120));
        table.getColumns().add(col("Figure", LiveComparisonTable.Row::figure, 120));
        table.getColumns().add(col("Planned", LiveComparisonTable.Row::planned, 100));
        table.getColumns().add(col("Actual", LiveComparisonTable.Row::actual, 100));
        table.getColumns().add(col("Unit", LiveComparisonTable.Row::unit, 80));
        table.getColumns().add(col("Severity", LiveComparisonTable.Row::status, 170));
        table.getColumns().add(col("Note", LiveComparisonTable.Row::note, 360));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LiveComparisonTable.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll(Styles.SEVERITY_INFO, Styles.SEVERITY_WARNING, Styles.SEVERITY_ERROR, Styles.SEVERITY_OK);
                if (!empty && r != null) {
                    if (r.severity() != null) {
                        getStyleClass().add(severityClass(r.severity()));
                    } else if (r.status().equals("ok")) {
                        getStyleClass().add(Styles.SEVERITY_OK);
                    }
                }
            }
        });
        table.setPlaceholder(new Label("Connect to a cluster to compare it with the plan."));

        TableView<Finding> findings = findingsTable("incusFindings", vm.incusFindings());
        SplitPane split = new SplitPane(table, findings);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, row(new Label("Connect by"), how), remoteForm, urlForm, socketForm, actions, status, split);
        box.getStyleClass().add(Styles.AREA);
        return box;
    }

    private static Label fileLabel(String id, javafx.beans.property.ObjectProperty<Path> file) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.MUTED);
        l.textProperty().bind(Bindings.createStringBinding(() -> file.get() == null ? "none" : file.get().getFileName().toString(), file));
        return l;
    }

    private static HBox row(Node... nodes) {
        HBox b = new HBox(8, nodes);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add(Styles.TOOLBAR);
        return b;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    // ----- Ceph

    private Node ceph(LiveViewModel vm) {
        TextField url = new TextField();
        url.setId("cephMetricsUrl");
        url.setPromptText("http://mon1:9283/metrics");
        url.setPrefColumnCount(28);
        url.textProperty().bindBidirectional(vm.ceph().metricsUrlProperty());
        CheckBox cli = new CheckBox("ceph command on this machine");
        cli.selectedProperty().bindBidirectional(vm.ceph().useCliProperty());
        Button probe = new Button("Read Ceph");
        probe.setId("probeCeph");
        probe.disableProperty().bind(vm.ceph().probingProperty());
        probe.setOnAction(e -> vm.ceph().probeCeph());
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(vm.ceph().probingProperty().not());
        cancel.setOnAction(e -> vm.ceph().cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.ceph().probingProperty());
        HBox bar = row(new Label("Metrics URL"), url, cli, probe, cancel, spinner);
        Label hint = new Label("Read the Incus cluster first and its NIC speeds feed the Ceph network checks.");
        hint.getStyleClass().add(Styles.MUTED);
        Label status = new Label();
        status.setId("liveStatus");
        status.textProperty().bind(vm.ceph().statusProperty());

        TableView<Finding> findings = findingsTable("liveFindings", vm.ceph().findings());
        TableView<Explanation> figures = new TableView<>(vm.ceph().figures());
        figures.setId("liveFigures");
        figures.getColumns().add(col("Figure", Explanation::figure, 200));
        figures.getColumns().add(col("Value", (Explanation e) -> String.format(Locale.ROOT, "%,.2f %s", e.value(), e.unit()), 150));
        figures.getColumns().add(col("How", Explanation::formula, 600));
        figures.setPlaceholder(new Label("No live figures yet."));
        SplitPane split = new SplitPane(findings, figures);
        split.setOrientation(Orientation.VERTICAL);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, bar, hint, status, split);
        box.getStyleClass().add(Styles.AREA);
        return box;
    }

    // ----- shared

    private static TableView<Finding> findingsTable(String id, javafx.collections.ObservableList<Finding> items) {
        TableView<Finding> findings = new TableView<>(items);
        findings.setId(id);
        findings.getColumns().add(col("Severity", (Finding f) -> f.severity().id(), 80));
        findings.getColumns().add(col("Finding", Finding::text, 620));
        findings.getColumns().add(col("Rule", Finding::rule, 180));
        findings.getColumns().add(col("Source", Finding::citation, 220));
        findings.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll(Styles.SEVERITY_INFO, Styles.SEVERITY_WARNING, Styles.SEVERITY_ERROR);
                if (!empty && f != null) {
                    getStyleClass().add(severityClass(f.severity()));
                }
            }
        });
        findings.setPlaceholder(new Label("No findings yet."));
        return findings;
    }

    static String severityClass(Severity s) {
        return switch (s) {
            case INFO -> Styles.SEVERITY_INFO;
            case WARNING -> Styles.SEVERITY_WARNING;
            case ERROR -> Styles.SEVERITY_ERROR;
        };
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Node root() {
        return root;
    }
}
