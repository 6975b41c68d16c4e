package org.embrec.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.data.Catalog;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Word2VecFormat;

/**
 * Reads and writes a model directory (docs/FORMATS.md): {@code manifest.json},
 * {@code vectors.bin} (word2vec binary, readable by gensim) and {@code catalog.tsv}; optionally
 * {@code users.bin} (the users' liked sequences, {@link UserHistoriesFile}) and
 * {@code cold-items.txt} (ids of items whose vector came from cold start, one per line). Other
 * entries (such as an {@code index/} directory) may sit beside them; readers ignore what they
 * do not know.
 *
 * <p>Writing builds the whole directory under a temp name next to it and then renames it into
 * place, so a reader never sees a half-written model. Reading checks the format version, that
 * the files are there and that their sizes match the manifest; every problem is an
 * {@link EmbrecException} with a one-line message starting with the directory. Stateless and
 * thread-safe (concurrent writers of one directory: the last rename wins).
 */
public final class ModelDirectory {
    /** Version of the layout this embrec writes and reads. */
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String VECTORS = "vectors.bin";
    public static final String CATALOG = "catalog.tsv";
    public static final String USERS = UserHistoriesFile.NAME;
    public static final String COLD_ITEMS = "cold-items.txt";

    private ModelDirectory() {}

    /**
     * Writes the model to {@code dir}, replacing a model directory that is there. Derived files
     * of the old model (such as {@code index/}) go with it.
     *
     * @throws EmbrecException when {@code dir} exists and is not a model directory (it is never
     *     replaced then), when a vector key cannot be stored, or on an I/O error
     */
    public static void write(Path dir, EmbeddingModel model) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new EmbrecException(dir + ": exists and is not a directory");
            }
            if (!Files.isRegularFile(dir.resolve(MANIFEST)) && !isEmptyDirectory(dir)) {
                throw new EmbrecException(dir + ": exists and is not an embrec model directory (no " + MANIFEST
                        + "); refusing to replace it");
            }
        }
        try {
            AtomicFiles.replaceDirectory(dir, tmp -> {
                writeFile(tmp.resolve(VECTORS), out -> Word2VecFormat.BINARY.write(model.vectors(), out));
                writeFile(tmp.resolve(CATALOG), out -> CatalogTsv.write(model.catalog(), out));
                if (model.histories() != null) {
                    writeFile(tmp.resolve(USERS), out -> UserHistoriesFile.write(model.histories(), out));
                }
                if (!model.coldItems().isEmpty()) {
                    writeFile(tmp.resolve(COLD_ITEMS), out -> writeLines(model.coldItems(), out));
                }
                writeFile(tmp.resolve(MANIFEST), out -> ManifestJson.write(model.manifest(), out));
            });
        } catch (IOException e) {
            throw new EmbrecException(dir + ": cannot write the model (" + e + ")", e);
        }
    }

    /**
     * Reads and checks a model directory.
     *
     * @throws EmbrecException naming the directory or file: no such directory, not a model
     *     directory, unsupported format version, a missing or malformed file, or sizes that
     *     disagree with the manifest
     */
    public static EmbeddingModel read(Path dir) {
        ModelManifest manifest = readManifest(dir);
        ModelManifest.Counts counts = manifest.counts();
        EmbeddingStore vectors = Word2VecFormat.BINARY.read(existing(dir, VECTORS));
        if (vectors.size() != counts.vectors() || vectors.dim() != counts.dim()) {
            throw new EmbrecException(dir.resolve(VECTORS) + ": holds " + vectors.size() + " vectors of dimension "
                    + vectors.dim() + ", but " + MANIFEST + " says " + counts.vectors() + " of dimension " + counts.dim());
        }
        Path catalogFile = existing(dir, CATALOG);
        Catalog catalog;
        try (InputStream in = Files.newInputStream(catalogFile)) {
            catalog = CatalogTsv.read(in, catalogFile.toString());
        } catch (IOException e) {
            throw new EmbrecException(catalogFile + ": cannot read (" + e + ")", e);
        }
        if (catalog.size() != counts.catalogItems()) {
            throw new EmbrecException(catalogFile + ": holds " + catalog.size() + " items, but " + MANIFEST + " says "
                    + counts.catalogItems());
        }
        try {
            return new EmbeddingModel(manifest, vectors, catalog, readHistories(dir), readColdItems(dir, vectors));
        } catch (IllegalArgumentException e) {
            throw new EmbrecException(dir.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
    }

    private static Sequences readHistories(Path dir) {
        Path file = dir.resolve(USERS);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return UserHistoriesFile.read(in, file.toString());
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e + ")", e);
        }
    }

    private static List<String> readColdItems(Path dir, EmbeddingStore vectors) {
        Path file = dir.resolve(COLD_ITEMS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> ids;
        try {
            ids = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e + ")", e);
        }
        List<String> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id.isEmpty()) {
                continue;
            }
            if (!vectors.contains(id)) {
                throw new EmbrecException(file + ":" + (i + 1) + ": item '" + id + "' has no vector in " + VECTORS);
            }
            out.add(id);
        }
        return out;
    }

    private static void writeLines(Collection<String> lines, OutputStream out) throws IOException {
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }

    /**
     * Reads and checks only the manifest (cheap: for listing models or checking a directory
     * before a long job).
     *
     * @throws EmbrecException as {@link #read}, for the directory and the manifest
     */
    public static ModelManifest readManifest(Path dir) {
        if (!Files.exists(dir)) {
            throw new EmbrecException(dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new EmbrecException(dir + ": not a directory");
        }
        Path file = dir.resolve(MANIFEST);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EmbrecException(dir + ": not an embrec model directory (no " + MANIFEST + ")");
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e + ")", e);
        }
        JsonNode root = ManifestJson.parse(bytes, file.toString());
        int version = ManifestJson.formatVersion(root, file.toString());
        if (version != FORMAT_VERSION) {
            String hint = version > FORMAT_VERSION ? "written by a newer embrec; upgrade embrec"
                    : "written by an older embrec; train the model again";
            throw new EmbrecException(file + ": unsupported model format version " + version + " (expected "
                    + FORMAT_VERSION + "; " + hint + ")");
        }
        return ManifestJson.fromTree(root, file.toString());
    }

    private static Path existing(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new EmbrecException(dir + ": " + name + " is missing (the model directory is incomplete)");
        }
        return file;
    }

    /** Writes a new file and syncs it to disk (so the directory rename publishes complete files). */
    private static void writeFile(Path file, AtomicFiles.Body<OutputStream> body) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            body.accept(out);
            out.flush();
            ch.force(true);
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
