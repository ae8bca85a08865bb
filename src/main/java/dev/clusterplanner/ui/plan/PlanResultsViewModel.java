package dev.clusterplanner.ui.plan;

import dev.clusterplanner.app.PlanResult;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.app.ScenarioResult;
import dev.clusterplanner.app.SiteResult;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.storage.StorageNetworkPower;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.Placement;
import dev.clusterplanner.core.sizing.Sizer;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.ui.BackgroundExecutor;
import dev.clusterplanner.ui.Problem;
import dev.clusterplanner.ui.TaskHandle;
import dev.clusterplanner.ui.TaskListener;
import dev.clusterplanner.ui.PlanDocument;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results of the open plan: sized and costed in the background whenever the plan or the catalog
 * changes (at most one computation runs; edits made meanwhile are folded into one more run), one card per
 * option of the selected site, the selected option's placement, explanations, findings and cost curves,
 * and "what if a host fails".
 */
public class PlanResultsViewModel {

    /** One option of a site as a card: the figures, already worded. Money is null when a price is unknown. */
    public record OptionCard(int rank, String title, boolean feasible, boolean recommended, int hosts, String hostsDetail,
                             Double capexUsd, Double monthlyUsd, Double tcoUsd, int years, String power, String recovery,
                             int findings, String utilisation, String explanation, ScenarioResult scenario) {
    }

    /** One planned host of the selected option. Utilisation is a fraction (null when the dimension does not apply). */
    public record HostRow(String host, String hardware, int instances, String instanceNames,
                          Double cpu, Double memory, Double disk, Double gpu) {
    }

    /** Cumulative cost of an option at the end of each month 0..months (month 0 = what is paid up front). */
    public record CostSeries(String option, double upfront, double perMonth, int months) {
        public double at(double month) {
            return upfront + perMonth * month;
        }
    }

    /** One component of an option's cost over the horizon (hardware, compute, electricity, ...); salvage is negative. */
    public record Breakdown(String option, String component, double usd) {
    }

    /** Where two options' cumulative costs cross: from this month on, {@code cheaper} costs less than {@code dearer}. */
    public record BreakEven(String cheaper, String dearer, double month, double usd) {
        public String describe() {
            return String.format(Locale.ROOT, "%s becomes cheaper than %s after %.1f months (both %s)", cheaper, dearer, month, money(usd));
        }
    }

    private final PlanDocument document;
    private final ObjectProperty<Catalog> catalog;
    private final BackgroundExecutor executor;
    private final PlanningService planning;
    private final IntegerProperty siteIndex;
    private final ObjectProperty<PlanResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> sizingProblem = new SimpleObjectProperty<>();
    private final StringProperty state = new SimpleStringProperty("Waiting for the catalogs");
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final ObservableList<OptionCard> cards = FXCollections.observableArrayList();
    private final ObjectProperty<OptionCard> selected = new SimpleObjectProperty<>();
    private final ObservableList<HostRow> placement = FXCollections.observableArrayList();
    private final ObservableList<Explanation> explanations = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<CostSeries> costSeries = FXCollections.observableArrayList();
    private final ObservableList<BreakEven> breakEvens = FXCollections.observableArrayList();
    private final ObservableList<Breakdown> breakdown = FXCollections.observableArrayList();
    private final ObservableList<String> hostNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> failedHost = new SimpleObjectProperty<>();
    private final StringProperty whatIf = new SimpleStringProperty("");
    private final ObservableList<HostRow> whatIfPlacement = FXCollections.observableArrayList();
    private TaskHandle running;
    private boolean pending;
    private long lastMillis = -1;

    public PlanResultsViewModel(PlanDocument document, ObjectProperty<Catalog> catalog, BackgroundExecutor executor,
                                PlanningService planning, IntegerProperty siteIndex) {
        this.document = document;
        this.catalog = catalog;
        this.executor = executor;
        this.planning = planning;
        this.siteIndex = siteIndex;
        document.planProperty().addListener((o, a, b) -> recompute());
        catalog.addListener((o, a, b) -> recompute());
        siteIndex.addListener((o, a, b) -> showSite());
        selected.addListener((o, a, b) -> showOption());
        failedHost.addListener((o, a, b) -> runWhatIf());
        recompute();
    }

