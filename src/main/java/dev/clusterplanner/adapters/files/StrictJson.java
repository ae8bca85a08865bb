package dev.clusterplanner.adapters.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.TextRules;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON read strictly: exactly one value (a second document after it is refused), no field twice in one object,
 * nesting, number length and text length within {@link Limits}. Every refusal has a line, a column and a
 * plain sentence (never the parser library's own wording or the file's text).
 */
public final class StrictJson {

    /** Also used by {@code JsonLocations}-style scanners that must see the same limits. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_JSON_DEPTH)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS)
                    .maxStringLength(Limits.MAX_TEXT_CHARS * 4)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

    private StrictJson() {
    }

    /** The one JSON value of {@code text} (a leading byte-order mark skipped); {@code name} names the file in messages. */
    public static JsonNode parse(String text, String name) throws InputRejectedException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        JsonParser p = null;
        try {
            p = FACTORY.createParser(text);
            if (p.nextToken() == null) {
                throw new InputRejectedException(new InputProblem(name, 1, 1, "", "the file is empty; it should hold one JSON value"));
            }
            JsonNode root = MAPPER.readTree(p);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new InputRejectedException(new InputProblem(name, at.getLineNr(), at.getColumnNr(), "",
                        "a second JSON value starts here; a file holds exactly one"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            String field = "";
            if (p != null && p.getParsingContext() != null) {
                String pointer = p.getParsingContext().pathAsPointer().toString();
                field = pointer.startsWith("/") ? pointer.substring(1) : pointer;
            }
            throw new InputRejectedException(new InputProblem(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    TextRules.printable(field), describe(e)));
        } catch (IOException e) {
            throw new InputRejectedException(new InputProblem(name, 0, 0, "", "cannot be read as JSON (" + e.getClass().getSimpleName() + ")"));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading from a string: nothing to release
                }
            }
        }
    }

    /** The parser's complaint in plain words. */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return "objects and lists are nested deeper than " + Limits.MAX_JSON_DEPTH + " levels";
            }
            if (m.contains("Number value length") || m.contains("number value length")) {
                return "a number with more than " + Limits.MAX_NUMBER_CHARS + " characters";
            }
            if (m.contains("String value length") || m.contains("string value length")) {
                return "a text value longer than " + (Limits.MAX_TEXT_CHARS * 4) + " characters";
            }
            return "the JSON is larger than this program reads";
        }
        Matcher dup = DUPLICATE.matcher(m);
        if (dup.find()) {
            return "the field '" + dup.group(1) + "' appears twice in the same object";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "not valid JSON: the file ends before the JSON is complete (a closing '}', ']' or '\"' is missing)";
        }
        if (m.startsWith("Unexpected character")) {
            return "not valid JSON: unexpected character " + m.substring("Unexpected character".length()).replaceAll("\\s*\\n.*", "").strip();
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "not valid JSON: a control character inside text (write it as an escape such as \\n)";
        }
        if (m.contains("Unrecognized token")) {
            return "not valid JSON: " + m.replaceAll(":\\s*was expecting.*", "").replaceAll("\\s*\\n.*", "").strip();
        }
        if (m.contains("Leading zeroes") || m.contains("Invalid numeric value") || m.contains("Non-standard token")) {
            return "not valid JSON: a number is written in a form JSON does not allow";
        }
        return "not valid JSON: " + m.replaceAll("\\s*\\n.*", "").strip();
    }
}
