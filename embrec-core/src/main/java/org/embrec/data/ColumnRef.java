package org.embrec.data;

import java.util.List;

/**
 * One column of a delimited file, chosen by header name (exact, else case-insensitive) or by
 * 1-based position ({@code 1} is the first column, as in {@code cut} and {@code awk}).
 * Immutable.
 */
public record ColumnRef(String name, int position) {
    /** Parses {@code NAME} or a 1-based {@code NUMBER}; {@code flag} and {@code key} name it in errors. */
    static ColumnRef parse(String text, String flag, String key) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new org.embrec.EmbrecException(flag + ": " + key + "= needs a column name or number");
        }
        if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int p;
            try {
                p = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                p = 0;
            }
            if (p < 1) {
                throw new org.embrec.EmbrecException(flag + ": " + key + "=" + t
                        + ": column numbers start at 1 (the first column)");
            }
            return new ColumnRef(null, p);
        }
        return new ColumnRef(t, 0);
    }

    public boolean byName() {
        return name != null;
    }

    /**
     * The 0-based index of this column: its position, or where the header names it (-1 when
     * the header does not).
     */
    int indexIn(List<String> header) {
        if (!byName()) {
            return position - 1;
        }
        int i = header.indexOf(name);
        if (i < 0) {
            for (int k = 0; k < header.size(); k++) {
                if (header.get(k).equalsIgnoreCase(name)) {
                    return k;
                }
            }
        }
        return i;
    }

    @Override
    public String toString() {
        return byName() ? name : Integer.toString(position);
    }
}
