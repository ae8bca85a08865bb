package dev.clusterplanner.ui.settings;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.ui.PlanDocument;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Settings area's list editors of the selected site share ("Hardware you already own", "Stock limits"): the
 * site, its entries and the hardware a user may pick, kept up to date with the plan, the site chosen and the catalog;
 * add, change and remove, each one undoable edit of the plan, refused with the first reason when a field cannot be
 * saved; and the status line's words. The editors give the entries, the checks and the words.
 *
 * @param <E> an entry (owned hosts, a stock limit)
 * @param <D> the form's draft of an entry, as typed
 */
abstract class SiteListEditor<E, D> {

    final PlanDocument document;
    final IntegerProperty siteIndex;
    final ObjectProperty<Catalog> catalog;
    final StringProperty status;
    final ObservableList<E> rows = FXCollections.observableArrayList();
    final ObservableList<String> hardwareChoices = FXCollections.observableArrayList();

    SiteListEditor(PlanDocument document, IntegerProperty siteIndex, ObjectProperty<Catalog> catalog, StringProperty status) {
        this.document = document;
        this.siteIndex = siteIndex;
        this.catalog = catalog == null ? new SimpleObjectProperty<>() : catalog;
        this.status = status == null ? new SimpleStringProperty() : status;
        document.planProperty().addListener((o, a, b) -> refresh());
        siteIndex.addListener((o, a, b) -> refresh());
        this.catalog.addListener((o, a, b) -> refresh());
    }

    /** The site's entries, in the plan's order. */
    abstract List<E> entriesOf(Site site);

    /** The hardware ids a user may pick for an entry of the site (empty: no site). */
    abstract List<String> choicesFor(Optional<Site> site);

    /** Why each field of the draft cannot be saved, by field; empty when it can ({@code replacing}: its index, or -1). */
    public abstract Map<String, String> problems(D draft, int replacing);

    /** The entry of a draft that {@link #problems} accepts. */
    abstract E entryOf(D draft);

    /** The plan with {@code entry} added to site {@code site} at the end, or in place of entry {@code replacing}. */
    abstract Plan withEntry(Plan plan, int site, int replacing, E entry);

    /** The plan without entry {@code index} of site {@code site}. */
    abstract Plan withoutEntry(Plan plan, int site, int index);

    /** What an entry is called in the status line and the undo list: "owned hosts", "stock limit". */
    abstract String noun();

    /** The entry as the undo list names it. */
    abstract String editName(E entry);

    /** The entry in words, for the status line. */
    abstract String words(E entry);

    /** What the status line adds when an entry is removed, e.g. " (Undo brings them back)". */
    abstract String afterRemoval();

    /** The selected site's entries, in the plan's order. */
    public ObservableList<E> rows() {
        return rows;
    }

    /** The hardware ids a user may pick. */
    public ObservableList<String> hardwareChoices() {
        return hardwareChoices;
    }

    final void refresh() {
        List<E> now = site().map(this::entriesOf).orElse(List.of());
        if (!rows.equals(now)) {
            rows.setAll(now);
        }
        List<String> ids = choicesFor(site());
        if (!hardwareChoices.equals(ids)) {
            hardwareChoices.setAll(ids);
        }
    }

    /** The selected site's index, within the plan's sites. */
    final int index() {
        int n = document.plan().sites().size();
        return Math.max(0, Math.min(siteIndex.get(), n - 1));
    }

    final Optional<Site> site() {
        return document.plan().sites().isEmpty() ? Optional.empty() : Optional.of(document.plan().sites().get(index()));
    }

    /** Adds the entry (one undoable edit) and returns empty; otherwise the first reason, and the plan is unchanged. */
    public Optional<String> add(D draft) {
        return save(draft, -1);
    }

    /** Replaces entry {@code index} (one undoable edit). */
    public Optional<String> update(int index, D draft) {
        if (index < 0 || index >= rows.size()) {
            return Optional.of("Select the " + noun() + " to change first.");
        }
        return save(draft, index);
    }

    private Optional<String> save(D draft, int replacing) {
        Map<String, String> problems = problems(draft, replacing);
        if (!problems.isEmpty()) {
            String first = problems.values().iterator().next();
            status.set(capitalised(noun()) + " not saved: " + first);
            return Optional.of(first);
        }
        E entry = entryOf(draft);
        int site = index();
        document.edit((replacing >= 0 ? "change " : "add ") + noun() + " " + editName(entry), plan -> withEntry(plan, site, replacing, entry));
        status.set((replacing >= 0 ? "Changed " : "Added ") + noun() + ": " + words(entry));
        return Optional.empty();
    }

    /** Removes entry {@code index} (undoable). */
    public Optional<String> remove(int index) {
        if (index < 0 || index >= rows.size()) {
            return Optional.of("Select the " + noun() + " to remove first.");
        }
        int site = index();
        E gone = rows.get(index);
        document.edit("remove " + noun() + " " + editName(gone), plan -> withoutEntry(plan, site, index));
        status.set("Removed " + noun() + ": " + words(gone) + afterRemoval());
        return Optional.empty();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
