package dev.clusterplanner.ui;

import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Crash recovery. While a plan has unsaved changes the window writes it every few seconds to
 * {@code <dir>/autosave.plan.json} with the file it came from in {@code autosave.origin} (both atomically, through
 * {@link PlanService}: a crash mid-write leaves the old file or the whole new one). Saving, discarding or a clean exit delete both; if they are
 * still there at the next start, the last session ended without that, and the app offers them back.
 */
public class Autosave {

    /** A plan found after a crash: its content, the file it belonged to (null if never saved), when it was written. */
    public record Recovery(Plan plan, Path origin, Instant writtenAt) {
    }

    private final Path dir;
    private final PlanService plans;

    public Autosave(Path dir, PlanService plans) {
        this.dir = dir;
        this.plans = plans;
    }

    public Path planFile() {
        return dir.resolve("autosave.plan.json");
    }

    private Path originFile() {
        return dir.resolve("autosave.origin");
    }

    public void write(Plan plan, Path origin) throws IOException {
        Files.createDirectories(dir);
        plans.saveText(origin == null ? "" : origin.toAbsolutePath().toString(), originFile());
        plans.save(plan, planFile());
    }

    /** The plan left by a session that did not end cleanly, if any and if it still reads. */
    public Optional<Recovery> find() {
        Path file = planFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Plan plan = plans.open(file);
            Path origin = null;
            if (Files.isRegularFile(originFile())) {
                String text = Files.readString(originFile(), StandardCharsets.UTF_8).trim();
                origin = text.isEmpty() ? null : Path.of(text);
            }
            return Optional.of(new Recovery(plan, origin, Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException | InputRejectedException e) {
            return Optional.empty();
        }
    }

    public void clear() {
        try {
            Files.deleteIfExists(planFile());
            Files.deleteIfExists(originFile());
        } catch (IOException e) {
            // a stale recovery file is offered once more at the next start; harmless
        }
    }
}
