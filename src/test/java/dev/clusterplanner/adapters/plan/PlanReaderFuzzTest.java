package dev.clusterplanner.adapters.plan;

import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.fuzz.Mutations;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan reader on mutated example plans and random text: a plan or a rejection with a message, nothing else. */
class PlanReaderFuzzTest {

    static List<String> examples() {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(Path.of(System.getProperty("project.basedir", "."), "catalogs", "examples"))) {
            for (Path p : files.sorted().toList()) {
                out.add(Files.readString(p));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Provide
    Arbitrary<String> plans() {
        return Mutations.inputs(examples(), 300);
    }

    @Property
    void aPlanTextIsReadOrRejectedWithAMessageNeverAnotherException(@ForAll("plans") String text) throws InputRejectedException {
        Plan plan;
        try {
            plan = PlanReader.parse(text, "fuzz.plan.json");
        } catch (InputRejectedException e) {
            assertFalse(e.problems().isEmpty());
            for (InputProblem p : e.problems()) {
                assertEquals("fuzz.plan.json", p.file());
                assertFalse(p.message().isBlank());
                assertFalse(p.message().contains("Exception"), p.message());
                assertFalse(p.message().contains("FAIL_ON"), p.message());
            }
            return;
        }
        // what was accepted is written back and read as the same plan
        assertEquals(plan, PlanReader.parse(PlanWriter.toJson(plan), "again.plan.json"));
        assertTrue(plan.sites().size() >= 1);
    }
}
