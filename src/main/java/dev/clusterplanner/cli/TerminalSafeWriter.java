package dev.clusterplanner.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the command line prints passes through here: a control character from a file or a cluster (an ESC
 * sequence in a site or instance name would recolour or rewrite the user's terminal) is printed as
 * {@code \}{@code uXXXX} instead. Line breaks and tabs pass. Inside JSON text the replacement is the same
 * character's JSON escape, so JSON printed to standard output keeps its meaning. When the help is coloured (a
 * terminal, no {@code NO_COLOR}), colour sequences ({@code ESC [ n ; n m}, which only set colours) pass; every other
 * escape sequence (clearing the screen, moving the cursor, setting the window title) is still shown escaped.
 */
final class TerminalSafeWriter extends FilterWriter {

    private static final boolean CR_IN_LINE_END = System.lineSeparator().contains("\r");

    private final boolean colours;

    TerminalSafeWriter(Writer out) {
        this(out, false);
    }

    TerminalSafeWriter(Writer out, boolean colours) {
        super(out);
        this.colours = colours;
    }

    /** Length of a colour sequence (ESC [ digits/semicolons m) starting at {@code i}, or 0. */
    private int colourSequence(char[] b, int i, int end) {
        if (!colours || b[i] != '\u001b' || i + 2 >= end || b[i + 1] != '[') {
            return 0;
        }
        for (int j = i + 2; j < end && j < i + 24; j++) {
            char c = b[j];
            if (c == 'm') {
                return j - i + 1;
            }
            if (!(c >= '0' && c <= '9') && c != ';') {
                return 0;
            }
        }
        return 0;
    }

    static boolean unsafe(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        if (c == '\r') {
            return !CR_IN_LINE_END;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    @Override
    public void write(int c) throws IOException {
        if (unsafe((char) c)) {
            out.write(String.format("\\u%04X", c & 0xffff));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            int colour = colourSequence(cbuf, i, end);
            if (colour > 0) {
                i += colour - 1;
                continue;
            }
            if (unsafe(cbuf[i])) {
                out.write(cbuf, start, i - start);
                out.write(String.format("\\u%04X", (int) cbuf[i]));
                start = i + 1;
            }
        }
        out.write(cbuf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.toCharArray(), off, len);
    }
}