    // ----- properties

    public ObjectProperty<PlanResult> resultProperty() {
        return result;
    }

    /** Why the plan cannot be sized (e.g. a candidate missing from the catalog); null when it was. */
    public ObjectProperty<Problem> sizingProblemProperty() {
        return sizingProblem;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public BooleanProperty computingProperty() {
        return computing;
    }

    public ObservableList<OptionCard> cards() {
        return cards;
    }

    public ObjectProperty<OptionCard> selectedProperty() {
        return selected;
    }

    public ObservableList<HostRow> placement() {
        return placement;
    }

    public ObservableList<Explanation> explanations() {
        return explanations;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObservableList<CostSeries> costSeries() {
        return costSeries;
    }

    /** The cost model's totals per component and option, for the breakdown chart (components with a missing price are left out). */
    public ObservableList<Breakdown> breakdown() {
        return breakdown;
    }

    public ObservableList<BreakEven> breakEvens() {
        return breakEvens;
    }

    public ObservableList<String> hostNames() {
        return hostNames;
    }

    /** The host to fail in "what if a host fails"; null for none. */
    public ObjectProperty<String> failedHostProperty() {
        return failedHost;
    }

    public StringProperty whatIfProperty() {
        return whatIf;
    }

    public ObservableList<HostRow> whatIfPlacement() {
        return whatIfPlacement;
    }

    public IntegerProperty siteIndexProperty() {
        return siteIndex;
    }

    /** Milliseconds the last computation took, -1 before the first. */
    public long lastMillis() {
        return lastMillis;
    }

    // ----- computing

    /** Sizes the current plan in the background; while one run is going, later requests fold into one more run. */
    public void recompute() {
        if (running != null && running.isRunning()) {
            pending = true;
            return;
        }
        Catalog cat = catalog.get();
        if (cat.hardware().isEmpty()) {
            state.set("Waiting for the catalogs");
            return;
        }
        Plan plan = document.plan();
        computing.set(true);
        state.set("Computing ...");
        long start = System.nanoTime();
        running = executor.submit(c -> planning.analyse(plan, cat), new TaskListener<>() {
            @Override
            public void succeeded(PlanResult value) {
                lastMillis = (System.nanoTime() - start) / 1_000_000;
                sizingProblem.set(null);
                result.set(value);
                showSite();
                finish("Up to date (computed in " + lastMillis + " ms)");
            }

            @Override
            public void failed(Throwable error) {
                lastMillis = (System.nanoTime() - start) / 1_000_000;
                sizingProblem.set(Problem.of("This plan cannot be sized yet", error));
                result.set(null);
                showSite();
                finish("Not sized: see the reasons above");
            }
        });
    }

    private void finish(String text) {
        running = null;
        if (pending) {
            pending = false;
            recompute();
            return;
        }
        computing.set(false);
        state.set(text);
    }

    private Optional<SiteResult> siteResult() {
        PlanResult r = result.get();
        if (r == null || r.sites().isEmpty()) {
            return Optional.empty();
        }
        int i = Math.max(0, Math.min(siteIndex.get(), r.sites().size() - 1));
        return Optional.of(r.sites().get(i));
    }

    private void showSite() {
        Optional<SiteResult> site = siteResult();
        int keepRank = selected.get() == null ? -1 : selected.get().rank();
        List<OptionCard> next = site.map(this::cardsOf).orElse(List.of());
        cards.setAll(next);
        findings.setAll(site.map(SiteResult::findings).orElse(List.of()));
        costSeries.setAll(next.stream().map(PlanResultsViewModel::series).flatMap(Optional::stream).toList());
        breakEvens.setAll(breakEvens(costSeries));
        List<Breakdown> parts = new ArrayList<>();
        for (OptionCard c : next) {
            var cost = c.scenario().cost();
            if (cost != null) {
                cost.totals().forEach((component, usd) -> {
                    if (usd != null && usd != 0) {
                        parts.add(new Breakdown(c.title(), component.id(), usd));
                    }
                });
            }
        }
        breakdown.setAll(parts);
        OptionCard pick = next.stream().filter(c -> c.rank() == keepRank).findFirst()
                .or(() -> next.stream().filter(OptionCard::recommended).findFirst())
                .or(() -> next.stream().findFirst()).orElse(null);
        if (pick == selected.get()) {
            showOption();
        } else {
            selected.set(pick);
        }
    }

    private List<OptionCard> cardsOf(SiteResult site) {
        Optional<ScenarioResult> best = site.recommended();
        int siteFindings = (int) site.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).count();
        List<OptionCard> out = new ArrayList<>();
        for (ScenarioResult s : site.scenarios()) {
            SizingOption o = s.sizing();
            int optionFindings = siteFindings + o.placement().unplaced().size() + (o.failureCheck().holds() ? 0 : 1)
                    + (int) s.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).count();
            out.add(new OptionCard(o.rank(), title(o), o.feasible(), best.isPresent() && best.get() == s, o.hosts(),
                    "at least " + o.hostsLowerBound() + "; " + o.failureCheck().summary(),
                    s.capexUsd(), s.monthlyUsd(), s.tcoUsd(), s.years(), power(s.storageNetworkPower()), recovery(s.storageNetworkPower()),
                    optionFindings, utilisation(o), o.explanation(), s));
        }
        return out;
    }

