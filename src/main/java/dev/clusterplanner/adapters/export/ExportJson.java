package dev.clusterplanner.adapters.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * How the exports' JSON is written, in one place: typed records (the documents of {@link ResultJson} and
 * {@link CostJson}, whose shape src/main/resources/schemas publishes) serialised by Jackson with fields in record
 * order, two-space indents, a final newline, numbers rounded to at most 4 decimals and written plainly (3000, not
 * 3E+3), NaN and infinities as null. Also the two parts every document shares: a finding and a figure with its formula.
 */
public final class ExportJson {

    /** At most this many decimals in any number written. */
    static final int DECIMALS = 4;

    private static final JsonSerializer<Double> ROUNDED = new JsonSerializer<>() {
        @Override
        public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (v.isNaN() || v.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(rounded(v));
            }
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("export-numbers").addSerializer(Double.class, ROUNDED).addSerializer(Double.TYPE, ROUNDED))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ExportJson() {
    }

    /** 2.00004 -> 2, 0.123456 -> 0.1235 (half-even), 3000.0 -> 3000. */
    static BigDecimal rounded(double v) {
        BigDecimal d = new BigDecimal(v).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** The JSON text of a document: a record of {@link ResultJson}/{@link CostJson}, or maps and lists of plain values. */
    public static String toJson(Object document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write export JSON", e);
        }
    }

    /** Writes the document atomically (temporary file, then rename). */
    public static void write(Object document, Path file) throws IOException {
        AtomicFile.write(file, toJson(document).getBytes(StandardCharsets.UTF_8));
    }

    /** A finding: severity (info, warning, error), rule id, text, citation. */
    public record FindingDoc(String severity, String rule, String text, String citation) {
    }

    /** A figure with its value, unit, formula and citation. */
    public record ExplanationDoc(String figure, Double value, String unit, String formula, String citation) {
    }

    public static List<FindingDoc> findings(List<Finding> list) {
        return list.stream().map(f -> new FindingDoc(f.severity().id(), f.rule(), f.text(), f.citation())).toList();
    }

    public static List<ExplanationDoc> explanations(List<Explanation> list) {
        return list.stream().map(e -> new ExplanationDoc(e.figure(), e.value(), e.unit(), e.formula(), e.citation())).toList();
    }
}
