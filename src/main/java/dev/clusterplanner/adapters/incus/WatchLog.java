package dev.clusterplanner.adapters.incus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.usage.UsageSample;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A watch kept on disk as it runs, one JSON document per line, so hours or days of samples survive a crash or a lost
 * connection: line 1 is the header ({@code "type": "watch"}: source, start, planned duration and interval, the snapshot
 * read at the start), then one {@code "type": "sample"} line per sampling round, written and forced to disk as it
 * comes, and a {@code "type": "resumed"} line where a watch was continued. A line cut short by a crash (the last one,
 * or the one before a resume) is left out when the file is read back, and said so.
 */
public final class WatchLog implements AutoCloseable {

    public static final int FORMAT = 1;
    private static final ObjectMapper LINE = SnapshotJson.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    /** What the header says about the watch. */
    public record Header(String source, Instant startedAt, Duration duration, Duration interval, LiveSnapshot snapshot) {
        public Instant plannedEnd() {
            return startedAt.plus(duration);
        }
    }

    /**
     * A watch read back.
     *
     * @param resumedAt when it was continued (one entry per resume)
     * @param notes     what was left out while reading (a cut last line)
     */
    public record Saved(Path file, Header header, List<UsageSample> samples, List<Instant> resumedAt, List<String> notes) {
    }

    private final Path file;
    private final FileChannel channel;

    private WatchLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    public Path file() {
        return file;
    }

