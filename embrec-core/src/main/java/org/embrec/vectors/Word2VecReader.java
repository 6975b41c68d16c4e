package org.embrec.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;

/**
 * Streaming reader of the word2vec text and binary formats (see {@link Word2VecFormat}) into an
 * {@link EmbeddingStore}, with errors naming the file and the line (text) or record and byte
 * offset (binary). One instance per file; not thread-safe.
 */
final class Word2VecReader {
    /** Largest float array a JVM allocates reliably. */
    static final long MAX_FLOATS = Integer.MAX_VALUE - 16;
    /** Longest header line looked at ("<count> <dim>" needs a few dozen bytes). */
    private static final int MAX_HEADER = 256;
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** Floats allocated up front when the stream's size is unknown (the header is not trusted): 16 MB. */
    private static final int INITIAL_FLOATS = 1 << 22;

    private final ByteInput in;
    private final String source;
    private final long size;
    private float[] vectors;
    private final Word2VecKeys keys = new Word2VecKeys();
    private int count;
    private int dim;
    private boolean binary;
    /** Record being read (0-based) and, in the binary format, its byte offset: for messages. */
    private int row;
    private long recordOffset;

    /**
     * @param size the stream's length in bytes, or -1 when unknown; when known, a header that
     *     announces more vectors than the bytes can hold is rejected before allocating them
     */
    Word2VecReader(InputStream in, String source, long size) {
        this.in = new ByteInput(in, 1 << 16);
        this.source = source;
        this.size = size;
    }

    EmbeddingStore read(boolean binaryFormat) throws IOException {
        this.binary = binaryFormat;
        readHeader();
        int rows = size >= 0 ? count : Math.min(count, Math.max(1, INITIAL_FLOATS / dim));
        IdMap.Builder ids = new IdMap.Builder(rows);
        vectors = new float[rows * dim];
        if (binary) {
            readBinary(ids);
        } else {
            readText(ids);
        }
        return EmbeddingStore.wrap(ids.build(), vectors, dim);
    }

    /** Room for row {@code row}: grows the matrix (doubling, at most to the header's count). */
    private void ensureRow(int row) {
        if ((long) (row + 1) * dim > vectors.length) {
            int rows = (int) Math.min(count, Math.max(row + 1L, 2L * vectors.length / dim));
            vectors = Arrays.copyOf(vectors, rows * dim);
        }
    }

    private void readHeader() throws IOException {
        int eol = in.find((byte) '\n', MAX_HEADER);
        int end = eol < 0 ? in.limit : eol;
        String header = new String(in.buf, in.pos, Math.min(end - in.pos, MAX_HEADER), StandardCharsets.ISO_8859_1).strip();
        String[] parts = header.split("[ \t]+");
        long n;
        long d;
        try {
            if (eol < 0 || parts.length != 2) {
                throw new NumberFormatException();
            }
            n = Long.parseLong(parts[0]);
            d = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new EmbrecException(source + ":1: expected a word2vec header '<count> <dimension>', got '"
                    + Word2VecKeys.printable(header) + "'");
        }
        if (n < 0 || d < 1 || d > 1_000_000) {
            throw new EmbrecException(source + ":1: invalid header '" + Word2VecKeys.printable(header)
                    + "' (count must be >= 0, dimension >= 1)");
        }
        if (n > MAX_FLOATS / d) { // not n * d: that wraps around for huge counts
            throw new EmbrecException(source + ":1: " + n + " x " + d + " vectors exceed " + MAX_FLOATS
                    + " floats, the most one store holds");
        }
        count = (int) n;
        dim = (int) d;
        in.pos = eol + 1;
        // Smallest record: a one-byte key, then " x" per value (text) or a space and the floats (binary).
        long minRecord = binary ? 2L + 4L * dim : 2L + 2L * dim;
        long remaining = size - in.offset();
        if (size >= 0 && count > 0 && remaining < count * minRecord - 1) {
            throw new EmbrecException(source + ":1: the header announces " + count + " vectors of dimension " + dim
                    + ", but the file's remaining " + remaining + " bytes cannot hold them");
        }
    }

    private void readText(IdMap.Builder ids) throws IOException {
        for (row = 0; row < count; row++) {
            int eol = in.find((byte) '\n');
            if (eol < 0 && in.pos == in.limit) {
                throw error("file ends after " + row + " of the " + count + " vectors the header announces");
            }
            int end = eol < 0 ? in.limit : eol;
            if (end > in.pos && in.buf[end - 1] == '\r') {
                end--;
            }
            ensureRow(row);
            parseTextRecord(in.buf, in.pos, end, ids);
            in.pos = eol < 0 ? in.limit : eol + 1;
        }
        requireOnlyWhitespaceLeft();
    }

