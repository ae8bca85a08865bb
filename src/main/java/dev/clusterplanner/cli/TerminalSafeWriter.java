package dev.clusterplanner.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the command line prints passes through here: a control character from a file or a cluster (an ESC
 * sequence in a site or instance name would recolour or rewrite the user's terminal) is printed as
 * {@code \}{@code uXXXX} instead. Line breaks and tabs pass. Inside JSON text the replacement is the same
 * character's JSON escape, so JSON printed to standard output keeps its meaning.
 */
final class TerminalSafeWriter extends FilterWriter {

    private static final boolean CR_IN_LINE_END = System.lineSeparator().contains("\r");

    TerminalSafeWriter(Writer out) {
        super(out);
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
