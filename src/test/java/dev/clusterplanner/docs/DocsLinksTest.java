package dev.clusterplanner.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every relative link of README.md and docs/**.md leads to a file (and, with #anchor, to a heading) that exists. */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : MarkdownPages.all()) {
            List<String> lines = MarkdownPages.lines(page);
            boolean[] code = MarkdownPages.codeLines(lines);
            for (int i = 0; i < lines.size(); i++) {
                if (code[i]) {
                    continue;
                }
                Matcher m = LINK.matcher(INLINE_CODE.matcher(lines.get(i)).replaceAll(""));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // https:, mailto: and the like
                    }
                    checked++;
                    String problem = problem(page, target);
                    if (problem != null) {
                        broken.add(MarkdownPages.name(page) + ":" + (i + 1) + ": " + target + ": " + problem);
                    }
                }
            }
        }
        assertTrue(checked > 50, "expected the docs to link their pages, found " + checked + " links");
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported() {
        Path readme = MarkdownPages.ROOT.resolve("README.md");
        assertEquals("no such file", problem(readme, "docs/user/no-such-page.md"));
        assertEquals("no heading for #no-such-heading",
                problem(readme, "docs/user/sizing.md#no-such-heading"));
        assertEquals(null, problem(readme, "docs/user/sizing.md#capacity-model-per-host"));
        assertEquals(null, problem(readme, "#command-line"));
    }

    @Test
    void headingAnchorsFollowGitHubsRules() {
        assertEquals(Set.of("placement-failures-and-the-lower-bound", "csv-export-plan----csv-file-or-dir",
                        "the-guides-claims", "the-guides-claims-1"),
                anchors(List.of("## Placement, failures and the lower bound",
                        "## CSV export (`plan ... --csv FILE-or-DIR`)", "# The guide's claims", "## The guide's claims")));
    }

    /** Null when the link resolves, else why not. */
    static String problem(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(MarkdownPages.ROOT)) {
            return "outside the project";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !anchors(MarkdownPages.lines(resolved)).contains(anchor)) {
            return "no heading for #" + anchor;
        }
        return null;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean[] code = MarkdownPages.codeLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (code[i] || !line.matches("^#{1,6}\\s.*")) {
                continue;
            }
            String slug = line.replaceFirst("^#+\\s+", "").strip().toLowerCase()
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }
}