    /** Starts a new log; refuses to overwrite an existing file (a watch is never lost to the next one). */
    public static WatchLog create(Path file, Header header) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        if (Files.exists(abs)) {
            throw new IOException(file + " already exists: choose another samples file, or continue that watch with --resume " + file);
        }
        WatchLog log = new WatchLog(file, FileChannel.open(abs, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        ObjectNode h = LINE.createObjectNode();
        h.put("type", "watch");
        h.put("format", FORMAT);
        h.put("source", header.source());
        h.put("startedAt", header.startedAt().toString());
        h.put("durationSeconds", header.duration().toSeconds());
        h.put("intervalSeconds", header.interval().toSeconds());
        h.set("snapshot", LINE.valueToTree(header.snapshot()));
        log.line(h);
        return log;
    }

    /** Opens an existing log to append to it, marking where the watch resumed. */
    public static WatchLog append(Path file, Instant resumedAt) throws IOException {
        boolean cut = false;
        try (FileChannel in = FileChannel.open(file.toAbsolutePath(), StandardOpenOption.READ)) {
            long size = in.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                in.read(last, size - 1);
                cut = last.get(0) != '\n';
            }
        }
        WatchLog log = new WatchLog(file, FileChannel.open(file.toAbsolutePath(), StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        if (cut) {
            log.channel.write(ByteBuffer.wrap(new byte[]{'\n'})); // a line cut short by a crash stays on its own line
        }
        ObjectNode r = LINE.createObjectNode();
        r.put("type", "resumed");
        r.put("at", resumedAt.toString());
        log.line(r);
        return log;
    }

    /** Appends one sample and forces it to disk. */
    public void add(UsageSample sample) throws IOException {
        ObjectNode s = LINE.valueToTree(sample);
        ObjectNode line = LINE.createObjectNode();
        line.put("type", "sample");
        line.setAll(s);
        line(line);
    }

    private void line(JsonNode node) throws IOException {
        byte[] bytes = (LINE.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads a log back; a line that is not JSON is refused with its line number, except a cut-short last line. */
    public static Saved read(Path file) throws IOException, InputRejectedException {
        String name = file.toString();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            while ((l = r.readLine()) != null) {
                lines.add(l);
            }
        }
        if (lines.isEmpty()) {
            throw new InputRejectedException(new InputProblem(name, 1, 1, "", "empty: not a watch samples file"));
        }
        Header header = null;
        List<UsageSample> samples = new ArrayList<>();
        List<Instant> resumed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String text = lines.get(n);
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = LINE.readTree(text);
            } catch (IOException e) {
                if (n > 0 && (n == lines.size() - 1 || lines.get(n + 1).startsWith("{\"type\":\"resumed\""))) {
                    notes.add("line " + (n + 1) + " was cut short (the watch stopped while writing it) and is left out");
                    continue;
                }
                throw new InputRejectedException(new InputProblem(name, n + 1, 1, "", "not a JSON line: " + firstLine(e.getMessage())));
            }
            String type = node.path("type").asText("");
            try {
                if (n == 0) {
                    if (!"watch".equals(type) || node.path("format").asInt(-1) != FORMAT) {
                        throw new InputRejectedException(new InputProblem(name, 1, 1, "type",
                                "not a watch samples file of format " + FORMAT + " (its first line must be {\"type\": \"watch\", \"format\": 1, ...})"));
                    }
                    header = new Header(node.path("source").asText(""), Instant.parse(node.path("startedAt").asText()),
                            Duration.ofSeconds(node.path("durationSeconds").asLong()), Duration.ofSeconds(node.path("intervalSeconds").asLong()),
                            LINE.treeToValue(node.path("snapshot"), LiveSnapshot.class));
                } else if ("sample".equals(type)) {
                    ObjectNode copy = ((ObjectNode) node).deepCopy();
                    copy.remove("type");
                    samples.add(LINE.treeToValue(copy, UsageSample.class));
                } else if ("resumed".equals(type)) {
                    resumed.add(Instant.parse(node.path("at").asText()));
                } else {
                    throw new InputRejectedException(new InputProblem(name, n + 1, 1, "type", "'" + type + "' is not sample or resumed"));
                }
            } catch (IOException | RuntimeException e) {
                throw new InputRejectedException(new InputProblem(name, n + 1, 1, "", "cannot be read: " + firstLine(e.getMessage())));
            }
        }
        if (header.interval().isZero() || header.interval().isNegative()) {
            throw new InputRejectedException(new InputProblem(name, 1, 1, "intervalSeconds", "must be at least 1"));
        }
        return new Saved(file, header, samples, resumed, notes);
    }

    /**
     * The watch inside a probe saved with {@code probe --watch --json} (its {@code "watch"} part: planned duration and
     * interval, headroom, the samples), or empty when the probe has no watch.
     *
     * @return the watch as if read from its samples file, and the headroom it was summarised with
     */
    public static java.util.Optional<SavedInProbe> fromSavedProbe(Path file) throws IOException, InputRejectedException {
        JsonNode root;
        try {
            root = LINE.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputRejectedException(new InputProblem(file.toString(), 0, 0, "", "not JSON: " + firstLine(e.getMessage())));
        }
        JsonNode w = root == null ? null : root.path("watch");
        if (w == null || !w.isObject()) {
            return java.util.Optional.empty();
        }
        try {
            LiveSnapshot snapshot = LINE.treeToValue(root.path("snapshot"), LiveSnapshot.class);
            List<UsageSample> samples = new ArrayList<>();
            for (JsonNode s : w.path("samples")) {
                samples.add(LINE.treeToValue(s, UsageSample.class));
            }
            Instant from = samples.isEmpty() ? snapshot.takenAt() : samples.get(0).at();
            Header h = new Header(snapshot.source(), from, Duration.ofSeconds(w.path("durationSeconds").asLong()),
                    Duration.ofSeconds(Math.max(1, w.path("intervalSeconds").asLong(1))), snapshot);
            List<String> notes = new ArrayList<>();
            w.path("notes").forEach(n -> notes.add(n.asText()));
            return java.util.Optional.of(new SavedInProbe(new Saved(file, h, samples, List.of(), notes), w.path("headroomPct").asDouble(20)));
        } catch (IOException | RuntimeException e) {
            throw new InputRejectedException(new InputProblem(file.toString(), 0, 0, "watch", "cannot be read: " + firstLine(e.getMessage())));
        }
    }

    /** A watch saved inside a probe JSON, with the headroom it was summarised with. */
    public record SavedInProbe(Saved saved, double headroomPct) {
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