    private String title(SizingOption o) {
        if (o.hostsByHardware().size() == 1) {
            String id = o.hardwareIds().get(0);
            return name(id);
        }
        List<String> parts = new ArrayList<>();
        o.hostsByHardware().forEach((id, n) -> parts.add(n + " x " + name(id)));
        return "Mix: " + String.join(" + ", parts);
    }

    private String name(String id) {
        return catalog.get().hardware(id).map(h -> h.name() == null || h.name().isBlank() ? id : h.name()).orElse(id);
    }

    /** "142 W, 104 kWh/month"; says why when there is no figure (rented hardware, a missing catalog figure). */
    static String power(StorageNetworkPower snp) {
        if (snp == null) {
            return "not analysed";
        }
        if (!snp.power().applicable()) {
            return "not counted (rented: in the price)";
        }
        if (snp.powerWatts() == null) {
            return "unknown (a catalog figure is missing)";
        }
        return String.format(Locale.ROOT, "%,.0f W, %,.0f kWh/month", snp.powerWatts(), snp.energyKwhMonth());
    }

    /** "3.2 h after a host loss", or why there is none. */
    static String recovery(StorageNetworkPower snp) {
        if (snp == null) {
            return "not analysed";
        }
        double h = snp.recoveryHoursHostLoss();
        if (Double.isNaN(h)) {
            return "n/a (no Ceph, or NIC speed unknown)";
        }
        return String.format(Locale.ROOT, "%.1f h after a host loss", h);
    }

    static String utilisation(SizingOption o) {
        List<String> parts = new ArrayList<>();
        o.utilisation().forEach((d, u) -> parts.add(d.id() + " " + pct(u) + (d == o.binding() ? " (binds)" : "")));
        return String.join(", ", parts);
    }

    private void showOption() {
        OptionCard card = selected.get();
        failedHost.set(null);
        whatIf.set("");
        whatIfPlacement.clear();
        if (card == null) {
            placement.clear();
            explanations.clear();
            hostNames.clear();
            return;
        }
        SizingOption o = card.scenario().sizing();
        placement.setAll(rows(o.placement()));
        hostNames.setAll(o.placement().hosts().stream().map(PlacedHost::name).toList());
        List<Explanation> why = new ArrayList<>(o.formulas());
        StorageNetworkPower snp = card.scenario().storageNetworkPower();
        if (snp != null) {
            why.addAll(snp.storage().explanations());
            why.addAll(snp.network().explanations());
            why.addAll(snp.power().explanations());
        }
        siteResult().ifPresent(s -> why.addAll(s.sizing().formulas()));
        explanations.setAll(why);
        List<Finding> all = new ArrayList<>(card.scenario().findings());
        siteResult().ifPresent(s -> all.addAll(s.findings()));
        all.sort((a, b) -> b.severity().compareTo(a.severity()));
        findings.setAll(all);
    }

