package org.embrec.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.embrec.Printable;

/**
 * Parses the rows of one chunk of an interaction file straight from bytes into the shared
 * column arrays, at {@code [base, base + rows)}: user and item as chunk-local ids
 * ({@link LocalIds}), the rating as a float, the time as a raw epoch number or ISO epoch ms.
 * Fields may be quoted ({@code "a,b"}, {@code ""} for a quote) but a field never spans lines.
 * Lines of only whitespace are blank and skipped. In a UTF-8 file the ids must be valid UTF-8;
 * ratings must be finite and within {@link FieldParsers#MAX_RATING}.
 *
 * <p>A row is checked completely before its ids are registered, so a skipped bad row leaves no
 * trace. One instance per chunk; not thread-safe. Hot loop: no allocation per row.
 */
final class ChunkParser {
    private final InteractionSource src;
    private final byte d0;
    private final byte d1;
    private final int dlen;
    private final int need;
    private final boolean stopAtFirstBad;
    /** Ids must be valid UTF-8 (every byte sequence is valid ISO-8859-1). */
    private final boolean utf8;
    private final int[] fs;
    private final int[] fe;
    private final boolean[] quoted;
    /**
     * Byte classes for the scan loop: 0 for ordinary bytes, 1 for newline, quote, delimiter start
     * and, in a UTF-8 file, bytes >= 0x80: so a line of ASCII ids costs nothing to check.
     */
    private final byte[] cls = new byte[256];
    private byte[] unquoteScratch = new byte[64];

    final LocalIds userIds = new LocalIds();
    final LocalIds itemIds = new LocalIds();
    final BadRows bad = new BadRows();
    /** Rows written so far. */
    int rows;
    /** Largest |raw epoch| seen (decides seconds vs milliseconds for the whole file). */
    long maxAbsEpoch;

    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    /** Per-row weight (weight column times event weight), or null when the file has neither. */
    private final float[] weights;
    private final long[] times;
    /** Scratch for a time in parts: year, month, day, hour, minute, second. */
    private final long[] partValues = new long[6];
    private final int base;
    private long line;
    private int skipLines;

    ChunkParser(InteractionSource src, boolean stopAtFirstBad, int[] users, int[] items, float[] ratings, float[] weights,
            long[] times,
            int base, long firstLine, int skipLines) {
        this.src = src;
        this.d0 = src.delimiter()[0];
        this.d1 = src.delimiter().length > 1 ? src.delimiter()[1] : 0;
        this.dlen = src.delimiter().length;
        if (dlen > 2) {
            throw new IllegalArgumentException("delimiters longer than two bytes are not supported");
        }
        this.need = src.fieldsNeeded();
        this.stopAtFirstBad = stopAtFirstBad;
        this.utf8 = src.encoding().equals(StandardCharsets.UTF_8);
        cls['\n'] = 1;
        if (src.quotes()) {
            cls['"'] = 1;
        }
        cls[d0 & 0xFF] = 1;
        if (utf8) {
            Arrays.fill(cls, 0x80, 0x100, (byte) 1);
        }
        this.fs = new int[need];
        this.fe = new int[need];
        this.quoted = new boolean[need];
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.weights = weights;
        if (src.eventWeights() != null) {
            src.eventWeights().encode(src.encoding());
        }
        this.times = times;
        this.base = base;
        this.line = firstLine;
        this.skipLines = skipLines;
    }

