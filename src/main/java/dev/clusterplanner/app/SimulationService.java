package dev.clusterplanner.app;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.capacity.FailureHeadroom;
import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.cost.CostComponent;
import dev.clusterplanner.core.cost.CostOptionKind;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.simulation.AgeFailureRates;
import dev.clusterplanner.core.simulation.MonteCarlo;
import dev.clusterplanner.core.simulation.SimulationInputs;
import dev.clusterplanner.core.simulation.SimulationInputs.CostOption;
import dev.clusterplanner.core.simulation.SimulationInputs.DemandGroup;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.core.simulation.SimulationResult;
import dev.clusterplanner.core.sizing.CapacityModel;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.storage.NetworkAnalysis;
import dev.clusterplanner.core.storage.StorageAnalysis;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Risk simulation of a plan, for both front ends: each site's recommended option is put through
 * Monte Carlo trials over growth, failures and prices, and every option of the site is costed in the same trials.
 */
public class SimulationService {

    private final PlanningService planning = new PlanningService();
    private final java.time.Clock clock;

    public SimulationService() {
        this(java.time.Clock.systemUTC());
    }

    /** @param clock "today": the start of the horizon, from which an owned host's age is counted */
    public SimulationService(java.time.Clock clock) {
        this.clock = clock;
    }

    /** The simulation of one site: which option was tested, the numbers it was given, and what came out. */
    public record SiteSimulation(String site, String option, int hosts, SimulationInputs inputs, SimulationResult result,
                                 List<String> assumptions) {
    }

    public List<SiteSimulation> simulate(Plan plan, Catalog catalog, int trials, long seed, Uncertainty uncertainty,
                                         IntConsumer progress, BooleanSupplier cancelled) throws InputRejectedException {
        return simulate(plan, catalog, planning.analyse(plan, catalog), trials, seed, uncertainty, progress, cancelled);
    }

