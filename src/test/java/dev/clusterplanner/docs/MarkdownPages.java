package dev.clusterplanner.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documentation site: README.md and every Markdown page under docs/, read from the project folder. */
final class MarkdownPages {

    static final Path ROOT = Path.of("").toAbsolutePath();

    private MarkdownPages() {
    }

    static List<Path> all() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static List<String> lines(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path page) {
        return ROOT.relativize(page).toString();
    }

    /**
     * For each line, whether it is code: inside a ``` fence (the fence lines included), or indented by four
     * spaces after a blank line or another code line (Markdown's indented code block).
     */
    static boolean[] codeLines(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        boolean fence = false;
        boolean previousBlankOrCode = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                code[i] = true;
                fence = !fence;
                previousBlankOrCode = true;
                continue;
            }
            if (fence) {
                code[i] = true;
                continue;
            }
            boolean indented = line.startsWith("    ") && !line.isBlank();
            code[i] = indented && previousBlankOrCode;
            previousBlankOrCode = line.isBlank() || code[i];
        }
        return code;
    }
}
