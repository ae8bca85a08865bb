package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.CostCsv;
import dev.clusterplanner.adapters.export.ResultJson;
import dev.clusterplanner.core.configure.Configuration;
import dev.clusterplanner.core.configure.ConfigurationChoice;
import dev.clusterplanner.core.configure.Configurations;
import dev.clusterplanner.core.cost.CostAssumptions;
import dev.clusterplanner.core.cost.CostComponent;
import dev.clusterplanner.core.cost.CostEngine;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.MixedHosts;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.cost.SizingHostSizer;
import dev.clusterplanner.core.fleet.FleetOption;
import dev.clusterplanner.core.fleet.FleetSummary;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.SizingResult;
import dev.clusterplanner.core.sizing.Sizer;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Analyses a plan against a catalog: for every site, one scenario per sizing option (every hardware candidate
 * as a homogeneous cluster, plus a cheaper mix when there is one), ranked, with costs. Both front ends call this.
 */
public class PlanningService {

    /** Today, for the checks that need it (an owned host cannot be bought in the future). */
    private final java.time.Clock clock;

    public PlanningService() {
        this(java.time.Clock.systemUTC());
    }

    public PlanningService(java.time.Clock clock) {
        this.clock = clock;
    }

    /** Sizes every site of the plan. Rejects the plan as a whole (nothing analysed) when a site cannot be sized. */
    public PlanResult analyse(Plan plan, Catalog catalog) throws InputRejectedException {
        return analyse(plan, catalog, PolicyOverrides.NONE, plan.name());
    }

    /**
     * @param overrides policy settings applied over every site's policy
     * @param source    the name problems are reported against (the plan file)
     */
    public PlanResult analyse(Plan plan, Catalog catalog, PolicyOverrides overrides, String source) throws InputRejectedException {
        return analyse(plan, catalog, overrides, source, List.of());
    }

