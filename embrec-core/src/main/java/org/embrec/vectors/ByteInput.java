package org.embrec.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A growable window over an input stream for byte-level parsers: callers look at
 * {@code buf[pos..limit)}, ask for more with {@link #require}, and advance {@code pos}.
 * Not thread-safe; owns its buffer.
 */
final class ByteInput {
    private final InputStream in;
    byte[] buf;
    int pos;
    int limit;
    private long consumedBefore;
    private boolean eof;

    ByteInput(InputStream in, int capacity) {
        this.in = in;
        this.buf = new byte[capacity];
    }

    /**
     * Makes at least {@code n} bytes available from {@code pos} (compacting or growing the
     * buffer); false when the stream ends first.
     */
    boolean require(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumedBefore += pos;
            limit -= pos;
            pos = 0;
        }
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    /**
     * Index of the next {@code b} at or after {@code pos}, reading more as needed; -1 when the
     * stream ends without one (the rest is then in {@code buf[pos..limit)}).
     */
    int find(byte b) throws IOException {
        return find(b, Integer.MAX_VALUE);
    }

    /** As {@link #find(byte)}, but gives up (-1) after looking at {@code max} bytes. */
    int find(byte b, int max) throws IOException {
        int scanned = pos;
        while (true) {
            int end = (int) Math.min(limit, (long) pos + max);
            for (int i = scanned; i < end; i++) {
                if (buf[i] == b) {
                    return i;
                }
            }
            int seen = limit - pos;
            if (seen >= max || !require(seen + 1)) {
                return -1;
            }
            scanned = pos + seen;
        }
    }

    /** Byte offset of {@code pos} from the start of the stream. */
    long offset() {
        return consumedBefore + pos;
    }

    /** True when no byte is left. */
    boolean atEnd() throws IOException {
        return !require(1);
    }
}
