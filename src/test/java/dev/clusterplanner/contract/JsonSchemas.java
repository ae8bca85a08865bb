package dev.clusterplanner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published JSON Schemas (src/main/resources/schemas, draft 2020-12) loaded with a maintained validator
 * (networknt json-schema-validator); the schemas' relative {@code $ref}s resolve on the class path.
 */
public final class JsonSchemas {

    public static final String RESULT = "result.schema.json";
    public static final String COST = "cost.schema.json";
    public static final String PLAN = "plan.schema.json";
    public static final String SNAPSHOT = "snapshot.schema.json";
    public static final String SIMULATION = "simulation.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    public static Schema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> {
            Schema s = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + f));
            s.initializeValidators();   // resolves every $ref now: a broken reference fails here, not silently later
            return s;
        });
    }

    /** The validator's messages for {@code json} against {@code schemaFile}; empty when it conforms. */
    public static List<String> errors(String schemaFile, String json) {
        try {
            return errors(schemaFile, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> errors(String schemaFile, JsonNode json) {
        List<Error> errors = schema(schemaFile).validate(json);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Fails with the validator's messages (the first 20) unless {@code json} conforms to the schema. */
    public static void assertConforms(String schemaFile, String json, String what) {
        List<String> errors = errors(schemaFile, json);
        assertTrue(errors.isEmpty(), what + " does not conform to " + schemaFile + ": " + errors.subList(0, Math.min(20, errors.size())));
    }
}