    /**
     * Simulates an analysed plan: each site starts from its recommended scenario of {@code analysed} (the hosts the
     * sizing engine found, their storage and network analysis) and every option's monthly costs from the same analysis,
     * so with every uncertainty off each option's total is the plan's own figure.
     */
    public List<SiteSimulation> simulate(Plan plan, Catalog catalog, PlanResult analysed, int trials, long seed, Uncertainty uncertainty,
                                         IntConsumer progress, BooleanSupplier cancelled) {
        PlanCost cost = analysed.cost();
        catalog = analysed.catalogOver(catalog); // the analysis' configured rows are looked up like catalog rows
        List<SiteSimulation> out = new ArrayList<>();
        int sites = plan.sites().size();
        for (int i = 0; i < sites; i++) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            int offset = i * trials;
            SiteResult siteResult = analysed.sites().get(i);
            Site site = plan.sites().get(i);
            var recommended = siteResult.recommended();
            if (recommended.isEmpty()) {
                continue;
            }
            SiteCost siteCost = siteResult.cost() != null ? siteResult.cost()
                    : cost.sites().stream().filter(c -> c.site().equals(site.name())).findFirst().orElseThrow();
            List<String> skipped = new ArrayList<>();
            SimulationInputs inputs = inputs(site, recommended.get(), siteCost, skipped, catalog, plan.cost().months(), uncertainty);
            SimulationResult result = MonteCarlo.run(inputs, trials, seed + i, done -> progress.accept(offset + done), cancelled);
            SizingOption option = recommended.get().sizing();
            out.add(new SiteSimulation(site.name(), String.join(" + ", option.hardwareIds()), option.hosts(),
                    inputs, result, assumptions(inputs, skipped)));
        }
        return out;
    }

    /** Reduces a site and its recommended option to the simulator's numbers (README, "Risk simulation"). */
    SimulationInputs inputs(Site site, ScenarioResult scenario, SiteCost siteCost, List<String> skipped, Catalog catalog, int months,
                            Uncertainty uncertainty) {
        SizingOption option = scenario.sizing();
        Policy policy = site.policy();
        Hardware hw = catalog.hardware(option.hardwareIds().get(0)).orElseThrow();
        int hosts = option.hosts();
        int k = policy.failuresTolerated();
        // capacity that keeps the failure headroom: all planned hosts minus the k largest, per dimension
        List<String> dims = new ArrayList<>();
        List<Integer> dimIndex = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (option.utilisation().containsKey(d)) {
                dims.add(d.id());
                dimIndex.add(d.ordinal());
            }
        }
        double[] capacity = new double[dims.size()];
        List<double[]> perHost = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Integer> e : option.hostsByHardware().entrySet()) {
            Hardware h = catalog.hardware(e.getKey()).orElseThrow();
            for (int n = 0; n < e.getValue(); n++) {
                perHost.add(CapacityModel.capacity(h, policy, index++));
            }
        }
        double[] headroom = FailureHeadroom.afterLosingLargest(perHost.toArray(new double[0][]), Dimension.COUNT, k);
        for (int j = 0; j < dims.size(); j++) {
            capacity[j] = headroom[dimIndex.get(j)];
        }
        List<DemandGroup> groups = new ArrayList<>();
        for (Workload w : site.workloads()) {
            double[] one = CapacityModel.demand(w, policy);
            double[] demand = new double[dims.size()];
            for (int j = 0; j < dims.size(); j++) {
                demand[j] = one[dimIndex.get(j)] * w.count();
            }
            groups.add(new DemandGroup(w.name(), demand, w.growthPctYear()));
        }
        // the scenario's own storage and network analysis (the plan computed it for exactly these hosts)
        StorageNetworkPower snp = scenario.storageNetworkPower() != null ? scenario.storageNetworkPower()
                : StorageNetworkPower.analyse(site, PlanningService.hostsOf(option, hostsOf(option, catalog)), Math.max(1, months / 12));
        StorageAnalysis storage = snp.storage();
        NetworkAnalysis network = snp.network();
        CephLayout layout = policy.ceph();
        boolean ceph = policy.storageMode() == StorageMode.CEPH;
        int atRisk = !ceph ? 1 : layout.isErasureCoded() ? layout.m() : layout.size() - layout.minSize() + 1;
        double diskRecovery = finiteOr(network.recoveryHoursDiskLoss(), 0);
        double hostRecovery = finiteOr(network.recoveryHoursHostLoss(), 0);
        var reliability = SimulationInputs.defaultReliability(Math.max(0, hw.dataDisks()), diskRecovery, hostRecovery,
                ceph && storage.healsAfterHostLoss(), ceph && Math.max(hosts, storage.osds()) > CephCapacity.protectionWidth(layout), atRisk);
        List<CostOption> costs = new ArrayList<>();
        int owned = -1;
        for (dev.clusterplanner.core.cost.CostOption o : siteCost.options()) {
            if (!o.complete() || o.series().size() != months) {
                skipped.add(o.label() + " (a price is missing: " + String.join("; ", o.missing()) + ")");
                continue;
            }
            if (option.keepAndAdd() ? o.id().equals(PlanningService.keepCostId(option))
                    : o.kind() == CostOptionKind.OWNED && (owned < 0 || option.hardwareIds().get(0).equals(o.hardwareId()))) {
                owned = costs.size();
            }
            costs.add(costOption(o, months));
        }
        return new SimulationInputs(months, hosts, groups, capacity, dims, reliability, costs, owned, uncertainty,
                ownedHostAges(site, option, java.time.LocalDate.now(clock)), AgeFailureRates.DEFAULT);
    }

    /**
     * The age in months at {@code today} of each owned host with a purchase date that the option keeps (a keep-and-add
     * option); empty for any other option. A purchase date after today counts as age 0.
     */
    static double[] ownedHostAges(Site site, SizingOption option, java.time.LocalDate today) {
        if (!option.keepAndAdd()) {
            return new double[0];
        }
        List<Double> ages = new ArrayList<>();
        for (var o : site.owned()) {
            if (o.purchased() == null) {
                continue;
            }
            long months = Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(o.purchased(), today));
            for (int c = 0; c < o.count(); c++) {
                ages.add((double) months);
            }
        }
        return ages.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Hardware> hostsOf(SizingOption option, Catalog catalog) {
        return option.hardwareIds().stream().map(id -> catalog.hardware(id).orElseThrow()).toList();
    }

    /**
     * A cost option's monthly series from the cost model, split by what moves it: electricity follows the electricity
     * price drift, AWS charges follow cloud price changes, everything else (purchases, rent, support, colocation) is fixed.
     */
    static CostOption costOption(dev.clusterplanner.core.cost.CostOption o, int months) {
        double[] fixed = new double[months];
        double[] energy = new double[months];
        double[] cloud = new double[months];
        double[] usage = new double[months];
        for (int t = 0; t < months; t++) {
            MonthCost m = o.series().get(t);
            for (CostComponent c : CostComponent.values()) {
                double amount = m.amount(c);
                if (c == CostComponent.ELECTRICITY) {
                    energy[t] += amount;
                } else if (o.kind().isAws()) {
                    cloud[t] += amount;
                } else {
                    fixed[t] += amount;
                }
            }
        }
        return new CostOption(o.label(), fixed, energy, cloud, usage);
    }

    /** The simulations as the ordered map written by {@code simulate --json} (README, "Risk simulation"). */
    public static Map<String, Object> toDocument(String planName, List<SiteSimulation> sims) {
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("plan", planName);
        List<Object> sites = new ArrayList<>();
        for (SiteSimulation s : sims) {
            SimulationResult r = s.result();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", s.site());
            m.put("option", s.option());
            m.put("hosts", s.hosts());
            m.put("seed", r.seed());
            m.put("trialsRequested", r.trialsRequested());
            m.put("trialsRun", r.trialsRun());
            m.put("cancelled", r.cancelled());
            m.put("enough", r.enough());
            m.put("enoughReason", r.enoughReason());
            m.put("monthExhausted10", r.monthExhausted10() < 0 ? null : r.monthExhausted10());
            m.put("monthExhausted50", r.monthExhausted50() < 0 ? null : r.monthExhausted50());
            m.put("exhaustionByMonth", java.util.Arrays.stream(r.exhaustionByMonth()).boxed().toList());
            m.put("degradedHoursPerYear", estimate(r.degradedHoursPerYear()));
            m.put("dataAtRiskProbability", estimate(r.dataAtRiskProbability()));
            m.put("hostFailureFirstYearProbability", estimate(r.hostFailureFirstYear()));
            List<Object> options = new ArrayList<>();
            for (int o = 0; o < r.options().size(); o++) {
                SimulationResult.OptionStats st = r.options().get(o);
                Map<String, Object> om = new java.util.LinkedHashMap<>();
                om.put("name", st.name());
                om.put("deterministicUsd", st.deterministic());
                om.put("meanUsd", estimate(st.mean()));
                om.put("p50Usd", st.p50());
                om.put("p90Usd", st.p90());
                om.put("p95Usd", st.p95());
                SimulationResult.Estimate cheaper = r.ownedCheaperThan().get(o);
                om.put("ownedCheaperProbability", Double.isNaN(cheaper.value()) ? null : estimate(cheaper));
                Map<String, Object> hist = new java.util.LinkedHashMap<>();
                hist.put("minUsd", st.histogram().min());
                hist.put("binWidthUsd", st.histogram().width());
                hist.put("counts", java.util.Arrays.stream(st.histogram().counts()).boxed().toList());
                om.put("histogram", hist);
                options.add(om);
            }
            m.put("options", options);
            m.put("assumptions", s.assumptions());
            sites.add(m);
        }
        root.put("sites", sites);
        return root;
    }

    static Map<String, Object> estimate(SimulationResult.Estimate e) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("value", e.value());
        m.put("standardError", e.standardError());
        return m;
    }

    public String toJson(String planName, List<SiteSimulation> sims) {
        return dev.clusterplanner.adapters.export.ResultJson.toJson(toDocument(planName, sims));
    }

    public void writeJson(String planName, List<SiteSimulation> sims, java.nio.file.Path file) throws java.io.IOException {
        dev.clusterplanner.adapters.export.ResultJson.write(toDocument(planName, sims), file);
    }

    static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    static List<String> assumptions(SimulationInputs in, List<String> skipped) {
        var r = in.reliability();
        var u = in.uncertainty();
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT, "host annual failure rate %.1f %% (estimate), mean repair %.0f h (exponential)", r.hostAfr() * 100, r.hostRepairHours()));
        double[] ages = in.hostAgeMonths();
        if (ages.length > 0) {
            StringBuilder aged = new StringBuilder();
            for (int h = 0; h < ages.length; h++) {
                aged.append(h == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.1f %% at %.0f months",
                        in.ageRates().afr(r.hostAfr(), ages[h] / 12.0) * 100, ages[h]));
            }
            out.add(ages.length + " owned host(s) with a purchase date fail at a rate that grows with their age, month by month"
                    + " (at the start: " + aged + "); " + in.ageRates().source());
        }
        out.add(String.format(java.util.Locale.ROOT, "disk annual failure rate %.1f %% (estimate), replacement %.0f h, re-replication %.1f h (storage model)", r.diskAfr() * 100, r.diskReplaceHours(), r.recoveryHoursDisk()));
        out.add(String.format(java.util.Locale.ROOT, "host loss re-replication %.1f h (storage model); %s", r.recoveryHoursHost(),
                r.canHealHostLoss() ? "the survivors can heal a lost host" : "a lost host cannot heal: degraded until it returns"));
        out.add("data at risk when " + r.concurrentFailuresAtRisk() + " host(s) are failed or recovering at once (min_size reached)");
        out.add(String.format(java.util.Locale.ROOT, "growth: each workload's yearly rate drawn around its growth_pct_year with a standard deviation of %.1f points%s",
                u.growthSdPoints(), u.growth() ? "" : " (switched off)"));
        out.add(String.format(java.util.Locale.ROOT, "electricity price %+.1f %% a year (sd %.1f), cloud prices %+.1f %% a year (sd %.1f)%s",
                u.electricityDriftPctYear(), u.electricitySdPctYear(), u.cloudChangePctYear(), u.cloudSdPctYear(), u.prices() ? "" : " (switched off)"));
        skipped.forEach(x -> out.add("not simulated: " + x));
        out.add("costs: the cost model's monthly series; electricity follows the electricity drift, AWS charges the cloud price changes, the rest is fixed");
        out.add("capacity: the demand of every workload against the planned hosts less the " + "largest failure-headroom hosts, per dimension (a volume check)");
        return out;
    }
}
