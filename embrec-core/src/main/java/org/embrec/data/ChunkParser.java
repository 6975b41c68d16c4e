package org.embrec.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Parses the rows of one chunk of an interaction file straight from bytes into the shared
 * column arrays, at {@code [base, base + rows)}: user and item as chunk-local ids
 * ({@link LocalIds}), the rating as a float, the time as a raw epoch number or ISO epoch ms.
 * Fields may be quoted ({@code "a,b"}, {@code ""} for a quote) but a field never spans lines.
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
    private final int[] fs;
    private final int[] fe;
    private final boolean[] quoted;
    /** Byte classes for the scan loop: 0 for ordinary bytes, 1 for newline, quote, delimiter start. */
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
    private final long[] times;
    private final int base;
    private long line;
    private int skipLines;

    ChunkParser(InteractionSource src, boolean stopAtFirstBad, int[] users, int[] items, float[] ratings, long[] times,
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
        cls['\n'] = 1;
        cls['"'] = 1;
        cls[d0 & 0xFF] = 1;
        this.fs = new int[need];
        this.fe = new int[need];
        this.quoted = new boolean[need];
        this.users = users;
        this.items = items;
        this.ratings = ratings;
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
            if (dlen == 2) { // c is the delimiter's first byte
                if (p + 1 >= limit) {
                    if (!last) {
                        return -1;
                    }
                    p++;
                    continue;
                }
                if (b[p + 1] != d1) {
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
        if (skipLines > 0) {
            skipLines--;
            return next;
        }
        if (lineEnd == start) {
            return next; // blank line
        }
        if (badQuote) {
            bad("unterminated quote (a quoted field must close on the same line)");
            return next;
        }
        row(b, complete ? need : f + 1);
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

    private void row(byte[] b, int fields) {
        if (fields < need) {
            bad("expected at least " + need + " fields separated by " + src.delimiterText() + ", found " + fields);
            return;
        }
        for (int k = 0; k < need; k++) {
            trim(b, k);
            if (quoted[k] && !(fe[k] - fs[k] >= 2 && b[fe[k] - 1] == '"')) {
                bad("text after the closing quote of field " + (k + 1));
                return;
            }
        }
        float rating = 0;
        if (src.ratingCol() >= 0) {
            int k = src.ratingCol();
            rating = FieldParsers.rating(b, contentStart(k), contentEnd(k));
            if (Float.isNaN(rating)) {
                bad("rating '" + text(b, k) + "' is not a number");
                return;
            }
        }
        long time = 0;
        if (src.timeCol() >= 0) {
            int k = src.timeCol();
            if (src.timeKind() == InteractionSource.TimeKind.ISO) {
                time = FieldParsers.isoMillis(b, contentStart(k), contentEnd(k));
            } else {
                time = FieldParsers.integer(b, contentStart(k), contentEnd(k));
            }
            if (time == FieldParsers.FAIL) {
                bad("time '" + text(b, k) + "' is not " + (src.timeKind() == InteractionSource.TimeKind.ISO
                        ? "an ISO-8601 date or date-time (like the first row's)"
                        : "an integer epoch in seconds or milliseconds (like the first row's)"));
                return;
            }
        }
        int uc = src.userCol();
        int ic = src.itemCol();
        if (contentEnd(uc) == contentStart(uc)) {
            bad("empty user id in field " + (uc + 1));
            return;
        }
        if (contentEnd(ic) == contentStart(ic)) {
            bad("empty item id in field " + (ic + 1));
            return;
        }
        int at = base + rows;
        users[at] = id(userIds, b, uc);
        items[at] = id(itemIds, b, ic);
        if (ratings != null) {
            ratings[at] = rating;
        }
        if (times != null) {
            times[at] = time;
            if (src.timeKind() == InteractionSource.TimeKind.EPOCH) {
                maxAbsEpoch = Math.max(maxAbsEpoch, Math.abs(time));
            }
        }
        rows++;
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

    private String text(byte[] b, int k) {
        int s = contentStart(k);
        int e = contentEnd(k);
        String t = new String(b, s, Math.min(e - s, 60), src.charset());
        return e - s > 60 ? t + "..." : t;
    }

    private void bad(String what) {
        bad.add(src.label() + ":" + line + ": " + what);
    }
}