    /**
     * The analysis with the cheapest fleets found for its sites ({@link FleetService}): each answer whose site equals a
     * site of the plan as analysed (overrides applied) becomes one more option of that site ({@link FleetOption}), judged by
     * the sizing engine's rules and ranked with the others; an answer for a site that changed since is left out.
     */
    public PlanResult analyse(Plan plan, Catalog catalog, PolicyOverrides overrides, String source, List<FleetService.Answer> fleets)
            throws InputRejectedException {
        List<Site> sites = new ArrayList<>();
        List<List<Hardware>> candidates = new ArrayList<>();
        List<List<Hardware>> ownedHosts = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        // the limits (instances, workloads, hardware, value bounds) hold for every plan, not only one read from a file
        for (FieldProblem p : ModelRules.check(plan)) {
            problems.add(new InputProblem(source, 0, 0, p.field(), p.message()));
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        List<Hardware> namedRows = new ArrayList<>();
        for (int i = 0; i < plan.sites().size(); i++) {
            Site site = plan.sites().get(i);
            site = site.withPolicy(overrides.apply(site.policy()));
            String prefix = "sites/" + i + "/";
            List<Hardware> hw = new ArrayList<>();
            for (int j = 0; j < site.hardware().size(); j++) {
                String id = site.hardware().get(j);
                Optional<Hardware> h = catalog.hardware(id);
                Optional<Configuration> named = h.isPresent() ? Optional.empty() : Configurations.resolve(id, catalog);
                if (h.isPresent()) {
                    hw.add(h.get());
                } else if (named.isPresent()) {
                    hw.add(named.get().row()); // a configured id, as the outputs write it
                    if (namedRows.stream().noneMatch(r -> r.id().equals(id))) {
                        namedRows.add(named.get().row());
                    }
                } else {
                    problems.add(new InputProblem(source, 0, 0, prefix + "hardware/" + j, "site '" + site.name() + "': hardware '" + id
                            + "' is not in the catalog (" + catalog.hardware().size() + " hardware rows loaded)"));
                }
            }
            ownedHosts.add(ownedHosts(site, catalog, prefix, source, problems));
            siteReferences(site, catalog, java.time.LocalDate.now(clock), prefix, source, problems);
            for (FieldProblem p : Sizer.check(site, hw)) {
                if (p.field().startsWith("hardware") && hw.size() < site.hardware().size()) {
                    continue; // index no longer matches; the missing id is reported above
                }
                problems.add(new InputProblem(source, 0, 0, prefix + p.field(), p.message()));
            }
            sites.add(site);
            candidates.add(hw);
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        if (!namedRows.isEmpty()) {
            catalog = withHardware(catalog, namedRows);
        }
        int months = plan.cost().months();
        HostCost cost = HostCost.simple(months);
        // configure-to-order: each candidate with options becomes its chosen configuration, once, before the sizing
        ConfigureStep.Applied configured = ConfigureStep.apply(sites, candidates, catalog, cost, this);
        List<Site> asGiven = sites;
        sites = configured.sites();
        candidates = configured.candidates();
        catalog = configured.catalog();
        List<SizingResult> sizings = new ArrayList<>();
        Map<Site, SizingResult> sized = new java.util.HashMap<>();
        Map<Integer, FleetFound> fleetOf = new java.util.HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            SizingResult sizing = ConfigureStep.explained(Sizer.size(sites.get(i), candidates.get(i), ownedHosts.get(i), cost),
                    configured.choices().get(i));
            Site site = sites.get(i);
            Site searched = asGiven.get(i); // the fleet was searched on the site as given, before configure-to-order
            Optional<FleetService.Answer> fleet = fleets.stream().filter(f -> f.solved().equals(searched)).findFirst();
            if (fleet.isPresent()) {
                SizingOption option = FleetOption.of(site, fleet.get().candidates(), fleet.get().problem(), fleet.get().solution(),
                        fleet.get().summary());
                sizing = sizing.withOption(option);
                fleetOf.put(i, new FleetFound(option.placement(), fleet.get().summary(), fleet.get().candidates()));
            }
            sizings.add(sizing);
            sized.put(site, sizing);
        }
        // the cost model: every site's options month by month, on the hosts the sizing engine found above (not sized
        // again); only the grown years and hardware that is no candidate of the site are sized for the cost model
        List<List<MixedHosts>> mixes = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            List<MixedHosts> m = new ArrayList<>();
            for (SizingOption o : sizings.get(i).options()) {
                boolean fleet = fleetOf.containsKey(i) && o.placement() == fleetOf.get(i).placement();
                if (fleet || (o.mixed() && !o.keepAndAdd())) {
                    m.add(new MixedHosts(mixId(o, fleet), (fleet ? "cheapest fleet: " : "mix: ") + mixText(o), o.hostsByHardware(),
                            o.ownedByHardware()));
                }
            }
            mixes.add(m);
        }
        // the fleet may use configurations of a candidate that the configure step did not choose: the cost model and the
        // scenarios look them up too
        List<Hardware> fleetRows = new ArrayList<>();
        for (FleetFound f : fleetOf.values()) {
            for (Hardware h : f.rows()) {
                if (catalog.hardware(h.id()).isEmpty() && fleetRows.stream().noneMatch(r -> r.id().equals(h.id()))) {
                    fleetRows.add(h);
                }
            }
        }
        if (!fleetRows.isEmpty()) {
            catalog = withHardware(catalog, fleetRows);
        }
        PlanCost planCost = new CostEngine(catalog, plan.cost(), CostAssumptions.DEFAULT, SizingHostSizer.reusing(sized))
                .plan(plan.withSites(sites), mixes);
        List<SiteResult> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            List<Hardware> hw = new ArrayList<>(candidates.get(i));
            hw.addAll(ownedHosts.get(i)); // owned rows need not be candidates; the scenarios look their hosts up here
            if (fleetOf.containsKey(i)) {
                fleetOf.get(i).rows().stream().filter(r -> hw.stream().noneMatch(x -> x.id().equals(r.id()))).forEach(hw::add);
            }
            SizingResult sizing = sizings.get(i);
            SiteCost siteCost = planCost.sites().get(i);
            List<ScenarioResult> scenarios = new ArrayList<>();
            FleetFound fleet = fleetOf.get(i);
            for (SizingOption o : sizing.options()) {
                boolean isFleet = fleet != null && o.placement() == fleet.placement();
                ScenarioResult sc = scenario(o, hw, plan.cost().years(), siteCost, plan.cost().awsCommitment(), isFleet)
                        .withStorageNetworkPower(StorageNetworkPower.analyse(site, hostsOf(o, hw), plan.cost().years()))
                        .withConfiguration(ConfigureStep.of(o, configured.choices().get(i)));
                // the ranked option is a copy: the fleet's is the one with its placement
                scenarios.add(isFleet ? sc.withFleet(fleet.summary()) : sc);
            }
            out.add(new SiteResult(site.name(), site.kind(), sizing, scenarios, sizing.findings(), siteCost));
        }
        return new PlanResult(plan.name(), plan.cost().years(), out, planCost, catalog);
    }

    /** The cost model's id of a mixed option: {@code fleet} for the cheapest fleet, {@code mix:<id>x<n>+...} for the sizing engine's mix. */
    static String mixId(SizingOption o, boolean fleet) {
        if (fleet) {
            return "fleet";
        }
        List<String> parts = new ArrayList<>();
        o.hostsByHardware().forEach((id, n) -> parts.add(id + "x" + n));
        return "mix:" + String.join("+", parts);
    }

    /** "2 x a + 1 x b". */
    static String mixText(SizingOption o) {
        List<String> parts = new ArrayList<>();
        o.hostsByHardware().forEach((id, n) -> parts.add(n + " x " + id));
        return String.join(" + ", parts);
    }

    /** The fleet option of a site: its placement (which identifies it after ranking) and its search's summary. */
    private record FleetFound(dev.clusterplanner.core.sizing.Placement placement, FleetSummary summary, List<Hardware> rows) {
    }

    /**
     * What a site's stock limits and owned hosts refer to: a stock limit names a catalog row (or a configured id), and an
     * owned host was bought before today. Each problem names its field ({@code sites/N/available/ID},
     * {@code sites/N/owned/M/purchased}).
     */
    static void siteReferences(Site site, Catalog catalog, java.time.LocalDate today, String prefix, String source,
                               List<InputProblem> problems) {
        for (String id : site.available().keySet()) {
            if (catalog.hardware(id).isEmpty() && Configurations.resolve(id, catalog).isEmpty()) {
                problems.add(new InputProblem(source, 0, 0, prefix + "available/" + id, "site '" + site.name() + "': the stock limit names hardware '"
                        + id + "', which is not in the catalog (" + catalog.hardware().size() + " hardware rows loaded); a limit names a catalog id"));
            }
        }
        for (int m = 0; m < site.owned().size(); m++) {
            var o = site.owned().get(m);
            if (o.purchased() != null && o.purchased().isAfter(today)) {
                problems.add(new InputProblem(source, 0, 0, prefix + "owned/" + m + "/purchased", "site '" + site.name() + "': owned hosts of '"
                        + o.hardware() + "' purchased " + o.purchased() + ", after today (" + today + "); give the date they were bought,"
                        + " or leave 'purchased' out if it is unknown"));
            }
        }
    }

    /**
     * The site's owned hosts, one entry per host, from the catalog; an id the catalog lacks is a problem naming
     * {@code sites/N/owned/M/hardware}.
     */
    static List<Hardware> ownedHosts(Site site, Catalog catalog, String prefix, String source, List<InputProblem> problems) {
        List<Hardware> out = new ArrayList<>();
        for (int m = 0; m < site.owned().size(); m++) {
            var o = site.owned().get(m);
            Optional<Hardware> h = catalog.hardware(o.hardware());
            if (h.isEmpty()) {
                problems.add(new InputProblem(source, 0, 0, prefix + "owned/" + m + "/hardware", "site '" + site.name()
                        + "': owned hardware '" + o.hardware() + "' is not in the catalog (" + catalog.hardware().size()
                        + " hardware rows loaded); owned hosts must be catalog rows so their capacity and power are known"));
                continue;
            }
            for (int c = 0; c < o.count(); c++) {
                out.add(h.get());
            }
        }
        return out;
    }

    /**
     * A scenario with the cost model's figures for its hosts: the owned, bare-metal or AWS-Incus option (at the plan's
     * commitment) of its hardware. A mixed scenario keeps the simple figures.
     */
    ScenarioResult scenario(SizingOption o, List<Hardware> candidates, int years, SiteCost siteCost, CostSettings.AwsCommitment commitment,
                            boolean fleet) {
        ScenarioResult simple = scenario(o, candidates, years);
        if (siteCost == null) {
            return simple;
        }
        String id;
        if (fleet) {
            id = mixId(o, true);
        } else if (o.keepAndAdd()) {
            id = keepCostId(o);
        } else if (o.mixed()) {
            id = mixId(o, fleet);
        } else {
            Hardware h = candidates.stream().filter(x -> x.id().equals(o.hardwareIds().get(0))).findFirst().orElseThrow();
            id = h.category().isOwned() ? "owned:" + h.id()
                    : h.category() == HardwareCategory.BAREMETAL_CLOUD ? "bare-metal:" + h.id()
                    : "aws-incus:" + h.id() + ":" + commitment.id();
        }
        Optional<CostOption> c = siteCost.option(id);
        if (c.isEmpty()) {
            return simple;
        }
        CostOption co = c.get();
        boolean oneTimeMissing = false;
        boolean recurringMissing = false;
        for (CostComponent k : CostComponent.values()) {
            if (co.totals().containsKey(k) && co.totals().get(k) == null) {
                oneTimeMissing |= k.oneTime();
                recurringMissing |= !k.oneTime();
            }
        }
        if (!co.costed()) {
            // the cost model could not place the site on this hardware: its 0 capex and 0 a month are "not costed", not free
            oneTimeMissing = true;
            recurringMissing = true;
        }
        return new ScenarioResult(o, oneTimeMissing ? null : co.capexUsd(), recurringMissing ? null : co.monthlyUsd(), co.tcoUsd(), years, null, co);
    }

    /** The cost option id of a keep-and-add option: {@code keep:<new hardware id>}, or {@code keep:none}. */
    static String keepCostId(SizingOption o) {
        var added = o.newHostsByHardware().keySet();
        return "keep:" + (added.isEmpty() ? "none" : added.iterator().next());
    }

    /** The cost comparison table as CSV text (what {@code plan --csv -} prints). */
    public String comparisonCsv(PlanResult result) {
        if (result.cost() == null) {
            throw new IllegalStateException("the result has no cost comparison");
        }
        return CostCsv.comparison(result.cost());
    }

    /** The cost tables as CSV: a folder gets one file per table; a FILE.csv gets the comparison and FILE-*.csv siblings. */
    public List<Path> writeCsv(PlanResult result, Path target) throws IOException {
        if (result.cost() == null) {
            throw new IllegalStateException("the result has no cost comparison");
        }
        List<CostCsv.PlacementRow> rows = new ArrayList<>();
        List<CostCsv.FleetRow> fleets = new ArrayList<>();
        for (SiteResult s : result.sites()) {
            Integer recommended = s.recommended().map(r -> r.sizing().rank()).orElse(null);
            for (ScenarioResult sc : s.scenarios()) {
                if (sc.isFleet()) {
                    FleetSummary f = sc.fleet();
                    fleets.add(new CostCsv.FleetRow(s.name(), sc.sizing().rank(), recommended != null && recommended == sc.sizing().rank(),
                            sc.sizing().feasible(), sc.hosts(), mixText(sc.sizing()), f.costUsd(), f.lowerBoundUsd(), f.gap(), f.statusId(),
                            f.reproducible(), f.budgetSeconds(), f.seconds()));
                }
                for (PlacedHost h : sc.sizing().placement().hosts()) {
                    for (String instance : h.instances()) {
                        rows.add(new CostCsv.PlacementRow(s.name(), sc.sizing().rank(), recommended != null && recommended == sc.sizing().rank(),
                                h.name(), h.hardwareId(), instance));
                    }
                }
            }
        }
        return CostCsv.write(result.cost(), rows, configurationRows(result), fleets, target);
    }

    /** The configure-to-order bill of materials of every scenario: each choice of each configured host type it uses. */
    static List<CostCsv.ConfigurationRow> configurationRows(PlanResult result) {
        List<CostCsv.ConfigurationRow> out = new ArrayList<>();
        for (SiteResult s : result.sites()) {
            Integer recommended = s.recommended().map(r -> r.sizing().rank()).orElse(null);
            for (ScenarioResult sc : s.scenarios()) {
                boolean rec = recommended != null && recommended == sc.sizing().rank();
                for (ConfigurationChoice.Chosen c : sc.configuration()) {
                    Configuration k = c.chosen();
                    int hosts = sc.sizing().hostsByHardware().getOrDefault(k.row().id(), 0);
                    if (k.asShipped()) {
                        out.add(new CostCsv.ConfigurationRow(s.name(), sc.sizing().rank(), rec, k.row().id(), k.base().id(), hosts,
                                "", "", "as shipped", null, null, false, c.explanation(), null));
                    }
                    for (Configuration.Choice x : k.choices()) {
                        out.add(new CostCsv.ConfigurationRow(s.name(), sc.sizing().rank(), rec, k.row().id(), k.base().id(), hosts,
                                x.option().group().id(), x.option().id(), x.option().choice(), x.priceUsd(), x.monthlyUsd(), x.estimate(),
                                x.priceSource(), x.sourceDate() == null ? null : x.sourceDate().toString()));
                    }
                }
            }
        }
        return out;
    }


    /**
     * A plan of one site built from spreadsheets: the workloads, and every hardware row as a candidate.
     */
    public Plan planFromSpreadsheets(String name, SiteKind kind, List<Workload> workloads, List<Hardware> hardware) {
        Site site = new Site("site", kind, workloads, hardware.stream().map(Hardware::id).toList(), null, null);
        return new Plan(name, "sized from spreadsheets", List.of(site), null);
    }

    /** A catalog with the given hardware rows layered over (replacing rows with the same id). */
    public Catalog withHardware(Catalog base, List<Hardware> rows) {
        List<Hardware> all = new ArrayList<>(rows);
        for (Hardware h : base.hardware()) {
            if (rows.stream().noneMatch(r -> r.id().equals(h.id()))) {
                all.add(h);
            }
        }
        return base.withHardwareRows(all);
    }

    /** First-version costs (the cost model replaces these): capex = hosts x price; monthly = hosts x rental; tco over the horizon. */
    ScenarioResult scenario(SizingOption o, List<Hardware> candidates, int years) {
        Double capex = 0.0;
        Double monthly = 0.0;
        Double tco = 0.0;
        HostCost simple = HostCost.simple(years * 12);
        for (Map.Entry<String, Integer> e : o.hostsByHardware().entrySet()) {
            Hardware h = candidates.stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElseThrow();
            int n = e.getValue() - o.ownedByHardware().getOrDefault(e.getKey(), 0); // owned hosts are not bought
            int kept = e.getValue() - n;
            if (kept > 0) {
                OptionalDouble running = simple.runningPerHost(h);
                tco = tco == null || running.isEmpty() ? null : Double.valueOf(tco + kept * running.getAsDouble());
                if (monthly != null && h.rentalMonthlyUsd().isPresent()) {
                    monthly = monthly + kept * h.rentalMonthlyUsd().getAsDouble();
                }
            }
            if (n == 0) {
                continue;
            }
            capex = capex == null || h.priceUsd() == null ? null : capex + n * h.priceUsd();
            OptionalDouble rent = h.rentalMonthlyUsd();
            monthly = monthly == null || rent.isEmpty() ? null : monthly + n * rent.getAsDouble();
            OptionalDouble per = simple.perHost(h);
            tco = tco == null || per.isEmpty() ? null : tco + n * per.getAsDouble();
        }
        return new ScenarioResult(o, capex, monthly, tco, years);
    }

    /** The scenario's hosts, one entry per host, in the option's order. */
    static List<Hardware> hostsOf(SizingOption o, List<Hardware> candidates) {
        List<Hardware> hosts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : o.hostsByHardware().entrySet()) {
            Hardware h = candidates.stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElseThrow();
            for (int i = 0; i < e.getValue(); i++) {
                hosts.add(h);
            }
        }
        return hosts;
    }

    /** The result as JSON text (docs/reference/result-json.md). */
    public String toJson(PlanResult result) {
        return ResultJson.toJson(result.toDocument());
    }

    public void writeJson(PlanResult result, Path file) throws IOException {
        ResultJson.write(result.toDocument(), file);
    }
}
