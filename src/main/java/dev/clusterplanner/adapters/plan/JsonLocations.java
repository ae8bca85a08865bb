package dev.clusterplanner.adapters.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON document starts, by JSON pointer ("/sites/0/workloads/1/memoryGib"),
 * so that a rule broken by a value can name its line and column.
 */
final class JsonLocations {

    private final Map<String, JsonLocation> byPointer = new HashMap<>();

    static JsonLocations scan(JsonFactory factory, String text) throws IOException {
        JsonLocations locations = new JsonLocations();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                // a container's pointer is held by its parent context (its field name or index there)
                boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
                String pointer = container
                        ? p.getParsingContext().getParent().pathAsPointer().toString()
                        : p.getParsingContext().pathAsPointer().toString();
                locations.byPointer.putIfAbsent(pointer, p.currentTokenLocation());
            }
        }
        return locations;
    }

    /** The location of the value at {@code path} ("sites/0/name"), or of its nearest enclosing value. */
    JsonLocation find(String path) {
        String pointer = path.isEmpty() ? "" : "/" + path;
        while (true) {
            JsonLocation loc = byPointer.get(pointer);
            if (loc != null || pointer.isEmpty()) {
                return loc;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
    }
}
