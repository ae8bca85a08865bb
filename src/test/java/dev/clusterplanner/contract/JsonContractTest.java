package dev.clusterplanner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.PlanService;
import dev.clusterplanner.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one JSON contract: every example plan, and every JSON the command line writes (plan --json for each example
 * plan, its cost part, simulate --json, the plan writer's output) conforms to the schema published in
 * src/main/resources/schemas; and the schemas are strict: a wrong type, an unknown field or a missing field is rejected.
 * Saved probes ({@code probe --json}) are checked in ProbeSnapshotSchemaTest and SnapshotJsonTest.
 */
class JsonContractTest {

    static final Path EXAMPLES = Path.of(System.getProperty("project.basedir", "."), "catalogs", "examples");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> examplePlans() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> plans = files.filter(p -> p.getFileName().toString().endsWith(".plan.json")).sorted().toList();
            assertFalse(plans.isEmpty(), "no example plans in " + EXAMPLES);
            return plans;
        }
    }

    static int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        assertTrue(code == Cli.OK || code == Cli.FINDINGS, String.join(" ", args) + " exited " + code + ": " + err);
        return code;
    }

    @Test
    void everyExamplePlanConformsToThePlanSchema() throws Exception {
        for (Path plan : examplePlans()) {
            JsonSchemas.assertConforms(JsonSchemas.PLAN, Files.readString(plan), plan.getFileName().toString());
        }
    }

    @Test
    void everyPlanThePlanWriterWritesConformsToThePlanSchema() throws Exception {
        PlanService plans = new PlanService();
        for (String name : ExamplePlans.NAMES) {
            String written = plans.toJson(ExamplePlans.load(name));
            JsonSchemas.assertConforms(JsonSchemas.PLAN, written, "the plan writer's " + name);
        }
    }

    @Test
    void planJsonOfEveryExampleConformsToTheResultSchemaAndItsCostPartToTheCostSchema(@TempDir Path dir) throws Exception {
        for (Path plan : examplePlans()) {
            Path out = dir.resolve(plan.getFileName() + ".result.json");
            cli("plan", plan.toString(), "--json", out.toString());
            String text = Files.readString(out);
            JsonSchemas.assertConforms(JsonSchemas.RESULT, text, "plan --json of " + plan.getFileName());
            JsonNode cost = JSON.readTree(text).get("cost");
            assertTrue(cost.isObject(), "the example plans are costed: " + plan.getFileName());
            JsonSchemas.assertConforms(JsonSchemas.COST, cost.toString(), "the cost part of " + plan.getFileName());
        }
    }

    @Test
    void simulateJsonConformsToTheSimulationSchema(@TempDir Path dir) throws Exception {
        for (Path plan : examplePlans()) {
            Path out = dir.resolve(plan.getFileName() + ".sim.json");
            cli("simulate", plan.toString(), "--trials", "20", "--seed", "7", "--json", out.toString());
            JsonSchemas.assertConforms(JsonSchemas.SIMULATION, Files.readString(out), "simulate --json of " + plan.getFileName());
        }
    }

    // ---- the schemas are strict: these documents must be rejected ----------------------------------------------

    static ObjectNode meerkatPlan() throws IOException {
        return (ObjectNode) JSON.readTree(EXAMPLES.resolve("meerkat-cluster.plan.json").toFile());
    }

    static List<String> rejected(String schema, JsonNode doc) {
        List<String> errors = JsonSchemas.errors(schema, doc);
        assertFalse(errors.isEmpty(), "the " + schema + " accepted " + doc.toString().substring(0, Math.min(200, doc.toString().length())));
        return errors;
    }

    @Test
    void thePlanSchemaRejectsAWrongTypeAnUnknownFieldAMissingFieldAndAnUnknownKind() throws Exception {
        ObjectNode wrongType = meerkatPlan();
        ((ObjectNode) wrongType.get("sites").get(0).get("workloads").get(0)).put("count", "three");
        assertTrue(rejected(JsonSchemas.PLAN, wrongType).stream().anyMatch(e -> e.contains("/sites/0/workloads/0/count")),
                "the error names the field");

        ObjectNode unknown = meerkatPlan();
        ((ObjectNode) unknown.get("sites").get(0)).put("hardwareIds", "typo");
        assertTrue(rejected(JsonSchemas.PLAN, unknown).toString().contains("hardwareIds"));

        ObjectNode missing = meerkatPlan();
        missing.remove("format");
        assertTrue(rejected(JsonSchemas.PLAN, missing).toString().contains("format"));

        ObjectNode badKind = meerkatPlan();
        ((ObjectNode) badKind.get("sites").get(0)).put("kind", "datacenter");
        rejected(JsonSchemas.PLAN, badKind);

        ObjectNode fraction = meerkatPlan();
        ((ObjectNode) fraction.get("sites").get(0).get("workloads").get(0)).put("cpuUtil", 1.5);
        rejected(JsonSchemas.PLAN, fraction);
    }

    @Test
    void theResultSchemaRejectsAWrongTypeAnUnknownFieldAndAMissingField(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("result.json");
        cli("plan", EXAMPLES.resolve("meerkat-cluster.plan.json").toString(), "--json", out.toString());
        JsonNode good = JSON.readTree(out.toFile());
        assertEquals(List.of(), JsonSchemas.errors(JsonSchemas.RESULT, good));

        ObjectNode wrongType = good.deepCopy();
        scenario(wrongType).put("hosts", "3");
        assertTrue(rejected(JsonSchemas.RESULT, wrongType).stream().anyMatch(e -> e.contains("/sites/0/scenarios/0/hosts")));

        ObjectNode money = good.deepCopy();
        scenario(money).put("tcoUsd", "12,345");
        rejected(JsonSchemas.RESULT, money);

        ObjectNode unknown = good.deepCopy();
        scenario(unknown).put("tcoUSD", 1);
        assertTrue(rejected(JsonSchemas.RESULT, unknown).toString().contains("tcoUSD"));

        ObjectNode costUnknown = good.deepCopy();
        ((ObjectNode) costUnknown.get("sites").get(0).get("cost").get("options").get(0)).put("discountUsd", 1);
        assertTrue(rejected(JsonSchemas.RESULT, costUnknown).toString().contains("discountUsd"));

        ObjectNode missing = good.deepCopy();
        ((ObjectNode) missing.get("sites").get(0)).remove("recommended");
        rejected(JsonSchemas.RESULT, missing);

        ObjectNode severity = good.deepCopy();
        ArrayNode findings = (ArrayNode) severity.get("sites").get(0).get("cost").get("findings");
        findings.addObject().put("severity", "fatal").put("rule", "x").put("text", "x").put("citation", "");
        rejected(JsonSchemas.RESULT, severity);
    }

    @Test
    void theResultSchemaAcceptsAMixedOptionAndAnOptionNotYetAnalysedButNotHalfTheStorageFigures(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("result.json");
        cli("plan", EXAMPLES.resolve("meerkat-cluster.plan.json").toString(), "--json", out.toString());
        JsonNode good = JSON.readTree(out.toFile());

        ObjectNode mixed = good.deepCopy();
        ObjectNode sc = scenario(mixed);
        sc.put("kind", "mixed");
        sc.putArray("hardware").add("desktop-a").add("desktop-b");
        sc.putObject("hostsByHardware").put("desktop-a", 2).put("desktop-b", 1);
        assertEquals(List.of(), JsonSchemas.errors(JsonSchemas.RESULT, mixed), "a mixed option lists its hardware ids");

        ObjectNode numberHardware = good.deepCopy();
        scenario(numberHardware).put("hardware", 3);
        rejected(JsonSchemas.RESULT, numberHardware);

        ObjectNode notAnalysed = good.deepCopy();
        scenario(notAnalysed).remove(List.of("usableTiB", "rawTiB", "recoveryHoursHostLoss", "replicationGbps", "nicGbpsRequired",
                "powerWatts", "energyKwhMonth", "rackUnits", "storage", "network", "power", "findings", "explanations"));
        assertEquals(List.of(), JsonSchemas.errors(JsonSchemas.RESULT, notAnalysed), "storage, network and power come together or not at all");

        ObjectNode half = good.deepCopy();
        scenario(half).remove("storage");
        rejected(JsonSchemas.RESULT, half);
    }

    static ObjectNode scenario(JsonNode result) {
        return (ObjectNode) result.get("sites").get(0).get("scenarios").get(0);
    }

    @Test
    void everySchemaIsStrictAtItsTopLevel() {
        List<String> lenient = new ArrayList<>();
        for (String schema : List.of(JsonSchemas.RESULT, JsonSchemas.PLAN, JsonSchemas.SNAPSHOT, JsonSchemas.SIMULATION, JsonSchemas.COST)) {
            if (JsonSchemas.errors(schema, "{\"anything\": true}").isEmpty()) {
                lenient.add(schema);
            }
        }
        assertEquals(List.of(), lenient, "schemas that accept an arbitrary object");
    }
}
