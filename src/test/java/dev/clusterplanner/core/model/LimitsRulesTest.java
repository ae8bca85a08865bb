package dev.clusterplanner.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upper bounds of ModelRules: each value beyond its limit names its field and the limit. */
class LimitsRulesTest {

    static List<FieldProblem> problems(Workload w) {
        return ModelRules.check(w);
    }

    static boolean has(List<FieldProblem> ps, String field, String text) {
        return ps.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(text));
    }

    @Test
    void perInstanceValuesHaveUpperBounds() {
        Workload ok = Workload.of("web", WorkloadKind.CONTAINER, 2, 1, 2, 10);
        assertTrue(problems(ok).isEmpty(), problems(ok).toString());
        assertTrue(has(problems(Workload.of("web", WorkloadKind.CONTAINER, 20_001, 1, 2, 10)), "count", "at most 20000"));
        assertTrue(has(problems(Workload.of("web", WorkloadKind.CONTAINER, 1, 1025, 2, 10)), "vcpu", "at most 1024"));
        assertTrue(has(problems(Workload.of("web", WorkloadKind.CONTAINER, 1, 1, 1e308, 10)), "memoryGib", "at most 65536"));
        assertTrue(has(problems(Workload.of("web", WorkloadKind.CONTAINER, 1, 1, 2, Double.POSITIVE_INFINITY)), "diskGib", "0 or more"));
        assertTrue(has(problems(Workload.of("web", WorkloadKind.CONTAINER, 1, 1, 2, 10).withGpu(65)), "gpu", "between 0 and 64"));
    }

    @Test
    void anInstanceNameMustFitIncusLimitWithItsNumber() {
        // 60 characters + "-100" = 64 > 63
        String name = "a".repeat(60);
        assertTrue(has(problems(Workload.of(name, WorkloadKind.CONTAINER, 100, 1, 1, 1)), "name", "longer than Incus allows"));
        assertTrue(problems(Workload.of(name, WorkloadKind.CONTAINER, 99, 1, 1, 1)).isEmpty());
    }

    @Test
    void facilityValuesBeyondAnyRealOneAreRefused() {
        Facility f = Facility.defaultsFor(SiteKind.CLUSTER);
        Facility bad = new Facility(true, 1e308, 1e308, 1e9, 1e9, "x");
        List<FieldProblem> ps = ModelRules.check(bad);
        assertTrue(has(ps, "electricityUsdPerKwh", "between 0 and 10"), ps.toString());
        assertTrue(has(ps, "pue", "between 1.0 and 5"), ps.toString());
        assertTrue(has(ps, "colocationUsdPerUMonth", "between 0 and 10000"), ps.toString());
        assertTrue(has(ps, "colocationUsdPerKwMonth", "between 0 and 100000"), ps.toString());
        assertTrue(ModelRules.check(f).isEmpty());
    }

    @Test
    void textRulesNameTheBadCharacter() {
        assertTrue(TextRules.problem("prod\u001b[31m").contains("\\u001B"));
        assertTrue(TextRules.problem("prod\ud800").contains("lone UTF-16 surrogate"));
        assertTrue(TextRules.problem("ab\u202ecd").contains("text-direction"));
        assertTrue(TextRules.problem("caf\u00e9 \ud83d\ude00 line\nbreak\ttab") == null);
        assertTrue(TextRules.printable("a\u0000b").equals("a\\u0000b"));
    }
}
