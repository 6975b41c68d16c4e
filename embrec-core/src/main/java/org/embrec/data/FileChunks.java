package org.embrec.data;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.embrec.Parallel;

/**
 * A file cut into byte ranges that start at line starts, with the number of lines in each
 * (counted in parallel), so that parsers can work on chunks independently yet know each line's
 * 1-based number and each row's final position. Immutable after {@link #split}.
 */
final class FileChunks {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int COUNT_BUFFER = 1 << 20;

    final long[] start;
    final long[] end;
    /** Lines in each chunk (a last line without a final newline counts). */
    final long[] lines;
    /** 1-based number of each chunk's first line. */
    final long[] firstLine;

    private FileChunks(long[] start, long[] end, long[] lines) {
        this.start = start;
        this.end = end;
        this.lines = lines;
        this.firstLine = new long[start.length];
        long next = 1;
        for (int c = 0; c < start.length; c++) {
            firstLine[c] = next;
            next += lines[c];
        }
    }

    int count() {
        return start.length;
    }

    long totalLines() {
        return count() == 0 ? 0 : firstLine[count() - 1] + lines[count() - 1] - 1;
    }

    /**
     * Cuts {@code [from, size)} into about {@code chunks} pieces, each ending just after a
     * newline (the last at the end of the file), and counts their lines on {@code workers} threads.
     */
    static FileChunks split(FileChannel ch, long from, long size, int chunks, int workers) throws IOException {
        long[] bounds = new long[chunks + 1];
        int n = 0;
        bounds[n++] = from;
        for (int k = 1; k < chunks; k++) {
            long b = nextLineStart(ch, from + (size - from) * k / chunks, size);
            if (b > bounds[n - 1] && b < size) {
                bounds[n++] = b;
            }
        }
        bounds[n++] = size;
        long[] start = Arrays.copyOf(bounds, n - 1);
        long[] end = Arrays.copyOfRange(bounds, 1, n);
        long[] lines = new long[start.length];
        byte[][] buffers = new byte[workers][];
        Parallel.run(start.length, workers, (c, w) -> {
            if (buffers[w] == null) {
                buffers[w] = new byte[COUNT_BUFFER];
            }
            lines[c] = countLines(ch, start[c], end[c], buffers[w]);
        });
        if (start.length > 0 && end[start.length - 1] > start[start.length - 1] && lastByte(ch, size) != '\n') {
            lines[start.length - 1]++;
        }
        return new FileChunks(start, end, lines);
    }

    /** The position just after the first newline at or after {@code pos}, or {@code size}. */
    private static long nextLineStart(FileChannel ch, long pos, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long at = Math.max(0, pos - 1); // a chunk may start right after a newline at pos-1
        while (at < size) {
            buf.clear();
            int n = ch.read(buf, at);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return size;
    }

    private static int lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, size - 1);
        return one.get(0);
    }

    /** Newlines in {@code [from, to)}: eight bytes at a time with a SWAR zero-byte count. */
    static long countLines(FileChannel ch, long from, long to, byte[] buf) throws IOException {
        long count = 0;
        long pos = from;
        while (pos < to) {
            int n = read(ch, buf, pos, 0, (int) Math.min(buf.length, to - pos));
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long x = (long) LONGS.get(buf, i) ^ 0x0A0A0A0A0A0A0A0AL;
                // Exact zero-byte detection: high bit set only in bytes of x that are zero.
                long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
                t = ~(t | x | 0x7F7F7F7F7F7F7F7FL);
                count += Long.bitCount(t);
            }
            for (; i < n; i++) {
                if (buf[i] == '\n') {
                    count++;
                }
            }
            pos += n;
        }
        return count;
    }

    /** Reads {@code len} bytes at file position {@code pos} into {@code buf[off..)}; fewer only at end of file. */
    static int read(FileChannel ch, byte[] buf, long pos, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
