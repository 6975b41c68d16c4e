package org.embrec.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.embrec.EmbrecException;
import org.embrec.vectors.EmbeddingStore;

/**
 * The cells of an {@link IvfIndex} on disk ({@code ivf.bin}, big-endian): the 8 bytes
 * {@code EMBRECIV}, int format version (2), int nlist, int dim, int rows, nlist x dim float
 * centroids, rows ints (the cell of each row), then the CRC-32C of everything before it as an
 * int. Version 1 files (no checksum) are still read. The vectors themselves are the model's.
 * Stateless.
 */
final class IvfFile {
    static final String NAME = "ivf.bin";
    private static final byte[] MAGIC = "EMBRECIV".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 2;
    private static final int UNCHECKED_VERSION = 1;

    private IvfFile() {}

    static void write(IvfIndex index, OutputStream raw) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
        CheckedOutputStream checked = new CheckedOutputStream(buffered, new CRC32C());
        DataOutputStream out = new DataOutputStream(checked);
        float[] centroids = index.centroidVectors();
        int[] assignment = index.assignment();
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(index.nlist());
        out.writeInt(index.dim());
        out.writeInt(assignment.length);
        for (float c : centroids) {
            out.writeFloat(c);
        }
        for (int a : assignment) {
            out.writeInt(a);
        }
        out.flush();
        new DataOutputStream(buffered).writeInt((int) checked.getChecksum().getValue());
        buffered.flush();
    }

    static IvfIndex read(Path file, EmbeddingStore store, ItemAttributes attrs, int nprobe) {
        try (InputStream raw = Files.newInputStream(file);
                BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new EmbrecException(file + ": not an embrec IVF file");
            }
            int version = in.readInt();
            if (version != VERSION && version != UNCHECKED_VERSION) {
                throw new EmbrecException(file + ": unsupported IVF format version " + version + " (expected " + VERSION + ")");
            }
            int nlist = in.readInt();
            int dim = in.readInt();
            int rows = in.readInt();
            if (dim != store.dim() || rows != store.size() || nlist < 1 || nlist > rows) {
                throw new EmbrecException(file + ": " + nlist + " cells over " + rows + " rows of dimension " + dim
                        + " do not fit the model's " + store.size() + " vectors of dimension " + store.dim());
            }
            float[] centroids = new float[nlist * dim];
            for (int i = 0; i < centroids.length; i++) {
                centroids[i] = in.readFloat();
            }
            int[] assignment = new int[rows];
            for (int i = 0; i < rows; i++) {
                int c = in.readInt();
                if (c < 0 || c >= nlist) {
                    throw new EmbrecException(file + ": row " + i + " is in cell " + c + ", outside [0, " + nlist + ")");
                }
                assignment[i] = c;
            }
            if (version == VERSION) {
                int expected = (int) checked.getChecksum().getValue();
                int stored = new DataInputStream(buffered).readInt();
                if (stored != expected) {
                    throw new EmbrecException(file + ": damaged (checksum mismatch)");
                }
                if (buffered.read() >= 0) {
                    throw new EmbrecException(file + ": data after the checksum");
                }
            }
            return IvfIndex.of(store, attrs, centroids, assignment, nprobe);
        } catch (EOFException e) {
            throw new EmbrecException(file + ": truncated", e);
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e + ")", e);
        }
    }
}
