package dev.clusterplanner.app;

import dev.clusterplanner.adapters.plan.PlanJson;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;

import java.io.IOException;
import java.nio.file.Path;

/** Opening and saving plan files, for both front ends. */
public class PlanService {

    /** Loads a plan; all or nothing. */
    public Plan open(Path file) throws IOException, InputRejectedException {
        return PlanJson.read(file);
    }

    /** Saves atomically: the file on disk is either the old plan or the whole new one. */
    public void save(Plan plan, Path file) throws IOException {
        PlanJson.write(plan, file);
    }

    public String toJson(Plan plan) {
        return PlanJson.toJson(plan);
    }

    public Plan parse(String json, String name) throws InputRejectedException {
        return PlanJson.parse(json, name);
    }
}
