package org.embrec.model;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.OutputDirectory;
import org.embrec.data.Catalog;
import org.embrec.vectors.EmbeddingStore;

/**
 * Exports a model for the TensorBoard Embedding Projector (projector.tensorflow.org, "Load"):
 * a directory with {@code vectors.tsv} (one tab-separated vector per line, no header) and
 * {@code metadata.tsv} (header {@code id\ttitle\tgenres}, then one line per vector in the same
 * order; tabs and line breaks inside fields become spaces, genres are joined with {@code |}).
 * Stateless and thread-safe.
 */
public final class ProjectorExport {
    public static final String VECTORS = "vectors.tsv";
    public static final String METADATA = "metadata.tsv";

    private ProjectorExport() {}

    /** What an export may replace: an empty directory or an earlier export (its two files and nothing else). */
    public static final OutputDirectory KIND = new OutputDirectory("embrec projector export",
            "nothing but " + VECTORS + " and " + METADATA, dir -> OutputDirectory.holdsOnly(dir, Set.of(),
                    Set.of(VECTORS, METADATA)));

    /**
     * Writes the export to {@code dir} atomically, replacing an earlier export there.
     *
     * @throws EmbrecException when {@code dir} exists and holds anything but an earlier export,
     *     or on an I/O error
     */
    public static void write(EmbeddingModel model, Path dir) {
        try {
            AtomicFiles.replaceDirectory(dir, KIND, tmp -> {
                writeVectors(model.vectors(), tmp.resolve(VECTORS));
                writeMetadata(model.vectors(), model.catalog(), tmp.resolve(METADATA));
            });
        } catch (IOException e) {
            throw new EmbrecException(dir + ": cannot write (" + e + ")", e);
        }
    }

    private static void writeVectors(EmbeddingStore store, Path file) throws IOException {
        try (Writer w = writer(file)) {
            float[] m = store.matrix();
            int dim = store.dim();
            StringBuilder line = new StringBuilder();
            for (int row = 0; row < store.size(); row++) {
                line.setLength(0);
                for (int j = 0; j < dim; j++) {
                    if (j > 0) {
                        line.append('\t');
                    }
                    line.append(m[row * dim + j]);
                }
                w.append(line).append('\n');
            }
        }
    }

    private static void writeMetadata(EmbeddingStore store, Catalog catalog, Path file) throws IOException {
        try (Writer w = writer(file)) {
            w.write("id\ttitle\tgenres\n");
            for (int row = 0; row < store.size(); row++) {
                String id = store.id(row);
                Catalog.Item item = catalog.get(id);
                w.write(clean(id));
                w.write('\t');
                w.write(clean(catalog.titleOf(id)));
                w.write('\t');
                w.write(item == null ? "" : clean(item.genresText()));
                w.write('\n');
            }
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The projector reads plain TSV without escapes: field separators become spaces. */
    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
