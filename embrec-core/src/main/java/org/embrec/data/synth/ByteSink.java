package org.embrec.data.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/** A growable byte buffer with allocation-free ASCII number formatting. Not thread-safe. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    ByteSink ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    ByteSink put(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    /** Appends a non-negative number in decimal. */
    ByteSink number(long v) {
        ensure(20);
        if (v == 0) {
            buf[size++] = '0';
            return this;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) {
            digits++;
        }
        int p = size + digits;
        for (long t = v; t > 0; t /= 10) {
            buf[--p] = (byte) ('0' + (int) (t % 10));
        }
        size += digits;
        return this;
    }

    /** Appends a rating given in half stars as MovieLens writes it: 9 -> "4.5", 8 -> "4.0". */
    ByteSink halfStars(int halves) {
        number(halves / 2);
        ensure(2);
        buf[size++] = '.';
        buf[size++] = (byte) ((halves & 1) == 0 ? '0' : '5');
        return this;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    void writeTo(WritableByteChannel out) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, size);
        while (bb.hasRemaining()) {
            out.write(bb);
        }
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
