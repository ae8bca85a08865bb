package dev.clusterplanner.cli;

import dev.clusterplanner.app.ExamplePlans;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing a user reads names the development notes, a build-machine path or "the seed": every example plan is run
 * through the CLI text, JSON, CSV and PDF outputs and every shipped catalog file and example plan is read, and each
 * is searched for those words. A random seed ("seed 1", the {@code seed} JSON key of a simulation) is the only
 * "seed" allowed.
 */
class NoDevelopmentWordingTest {

    static final Path BASE = Path.of(System.getProperty("project.basedir", "."));

    /** "seed" as a word, unless it is a random seed followed by its number. */
    static final Pattern SEED = Pattern.compile("(?i)\\bseeds?\\b(?!\\s*[:=]?\\s*\\d)(?!\"\\s*:\\s*\\d)");
    static final Pattern OTHER = Pattern.compile("(?i)reference-data|/work/|shared/notes|README:");

    static List<String> leaks(String where, String text) {
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(SEED, OTHER)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 60);
                int to = Math.min(text.length(), m.end() + 60);
                out.add(where + ": ..." + text.substring(from, to).replace('\n', ' ') + "...");
            }
        }
        return out;
    }

    @Test
    void thePatternFindsTheWordingItIsMeantToFindAndSparesARandomSeed() {
        assertEquals(1, leaks("t", "The seed's claims checked").size());
        assertEquals(1, leaks("t", "model not given by the Seed").size());
        assertEquals(1, leaks("t", "as gathered in reference-data.md").size());
        assertEquals(1, leaks("t", "from /work/shared/x").size(), "one hit for the path (the notes folder is inside it)");
        assertEquals(0, leaks("t", "200 of 200 (seed 1), \"seed\": 7, seed=3").size());
    }

    @Test
    void noExamplePlanOutputMentionsTheSeedTheNotesOrABuildPath(@TempDir Path dir) throws Exception {
        List<String> found = new ArrayList<>();
        for (String name : ExamplePlans.NAMES) {
            Path plan = BASE.resolve("catalogs/examples").resolve(name);
            Path out = dir.resolve(name.replace(".plan.json", ""));
            Files.createDirectories(out);
            Path json = out.resolve("result.json");
            Path pdf = out.resolve("report.pdf");
            Path csv = out.resolve("csv");
            Files.createDirectories(csv);
            StringWriter text = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(new String[]{"plan", plan.toString(), "--json", json.toString(), "--csv", csv.toString(),
                    "--pdf", pdf.toString()}, new PrintWriter(text), new PrintWriter(err));
            assertTrue(code == Cli.OK || code == Cli.FINDINGS, name + ": " + err);
            found.addAll(leaks(name + " CLI text", text.toString()));
            found.addAll(leaks(name + " JSON", Files.readString(json)));
            try (Stream<Path> files = Files.list(csv)) {
                for (Path f : files.toList()) {
                    found.addAll(leaks(name + " " + f.getFileName(), Files.readString(f)));
                }
            }
            try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
                found.addAll(leaks(name + " PDF", new PDFTextStripper().getText(d)));
            }
            assertTrue(Files.size(json) > 1000 && Files.size(pdf) > 1000, name + ": outputs were written");
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** In prose a random seed is common ("the same seed gives ..."): the docs are held to the phrases that name the guide so. */
    static final Pattern DOCS = Pattern.compile("(?i)\\bthe seed\\b|\\bseed's|reference-data|/work/|shared/notes");

    @Test
    void theReadmeAndTheDocsDoNotMentionThem() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(BASE.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(BASE.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).forEach(files::add);
        }
        for (Path f : files) {
            Matcher m = DOCS.matcher(Files.readString(f));
            while (m.find()) {
                found.add(BASE.relativize(f) + ": " + m.group());
            }
        }
        assertTrue(files.size() > 10, "the docs were read: " + files.size());
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void catalogListAndTheShippedFilesDoNotMentionThem() throws IOException {
        List<String> found = new ArrayList<>();
        StringWriter text = new StringWriter();
        Cli.run(new String[]{"catalog", "list"}, new PrintWriter(text), new PrintWriter(new StringWriter()));
        found.addAll(leaks("catalog list", text.toString()));
        try (Stream<Path> files = Files.walk(BASE.resolve("catalogs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                found.addAll(leaks(BASE.relativize(f).toString(), Files.readString(f)));
            }
        }
        assertTrue(text.toString().contains("desktop-meerkat-tall-i5"), "the listing ran");
        assertTrue(found.isEmpty(), String.join("\n", found));
    }
}
