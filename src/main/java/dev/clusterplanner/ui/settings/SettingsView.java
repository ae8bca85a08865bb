package dev.clusterplanner.ui.settings;

import dev.clusterplanner.ui.Styles;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Settings area: the plan, its costs, and the selected site's kind, policy, storage and facility, as a form. A
 * value is checked as it is typed (the reason shows under the field); Enter or leaving the field applies it (undoable).
 * Binds to {@link PlanSettingsViewModel}.
 */
public class SettingsView {

    private static final List<Setting> PLAN = List.of(Setting.PLAN_NAME, Setting.PLAN_DESCRIPTION);
    private static final List<Setting> COSTS = List.of(Setting.YEARS, Setting.DISCOUNT, Setting.SALVAGE, Setting.SUPPORT, Setting.AWS_COMMITMENT);
    private static final List<Setting> SITE = List.of(Setting.SITE_NAME, Setting.SITE_KIND);
    private static final List<Setting> POLICY = List.of(Setting.FAILURES, Setting.MIN_HOSTS, Setting.OVERCOMMIT_CONTAINERS,
            Setting.OVERCOMMIT_VMS, Setting.VM_CPU_OVERHEAD, Setting.VM_MEMORY_OVERHEAD, Setting.RESERVE_MEMORY, Setting.RESERVE_THREADS);
    private static final List<Setting> STORAGE = List.of(Setting.STORAGE_MODE, Setting.CEPH_PROTECTION, Setting.CEPH_SIZE,
            Setting.CEPH_MIN_SIZE, Setting.CEPH_K, Setting.CEPH_M, Setting.CEPH_NEARFULL, Setting.CEPH_MEMORY_PER_OSD, Setting.CEPH_THREADS_PER_OSD);
    private static final List<Setting> FACILITY = List.of(Setting.DATA_CENTRE, Setting.ELECTRICITY, Setting.PUE, Setting.COLOCATION_U,
            Setting.COLOCATION_KW, Setting.ELECTRICITY_SOURCE);

    private final PlanSettingsViewModel vm;
    private final Map<Setting, Control> controls = new EnumMap<>(Setting.class);
    private final Map<Setting, Label> problems = new EnumMap<>(Setting.class);
    private final Map<Setting, Node[]> rows = new EnumMap<>(Setting.class);
    private final Label siteProblem = new Label();
    private final ScrollPane root;
    private boolean filling;

