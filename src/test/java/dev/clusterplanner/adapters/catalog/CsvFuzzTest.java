package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.fuzz.Mutations;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV loaders (hardware, prices, workloads) on mutated shipped catalog files and random text: every file
 * loads or is rejected with problems naming it; a rejected file contributes no row. No other exception.
 */
class CsvFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static String shipped(String relative) {
        try {
            return Files.readString(Path.of(System.getProperty("project.basedir", "."), "catalogs", relative));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> workloadFiles() {
        return Mutations.inputs(List.of(shipped("workloads/profiles.csv"),
                "name,kind,count,vcpu,memory_gib,disk_gib,site,notes\nweb,container,2,1,2,10,a,\"x, \"\"y\"\"\"\n"), 200);
    }

    @Provide
    Arbitrary<String> hardwareFiles() {
        return Mutations.inputs(List.of(shipped("hardware/desktop.csv")), 200);
    }

    @Provide
    Arbitrary<String> priceFiles() {
        return Mutations.inputs(List.of(shipped("prices/facility.csv")), 200);
    }

    @Property
    void aWorkloadFileLoadsOrIsRejectedWithProblems(@ForAll("workloadFiles") String text) {
        check(CatalogLoader.Kind.WORKLOADS, text);
    }

    @Property
    void aHardwareFileLoadsOrIsRejectedWithProblems(@ForAll("hardwareFiles") String text) {
        check(CatalogLoader.Kind.HARDWARE, text);
    }

    @Property
    void aPriceFileLoadsOrIsRejectedWithProblems(@ForAll("priceFiles") String text) {
        check(CatalogLoader.Kind.PRICES, text);
    }

    private static void check(CatalogLoader.Kind kind, String text) {
        CatalogLoader.Layer layer = CatalogLoader.read(List.of(new CatalogLoader.Source("fuzz.csv", kind, text)), TODAY);
        int rows = layer.hardware().size() + layer.prices().size() + layer.profiles().size();
        if (!layer.problems().isEmpty()) {
            assertTrue(rows == 0, "a rejected file contributes nothing, got " + rows + " rows");
            for (InputProblem p : layer.problems()) {
                assertTrue(p.file().equals("fuzz.csv"), p.describe());
                assertFalse(p.message().isBlank());
                assertFalse(p.message().contains("Exception"), p.message());
            }
        }
        // the whole-file readers agree with the layer
        List<InputProblem> problems = new ArrayList<>();
        if (kind == CatalogLoader.Kind.WORKLOADS) {
            WorkloadCsv.parse(text, "fuzz.csv", problems);
            assertTrue(problems.isEmpty() == layer.problems().isEmpty());
        }
    }
}
