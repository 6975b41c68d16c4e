package org.embrec.data;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Guesses from the first lines of a file what cannot be known without reading it: whether
 * line 1 is a header (when columns are given by number) and how times are written. Stateless.
 */
final class Header {
    private Header() {}

    /**
     * The first non-blank line is a header when some used column is not a number (or date) there
     * but is one on the next non-blank line; with a single line, when its rating or time is not a
     * number. Columns that hold text on every line (string ids) say nothing.
     */
    static boolean looksLikeHeader(Sniff sniff, String delimiter, boolean quotes, ColumnSpec columns) {
        List<String> lines = sniff.lines();
        List<String> first = Sniff.split(lines.get(0), delimiter, quotes);
        List<String> second = lines.size() > 1 ? Sniff.split(lines.get(1), delimiter, quotes) : null;
        for (String role : ColumnSpec.INTERACTION_ROLES) {
            ColumnRef ref = columns.get(role);
            if (ref == null || ref.byName()) {
                continue;
            }
            int k = ref.position() - 1;
            String v1 = k < first.size() ? first.get(k) : "";
            if (numeric(v1)) {
                continue;
            }
            if (second == null ? (role.equals("rating") || role.equals("time"))
                    : k < second.size() && numeric(second.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** EPOCH or ISO, from the first data line whose time field is either; EPOCH when none is. */
    static InteractionSource.TimeKind timeKind(Sniff sniff, String delimiter, boolean quotes, int col, boolean header) {
        List<String> lines = sniff.lines();
        for (int i = header ? 1 : 0; i < lines.size(); i++) {
            List<String> fields = Sniff.split(lines.get(i), delimiter, quotes);
            if (col >= fields.size()) {
                continue;
            }
            byte[] b = fields.get(col).getBytes(StandardCharsets.UTF_8);
            if (FieldParsers.integer(b, 0, b.length) != FieldParsers.FAIL) {
                return InteractionSource.TimeKind.EPOCH;
            }
            if (FieldParsers.isoMillis(b, 0, b.length) != FieldParsers.FAIL) {
                return InteractionSource.TimeKind.ISO;
            }
        }
        return InteractionSource.TimeKind.EPOCH;
    }

    private static boolean numeric(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        return !Float.isNaN(FieldParsers.rating(b, 0, b.length)) || FieldParsers.isoMillis(b, 0, b.length) != FieldParsers.FAIL;
    }
}
