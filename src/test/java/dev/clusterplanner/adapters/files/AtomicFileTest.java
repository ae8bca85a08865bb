package dev.clusterplanner.adapters.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("out.json");
        AtomicFile.writeString(f, "{\"a\":1}\n");
        assertEquals("{\"a\":1}\n", Files.readString(f));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void aNewFileGetsTheModeAnyProgramWouldGiveIt() throws IOException {
        // a file created the ordinary way (0666 less the umask) is the yardstick; createTempFile would give 0600
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        Path f = dir.resolve("new.csv");
        AtomicFile.writeString(f, "x");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void overwritingKeepsTheExistingFilesMode() throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.writeString(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aFailureNamesTheTargetNotATemporaryFileAndLeavesNothingBehind() throws IOException {
        // (tests may run as root, so a read-only folder would not stop the write: a file in the path does)
        Files.writeString(dir.resolve("notafolder"), "x");
        Path f = dir.resolve("notafolder").resolve("x.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, "x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        assertEquals(List.of("notafolder"), names());
    }

    @Test
    void aFolderAsTargetIsNamed() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.writeString(sub, "x"));
        assertTrue(e.getMessage().contains(sub.toString()) && e.getMessage().contains("folder"), e.getMessage());
    }
}
