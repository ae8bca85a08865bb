package dev.clusterplanner.ui.settings;

import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.UserWords;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Settings area: every plan-wide and site setting ({@link Setting}) as text, checked as it is typed with the same
 * rules a plan file is read by ({@link ModelRules}), applied as one undoable edit; sites added, duplicated and removed.
 * The selected site is the one the Workloads and Plan areas show.
 */
public class PlanSettingsViewModel {

    private final PlanDocument document;
    private final IntegerProperty siteIndex;
    private final StringProperty status;
    private final OwnedHostsViewModel owned;
    private final StockLimitsViewModel stock;

    public PlanSettingsViewModel(PlanDocument document, IntegerProperty siteIndex, StringProperty status) {
        this(document, siteIndex, status, null);
    }

    /** @param catalog the loaded catalog: the rows owned hosts are chosen from, and what it says of a row's stock */
    public PlanSettingsViewModel(PlanDocument document, IntegerProperty siteIndex, StringProperty status,
                                 javafx.beans.property.ObjectProperty<dev.clusterplanner.core.model.Catalog> catalog) {
        this.document = document;
        this.siteIndex = siteIndex;
        this.status = status == null ? new SimpleStringProperty() : status;
        this.owned = new OwnedHostsViewModel(document, siteIndex, catalog, this.status, java.time.LocalDate::now);
        this.stock = new StockLimitsViewModel(document, siteIndex, catalog, this.status);
    }

    /** The selected site's hardware already owned. */
    public OwnedHostsViewModel owned() {
        return owned;
    }

    /** The selected site's stock limits (the most hosts of a row it may use). */
    public StockLimitsViewModel stock() {
        return stock;
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return document.planProperty();
    }

    public IntegerProperty siteIndexProperty() {
        return siteIndex;
    }

    private int site() {
        int n = document.plan().sites().size();
        return Math.max(0, Math.min(siteIndex.get(), n - 1));
    }

    public boolean hasSite() {
        return !document.plan().sites().isEmpty();
    }

    /** The setting's current value as text ("" for a site setting when the plan has no site). */
    public String text(Setting s) {
        if (!hasSite() && s.scope() != Setting.Scope.PLAN && s.scope() != Setting.Scope.COST) {
            return "";
        }
        return s.format(document.plan(), site());
    }

    public boolean applies(Setting s) {
        return s.applies(document.plan(), site());
    }

    /** Why {@code text} cannot be the setting's value, in words with the window's labels; empty when it can. */
    public Optional<String> validate(Setting s, String text) {
        if (!hasSite() && s.scope() != Setting.Scope.PLAN && s.scope() != Setting.Scope.COST) {
            return Optional.of("Add a site first.");
        }
        Plan changed;
        try {
            changed = s.apply(document.plan(), site(), text);
        } catch (IllegalArgumentException e) {
            // the setting's own parse messages already use its label
            return Optional.of(e.getMessage() != null && UserWords.readable(e.getMessage()) ? e.getMessage() : UserWords.of(e));
        }
        String path = s.path(site());
        List<String> messages = ModelRules.check(changed).stream()
                .filter(p -> p.field().equals(path) || (s == Setting.CEPH_PROTECTION && p.field().startsWith(path.replace("protection", ""))))
                .map(FieldProblem::message).map(UserWords::fieldNames).toList();
        return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
    }

    /** Applies the value if it is valid (one undoable edit) and returns empty; otherwise the reason, and the plan is unchanged. */
    public Optional<String> commit(Setting s, String text) {
        Optional<String> reason = validate(s, text);
        if (reason.isPresent()) {
            status.set(s.label() + " not changed: " + reason.get());
            return reason;
        }
        int i = site();
        String before = text(s);
        document.edit(s.describe(document.plan(), i), plan -> s.apply(plan, i, text));
        if (!before.equals(text(s))) {
            status.set(s.label() + ": " + before + " -> " + text(s));
        }
        return Optional.empty();
    }

    // ----- sites

    /** Adds a cluster site comparing the selected site's hardware, and selects it. */
    public void addSite() {
        List<String> hardware = hasSite() ? document.plan().sites().get(site()).hardware() : List.of();
        String name = uniqueName("site");
        Site added = new Site(name, SiteKind.CLUSTER, List.of(), hardware, null, null);
        edit("add site " + name, sites -> sites.add(added));
        siteIndex.set(document.plan().sites().size() - 1);
        status.set("Added site '" + name + "': add its workloads in the Workloads area");
    }

    /** A copy of the selected site (workloads, hardware, policy, facility) under a new name, selected. */
    public void duplicateSite() {
        if (!hasSite()) {
            return;
        }
        Site s = document.plan().sites().get(site());
        String name = uniqueName(s.name() + "-copy");
        int at = site() + 1;
        edit("duplicate site " + s.name(), sites -> sites.add(at, new Site(name, s.kind(), s.workloads(), s.hardware(), s.policy(), s.facility(), s.available(), s.owned())));
        siteIndex.set(at);
        status.set("Duplicated site '" + s.name() + "' as '" + name + "'");
    }

    /** Removes the selected site (undoable); the last site cannot be removed (a plan needs one). */
    public Optional<String> removeSite() {
        if (document.plan().sites().size() <= 1) {
            return Optional.of("A plan needs at least one site: this is the last one.");
        }
        int i = site();
        String name = document.plan().sites().get(i).name();
        edit("remove site " + name, sites -> sites.remove(i));
        siteIndex.set(Math.max(0, i - 1));
        status.set("Removed site '" + name + "' (Undo brings it back)");
        return Optional.empty();
    }

    private void edit(String description, java.util.function.Consumer<List<Site>> change) {
        document.edit(description, plan -> {
            List<Site> sites = new ArrayList<>(plan.sites());
            change.accept(sites);
            return plan.withSites(sites);
        });
    }

    private String uniqueName(String base) {
        Set<String> taken = new HashSet<>();
        document.plan().sites().forEach(s -> taken.add(s.name()));
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
