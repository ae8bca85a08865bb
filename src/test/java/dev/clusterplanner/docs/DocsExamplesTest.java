package dev.clusterplanner.docs;

import dev.clusterplanner.cli.Cli;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command line of the docs' examples (a line in a code block starting with
 * {@code java -jar target/cluster-planner.jar}) runs in-process and ends with the documented exit code:
 * 0, or 3 when the line says {@code # exits 3}. A line marked {@code # needs a cluster} is not run; a line
 * with no arguments opens the window and is not run either. Files the examples write go to a temporary folder.
 */
class DocsExamplesTest {

    static final String PREFIX = "java -jar target/cluster-planner.jar";
    static final String NEEDS_CLUSTER = "needs a cluster";
    static final String EXITS_3 = "exits 3";
    /** Options whose value is a file the command writes; "-" (standard output) is left alone. */
    static final Set<String> OUTPUT_OPTIONS = Set.of("--json", "--csv", "--pdf", "--import-plan");

    record Example(String where, String command, String comment) {
        boolean needsCluster() {
            return comment.contains(NEEDS_CLUSTER);
        }

        int expectedExit() {
            return comment.contains(EXITS_3) ? Cli.FINDINGS : Cli.OK;
        }
    }

    @TempDir
    static Path out;

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRunsWithItsDocumentedExitCode() {
        List<Example> examples = examples();
        assertTrue(examples.stream().filter(e -> !e.needsCluster()).count() >= 10,
                "expected at least 10 runnable examples, found " + examples);
        return examples.stream()
                .filter(e -> !e.needsCluster() && !e.command().strip().equals(PREFIX))
                .map(e -> DynamicTest.dynamicTest(e.where() + ": " + e.command(), () -> {
                    List<String> args = redirectOutputs(words(e.command().substring(PREFIX.length())));
                    StringWriter stdout = new StringWriter();
                    StringWriter stderr = new StringWriter();
                    int code = Cli.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
                    assertEquals(e.expectedExit(), code, e.where() + ": " + e.command() + "\n" + stderr + stdout);
                }));
    }

    @Test
    void examplesAreFoundInFencedAndIndentedBlocksWithContinuationsAndMarkers() {
        List<Example> found = examples(List.of(
                "text java -jar target/cluster-planner.jar plan not-code.json",
                "",
                "    java -jar target/cluster-planner.jar plan a.json \\",
                "        --pdf b.pdf   # exits 3",
                "```",
                "java -jar target/cluster-planner.jar probe --remote prod   # needs a cluster",
                "```"), "page.md");
        assertEquals(2, found.size(), found.toString());
        assertEquals(PREFIX + " plan a.json --pdf b.pdf", found.get(0).command());
        assertEquals(3, found.get(0).expectedExit());
        assertEquals("page.md:3", found.get(0).where());
        assertTrue(found.get(1).needsCluster());
        assertFalse(found.get(0).needsCluster());
    }

    @Test
    void wordsAreSplitLikeAShellAndShellSyntaxIsRefused() {
        assertEquals(List.of("plan", "a b.json", "--json", "-"), words(" plan 'a b.json' --json -"));
        assertEquals(List.of("probe", "x\"y"), words("probe \"x\\\"y\""));
        assertThrows(IllegalArgumentException.class, () -> words("probe --json snapshots/$(date +%F).json"));
        assertThrows(IllegalArgumentException.class, () -> words("plan a.json > out.txt"));
    }

    @Test
    void outputFilesGoToTheTemporaryFolderButStandardOutputStays() {
        List<String> args = redirectOutputs(List.of("plan", "a.json", "--json", "-", "--pdf", "report.pdf"));
        assertEquals("-", args.get(3));
        assertEquals(out.resolve("report.pdf").toString(), args.get(5));
        assertEquals("a.json", args.get(1));
    }

    static List<Example> examples() {
        List<Example> all = new ArrayList<>();
        for (Path page : MarkdownPages.all()) {
            all.addAll(examples(MarkdownPages.lines(page), MarkdownPages.name(page)));
        }
        return all;
    }

    static List<Example> examples(List<String> lines, String page) {
        boolean[] code = MarkdownPages.codeLines(lines);
        List<Example> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!code[i] || !lines.get(i).strip().startsWith(PREFIX)) {
                continue;
            }
            int first = i;
            StringBuilder command = new StringBuilder();
            StringBuilder comment = new StringBuilder();
            while (true) {
                String line = lines.get(i).strip();
                int hash = line.indexOf(" #");
                if (hash >= 0) {
                    comment.append(line.substring(hash + 2)).append(' ');
                    line = line.substring(0, hash).strip();
                }
                boolean continues = line.endsWith("\\");
                command.append(continues ? line.substring(0, line.length() - 1).strip() : line);
                if (!continues || i + 1 >= lines.size()) {
                    break;
                }
                command.append(' ');
                i++;
            }
            found.add(new Example(page + ":" + (first + 1), command.toString().strip(), comment.toString()));
        }
        return found;
    }

    /** Splits a command line into words as a POSIX shell would for plain words and quotes; refuses other syntax. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' ) {
                int end = line.indexOf('\'', i + 1);
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                for (i++; line.charAt(i) != '"'; i++) {
                    char d = line.charAt(i);
                    if (d == '$' || d == '`') {
                        throw new IllegalArgumentException("shell expansion in an example: " + line);
                    }
                    if (d == '\\') {
                        i++;
                        d = line.charAt(i);
                    }
                    word.append(d);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if ("$`|&;<>()*?".indexOf(c) >= 0) {
                throw new IllegalArgumentException("shell syntax '" + c + "' in an example: mark it '# "
                        + NEEDS_CLUSTER + "' or write the command literally: " + line);
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    static List<String> redirectOutputs(List<String> args) {
        List<String> result = new ArrayList<>(args);
        for (int i = 0; i + 1 < result.size(); i++) {
            String value = result.get(i + 1);
            if (OUTPUT_OPTIONS.contains(result.get(i)) && !value.equals("-")) {
                result.set(i + 1, out.resolve(value.replace('/', '_')).toString());
            }
        }
        return result;
    }
}
