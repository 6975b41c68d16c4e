package org.embrec;

import java.util.List;

/**
 * Text from a file (a header, a field, a key) made safe to quote in a one-line message: control
 * characters (C0 with NUL and ESC, DEL, C1), line and paragraph separators, bidirectional
 * overrides and unpaired surrogates are shown as escapes (backslash n, t or r, else backslash u
 * and four hex digits), so nothing from a file can move the cursor, recolour or retitle the
 * terminal, or break the line; long text is cut with {@code ...}. Every message that quotes file
 * content goes through here. Stateless and thread-safe.
 */
public final class Printable {
    /** Characters of content shown before a value is cut. */
    public static final int MAX_CHARS = 60;
    /** Names shown of a list (a header) before it is cut. */
    public static final int MAX_NAMES = 20;

    private Printable() {}

    /** {@code text} escaped and cut to {@link #MAX_CHARS} characters. */
    public static String of(String text) {
        return of(text, MAX_CHARS);
    }

    /** {@code text} escaped and cut to {@code max} characters of content (then {@code ...}). */
    public static String of(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        int n = text.length();
        int shown = Math.min(n, max);
        if (shown < n && shown > 0 && Character.isHighSurrogate(text.charAt(shown - 1))) {
            shown--; // do not cut a pair in two
        }
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            String esc = escape(text, i, c);
            if (esc != null && sb == null) {
                sb = new StringBuilder(shown + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        String out = sb == null ? text.substring(0, shown) : sb.toString();
        return shown < n ? out + "..." : out;
    }

    /**
     * Names (such as a header's columns) escaped and joined with {@code ", "}: the first
     * {@link #MAX_NAMES}, then {@code ... (N columns)} when there are more.
     */
    public static String list(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(names.size(), MAX_NAMES);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(of(names.get(i)));
        }
        if (shown < names.size()) {
            sb.append(", ... (").append(names.size()).append(" columns)");
        }
        return sb.toString();
    }

    /** The escape for {@code text.charAt(i) == c}, or null when it is shown as it is. */
    private static String escape(String text, int i, char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean unsafe = Character.isISOControl(c) // C0 (NUL, ESC, BEL ...), DEL and C1 (0x80-0x9f: CSI ...)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c == '\u061c' || c == '\u200e' || c == '\u200f' // bidi marks
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') // bidi embeddings, isolates
                || (Character.isHighSurrogate(c) && !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))))
                || (Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
        return unsafe ? String.format("\\u%04x", (int) c) : null;
    }
}