    public SettingsView(PlanSettingsViewModel vm, ObservableList<String> siteNames) {
        this.vm = vm;
        Label heading = new Label("Settings");
        heading.getStyleClass().add(Styles.AREA_TITLE);
        Label hint = new Label("Every value is checked as you type; Enter or leaving the field applies it. Ctrl+Z undoes. "
                + "Saved with the plan.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);

        ComboBox<String> site = new ComboBox<>(siteNames);
        site.setId("settingsSiteChooser");
        site.getSelectionModel().select(vm.siteIndexProperty().get());
        site.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && !filling) {
                vm.siteIndexProperty().set(b.intValue());
            }
        });
        vm.siteIndexProperty().addListener((o, a, b) -> site.getSelectionModel().select(b.intValue()));
        siteNames.addListener((ListChangeListener<String>) c -> site.getSelectionModel().select(vm.siteIndexProperty().get()));
        Button add = button("Add site", "addSite", vm::addSite);
        Button duplicate = button("Duplicate site", "duplicateSite", vm::duplicateSite);
        Button remove = button("Remove site", "removeSite", () -> siteProblem.setText(vm.removeSite().orElse("")));
        siteProblem.setId("siteProblem");
        siteProblem.getStyleClass().add(Styles.PROBLEM_TEXT);
        HBox siteBar = new HBox(8, new Label("Site"), site, add, duplicate, remove);
        siteBar.getStyleClass().add(Styles.TOOLBAR);

        FlowPane planSections = new FlowPane(24, 16, section("Plan", PLAN), section("Costs", COSTS));
        FlowPane siteSections = new FlowPane(24, 16, section("Site", SITE), section("Capacity policy", POLICY),
                section("Storage", STORAGE), section("Facility and power", FACILITY));
        Label siteTitle = new Label("Sites");
        siteTitle.getStyleClass().add(Styles.AREA_TITLE);
        VBox content = new VBox(8, heading, hint, planSections, siteTitle, siteBar, siteProblem, siteSections,
                new OwnedHostsView(vm.owned()).root(), new StockLimitsView(vm.stock()).root());
        content.getStyleClass().add(Styles.AREA);
        content.setId("settingsArea");
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        vm.planProperty().addListener((o, a, b) -> fill());
        vm.siteIndexProperty().addListener((o, a, b) -> fill());
        fill();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node section(String title, List<Setting> settings) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.DETAILS);
        Label t = new Label(title);
        t.getStyleClass().add(Styles.SECTION_TITLE);
        grid.add(t, 0, 0, 2, 1);
        int r = 1;
        for (Setting s : settings) {
            Label label = new Label(s.label());
            label.getStyleClass().add(Styles.DETAIL_LABEL);
            label.setTooltip(new Tooltip(s.help()));
            Control control = control(s);
            control.setTooltip(new Tooltip(s.help()));
            label.setLabelFor(control);
            Label problem = new Label();
            problem.setId("problem-" + id(s));
            problem.getStyleClass().add(Styles.PROBLEM_TEXT);
            problem.setWrapText(true);
            problem.setMaxWidth(360);
            problem.managedProperty().bind(problem.textProperty().isNotEmpty());
            problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
            problems.put(s, problem);
            VBox cell = new VBox(2, control, problem);
            grid.add(label, 0, r);
            grid.add(cell, 1, r);
            rows.put(s, new Node[] {label, cell});
            r++;
        }
        return grid;
    }

    static String id(Setting s) {
        return "setting-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Control control(Setting s) {
        if (!s.choices().isEmpty()) {
            ChoiceBox<String> box = new ChoiceBox<>();
            box.getItems().setAll(s.choices());
            box.setId(id(s));
            box.valueProperty().addListener((o, a, b) -> {
                if (!filling && b != null) {
                    show(s, vm.commit(s, b).orElse(""));
                }
            });
            controls.put(s, box);
            return box;
        }
        TextField field = new TextField();
        field.setId(id(s));
        field.setPrefColumnCount(s == Setting.PLAN_DESCRIPTION || s == Setting.ELECTRICITY_SOURCE ? 28 : 12);
        field.textProperty().addListener((o, a, b) -> {
            if (!filling) {
                show(s, vm.validate(s, b).orElse(""));
            }
        });
        field.setOnAction(e -> commit(s, field));
        field.focusedProperty().addListener((o, had, has) -> {
            if (had && !has) {
                commit(s, field);
            }
        });
        controls.put(s, field);
        return field;
    }

    private void commit(Setting s, TextInputControl field) {
        if (filling || field.getText().equals(vm.text(s))) {
            show(s, "");
            return;
        }
        show(s, vm.commit(s, field.getText()).orElse(""));
    }

    private void show(Setting s, String problem) {
        problems.get(s).setText(problem);
        Control c = controls.get(s);
        c.getStyleClass().remove(Styles.FIELD_INVALID);
        if (!problem.isEmpty()) {
            c.getStyleClass().add(Styles.FIELD_INVALID);
        }
    }

    private void fill() {
        filling = true;
        try {
            siteProblem.setText("");
            for (Map.Entry<Setting, Control> e : controls.entrySet()) {
                Setting s = e.getKey();
                String value = vm.text(s);
                if (e.getValue() instanceof ChoiceBox<?> box) {
                    @SuppressWarnings("unchecked")
                    ChoiceBox<String> b = (ChoiceBox<String>) box;
                    b.setValue(value);
                } else if (e.getValue() instanceof TextInputControl t) {
                    t.setText(value);
                }
                show(s, "");
                boolean applies = vm.applies(s);
                for (Node n : rows.get(s)) {
                    n.setVisible(applies);
                    n.setManaged(applies);
                }
            }
        } finally {
            filling = false;
        }
    }

    public Node root() {
        return root;
    }
}
