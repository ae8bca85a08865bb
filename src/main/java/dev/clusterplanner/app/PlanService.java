package dev.clusterplanner.app;

import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.adapters.plan.PlanReader;
import dev.clusterplanner.adapters.plan.PlanWriter;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;

import java.io.IOException;
import java.nio.file.Path;

/** Opening and saving plan files, for both front ends. */
public class PlanService {

    /** Loads a plan; all or nothing. */
    public Plan open(Path file) throws IOException, InputRejectedException {
        return PlanReader.read(file);
    }

    /** Saves atomically: the file on disk is either the old plan or the whole new one. */
    public void save(Plan plan, Path file) throws IOException {
        PlanWriter.write(plan, file);
    }

    /** Saves a small text that belongs with a plan (the autosave's origin note) the same way: old or whole new. */
    public void saveText(String text, Path file) throws IOException {
        AtomicFile.writeString(file, text);
    }

    /**
     * A rejection found after loading {@code file} (reported against {@code label}: its name or the plan's title),
     * with every problem naming the file and the line and column of its field.
     */
    public InputRejectedException locate(InputRejectedException e, Path file, String label) {
        return PlanReader.locate(e, file, label);
    }

    public String toJson(Plan plan) {
        return PlanWriter.toJson(plan);
    }

    public Plan parse(String json, String name) throws InputRejectedException {
        return PlanReader.parse(json, name);
    }
}
