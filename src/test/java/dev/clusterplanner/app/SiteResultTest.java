package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteResultTest {

    static Catalog catalog;

    @BeforeAll
    static void load() throws Exception {
        catalog = new CatalogService().load();
    }

    @Test
    void theRecommendedOptionIsTheSizingsFirstFeasibleOptionInEveryExample() throws Exception {
        for (String example : ExamplePlans.NAMES) {
            PlanResult r = new PlanningService().analyse(ExamplePlans.load(example), catalog);
            for (SiteResult s : r.sites()) {
                var fromSizing = s.sizing().recommended();
                assertEquals(fromSizing.isPresent(), s.recommended().isPresent(), example + " " + s.name());
                fromSizing.ifPresent(o -> {
                    assertTrue(s.recommended().get().sizing() == o, example + " " + s.name() + ": the same option object");
                    // nothing ranked above it is feasible
                    s.scenarios().stream().filter(x -> x.sizing().rank() < o.rank())
                            .forEach(x -> assertTrue(!x.sizing().feasible(), example + " rank " + x.sizing().rank()));
                });
            }
        }
    }

    @Test
    void anOptionsFindingsAreTheSitesTheOptionsAndTheCostsEachOnceWorstFirst() throws Exception {
        PlanResult r = new PlanningService().analyse(ExamplePlans.load("hybrid.plan.json"), catalog);
        for (SiteResult s : r.sites()) {
            for (ScenarioResult sc : s.scenarios()) {
                List<Finding> all = s.findingsOf(sc);
                List<Finding> expected = new ArrayList<>(s.findings());
                expected.addAll(sc.findings());
                expected.addAll(s.cost().findings());
                // every finding of the three sources is listed, none twice
                for (Finding f : expected) {
                    assertEquals(1, all.stream().filter(x -> x.rule().equals(f.rule()) && x.text().equals(f.text())
                            && x.severity() == f.severity()).count(), s.name() + " " + f.rule());
                }
                assertTrue(all.size() <= expected.size());
                for (int i = 1; i < all.size(); i++) {
                    Severity before = all.get(i - 1).severity();
                    assertTrue(before.atLeast(all.get(i).severity()), "worst first: " + all);
                }
            }
        }
    }
}
