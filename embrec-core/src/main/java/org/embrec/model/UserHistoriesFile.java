package org.embrec.model;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.embrec.EmbrecException;
import org.embrec.Printable;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;

/**
 * The {@code users.bin} file of a model directory: every user's liked sequence, so that
 * {@code recommend --user ID} works without the data (layout in docs/FORMATS.md).
 *
 * <pre>
 * magic    8 bytes  "EMBRUSR\n"
 * version  varint   1
 * items    varint n, then n item ids    (id = varint byte length + UTF-8 bytes)
 * users    varint m, then per user: id, varint length L, L varint item indices (into the item table)
 * crc32    4 bytes  big-endian CRC-32 of every byte before it
 * </pre>
 *
 * Varints are unsigned LEB128 (7 bits per byte, low group first). Stateless and thread-safe.
 */
public final class UserHistoriesFile {
    /** The file's name in a model directory. */
    public static final String NAME = "users.bin";
    /** Version of the layout this embrec writes and reads. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "EMBRUSR\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ID_BYTES = 1 << 16;

    private UserHistoriesFile() {}

    /**
     * Writes the sequences (which must have user ids) to {@code out}; only items that occur are
     * stored. Flushed, not closed.
     */
    public static void write(Sequences histories, OutputStream out) throws IOException {
        if (histories.userIds() == null) {
            throw new IllegalArgumentException("histories need user ids");
        }
        CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32());
        VarintWriter w = new VarintWriter(checked);
        checked.write(MAGIC);
        w.varint(VERSION);
        IdMap itemIds = histories.itemIds();
        int[] local = new int[itemIds.size()];
        Arrays.fill(local, -1);
        int used = 0;
        for (int it : histories.items()) {
            if (local[it] < 0) {
                local[it] = used++;
            }
        }
        String[] table = new String[used];
        for (int i = 0; i < local.length; i++) {
            if (local[i] >= 0) {
                table[local[i]] = itemIds.external(i);
            }
        }
        w.varint(used);
        for (String id : table) {
            w.text(id);
        }
        w.varint(histories.count());
        int[] items = histories.items();
        for (int s = 0; s < histories.count(); s++) {
            w.text(histories.userIds().external(histories.user(s)));
            w.varint(histories.length(s));
            for (int p = histories.start(s); p < histories.end(s); p++) {
                w.varint(local[items[p]]);
            }
        }
        long crc = checked.getChecksum().getValue();
        out.write(new byte[] {(byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc});
        out.flush();
    }

    /**
     * Reads a file written by {@link #write}: sequence {@code s} belongs to user {@code s} of the
     * returned user id map.
     *
     * @throws EmbrecException naming {@code source} when the file is not a users file, has an
     *     unsupported version, is truncated or corrupt
     */
    public static Sequences read(InputStream in, String source) throws IOException {
        CheckedInputStream checked = new CheckedInputStream(in, new CRC32());
        DataInputStream data = new DataInputStream(checked);
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new EmbrecException(source + ": not an embrec users file (bad magic)");
            }
            int version = varint(data, source);
            if (version != VERSION) {
                throw new EmbrecException(source + ": unsupported users file version " + version + " (expected "
                        + VERSION + ")");
            }
            int itemCount = varint(data, source);
            // Capacities start small and grow: counts from a corrupt file must not allocate gigabytes.
            IdMap.Builder items = new IdMap.Builder(Math.min(itemCount, 1 << 16));
            for (int i = 0; i < itemCount; i++) {
                String id = text(data, source);
                if (items.add(id) != i) {
                    throw new EmbrecException(source + ": duplicate item id '" + Printable.of(id) + "'");
                }
            }
            int userCount = varint(data, source);
            IdMap.Builder users = new IdMap.Builder(Math.min(userCount, 1 << 16));
            int[] offsets = new int[Math.min(userCount, 1 << 16) + 1];
            int[] seq = new int[1024];
            int size = 0;
            for (int u = 0; u < userCount; u++) {
                String id = text(data, source);
                if (users.add(id) != u) {
                    throw new EmbrecException(source + ": duplicate user id '" + Printable.of(id) + "'");
                }
                int length = varint(data, source);
                if (size + (long) length > Integer.MAX_VALUE - 16) {
                    throw new EmbrecException(source + ": too many items");
                }
                for (int p = 0; p < length; p++) {
                    int it = varint(data, source);
                    // Grow as items arrive (not by the declared length: a corrupt length must not
                    // allocate gigabytes before the end of the file is found).
                    if (size == seq.length) {
                        seq = Arrays.copyOf(seq, (int) Math.min(Integer.MAX_VALUE - 16, seq.length * 2L));
                    }
                    if (it >= itemCount) {
                        throw new EmbrecException(source + ": item index " + it + " out of range (" + itemCount
                                + " items)");
                    }
                    seq[size++] = it;
                }
                if (u + 1 == offsets.length) {
                    offsets = Arrays.copyOf(offsets, (int) Math.min(userCount + 1L, offsets.length * 2L));
                }
                offsets[u + 1] = size;
            }
            long expected = checked.getChecksum().getValue();
            long stored = data.readInt() & 0xffffffffL;
            if (stored != expected) {
                throw new EmbrecException(source + ": checksum mismatch (the file is corrupt)");
            }
            if (data.read() != -1) {
                throw new EmbrecException(source + ": unexpected bytes after the checksum");
            }
            int[] userOfSeq = new int[userCount];
            Arrays.setAll(userOfSeq, i -> i);
            return new Sequences(Arrays.copyOf(offsets, userCount + 1), Arrays.copyOf(seq, size), userOfSeq,
                    items.build(), users.build());
        } catch (EOFException e) {
            throw new EmbrecException(source + ": truncated (unexpected end of file)");
        }
    }

    private static int varint(DataInputStream in, String source) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (v > Integer.MAX_VALUE) {
                    break;
                }
                return (int) v;
            }
        }
        throw new EmbrecException(source + ": malformed number (varint too long)");
    }

    private static String text(DataInputStream in, String source) throws IOException {
        int n = varint(in, source);
        if (n == 0 || n > MAX_ID_BYTES) {
            throw new EmbrecException(source + ": bad id length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new EmbrecException(source + ": an id is not valid UTF-8");
        }
    }

    /** Unsigned LEB128 and length-prefixed UTF-8 onto a stream. */
    private static final class VarintWriter {
        private final OutputStream out;

        VarintWriter(OutputStream out) {
            this.out = out;
        }

        void varint(int v) throws IOException {
            while ((v & ~0x7f) != 0) {
                out.write((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write(v);
        }

        void text(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0 || b.length > MAX_ID_BYTES) {
                throw new IllegalArgumentException("id of " + b.length + " bytes cannot be stored: '" + s + "'");
            }
            varint(b.length);
            out.write(b);
        }
    }
}
