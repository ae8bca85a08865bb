package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.simulation.SimulationInputs;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.core.simulation.SimulationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationServiceTest {

    static Catalog catalog;
    static Plan seedPlan;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
        seedPlan = ExamplePlans.defaultPlan();
    }

    @Test
    void withNothingUncertainTheSimulatedCostOfEveryOptionIsTheDeterministicCost() throws Exception {
        var sims = new SimulationService().simulate(seedPlan, catalog, 200, 5, Uncertainty.NONE, d -> { }, () -> false);
        SimulationResult r = sims.get(0).result();
        for (int o = 0; o < r.options().size(); o++) {
            SimulationResult.OptionStats st = r.options().get(o);
            assertEquals(st.deterministic(), st.mean().value(), 1e-9 * st.deterministic(), st.name());
            assertEquals(st.deterministic(), st.p95(), 1e-9 * st.deterministic(), st.name());
        }
    }

    @Test
    void everySimulatedOptionStartsFromTheCostModelsOwnTotal() throws Exception {
        var sim = new SimulationService().simulate(seedPlan, catalog, 100, 5, Uncertainty.NONE, d -> { }, () -> false).get(0);
        var siteCost = dev.clusterplanner.core.cost.CostEngine.compare(seedPlan, catalog).sites().get(0);
        SimulationInputs in = sim.inputs();
        for (var option : in.costs()) {
            var model = siteCost.options().stream().filter(o -> o.label().equals(option.name())).findFirst().orElseThrow();
            assertEquals(model.tcoUsd(), option.deterministicTotal(), 0.01, option.name());
        }
        assertTrue(in.ownedOption() >= 0, "the Meerkat cluster is owned hardware");
        var owned = siteCost.options().stream().filter(o -> o.label().equals(in.costs().get(in.ownedOption()).name())).findFirst().orElseThrow();
        assertEquals(sim.option(), owned.hardwareId());
    }

    @Test
    void capacityKeepsTheFailureHeadroomSoDemandGrowingPastItIsExhaustion() throws Exception {
        // the seed workloads growing 100 % a year must exhaust the three hosts (two after a failure) within 5 years
        Plan growing = seedPlan.withSite(0, s -> s.withWorkloads(s.workloads().stream()
                .map(w -> new Workload(w.name(), w.kind(), w.count(), w.vcpu(), w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(),
                        w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(), 100, w.project())).toList()));
        var sim = new SimulationService().simulate(growing, catalog, 500, 5, Uncertainty.NONE, d -> { }, () -> false).get(0);
        int m = sim.result().monthExhausted50();
        assertTrue(m > 0 && m <= 60, "exhausted at month " + m);
        // deterministic: the binding dimension's demand x 2^(m/12) first exceeds its capacity at month m
        double[] cap = sim.inputs().capacity();
        boolean exceeds = false;
        boolean exceededBefore = false;
        for (int d = 0; d < cap.length; d++) {
            double demand = 0;
            for (var g : sim.inputs().demand()) {
                demand += g.demand()[d];
            }
            exceeds |= demand * Math.pow(2, m / 12.0) > cap[d];
            exceededBefore |= demand * Math.pow(2, (m - 1) / 12.0) > cap[d] * (1 + 1e-12);
        }
        assertTrue(exceeds && !exceededBefore);
    }

    @Test
    void theJsonOfTwoRunsWithTheSameSeedIsIdentical() throws Exception {
        SimulationService service = new SimulationService();
        String a = service.toJson("p", service.simulate(seedPlan, catalog, 2_000, 77, Uncertainty.DEFAULT, d -> { }, () -> false));
        String b = service.toJson("p", service.simulate(seedPlan, catalog, 2_000, 77, Uncertainty.DEFAULT, d -> { }, () -> false));
        assertEquals(a, b);
        assertTrue(a.contains("\"monthExhausted50\""));
    }

    @Test
    void assumptionsNameTheEstimatesUsed() throws Exception {
        List<String> a = new SimulationService().simulate(seedPlan, catalog, 50, 1, Uncertainty.DEFAULT, d -> { }, () -> false).get(0).assumptions();
        assertTrue(a.get(0).contains("5.0 % (estimate)"), a.get(0));
    }
}