    static List<HostRow> rows(Placement p) {
        return p.hosts().stream().map(h -> new HostRow(h.name(), h.hardwareId(), h.instances().size(), String.join(", ", h.instances()),
                h.utilisation(Dimension.CPU), h.utilisation(Dimension.MEMORY), h.utilisation(Dimension.DISK), h.utilisation(Dimension.GPU))).toList();
    }

    // ----- what if a host fails

    private void runWhatIf() {
        OptionCard card = selected.get();
        String host = failedHost.get();
        whatIfPlacement.clear();
        if (card == null || host == null) {
            whatIf.set("");
            return;
        }
        SizingOption o = card.scenario().sizing();
        List<PlacedHost> hosts = o.placement().hosts();
        int failed = -1;
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).name().equals(host)) {
                failed = i;
            }
        }
        if (failed < 0) {
            return;
        }
        int index = failed;
        Plan plan = document.plan();
        Catalog cat = catalog.get();
        Site site = plan.sites().get(Math.min(siteIndex.get(), plan.sites().size() - 1));
        List<Hardware> candidates = site.hardware().stream().map(cat::hardware).flatMap(Optional::stream).toList();
        List<String> moving = hosts.get(index).instances();
        executor.submit(c -> Sizer.evacuate(site, candidates, o, new int[] {index}), TaskListener.of(after -> {
            if (!host.equals(failedHost.get())) {
                return; // another host was picked meanwhile
            }
            if (after.isEmpty()) {
                whatIf.set("If " + host + " fails, its " + moving.size() + " instances (" + String.join(", ", moving)
                        + ") do NOT all fit on the remaining " + (hosts.size() - 1) + " hosts.");
                return;
            }
            whatIfPlacement.setAll(rows(after.get()).stream().filter(r -> !r.host().equals(host)).toList());
            whatIf.set("If " + host + " fails, everything still fits: " + moves(moving, after.get()) + ".");
        }, error -> whatIf.set("Could not re-place: " + error.getMessage())));
    }

    static String moves(List<String> moving, Placement after) {
        Map<String, String> hostOf = new HashMap<>();
        after.hosts().forEach(h -> h.instances().forEach(i -> hostOf.put(i, h.name())));
        if (moving.isEmpty()) {
            return "it ran no instances";
        }
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        for (String i : moving) {
            byTarget.computeIfAbsent(hostOf.getOrDefault(i, "?"), k -> new ArrayList<>()).add(i);
        }
        List<String> parts = new ArrayList<>();
        byTarget.forEach((target, list) -> parts.add(String.join(", ", list) + " -> " + target));
        return String.join("; ", parts);
    }

    // ----- cost curves

    /** A straight line from what is paid up front (capex, or 0 for rentals) to the total cost at the horizon. */
    static Optional<CostSeries> series(OptionCard card) {
        if (card.tcoUsd() == null) {
            return Optional.empty();
        }
        int months = card.years() * 12;
        double upfront = card.capexUsd() == null ? 0 : card.capexUsd();
        return Optional.of(new CostSeries(card.title(), upfront, (card.tcoUsd() - upfront) / months, months));
    }

    /** Every pair of options whose cumulative costs cross within the horizon: the dearer one up front is cheaper after the crossing. */
    static List<BreakEven> breakEvens(List<CostSeries> series) {
        List<BreakEven> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            for (int j = i + 1; j < series.size(); j++) {
                CostSeries a = series.get(i);
                CostSeries b = series.get(j);
                if (a.perMonth() == b.perMonth()) {
                    continue;
                }
                double month = (b.upfront() - a.upfront()) / (a.perMonth() - b.perMonth());
                if (month <= 0 || month > Math.min(a.months(), b.months())) {
                    continue;
                }
                // after the crossing the one with the smaller monthly cost is cheaper
                CostSeries cheaper = a.perMonth() < b.perMonth() ? a : b;
                CostSeries dearer = cheaper == a ? b : a;
                out.add(new BreakEven(cheaper.option(), dearer.option(), month, a.at(month)));
            }
        }
        return out;
    }

    // ----- words

    public static String money(Double usd) {
        return usd == null ? "unknown" : String.format(Locale.ROOT, "%,.0f USD", usd);
    }

    public static String pct(Double fraction) {
        if (fraction == null) {
            return "-";
        }
        return Double.isInfinite(fraction) ? "over" : String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
