package dev.clusterplanner.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.clusterplanner.hostile.Hostile.WORKLOADS_HEADER;
import static dev.clusterplanner.hostile.Hostile.cli;
import static dev.clusterplanner.hostile.Hostile.write;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile suite extended by generation: every value of the example plan replaced by each hostile value, and
 * every column of a workloads spreadsheet filled with each hostile text. Each case is accepted (and then planned
 * without a crash) or refused naming the file, its line and the field; never a stack trace or another exit code.
 * All failures of a run are collected and reported together.
 */
class HostileGeneratedTest {

    @TempDir
    Path dir;

    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Map<String, JsonNode> hostileValues() {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        v.put("null", F.nullNode());
        v.put("text", F.textNode("x"));
        v.put("empty text", F.textNode(""));
        v.put("-1", F.numberNode(-1));
        v.put("0", F.numberNode(0));
        v.put("1.5", F.numberNode(1.5));
        v.put("1e308", F.numberNode(1e308));
        v.put("1e-308", F.numberNode(1e-308));
        v.put("2^31", F.numberNode(2147483648L));
        v.put("true", F.booleanNode(true));
        v.put("list", F.arrayNode().add(1));
        v.put("object", F.objectNode().put("a", 1));
        v.put("ESC", F.textNode("a\u001b[2Jb"));
        v.put("300 characters", F.textNode("a".repeat(300)));
        return v;
    }

    /** JSON pointers of every leaf value, in document order. */
    static void leaves(JsonNode n, String path, List<String> out) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(f -> leaves(n.get(f), path + "/" + f, out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                leaves(n.get(i), path + "/" + i, out);
            }
        } else {
            out.add(path);
        }
    }

    static void set(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    @Test
    void everyPlanValueReplacedByEveryHostileValueIsAcceptedOrRefusedWithFileLineAndField() throws Exception {
        JsonNode example = MAPPER.readTree(Hostile.plan());
        List<String> pointers = new ArrayList<>();
        leaves(example, "", pointers);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        int planned = 0;
        Pattern located = Pattern.compile("p\\.plan\\.json:\\d+:\\d+: ");
        for (String pointer : pointers) {
            for (Map.Entry<String, JsonNode> v : hostileValues().entrySet()) {
                JsonNode copy = example.deepCopy();
                set(copy, pointer, v.getValue());
                Path file = write(dir, "p.plan.json", MAPPER.writeValueAsString(copy));
                Hostile.Run r = cli("check", file.toString());
                cases++;
                String what = pointer + " = " + v.getKey();
                try {
                    Hostile.clean(r);
                } catch (AssertionError e) {
                    failures.add(what + ": " + e.getMessage());
                    continue;
                }
                if (r.code() == 1) {
                    if (!located.matcher(r.err()).find() || !r.err().contains(pointer.substring(1).split("/")[0])) {
                        failures.add(what + ": refused without file, line and field:\n" + r.err());
                    }
                } else if (r.code() == 0) {
                    if (planned++ < 25) { // plan a sample of what check accepts: no crash there either
                        Hostile.Run p = cli("plan", file.toString());
                        boolean refusedWell = p.code() == 1 && located.matcher(p.err()).find(); // e.g. a hardware id not in the catalog
                        if (p.code() != 0 && p.code() != 3 && !refusedWell || p.all().contains("Exception") || p.all().contains("\tat ")) {
                            failures.add(what + ": accepted by check, then plan said (" + p.code() + "):\n" + p.err());
                        }
                    }
                } else {
                    failures.add(what + ": exit " + r.code() + "\n" + r.all());
                }
            }
        }
        assertTrue(cases > 500, "only " + cases + " cases");
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases failed:\n" + String.join("\n", failures));
    }

    @Test
    void everyWorkloadColumnFilledWithEveryHostileTextIsAcceptedOrRefusedWithFileLineAndColumn() throws Exception {
        String[] columns = (WORKLOADS_HEADER.strip() + ",gpu,anti_affinity,iops,write_mbps,net_mbps,cpu_util,growth_pct_year,site,notes").split(",");
        String[] good = {"web", "container", "2", "1", "2", "10", "default", "0", "false", "100", "1", "1", "0.3", "5", "s1", "n"};
        String[] hostile = {"", "-1", "1e308", "NaN", "Infinity", "=1+1", "x\"y", "\"unclosed", "x\u0000y", "\uff11", "0x10", "1,000", " 1 ",
                "a\u001b[2Jb", "9".repeat(50), "\ud83d\ude00"};
        List<String> failures = new ArrayList<>();
        int cases = 0;
        Pattern located = Pattern.compile("w\\.csv:2(:\\d+)?: ");
        for (int c = 0; c < columns.length; c++) {
            for (String h : hostile) {
                String[] row = good.clone();
                row[c] = h.contains(",") && !h.startsWith("\"") ? "\"" + h + "\"" : h;
                Path file = write(dir, "w.csv", String.join(",", columns) + "\n" + String.join(",", row) + "\n");
                Hostile.Run r = cli("catalog", "check", file.toString());
                cases++;
                String what = columns[c] + " = " + h.replace("\u0000", "\\0").replace("\u001b", "\\e");
                try {
                    Hostile.clean(r);
                } catch (AssertionError e) {
                    failures.add(what + ": " + e.getMessage());
                    continue;
                }
                if (r.code() == 1 && !located.matcher(r.all()).find()) {
                    failures.add(what + ": refused without file and line:\n" + r.all());
                } else if (r.code() != 0 && r.code() != 1) {
                    failures.add(what + ": exit " + r.code() + "\n" + r.all());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases failed:\n" + String.join("\n", failures));
    }
}
