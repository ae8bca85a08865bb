package dev.clusterplanner.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of the user guide (Markdown) as blocks of readable text: headings, paragraphs joined into one line each,
 * list items, code, tables kept as lines. Links read "text (address)"; emphasis marks and back-ticks are dropped.
 */
public final class GuideText {

    /** What a block is, for its style. */
    public enum Kind { TITLE, HEADING, PARAGRAPH, ITEM, CODE }

    public record Block(Kind kind, String text) {
    }

    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\(([^)]+)\\)");

    private GuideText() {
    }

    public static List<Block> parse(String markdown) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        Kind paraKind = Kind.PARAGRAPH;
        StringBuilder code = null;
        boolean lastWasCode = false;
        for (String raw : markdown.replace("\r", "").split("\n", -1)) {
            String line = raw.stripTrailing();
            if (line.startsWith("```")) {
                flush(out, para, paraKind);
                if (code == null) {
                    code = new StringBuilder();
                } else {
                    out.add(new Block(Kind.CODE, code.toString().stripTrailing()));
                    code = null;
                }
                continue;
            }
            if (code != null) {
                code.append(line).append('\n');
                continue;
            }
            if (line.startsWith("    ") && para.isEmpty()) {
                // an indented code block (one block per run of indented lines)
                if (!out.isEmpty() && out.get(out.size() - 1).kind() == Kind.CODE && lastWasCode) {
                    Block last = out.remove(out.size() - 1);
                    out.add(new Block(Kind.CODE, last.text() + "\n" + line.substring(4)));
                } else {
                    out.add(new Block(Kind.CODE, line.substring(4)));
                }
                lastWasCode = true;
                continue;
            }
            lastWasCode = false;
            String t = line.trim();
            if (t.isEmpty()) {
                flush(out, para, paraKind);
                paraKind = Kind.PARAGRAPH;
                continue;
            }
            if (t.startsWith("#")) {
                flush(out, para, paraKind);
                int level = 0;
                while (level < t.length() && t.charAt(level) == '#') {
                    level++;
                }
                out.add(new Block(level == 1 ? Kind.TITLE : Kind.HEADING, inline(t.substring(level).trim())));
                paraKind = Kind.PARAGRAPH;
                continue;
            }
            if (t.startsWith("- ") || t.startsWith("* ") || t.matches("\\d+\\. .*")) {
                flush(out, para, paraKind);
                paraKind = Kind.ITEM;
                para.append(t.startsWith("- ") || t.startsWith("* ") ? "\u2022 " + t.substring(2) : t);
                continue;
            }
            if (t.startsWith("|")) {
                flush(out, para, paraKind);
                if (!t.matches("\\|[\\s:|-]+\\|?")) {
                    out.add(new Block(Kind.CODE, inline(t)));
                }
                paraKind = Kind.PARAGRAPH;
                continue;
            }
            if (!para.isEmpty()) {
                para.append(' ');
            }
            para.append(t);
        }
        flush(out, para, paraKind);
        if (code != null) {
            out.add(new Block(Kind.CODE, code.toString().stripTrailing()));
        }
        return out;
    }

    private static void flush(List<Block> out, StringBuilder para, Kind kind) {
        if (!para.isEmpty()) {
            out.add(new Block(kind, inline(para.toString())));
            para.setLength(0);
        }
    }

    /** Links as "text (address)" (a link to another guide page as just its text), no emphasis marks or back-ticks. */
    static String inline(String s) {
        Matcher m = LINK.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String target = m.group(2);
            String text = target.endsWith(".md") || target.contains(".md#") || target.startsWith("#")
                    ? m.group(1) + " (see the guide page)" : m.group(1) + " (" + target + ")";
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString().replace("**", "").replace("`", "");
    }

    /** The page's title: its first heading, else the fallback. */
    public static String title(List<Block> blocks, String fallback) {
        return blocks.stream().filter(b -> b.kind() == Kind.TITLE).map(Block::text).findFirst().orElse(fallback);
    }
}
