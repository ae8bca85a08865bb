package dev.clusterplanner.adapters.incus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterplanner.adapters.ceph.CephDocument;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.validation.LiveValidation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A probe saved as JSON (format 1): {@code takenAt} (UTC, ISO-8601), the {@code snapshot} as read, the
 * {@code validation} against the plan (when there was one) and the {@code findings}. The snapshot part
 * reads back, so probes can be compared over time. Holds no credentials: the snapshot has no field for them.
 */
public final class SnapshotJson {

    public static final int FORMAT = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("instant")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SnapshotJson() {
    }

    public static String toJson(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings) {
        return toJson(snapshot, validation, findings, Map.of());
    }

    /**
     * The probe as JSON, with more top-level parts after the findings (for example {@code "ceph"} and
     * {@code "cephStorage"}); each part is a map, list or record and is written as Jackson writes it.
     */
    public static String toJson(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings, Map<String, Object> parts) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("takenAt", snapshot.takenAt().toString());
        root.set("snapshot", MAPPER.valueToTree(snapshot));
        if (validation != null) {
            ObjectNode v = MAPPER.valueToTree(validation);
            v.remove("findings");
            root.set("validation", v);
        }
        root.set("findings", MAPPER.valueToTree(findings.stream().map(f -> new FindingJson(f.severity().id(), f.rule(), f.text(), f.citation())).toList()));
        parts.forEach((key, value) -> root.set(key, MAPPER.valueToTree(value)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a snapshot is always serialisable", e);
        }
    }

    record FindingJson(String severity, String rule, String text, String citation) {
    }

    /** Writes atomically: a temporary file beside the target, then renamed over it. */
    public static void write(Path file, LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings) throws IOException {
        write(file, snapshot, validation, findings, Map.of());
    }

    /** Writes atomically, with more top-level parts (see {@link #toJson(LiveSnapshot, LiveValidation, List, Map)}). */
    public static void write(Path file, LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings, Map<String, Object> parts)
            throws IOException {
        AtomicFile.writeString(file, toJson(snapshot, validation, findings, parts));
    }

    /** Reads the snapshot part of a saved probe. */
    public static LiveSnapshot read(Path file) throws IOException, InputRejectedException {
        return readProbe(file).snapshot();
    }

    /**
     * A saved probe read back: its snapshot, whether the probe asked for Ceph ({@code cephAsked}: the file has a
     * {@code "ceph"} part), the Ceph cluster (null when not asked for or not readable then) and the findings as saved.
     */
    public record SavedProbe(Path file, Instant takenAt, LiveSnapshot snapshot, boolean cephAsked, CephCluster ceph, List<Finding> findings) {
        public SavedProbe {
            findings = List.copyOf(findings);
        }
    }

    /** Reads a saved probe: the snapshot, the Ceph part when there is one, and the saved findings. */
    public static SavedProbe readProbe(Path file) throws IOException, InputRejectedException {
        String name = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputRejectedException(new InputProblem(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), "", "not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.path("format").asInt(-1) != FORMAT || !root.path("snapshot").isObject()) {
            throw new InputRejectedException(new InputProblem(name, 0, 0, "format", "not a saved probe of format " + FORMAT
                    + " (expected {\"format\": 1, \"snapshot\": {...}})"));
        }
        LiveSnapshot snapshot;
        try {
            snapshot = MAPPER.treeToValue(root.path("snapshot"), LiveSnapshot.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new InputRejectedException(new InputProblem(name, 0, 0, "snapshot", "cannot be read: " + e.getMessage()));
        }
        CephCluster ceph = null;
        JsonNode cephNode = root.path("ceph").path("cluster");
        if (cephNode.isObject()) {
            ceph = CephDocument.read(cephNode, name, "ceph.cluster");
        }
        List<Finding> findings = new ArrayList<>();
        int index = 0;
        for (JsonNode f : root.path("findings")) {
            Severity severity = null;
            for (Severity s : Severity.values()) {
                if (s.id().equals(f.path("severity").asText())) {
                    severity = s;
                }
            }
            if (severity == null) {
                throw new InputRejectedException(new InputProblem(name, 0, 0, "findings[" + index + "].severity",
                        "'" + f.path("severity").asText() + "' is not info, warning or error"));
            }
            findings.add(new Finding(severity, f.path("rule").asText(""), f.path("text").asText(""), f.path("citation").asText("")));
            index++;
        }
        Instant takenAt = snapshot.takenAt();
        return new SavedProbe(file, takenAt, snapshot, root.path("ceph").isObject(), ceph, findings);
    }
}
