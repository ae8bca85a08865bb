package dev.clusterplanner.app;

import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.adapters.plan.PlanReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The example plans shipped under {@code catalogs/examples/}; the first is the app's default plan. */
public final class ExamplePlans {

    /** File names under catalogs/examples, the default first. */
    public static final List<String> NAMES = List.of(
            "meerkat-cluster.plan.json",
            "thelio-gpu-cluster.plan.json",
            "supermicro-cluster.plan.json",
            "hybrid.plan.json",
            "office-growth.plan.json");

    private ExamplePlans() {
    }

    public static Plan defaultPlan() {
        return load(NAMES.get(0));
    }

    public static Plan load(String name) {
        String resource = "/catalogs/examples/" + name;
        try (InputStream in = ExamplePlans.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped example " + resource + " is missing from the build");
            }
            return PlanReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputRejectedException e) {
            throw new IllegalStateException("shipped example is invalid: " + e.getMessage(), e);
        }
    }
}
