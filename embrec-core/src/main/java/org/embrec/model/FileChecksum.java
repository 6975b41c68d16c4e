package org.embrec.model;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.embrec.EmbrecException;

/**
 * The length and CRC-32C of a file a model directory holds, as {@code manifest.json} records it
 * ({@code "files": {"vectors.bin": {"bytes": 1234, "crc32c": "0a1b2c3d"}}}). Computed while the
 * writer streams the file ({@link Writing}) and checked while the reader streams it
 * ({@link Reading}), so verifying costs no second pass over the data. Immutable.
 *
 * @param bytes the file's length
 * @param crc32c its CRC-32C (Castagnoli), as an unsigned 32-bit value
 */
public record FileChecksum(long bytes, long crc32c) {
    public FileChecksum {
        if (bytes < 0 || crc32c < 0 || crc32c > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("bytes must be >= 0 and crc32c an unsigned 32-bit value");
        }
    }

    /** The checksum in the manifest's notation: 8 lower-case hex digits. */
    public String hex() {
        return String.format("%08x", crc32c);
    }

    /** Parses 8 hex digits; null when {@code hex} is not that. */
    static Long parseHex(String hex) {
        if (hex == null || hex.length() != 8) {
            return null;
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An output stream that counts and checksums what passes through (not closing the target). */
    static final class Writing extends FilterOutputStream {
        private final CRC32C crc = new CRC32C();
        private long count;

        Writing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the owner closes the underlying stream
        }

        FileChecksum checksum() {
            return new FileChecksum(count, crc.getValue());
        }
    }

    /**
     * An input stream over a file that checks its length up front and its CRC-32C at
     * {@link #verify}: after the parser is done, the rest of the file is read and the sum
     * compared. A parser error on a file whose sum does not match is reported as damage, the
     * likelier cause.
     */
    static final class Reading extends FilterInputStream {
        private final CRC32C crc = new CRC32C();
        private final Path file;
        private final FileChecksum expected;

        /** Opens {@code file}; {@code expected} null reads it unchecked. */
        Reading(Path file, FileChecksum expected) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
            this.expected = expected;
            if (expected != null) {
                long size = Files.size(file);
                if (size != expected.bytes()) {
                    in.close();
                    throw new EmbrecException(file + ": damaged or changed since the model was written (" + size
                            + " bytes, " + ModelDirectory.MANIFEST + " says " + expected.bytes() + ")");
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && expected != null) {
                crc.update(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && expected != null) {
                crc.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Through read(), so skipped bytes are summed too.
            byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 1 << 16)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /**
         * Reads what the parser left and compares the sum.
         *
         * @throws EmbrecException naming the file when the content does not match the manifest
         */
        void verify() throws IOException {
            if (expected == null) {
                return;
            }
            byte[] rest = new byte[1 << 16];
            while (read(rest, 0, rest.length) >= 0) {
                // drain
            }
            if (crc.getValue() != expected.crc32c()) {
                throw new EmbrecException(file + ": damaged or changed since the model was written (CRC-32C "
                        + String.format("%08x", crc.getValue()) + ", " + ModelDirectory.MANIFEST + " says "
                        + expected.hex() + "); write the model again");
            }
        }

        /**
         * The damage error when the file does not match the manifest (reading what is left), else
         * null: a parse error on a damaged file is reported as the damage, its likelier cause.
         */
        EmbrecException damage() {
            try {
                verify();
                return null;
            } catch (EmbrecException e) {
                return e;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