    private void parseTextRecord(byte[] b, int from, int to, IdMap.Builder ids) {
        int i = from;
        while (i < to && b[i] != ' ' && b[i] != '\t') {
            i++;
        }
        String key = key(b, from, i);
        addKey(ids, key);
        int base = row * dim;
        int values = 0;
        while (true) {
            while (i < to && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i == to) {
                break;
            }
            int start = i;
            while (i < to && b[i] != ' ' && b[i] != '\t') {
                i++;
            }
            if (values < dim) {
                vectors[base + values] = number(b, start, i, key);
            }
            values++;
        }
        if (values != dim) {
            throw error("expected " + dim + " values after key '" + Word2VecKeys.printable(key) + "', got " + values
                    + " (is this really the text format?)");
        }
    }

    private float number(byte[] b, int from, int to, String key) {
        float v;
        try {
            v = FloatParser.parse(b, from, to);
        } catch (NumberFormatException e) {
            v = Float.NaN;
        }
        if (!Float.isFinite(v)) {
            String text = new String(b, from, Math.min(to - from, 40), StandardCharsets.ISO_8859_1);
            throw error("value '" + Word2VecKeys.printable(text) + "' of key '" + Word2VecKeys.printable(key)
                    + "' is not a finite number (is this really the text format?)");
        }
        return v;
    }

    private void readBinary(IdMap.Builder ids) throws IOException {
        int bytesPerVector = dim * Float.BYTES;
        for (row = 0; row < count; row++) {
            // Writers differ: the C tool ends each vector with '\n', gensim 4 does not. Both read.
            while (in.require(1) && in.buf[in.pos] == '\n') {
                in.pos++;
            }
            recordOffset = in.offset();
            int space = in.find((byte) ' ');
            if (space < 0) {
                throw error(in.pos == in.limit ? "file ends after " + row + " of the " + count
                        + " vectors the header announces" : "file ends inside a key (is this really the binary format?)");
            }
            String key = key(in.buf, in.pos, space);
            addKey(ids, key);
            in.pos = space + 1;
            if (!in.require(bytesPerVector)) {
                throw error("file ends inside the vector of key '" + Word2VecKeys.printable(key) + "' ("
                        + (in.limit - in.pos) + " of " + bytesPerVector + " bytes)");
            }
            ensureRow(row);
            byte[] b = in.buf;
            float[] out = vectors;
            int p = in.pos;
            int base = row * dim;
            for (int j = 0; j < dim; j++, p += Float.BYTES) {
                float v = (float) FLOAT_LE.get(b, p);
                if (!Float.isFinite(v)) {
                    throw error("vector of key '" + Word2VecKeys.printable(key)
                            + "' holds a non-finite value (is this really the binary format?)");
                }
                out[base + j] = v;
            }
            in.pos = p;
        }
        requireOnlyWhitespaceLeft();
    }

    private String key(byte[] b, int from, int to) {
        try {
            return Word2VecKeys.unescape(keys.decode(b, from, to));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage() + (binary ? " (is this really the binary format?)" : ""));
        }
    }

    private void addKey(IdMap.Builder ids, String key) {
        int before = ids.size();
        ids.add(key);
        if (ids.size() == before) {
            throw error("duplicate key '" + Word2VecKeys.printable(key) + "'");
        }
    }

    /** Rejects data after the announced records (a sign of a wrong count or a damaged file). */
    private void requireOnlyWhitespaceLeft() throws IOException {
        long line = count + 2L;
        while (in.require(1)) {
            byte c = in.buf[in.pos];
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                String where = binary ? " byte " + in.offset() : String.valueOf(line);
                throw new EmbrecException(source + ":" + where + ": unexpected data after the " + count
                        + " vectors the header announces");
            }
            line += c == '\n' ? 1 : 0;
            in.pos++;
        }
    }

    /** An error located at the current record: {@code file:line} (text) or record and byte (binary). */
    private EmbrecException error(String message) {
        String where = binary
                ? " record " + (row + 1) + " (byte " + recordOffset + ")"
                : String.valueOf(row + 2L);
        return new EmbrecException(source + ":" + where + ": " + message);
    }
}
