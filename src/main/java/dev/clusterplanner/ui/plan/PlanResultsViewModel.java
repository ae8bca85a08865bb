package dev.clusterplanner.ui.plan;

import dev.clusterplanner.app.FleetService;
import dev.clusterplanner.app.PlanResult;
import dev.clusterplanner.app.PolicyOverrides;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.app.ScenarioResult;
import dev.clusterplanner.app.SiteResult;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.SiteCost;
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

        /** Why the option does not fit, in one sentence ("" when it fits). */
        public String whyNot() {
            return PlanResultsViewModel.whyNot(scenario.sizing());
        }

        /** The badge: "2 warnings", "1 error, 1 warning", counted from the same list as the Findings tab. */
        public String findingsBadge() {
            return PlanResultsViewModel.badge(scenario.findings());
        }
    }

    /** One planned host of the selected option. Utilisation is a fraction (null when the dimension does not apply). */
    public record HostRow(String host, String hardware, int instances, String instanceNames,
                          Double cpu, Double memory, Double disk, Double gpu, Double network) {
    }

    /** One month of an option's cumulative cost (month 0 = before anything is paid). */
    public record CostPoint(int month, double cumulativeUsd) {
    }

    /**
     * The cost model's cumulative cost of one option of the site, month by month (core.cost {@code CostOption.series}),
     * with month 0 at 0. {@code recommended}: the cost option of the recommended card.
     */
    public record CostSeries(String optionId, String option, boolean recommended, List<CostPoint> points) {
        public CostSeries {
            points = List.copyOf(points);
        }

        public int months() {
            return points.isEmpty() ? 0 : points.get(points.size() - 1).month();
        }

        /** The cumulative cost at the end of {@code month}; NaN outside the series. */
        public double at(int month) {
            return points.stream().filter(p -> p.month() == month).mapToDouble(CostPoint::cumulativeUsd).findFirst().orElse(Double.NaN);
        }
    }

    /** One component of an option's cost over the horizon (hardware, compute, electricity, ...); salvage is negative. {@code option}: "#2", the card's rank. */
    public record Breakdown(String option, String component, double usd) {
    }

    /**
     * A break-even of the cost model ({@code CostEngine.breakEven}): in {@code month} the cumulative cost of
     * {@code dearerFirst} (the option dearer in month 1) falls to or below {@code other}'s; marked on the chart at
     * ({@code month}, {@code usd}), the dearer option's cumulative cost then.
     */
    public record BreakEven(String dearerFirstId, String dearerFirst, String otherId, String other, int month, double usd, String text) {
        public String describe() {
            return text;
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
    private final StringProperty notDrawn = new SimpleStringProperty("");
    private final StringProperty guidance = new SimpleStringProperty("");
    private final ObservableList<Breakdown> breakdown = FXCollections.observableArrayList();
    private final ObservableList<String> hostNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> failedHost = new SimpleObjectProperty<>();
    private final StringProperty whatIf = new SimpleStringProperty("");
    private final ObservableList<HostRow> whatIfPlacement = FXCollections.observableArrayList();
    private final FleetSearchViewModel fleet;
    private Placement fleetPlacement;
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
        this.fleet = new FleetSearchViewModel(document, catalog, executor, new FleetService(), siteIndex, this::recompute);
        document.planProperty().addListener((o, a, b) -> recompute());
        catalog.addListener((o, a, b) -> recompute());
        siteIndex.addListener((o, a, b) -> showSite());
        selected.addListener((o, a, b) -> showOption());
        failedHost.addListener((o, a, b) -> runWhatIf());
        recompute();
    }

    // ----- properties

    public FleetSearchViewModel fleet() { // "Find the cheapest fleet": each answer is one more option card of its site
        return fleet;
    }

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

    /** The cumulative cost per month of every option of the selected site's cost model whose prices are all known. */
    public ObservableList<CostSeries> costSeries() {
        return costSeries;
    }

    /** The cost model's totals per component and option, for the breakdown chart (components with a missing price are left out). */
    public ObservableList<Breakdown> breakdown() {
        return breakdown;
    }

    /** The cost model's break-evens of the recommended option against the others, within the horizon. */
    public ObservableList<BreakEven> breakEvens() {
        return breakEvens;
    }

    /** The options left off the cost chart because a price is missing, in a sentence; "" when none. */
    public StringProperty notDrawnProperty() {
        return notDrawn;
    }

    /** What to do next when the selected site cannot be sized yet (no workloads, no hardware); "" when it can. */
    public StringProperty guidanceProperty() {
        return guidance;
    }

    /**
     * Why a site cannot be sized yet, in words that say what to do next; empty when it can be. A site without workloads
     * or without hardware candidates is left out of the analysis (the other sites are still sized) instead of failing it.
     */
    public static Optional<String> notReady(Site site) {
        if (site.workloads().isEmpty() && site.hardware().isEmpty()) {
            return Optional.of("Site '" + site.name() + "' has no workloads and no hardware yet. Next: add what you want to run in the "
                    + "Workloads area (Ctrl+2), then pick machines to compare in the Catalog area (Ctrl+3, \"Add as candidate\").");
        }
        if (site.workloads().isEmpty()) {
            return Optional.of("Site '" + site.name() + "' has no workloads yet. Next: open the Workloads area (Ctrl+2) and add a "
                    + "workload, pick one from the library or import a CSV; the options and their costs appear here.");
        }
        if (site.hardware().isEmpty()) {
            return Optional.of("Site '" + site.name() + "' has no hardware to compare yet. Next: open the Catalog area (Ctrl+3), "
                    + "select a machine and click \"Add as candidate\".");
        }
        return Optional.empty();
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

    public IntegerProperty siteIndexProperty() { return siteIndex; }

    public long lastMillis() { // milliseconds the last computation took, -1 before the first
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
        Plan whole = document.plan();
        List<Site> ready = whole.sites().stream().filter(x -> notReady(x).isEmpty()).toList();
        if (ready.isEmpty()) {
            sizingProblem.set(null);
            result.set(null);
            showSite();
            computing.set(false);
            state.set("Nothing to size yet");
            return;
        }
        Plan plan = whole.withSites(ready);
        computing.set(true);
        state.set("Computing ...");
        long start = System.nanoTime();
        List<FleetService.Answer> fleets = fleet.answers();
        running = executor.submit(c -> planning.analyse(plan, cat, PolicyOverrides.NONE, plan.name(), fleets), new TaskListener<>() {
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

    /** The selected site of the plan. */
    private Site selectedSite() {
        List<Site> sites = document.plan().sites();
        return sites.get(Math.max(0, Math.min(siteIndex.get(), sites.size() - 1)));
    }

    /** The result of the selected site (found by name: sites that cannot be sized yet are not in the result). */
    private Optional<SiteResult> siteResult() {
        PlanResult r = result.get();
        if (r == null || r.sites().isEmpty() || document.plan().sites().isEmpty()) {
            return Optional.empty();
        }
        String name = selectedSite().name();
        return r.sites().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private void showSite() {
        guidance.set(document.plan().sites().isEmpty() ? "This plan has no site. Next: add a site in the Settings area."
                : notReady(selectedSite()).orElse(""));
        Optional<SiteResult> site = siteResult();
        int keepRank = selected.get() == null ? -1 : selected.get().rank();
        List<OptionCard> next = site.map(this::cardsOf).orElse(List.of());
        cards.setAll(next);
        findings.setAll(site.map(SiteResult::findings).orElse(List.of()));
        // the chart marks the recommended card's option and no other: one recommendation on every screen
        String focus = site.flatMap(SiteResult::recommended).map(ScenarioResult::cost).map(c -> c.id()).orElse(null);
        List<CostSeries> drawn = site.map(s -> CostCurves.series(s.cost(), focus)).orElse(List.of());
        // break-evens first: the chart redraws when the series change and marks the break-evens then known
        breakEvens.setAll(site.map(s -> CostCurves.breakEvens(s.cost(), focus, drawn)).orElse(List.of()));
        costSeries.setAll(drawn);
        String recommendedNotDrawn = site.flatMap(SiteResult::recommended).filter(r -> r.cost() == null)
                .map(r -> "The recommended option, " + title(r.sizing()) + ", is not drawn: the cost curves cover one kind of hardware "
                        + "per option (its figures are on its card). ").orElse("");
        notDrawn.set(recommendedNotDrawn + site.map(s -> CostCurves.notDrawn(s.cost())).orElse(""));
        List<Breakdown> parts = new ArrayList<>();
        for (OptionCard c : next) {
            var cost = c.scenario().cost();
            if (cost != null) {
                cost.totals().forEach((component, usd) -> {
                    if (usd != null && usd != 0) {
                        // named by the card's rank: whole hardware names squash the chart's plot (the cards carry the names)
                        parts.add(new Breakdown("#" + c.rank(), component.id(), usd));
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
        List<OptionCard> out = new ArrayList<>();
        for (ScenarioResult s : site.scenarios()) {
            SizingOption o = s.sizing();
            int warnings = (int) findingsOf(site, s).stream().filter(f -> f.severity().atLeast(Severity.WARNING)).count();
            fleetPlacement = s.isFleet() ? o.placement() : fleetPlacement;
            out.add(new OptionCard(o.rank(), title(o), o.feasible(), best.isPresent() && best.get() == s, o.hosts(),
                    "at least " + o.hostsLowerBound() + "; " + o.failureCheck().summary(),
                    s.capexUsd(), s.monthlyUsd(), s.tcoUsd(), s.years(), power(s.storageNetworkPower()), recovery(s.storageNetworkPower()),
                    warnings, utilisation(o), o.explanation(), s));
        }
        return out;
    }

    /**
     * The findings of one option as the Findings tab lists them (and the PDF's findings chapter): the option's own
     * (storage, network, power) and the site's, worst first. A card's badge counts the warnings and errors of this list.
     */
    static List<Finding> findingsOf(SiteResult site, ScenarioResult option) {
        List<Finding> all = new ArrayList<>(option.findings());
        all.addAll(site.findings());
        return Finding.worstFirst(all);
    }

    /** "1 error, 2 warnings" (warnings and errors only; notes are in the Findings tab); "" when there are none. */
    static String badge(List<Finding> findings) {
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        return String.join(", ", parts);
    }

    /**
     * Why an option does not fit, from the sizing: the instances left over with their reasons ("pg-main needs 32.25 GiB;
     * this host offers 26 GiB"), else the failure check. "" when the option fits.
     */
    public static String whyNot(SizingOption o) {
        if (o.feasible()) {
            return "";
        }
        List<String> reasons = o.placement().unplaced().stream()
                .map(u -> u.reason() == null || u.reason().isBlank() ? u.instance() + " does not fit" : u.instance() + ": " + u.reason())
                .distinct().limit(3).toList();
        if (!reasons.isEmpty()) {
            int more = o.placement().unplaced().size() - reasons.size();
            return String.join("; ", reasons) + (more > 0 ? "; and " + more + " more" : "");
        }
        if (!o.failureCheck().holds()) {
            return o.failureCheck().summary();
        }
        return o.explanation();
    }

    private String title(SizingOption o) {
        if (o.keepAndAdd()) {
            List<String> kept = new ArrayList<>();
            o.ownedByHardware().forEach((id, n) -> kept.add(n + " owned " + name(id)));
            List<String> added = new ArrayList<>();
            o.newHostsByHardware().forEach((id, n) -> added.add(n + " x " + name(id)));
            return "Keep " + String.join(" + ", kept) + (added.isEmpty() ? " (no new hosts)" : ", add " + String.join(" + ", added));
        }
        if (o.hostsByHardware().size() == 1 && !o.mixed()) {
            return name(o.hardwareIds().get(0));
        }
        List<String> parts = new ArrayList<>();
        o.hostsByHardware().forEach((id, n) -> parts.add(n + " x " + name(id)));
        return (o.mixed() && o.placement() == fleetPlacement ? "Cheapest fleet: " : "Mix: ") + String.join(" + ", parts);
    }

    private String name(String id) {
        return (result.get() == null ? catalog.get() : result.get().catalogOver(catalog.get())).hardware(id).map(h -> h.name() == null || h.name().isBlank() ? id : h.name()).orElse(id);
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

    /** "3.2 h after a host loss" ("4 min" below an hour's tenth, "< 1 min" below a minute), or why there is none. */
    static String recovery(StorageNetworkPower snp) {
        if (snp == null) {
            return "not analysed";
        }
        return recovery(snp.recoveryHoursHostLoss());
    }

    static String recovery(double h) {
        if (Double.isNaN(h)) {
            return "n/a (no Ceph, or NIC speed unknown)";
        }
        if (h < 0.05) {
            double min = h * 60;
            return (min < 1 ? "< 1 min" : String.format(Locale.ROOT, "%.0f min", min)) + " after a host loss";
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
        placement.setAll(PlacementWords.rows(o.placement()));
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
        findings.setAll(siteResult().map(s -> findingsOf(s, card.scenario())).orElse(Finding.worstFirst(card.scenario().findings())));
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
            whatIfPlacement.setAll(PlacementWords.rows(after.get()).stream().filter(r -> !r.host().equals(host)).toList());
            whatIf.set("If " + host + " fails, everything still fits: " + PlacementWords.moves(moving, after.get()) + ".");
        }, error -> whatIf.set("Could not re-place: " + dev.clusterplanner.ui.UserWords.of(error))));
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
