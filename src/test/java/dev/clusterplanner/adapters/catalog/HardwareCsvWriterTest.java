package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.Hardware;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardwareCsvWriterTest {

    @Test
    void everyShippedHardwareRowSurvivesAWriteAndAReadUnchanged() throws Exception {
        Path dir = Path.of(System.getProperty("project.basedir", "."), "catalogs", "hardware");
        LocalDate today = LocalDate.of(2026, 12, 6);
        int rows = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<Hardware> read = HardwareCsv.parse(Files.readString(f), f.toString(), today);
                List<Hardware> again = HardwareCsv.parse(HardwareCsvWriter.write(read), "written", today);
                assertEquals(read, again, f.toString());
                rows += read.size();
            }
        }
        assertTrue(rows > 40, "the shipped catalogs were read: " + rows);
    }
}