    /**
     * Reads {@code [from, to)} of the file through {@code buf} (grown when a line does not fit)
     * and parses every line. Returns the buffer in use. Stops early after the first bad row
     * when bad rows are not skipped.
     */
    byte[] parse(FileChannel ch, long from, long to, byte[] buf, BooleanSupplier cancelled) throws IOException {
        if (buf.length < 16) {
            buf = new byte[16];
        }
        long pos = from;
        int have = 0;
        int p = 0;
        while (true) {
            // The buffer holds bytes [0, have) followed by a '\n' sentinel, so the scan loop in
            // line() needs no bounds check per byte.
            if (pos < to && have < buf.length - 1) {
                int n = FileChunks.read(ch, buf, pos, have, (int) Math.min(buf.length - 1 - have, to - pos));
                pos += n;
                have += n;
                if (n == 0) {
                    to = pos; // the file shrank under us: parse what we have
                }
            }
            buf[have] = '\n';
            boolean last = pos >= to;
            while (p < have) {
                int next = line(buf, p, have, last);
                if (next < 0) {
                    break;
                }
                p = next;
                line++;
                if (stopAtFirstBad && !bad.isEmpty()) {
                    return buf;
                }
            }
            if (last && p >= have) {
                return buf;
            }
            if (cancelled.getAsBoolean()) {
                return buf;
            }
            if (p > 0) {
                System.arraycopy(buf, p, buf, 0, have - p);
                have -= p;
                p = 0;
            } else if (have >= buf.length - 1) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
            }
        }
    }

    /**
     * Parses the line starting at {@code p}; returns the position after it, or -1 when the line
     * is not complete in {@code b[p..limit)} and more bytes follow ({@code !last}). Requires
     * {@code b[limit] == '\n'} (the sentinel).
     */
    private int line(byte[] b, int p, int limit, boolean last) {
        final int start = p;
        final byte[] cls = this.cls;
        int f = 0;
        fs[0] = p;
        quoted[0] = false;
        boolean badQuote = false;
        boolean nonAscii = false; // a byte >= 0x80 before the end of the last needed field
        boolean complete = false; // every needed field ended at a delimiter
        while (true) {
            byte c;
            while (cls[(c = b[p]) & 0xFF] == 0) {
                p++;
            }
            if (c == '\n') {
                if (p >= limit && !last) {
                    return -1;
                }
                break;
            }
            if (c == '"') {
                if (f < need && p == fs[f]) {
                    int q = closingQuote(b, p + 1, limit, last);
                    if (q == -2) {
                        return -1;
                    }
                    if (q == -1) {
                        badQuote = true;
                        p++;
                        while (b[p] != '\n') {
                            p++;
                        }
                        break;
                    }
                    quoted[f] = true;
                    p = q + 1;
                } else {
                    p++;
                }
                continue;
            }
            if (c != d0) { // a byte >= 0x80 (a class only in UTF-8 files)
                nonAscii = true;
                p++;
                continue;
            }
            if (dlen == 2) { // c is the delimiter's first byte
                if (p + 1 >= limit) {
                    if (!last) {
                        return -1;
                    }
                    nonAscii |= c < 0;
                    p++;
                    continue;
                }
                if (b[p + 1] != d1) {
                    nonAscii |= c < 0; // a lead byte shared with a non-ASCII delimiter
                    p++;
                    continue;
                }
            }
            fe[f] = p;
            f++;
            p += dlen;
            if (f < need) {
                fs[f] = p;
                quoted[f] = false;
            } else {
                // Every needed field is found: the rest of the line is skipped unread.
                while (b[p] != '\n') {
                    p++;
                }
                if (p >= limit && !last) {
                    return -1;
                }
                complete = true;
                break;
            }
        }
        int lineEnd = p;
        int next = p < limit ? p + 1 : p;
        if (!complete) {
            fe[f] = lineEnd;
        }
        if (lineEnd > start && b[lineEnd - 1] == '\r') {
            lineEnd--;
            if (!complete) {
                fe[f] = lineEnd;
            }
        }
        if (skipLines > 0) { // the header: the first line at the source's dataStart
            skipLines--;
            return next;
        }
        if (FieldParsers.isBlank(b, start, lineEnd)) {
            return next; // a blank line (only whitespace): for a row, one byte is looked at
        }
        String problem = badQuote ? "unterminated quote (a quoted field must close on the same line)"
                : row(b, complete ? need : f + 1, nonAscii);
        if (problem != null) {
            bad(problem);
        }
        return next;
    }

    /**
     * Index of the quote closing a field whose content starts at {@code q}; -1 when a newline
     * or the end of the file comes first; -2 when more bytes are needed to tell.
     */
    private static int closingQuote(byte[] b, int q, int limit, boolean last) {
        while (q < limit) {
            byte x = b[q];
            if (x == '"') {
                if (q + 1 < limit) {
                    if (b[q + 1] == '"') {
                        q += 2;
                        continue;
                    }
                    return q;
                }
                return last ? q : -2;
            }
            if (x == '\n') {
                return -1;
            }
            q++;
        }
        return last ? -1 : -2;
    }

    /**
     * Stores the row whose fields are found; returns what is wrong with it, or null.
     *
     * @param nonAscii whether the fields may hold bytes >= 0x80 outside quotes
     */
    private String row(byte[] b, int fields, boolean nonAscii) {
        if (fields < need) {
            return "expected at least " + need + " fields separated by " + src.delimiterText() + ", found " + fields;
        }
        for (int k = 0; k < need; k++) {
            trim(b, k);
            if (quoted[k] && !(fe[k] - fs[k] >= 2 && b[fe[k] - 1] == '"')) {
                return "text after the closing quote of field " + (k + 1);
            }
        }
        float rating = 0;
        if (src.ratingCol() >= 0) {
            int k = src.ratingCol();
            rating = FieldParsers.rating(b, contentStart(k), contentEnd(k));
            if (!FieldParsers.ratingInRange(rating)) {
                return "rating '" + text(b, k) + (Float.isNaN(rating) ? "' is not a number"
                        : "' is out of range (ratings must be finite and within -1e9..1e9)");
            }
        }
        float weight = 1;
        if (src.weightCol() >= 0) {
            int k = src.weightCol();
            weight = FieldParsers.rating(b, contentStart(k), contentEnd(k));
            if (!(weight >= 0) || !FieldParsers.ratingInRange(weight)) {
                return "weight '" + text(b, k) + (Float.isNaN(weight) ? "' is not a number"
                        : "' must be a finite number from 0 to 1e9");
            }
        }
        if (src.eventCol() >= 0) {
            int k = src.eventCol();
            float w = src.eventWeights().weightOf(b, contentStart(k), contentEnd(k));
            if (Float.isNaN(w)) {
                return "event '" + text(b, k) + "' has no weight in --event-weights ("
                        + String.join(", ", src.eventWeights().weights().keySet()) + ")";
            }
            weight *= w;
        }
        long time = 0;
        if (src.timeKind() == InteractionSource.TimeKind.PARTS) {
            time = timeFromParts(b);
            if (time == FieldParsers.FAIL) {
                return timePartsError(b);
            }
        } else if (src.timeKind() == InteractionSource.TimeKind.PATTERN) {
            int k = src.timeCol();
            try {
                time = src.timeFormat().epochMillis(new String(b, contentStart(k), contentEnd(k) - contentStart(k),
                        src.encoding()));
            } catch (java.time.DateTimeException e) {
                return "time '" + text(b, k) + "' does not match --time-format '" + src.timeFormat().pattern()
                        + "'";
            }
        } else if (src.timeCol() >= 0) {
            int k = src.timeCol();
            if (src.timeKind() == InteractionSource.TimeKind.ISO) {
                time = FieldParsers.isoMillis(b, contentStart(k), contentEnd(k));
            } else {
                time = FieldParsers.integer(b, contentStart(k), contentEnd(k));
            }
            if (time == FieldParsers.FAIL) {
                return "time '" + text(b, k) + "' is not " + (src.timeKind() == InteractionSource.TimeKind.ISO
                        ? "an ISO-8601 date or date-time (like the first row's)"
                        : "an integer epoch in seconds or milliseconds (like the first row's)");
            }
        }
        int uc = src.userCol();
        int ic = src.itemCol();
        if (contentEnd(uc) == contentStart(uc)) {
            return "empty user id in field " + (uc + 1);
        }
        if (contentEnd(ic) == contentStart(ic)) {
            return "empty item id in field " + (ic + 1);
        }
        if (utf8 && (nonAscii || quoted[uc] || quoted[ic])) { // quoted fields are not scanned byte by byte
            int invalid = !FieldParsers.validUtf8(b, contentStart(uc), contentEnd(uc)) ? uc
                    : !FieldParsers.validUtf8(b, contentStart(ic), contentEnd(ic)) ? ic : -1;
            if (invalid >= 0) {
                return Decoding.invalid(src.encoding(), "field " + (invalid + 1));
            }
        }
        int at = base + rows;
        users[at] = id(userIds, b, uc);
        items[at] = id(itemIds, b, ic);
        if (ratings != null) {
            ratings[at] = rating;
        }
        if (weights != null) {
            weights[at] = weight;
        }
        if (times != null) {
            times[at] = time;
            if (src.timeKind() == InteractionSource.TimeKind.EPOCH) {
                maxAbsEpoch = Math.max(maxAbsEpoch, Math.abs(time));
            }
        }
        rows++;
        return null;
    }

    /**
     * The epoch milliseconds (UTC) of a time in parts, or {@link FieldParsers#FAIL} when a part is
     * not an integer or the parts are not a real date and time of day.
     */
    private long timeFromParts(byte[] b) {
        int[] parts = src.timeParts();
        long[] v = partValues;
        v[1] = 1;
        v[2] = 1;
        v[3] = 0;
        v[4] = 0;
        v[5] = 0;
        for (int p = 0; p < parts.length; p++) {
            v[p] = FieldParsers.integer(b, contentStart(parts[p]), contentEnd(parts[p]));
            if (v[p] == FieldParsers.FAIL) {
                return FieldParsers.FAIL;
            }
        }
        if (v[0] < -999_999 || v[0] > 999_999 || v[1] < 1 || v[1] > 12 || v[2] < 1
                || v[2] > FieldParsers.daysInMonth((int) v[0], (int) v[1]) || v[3] < 0 || v[3] > 23 || v[4] < 0
                || v[4] > 59 || v[5] < 0 || v[5] > 59) {
            return FieldParsers.FAIL;
        }
        return FieldParsers.daysFromCivil((int) v[0], (int) v[1], (int) v[2]) * 86_400_000L
                + ((v[3] * 60 + v[4]) * 60 + v[5]) * 1000L;
    }

    /** Why {@link #timeFromParts} failed: the parts as written. */
    private String timePartsError(byte[] b) {
        StringBuilder sb = new StringBuilder("time parts ");
        int[] parts = src.timeParts();
        for (int p = 0; p < parts.length; p++) {
            sb.append(p == 0 ? "" : ", ").append(ColumnSpec.TIME_PARTS.get(p)).append(" '")
                    .append(text(b, parts[p])).append('\'');
        }
        return sb.append(" are not a date and time (integers; month 1-12, a day of that month, hour 0-23, minute and"
                + " second 0-59)").toString();
    }

    private int id(LocalIds ids, byte[] b, int k) {
        if (!quoted[k]) {
            return ids.idOf(b, fs[k], fe[k]);
        }
        // Quoted: drop the quotes and turn "" into ".
        int n = 0;
        byte[] out = unquoteScratch;
        if (out.length < fe[k] - fs[k]) {
            out = unquoteScratch = new byte[fe[k] - fs[k]];
        }
        for (int i = fs[k] + 1; i < fe[k] - 1; i++) {
            out[n++] = b[i];
            if (b[i] == '"') {
                i++;
            }
        }
        return n == 0 ? ids.idOf(b, fs[k], fs[k]) : ids.idOf(out, 0, n);
    }

    private int contentStart(int k) {
        return quoted[k] ? fs[k] + 1 : fs[k];
    }

    private int contentEnd(int k) {
        return quoted[k] ? fe[k] - 1 : fe[k];
    }

    /** Drops spaces around an unquoted field, or around the quotes of a quoted one. */
    private void trim(byte[] b, int k) {
        int s = fs[k];
        int e = fe[k];
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        fs[k] = s;
        fe[k] = e;
    }

    /** Field {@code k} as {@link Printable} quotes file content in messages. */
    private String text(byte[] b, int k) {
        int s = contentStart(k);
        int e = contentEnd(k);
        // At most 4 bytes per character: enough bytes for Printable to see that it must cut.
        return Printable.of(new String(b, s, Math.min(e - s, 4 * Printable.MAX_CHARS + 4), src.encoding()));
    }

    private void bad(String what) {
        bad.add(src.label() + ":" + line + ": " + what);
    }
}
