package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputProblem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardwareCsvWriterTest {

    @Test
    void everyShippedHardwareRowSurvivesAWriteAndAReadUnchanged() throws Exception {
        Path dir = Path.of(System.getProperty("project.basedir", "."), "catalogs");
        LocalDate today = LocalDate.of(2026, 12, 6);
        List<InputProblem> problems = new ArrayList<>();
        CatalogLoader.Layer layer = CatalogLoader.read(CatalogLoader.readFolder(dir, problems), today);
        assertEquals(List.of(), layer.problems());
        List<Hardware> read = layer.hardware();
        // rows billed in EUR come back as their converted USD figures, with the conversion in their notes
        List<Hardware> again = HardwareCsv.parse(HardwareCsvWriter.write(read), "written", today);
        assertEquals(read, again);
        assertTrue(read.size() > 40, "the shipped catalogs were read: " + read.size());
    }
}
