package dev.clusterplanner.core.model;

/**
 * What text from a file may hold: characters, line breaks and tabs. Refused: control characters (a terminal
 * would run an ESC sequence), text-direction overrides (they make a name read differently from what it is) and
 * lone UTF-16 surrogates (half a character: no file format can write it).
 */
public final class TextRules {

    private TextRules() {
    }

    /** A plain sentence about the first bad character, or null when the text is fine. */
    public static String problem(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "holds half a character (a lone UTF-16 surrogate " + hex(c) + " at character " + (i + 1) + ")";
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return "holds the control character " + hex(c) + " at character " + (i + 1);
            }
            if (bidiControl(c)) {
                return "holds the text-direction control " + hex(c) + " at character " + (i + 1);
            }
        }
        return null;
    }

    /** The text with control characters, direction controls and lone surrogates written as {@code \}{@code uXXXX}. */
    public static String printable(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1));
            boolean bad = !pair && (Character.isSurrogate(c) || (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t')
                    || bidiControl(c));
            if (bad && sb == null) {
                sb = new StringBuilder(v.length() + 16).append(v, 0, i);
            }
            if (sb != null) {
                if (bad) {
                    sb.append(hex(c));
                } else {
                    sb.append(c);
                    if (pair) {
                        sb.append(v.charAt(i + 1));
                    }
                }
            }
            if (pair) {
                i++;
            }
        }
        return sb == null ? v : sb.toString();
    }

    static boolean bidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
    }

    private static String hex(char c) {
        return String.format("\\u%04X", (int) c);
    }
}
