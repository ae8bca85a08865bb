package dev.clusterplanner.adapters.incus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
import dev.clusterplanner.adapters.ceph.CephDocument;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.adapters.files.InputFiles;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.validation.CephStorageMapping;
import dev.clusterplanner.core.validation.Comparison;
import dev.clusterplanner.core.validation.LiveValidation;
import dev.clusterplanner.core.validation.MemberComparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The Ceph part of a saved probe: the plan site it was checked against ("" for Ceph's defaults), the cluster as read
     * (null when Ceph could not be read), the figures with their formulas and the Ceph findings.
     */
    public record CephPart(String site, CephCluster cluster, List<Explanation> figures, List<Finding> findings) {
        public CephPart {
            figures = List.copyOf(figures);
            findings = List.copyOf(findings);
        }
    }

    /**
     * The saved probe as written (schema src/main/resources/schemas/snapshot.schema.json): the snapshot itself is the core
     * record, written field for field; {@code validation}, {@code ceph} and {@code cephStorage} are left out when absent.
     */
    @JsonPropertyOrder({"format", "takenAt", "snapshot", "validation", "findings", "ceph", "cephStorage", "watch"})
    record SavedProbeDoc(int format, String takenAt, LiveSnapshot snapshot, @JsonInclude(JsonInclude.Include.NON_NULL) ValidationDoc validation,
                         List<FindingJson> findings, @JsonInclude(JsonInclude.Include.NON_NULL) CephDoc ceph,
                         @JsonInclude(JsonInclude.Include.NON_NULL) CephStorageDoc cephStorage,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Object watch) {
    }

    /** The check against the plan; its findings are the document's top-level {@code findings}. */
    record ValidationDoc(String site, List<MemberComparison> members, List<Comparison> totals, List<Comparison> allocation,
                         List<Explanation> figures, Integer hostsNeeded) {
    }

    /** {@code cluster} as {@link CephDocument} writes it (and reads it back); figures' NaN and infinity as null. */
    record CephDoc(String site, boolean read, Map<String, Object> cluster, List<FigureJson> figures, List<FindingJson> findings) {
    }

    record FigureJson(String figure, Double value, String unit, String formula, String citation) {
    }

    record CephStorageDoc(List<CephStorageMapping.MappedPool> pools, List<CephStorageMapping.HostMatch> hosts, List<String> membersWithoutOsds) {
    }

    record FindingJson(String severity, String rule, String text, String citation) {
    }

    public static String toJson(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings) {
        return toJson(snapshot, validation, findings, null, null);
    }

    /** The probe as JSON, with its Ceph part and the Incus pools on Ceph when Ceph was asked for (else null). */
    public static String toJson(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings, CephPart ceph,
                                CephStorageMapping cephStorage) {
        return toJson(snapshot, validation, findings, ceph, cephStorage, null);
    }

    /**
     * The same with the watch of {@code probe --watch} as its {@code "watch"} part (null: none), written as Jackson
     * writes it (records, maps and lists).
     */
    public static String toJson(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings, CephPart ceph,
                                CephStorageMapping cephStorage, Object watch) {
        try {
            return MAPPER.writeValueAsString(document(snapshot, validation, findings, ceph, cephStorage, watch)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a snapshot is always serialisable", e);
        }
    }

    static SavedProbeDoc document(LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings, CephPart ceph,
                                  CephStorageMapping cephStorage, Object watch) {
        ValidationDoc v = validation == null ? null : new ValidationDoc(validation.site(), validation.members(), validation.totals(),
                validation.allocation(), validation.figures(), validation.hostsNeeded());
        CephDoc c = ceph == null ? null : new CephDoc(ceph.site(), ceph.cluster() != null,
                ceph.cluster() == null ? null : CephDocument.toMap(ceph.cluster()),
                ceph.figures().stream().map(e -> new FigureJson(e.figure(), Double.isFinite(e.value()) ? e.value() : null, e.unit(),
                        e.formula(), e.citation())).toList(),
                findings(ceph.findings()));
        CephStorageDoc s = cephStorage == null ? null
                : new CephStorageDoc(cephStorage.pools(), cephStorage.hosts(), cephStorage.membersWithoutOsds());
        return new SavedProbeDoc(FORMAT, snapshot.takenAt().toString(), snapshot, v, findings(findings), c, s, watch);
    }

    static List<FindingJson> findings(List<Finding> findings) {
        return findings.stream().map(f -> new FindingJson(f.severity().id(), f.rule(), f.text(), f.citation())).toList();
    }

    /** Writes atomically: a temporary file beside the target, then renamed over it. */
    public static void write(Path file, LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings) throws IOException {
        write(file, snapshot, validation, findings, null, null);
    }

    /** Writes atomically, with the Ceph parts (see {@link #toJson(LiveSnapshot, LiveValidation, List, CephPart, CephStorageMapping)}). */
    public static void write(Path file, LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings, CephPart ceph,
                             CephStorageMapping cephStorage) throws IOException {
        write(file, snapshot, validation, findings, ceph, cephStorage, null);
    }

    /** Writes atomically, with the watch part (see {@link #toJson(LiveSnapshot, LiveValidation, List, CephPart, CephStorageMapping, Object)}). */
    public static void write(Path file, LiveSnapshot snapshot, LiveValidation validation, List<Finding> findings, CephPart ceph,
                             CephStorageMapping cephStorage, Object watch) throws IOException {
        AtomicFile.writeString(file, toJson(snapshot, validation, findings, ceph, cephStorage, watch));
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
            root = MAPPER.readTree(InputFiles.readUtf8(file, Limits.MAX_JSON_FILE_BYTES, "saved probe (probe --json)"));
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
