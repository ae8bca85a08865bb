package dev.clusterplanner.ui.workloads;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.Problem;
import dev.clusterplanner.ui.TaskListener;
import dev.clusterplanner.ui.UiContext;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workloads of one site as editable rows. Every edit is checked with {@link ModelRules} before it
 * reaches the plan; a refused edit leaves the plan as it was and tells why (on the row and through
 * {@link #validate}). Accepted edits go through {@link PlanDocument#edit}, so they can be undone.
 */
public class WorkloadsViewModel {

    private final PlanDocument document;
    private final ObjectProperty<Catalog> catalog;
    private final UiContext ctx;
    private final StringProperty status;
    private final ObjectProperty<Problem> problem;
    private final ObservableList<String> siteNames = FXCollections.observableArrayList();
    private final IntegerProperty siteIndex = new SimpleIntegerProperty(0);
    private final ObservableList<WorkloadRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Workload> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> hardwareCandidates = FXCollections.observableArrayList();

    public WorkloadsViewModel(PlanDocument document, ObjectProperty<Catalog> catalog, UiContext ctx,
                              StringProperty status, ObjectProperty<Problem> problem) {
        this.document = document;
        this.catalog = catalog;
        this.ctx = ctx;
        this.status = status;
        this.problem = problem;
        document.planProperty().addListener((o, a, b) -> refresh());
        siteIndex.addListener((o, a, b) -> refresh());
        catalog.addListener((o, a, c) -> profiles.setAll(c.profiles()));
        profiles.setAll(catalog.get().profiles());
        refresh();
    }

    public ObservableList<String> siteNames() {
        return siteNames;
    }

    public IntegerProperty siteIndexProperty() {
        return siteIndex;
    }

    public ObservableList<WorkloadRow> rows() {
        return rows;
    }

    /** The profile library (from the catalogs), to add a workload from. */
    public ObservableList<Workload> profiles() {
        return profiles;
    }

    /** The catalog ids the selected site compares. */
    public ObservableList<String> hardwareCandidates() {
        return hardwareCandidates;
    }

    public Site site() {
        return document.plan().sites().get(clampedSite());
    }

    private int clampedSite() {
        int n = document.plan().sites().size();
        return Math.max(0, Math.min(siteIndex.get(), n - 1));
    }

    private void refresh() {
        Plan plan = document.plan();
        List<String> names = plan.sites().stream().map(Site::name).toList();
        if (!names.equals(siteNames)) {
            siteNames.setAll(names);
        }
        if (siteIndex.get() >= names.size()) {
            siteIndex.set(Math.max(0, names.size() - 1));
            return;
        }
        Site site = site();
        List<WorkloadRow> next = new ArrayList<>();
        for (int i = 0; i < site.workloads().size(); i++) {
            Workload w = site.workloads().get(i);
            // keep an unchanged row (and the reason its last edit was refused)
            if (i < rows.size() && rows.get(i).workload().equals(w)) {
                next.add(rows.get(i));
            } else {
                next.add(new WorkloadRow(i, w));
            }
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        if (!site.hardware().equals(hardwareCandidates)) {
            hardwareCandidates.setAll(site.hardware());
        }
    }

    /**
     * Why {@code text} cannot be the {@code field} of row {@code row}: the field's own rule, or a clash with
     * another workload of the site (a duplicate name). Empty when the value is acceptable.
     */
    public Optional<String> validate(int row, WorkloadField field, String text) {
        Workload changed;
        try {
            changed = field.with(site().workloads().get(row), text);
        } catch (IllegalArgumentException e) {
            return Optional.of(dev.clusterplanner.ui.UserWords.readable(String.valueOf(e.getMessage())) ? e.getMessage()
                    : dev.clusterplanner.ui.UserWords.of(e));
        }
        return problemsOf(row, changed, field);
    }

    private Optional<String> problemsOf(int row, Workload changed, WorkloadField onlyField) {
        List<Workload> list = new ArrayList<>(site().workloads());
        list.set(row, changed);
        Site candidate = site().withWorkloads(list);
        String prefix = "workloads/" + row + "/";
        List<String> messages = ModelRules.check(candidate).stream()
                .filter(p -> p.field().startsWith(prefix))
                .filter(p -> onlyField == null || p.field().equals(prefix + onlyField.key()))
                .map(FieldProblem::message)
                .map(dev.clusterplanner.ui.UserWords::fieldNames)
                .toList();
        return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
    }

    /** Applies an edit if it is valid (undoable); otherwise records the reason on the row and leaves the plan alone. */
    public boolean commit(int row, WorkloadField field, String text) {
        Optional<String> reason = validate(row, field, text);
        WorkloadRow target = rows.get(row);
        if (reason.isPresent()) {
            target.setProblem(field.label() + " '" + text + "' not applied: " + reason.get());
            status.set(target.problem());
            return false;
        }
        Workload before = site().workloads().get(row);
        Workload after = field.with(before, text);
        if (after.equals(before)) {
            target.setProblem("");
            return true;
        }
        target.setProblem("");
        replaceWorkloads("set " + field.word() + " of " + before.name(), list -> list.set(row, after));
        status.set(before.name() + ": " + field.label() + " " + field.format(before) + " -> " + field.format(after));
        return true;
    }

    /** Adds a small container workload with a fresh name (a starting point to edit); returns its row. */
    public int addWorkload() {
        Workload w = Workload.of(uniqueName("workload"), WorkloadKind.CONTAINER, 1, 1, 1, 10);
        replaceWorkloads("add " + w.name(), list -> list.add(w));
        status.set("Added " + w.name() + ": edit it in the form on the right");
        return rows.size() - 1;
    }

    /** Adds a copy of a library profile (renamed if the site already has that name); returns its row. */
    public int addFromProfile(Workload profile) {
        Workload w = WorkloadField.NAME.with(profile, uniqueName(profile.name()));
        replaceWorkloads("add " + w.name(), list -> list.add(w));
        status.set("Added " + w.name() + " from the profile library");
        return rows.size() - 1;
    }

    public void remove(List<Integer> indices) {
        if (indices.isEmpty()) {
            return;
        }
        Set<Integer> gone = new HashSet<>(indices);
        String what = indices.size() == 1 ? site().workloads().get(indices.get(0)).name() : indices.size() + " workloads";
        replaceWorkloads("remove " + what, list -> {
            List<Workload> kept = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!gone.contains(i)) {
                    kept.add(list.get(i));
                }
            }
            list.clear();
            list.addAll(kept);
        });
    }

    /** Imports workloads from a CSV in the profile format: all rows or none; names that clash get a suffix. */
    public void importCsv() {
        Optional<Path> file = ctx.dialogs().chooseFileToOpen("Import workloads", "Workloads CSV", "*.csv");
        file.ifPresent(this::importCsv);
    }

    public void importCsv(Path file) {
        status.set("Importing " + file.getFileName() + " ...");
        ctx.executor().submit(c -> ctx.catalogs().readWorkloads(file), TaskListener.of(imported -> {
            Set<String> taken = site().workloads().stream().map(Workload::name).collect(Collectors.toCollection(HashSet::new));
            List<Workload> renamed = new ArrayList<>();
            for (Workload w : imported) {
                String name = uniqueName(w.name(), taken);
                taken.add(name);
                renamed.add(WorkloadField.NAME.with(w, name));
            }
            replaceWorkloads("import " + file.getFileName(), list -> list.addAll(renamed));
            problem.set(null);
            status.set("Imported " + renamed.size() + " workloads from " + file.getFileName());
        }, error -> {
            String headline = error instanceof UnsupportedOperationException
                    ? "Workload CSV import is not available yet" : "Could not import " + file.getFileName();
            problem.set(Problem.of(headline, error));
            status.set("Nothing imported");
        }));
    }

    public void removeHardwareCandidate(String id) {
        int s = clampedSite();
        document.edit("remove candidate " + id, plan -> plan.withSite(s, site -> {
            List<String> ids = new ArrayList<>(site.hardware());
            ids.remove(id);
            return site.withHardware(ids);
        }));
    }

    private void replaceWorkloads(String description, java.util.function.Consumer<List<Workload>> change) {
        int s = clampedSite();
        document.edit(description, plan -> plan.withSite(s, site -> {
            List<Workload> list = new ArrayList<>(site.workloads());
            change.accept(list);
            return site.withWorkloads(list);
        }));
    }

    private String uniqueName(String base) {
        return uniqueName(base, site().workloads().stream().map(Workload::name).collect(Collectors.toSet()));
    }

    private static String uniqueName(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }
}
