package org.embrec.vectors;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.embrec.EmbrecException;

/**
 * Streaming writer of the word2vec text and binary formats (see {@link Word2VecFormat}) through
 * one reusable byte buffer. One instance per file; not thread-safe.
 */
final class Word2VecWriter {
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int len;
    /** Reused for the decimal digits of one text record (ASCII only). */
    private final StringBuilder digits = new StringBuilder();

    Word2VecWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes every row of the store.
     *
     * Ids are written escaped ({@link Word2VecKeys#escape}): whitespace and {@code %} as
     * {@code %HH} per UTF-8 byte.
     *
     * @throws EmbrecException when a key cannot be written (empty or not valid Unicode)
     */
    void write(EmbeddingStore store, boolean binary) throws IOException {
        int dim = store.dim();
        int n = store.size();
        for (int row = 0; row < n; row++) {
            String problem = Word2VecKeys.problem(Word2VecKeys.escape(store.id(row)));
            if (problem != null) {
                throw new EmbrecException("cannot write vector " + (row + 1) + " in the word2vec format: " + problem);
            }
        }
        append((n + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
        float[] m = store.matrix();
        for (int row = 0; row < n; row++) {
            append(Word2VecKeys.escape(store.id(row)).getBytes(StandardCharsets.UTF_8));
            if (binary) {
                ensure(1 + dim * Float.BYTES + 1);
                buf[len++] = ' ';
                for (int j = 0, base = row * dim; j < dim; j++, len += Float.BYTES) {
                    FLOAT_LE.set(buf, len, m[base + j]);
                }
                buf[len++] = '\n';
            } else {
                digits.setLength(0);
                for (int j = 0, base = row * dim; j < dim; j++) {
                    // Float.toString is the shortest decimal that reads back to the same float.
                    digits.append(' ').append(m[base + j]);
                }
                digits.append('\n');
                int k = digits.length();
                ensure(k);
                for (int i = 0; i < k; i++) {
                    buf[len + i] = (byte) digits.charAt(i);
                }
                len += k;
            }
        }
        flush();
    }

    private void append(byte[] bytes) throws IOException {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** Room for {@code n} more bytes: flushes, and grows the buffer for a record larger than it. */
    private void ensure(int n) throws IOException {
        if (len + n <= buf.length) {
            return;
        }
        flush();
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, 2 * buf.length));
        }
    }

    private void flush() throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }
}
