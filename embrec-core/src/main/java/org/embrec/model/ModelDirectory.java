package org.embrec.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.Printable;
import org.embrec.JsonFiles;
import org.embrec.Notices;
import org.embrec.OutputDirectory;
import org.embrec.data.Catalog;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Word2VecFormat;

/**
 * Reads and writes a model directory (docs/FORMATS.md): {@code manifest.json},
 * {@code vectors.bin} (word2vec binary, readable by gensim) and {@code catalog.tsv}; optionally
 * {@code users.bin} (the users' liked sequences, {@link UserHistoriesFile}) and
 * {@code cold-items.txt} (ids of items whose vector came from cold start, one per line) and
 * {@code user-factors.bin} (the users' factors of a model whose {@link Scoring} uses them, word2vec
 * binary keyed by user id) and {@code output-vectors.bin} (the items' output vectors of a model
 * whose {@link Scoring} scores candidates by them, word2vec binary, rows as in {@code vectors.bin}). Other
 * entries (such as an {@code index/} directory) may sit beside them; readers ignore what they
 * do not know.
 *
 * <p>A model directory is recognised by its manifest: {@code "format": "embrec-model"} (models
 * written before the format name: the {@code format_version} and {@code embrec_version} keys).
 * Writing replaces only such a directory, or an empty one ({@link #KIND}); it builds the whole
 * directory under a temp name next to it and then renames it into place, so a reader never sees
 * a half-written model. The manifest records the length and CRC-32C of every file written
 * ({@link FileChecksum}); reading checks the format, that the files are there, and their sums
 * and counts against the manifest (a model without sums is read with a notice that it is not
 * verified). Every problem is an {@link EmbrecException} with a one-line message naming the
 * directory or file. Stateless and thread-safe (concurrent writers of one directory: the last
 * rename wins).
 */
public final class ModelDirectory {
    /** Version of the layout this embrec writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The {@code format} a manifest names. */
    public static final String FORMAT = "embrec-model";
    public static final String MANIFEST = "manifest.json";
    public static final String VECTORS = "vectors.bin";
    public static final String CATALOG = "catalog.tsv";
    public static final String USERS = UserHistoriesFile.NAME;
    public static final String COLD_ITEMS = "cold-items.txt";
    public static final String USER_FACTORS = "user-factors.bin";
    /** The items' output vectors of a model whose scoring scores candidates by them (word2vec binary). */
    public static final String OUTPUT_VECTORS = "output-vectors.bin";
    /** What may be replaced by a model: an empty directory or a model directory. */
    public static final OutputDirectory KIND = new OutputDirectory("embrec model directory",
            MANIFEST + " naming the format " + FORMAT, ModelDirectory::isModelDirectory);

    private ModelDirectory() {}

    /**
     * Checks, before any work, that a model may be written to {@code dir}.
     *
     * @throws EmbrecException when {@code dir} is a file, a link, or a non-empty directory that is
     *     not a model directory
     */
    public static void checkWritable(Path dir) {
        KIND.checkReplaceable(dir);
    }

    /**
     * True when {@code dir} holds a manifest embrec wrote (of any format version). Never throws.
     */
    public static boolean isModelDirectory(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return isModelManifest(JsonFiles.readBytes(file));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * True when {@code manifest} (the bytes of a {@code manifest.json}, such as one read from
     * another file system) is a model directory's manifest. Never throws.
     */
    public static boolean isModelManifest(byte[] manifest) {
        try {
            return ManifestJson.isModelManifest(JsonFiles.parse(manifest, MANIFEST));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the model to {@code dir}, replacing a model directory that is there. Derived files
     * of the old model (such as {@code index/}) go with it.
     *
     * @throws EmbrecException when {@code dir} exists and is not a model directory (it is never
     *     replaced then), when a vector key cannot be stored, or on an I/O error
     */
    public static void write(Path dir, EmbeddingModel model) {
        try {
            AtomicFiles.replaceDirectory(dir, KIND, tmp -> {
                Map<String, FileChecksum> files = new LinkedHashMap<>();
                files.put(VECTORS, writeFile(tmp.resolve(VECTORS), out -> Word2VecFormat.BINARY.write(model.vectors(), out)));
                files.put(CATALOG, writeFile(tmp.resolve(CATALOG), out -> CatalogTsv.write(model.catalog(), out)));
                if (model.histories() != null) {
                    files.put(USERS, writeFile(tmp.resolve(USERS), out -> UserHistoriesFile.write(model.histories(), out)));
                }
                if (!model.coldItems().isEmpty()) {
                    files.put(COLD_ITEMS, writeFile(tmp.resolve(COLD_ITEMS), out -> writeLines(model.coldItems(), out)));
                }
                if (model.outputVectors() != null) {
                    files.put(OUTPUT_VECTORS, writeFile(tmp.resolve(OUTPUT_VECTORS),
                            out -> Word2VecFormat.BINARY.write(model.outputVectors(), out)));
                }
                if (model.userFactors() != null) {
                    files.put(USER_FACTORS, writeFile(tmp.resolve(USER_FACTORS),
                            out -> Word2VecFormat.BINARY.write(model.userFactors(), out)));
                }
                writeFile(tmp.resolve(MANIFEST), out -> ManifestJson.write(model.manifest(),
                        model.coldStart().orElse(null), model.scoring(), files, out));
            });
        } catch (IOException e) {
            throw new EmbrecException(dir + ": cannot write the model (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads and checks a model directory.
     *
     * @throws EmbrecException naming the directory or file: no such directory, not a model
     *     directory, unsupported format version, a missing, damaged or malformed file, or sizes
     *     that disagree with the manifest
     */
    public static EmbeddingModel read(Path dir) {
        Stored stored = readStored(dir);
        ModelManifest manifest = stored.manifest();
        Map<String, FileChecksum> sums = stored.files();
        if (sums == null) {
            Notices.warn(dir + ": written by embrec " + manifest.embrecVersion() + ", before model files had checksums;"
                    + " its files are not verified (train the model again to add them)");
        } else {
            for (String optional : List.of(USERS, COLD_ITEMS, USER_FACTORS, OUTPUT_VECTORS)) {
                if (!sums.containsKey(optional) && Files.exists(dir.resolve(optional))) {
                    throw new EmbrecException(dir.resolve(optional) + ": not part of the model (" + MANIFEST
                            + " does not list it); remove it or write the model again");
                }
            }
        }
        ModelManifest.Counts counts = manifest.counts();
        // The catalog parses on another core while this one reads the vectors: the two take about as long.
        CompletableFuture<Catalog> catalogRead = CompletableFuture.supplyAsync(
                () -> readFile(dir, CATALOG, sums, (in, file) -> CatalogTsv.read(in, file.toString())));
        EmbeddingStore vectors;
        try {
            vectors = readFile(dir, VECTORS, sums,
                    (in, file) -> Word2VecFormat.BINARY.read(in, file.toString(), Files.size(file)));
        } catch (RuntimeException e) {
            catalogRead.cancel(false);
            throw e;
        }
        if (vectors.size() != counts.vectors() || vectors.dim() != counts.dim()) {
            throw new EmbrecException(dir.resolve(VECTORS) + ": holds " + vectors.size() + " vectors of dimension "
                    + vectors.dim() + ", but " + MANIFEST + " says " + counts.vectors() + " of dimension " + counts.dim());
        }
        Catalog catalog;
        try {
            catalog = catalogRead.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (catalog.size() != counts.catalogItems()) {
            throw new EmbrecException(dir.resolve(CATALOG) + ": holds " + catalog.size() + " items, but " + MANIFEST
                    + " says " + counts.catalogItems());
        }
        Sequences histories = optional(dir, USERS, sums) ? readFile(dir, USERS, sums,
                (in, file) -> UserHistoriesFile.read(new BufferedInputStream(in, 1 << 16), file.toString())) : null;
        List<String> cold = optional(dir, COLD_ITEMS, sums) ? readFile(dir, COLD_ITEMS, sums,
                (in, file) -> coldItems(in.readAllBytes(), file, vectors)) : List.of();
        ColdStartSection section = ColdStartSection.read(stored.root(), stored.configWithLegacyKeys(), cold,
                dir.resolve(MANIFEST).toString());
        String manifestPath = dir.resolve(MANIFEST).toString();
        Scoring scoring = Scoring.read(stored.root(), manifestPath);
        EmbeddingStore userFactors = null;
        if (scoring.needsUserFactors()) {
            if (!optional(dir, USER_FACTORS, sums)) {
                throw new EmbrecException(manifestPath + ": '" + Scoring.KEY + "' uses user factors, and " + MANIFEST
                        + " does not list " + USER_FACTORS);
            }
            userFactors = readFile(dir, USER_FACTORS, sums,
                    (in, file) -> Word2VecFormat.BINARY.read(in, file.toString(), Files.size(file)));
            if (userFactors.dim() != vectors.dim()) {
                throw new EmbrecException(dir.resolve(USER_FACTORS) + ": factors of dimension " + userFactors.dim()
                        + ", but the item vectors have " + vectors.dim());
            }
        } else if (sums != null && sums.containsKey(USER_FACTORS)) {
            throw new EmbrecException(manifestPath + ": lists " + USER_FACTORS + ", but its '" + Scoring.KEY
                    + "' does not use user factors");
        }
        EmbeddingStore outputVectors = null;
        if (scoring.needsOutputVectors()) {
            if (!optional(dir, OUTPUT_VECTORS, sums)) {
                throw new EmbrecException(manifestPath + ": '" + Scoring.KEY + "' uses output vectors, and " + MANIFEST
                        + " does not list " + OUTPUT_VECTORS);
            }
            outputVectors = readFile(dir, OUTPUT_VECTORS, sums,
                    (in, file) -> Word2VecFormat.BINARY.read(in, file.toString(), Files.size(file)));
            if (!Scoring.outputFits(vectors, outputVectors)) {
                throw new EmbrecException(dir.resolve(OUTPUT_VECTORS) + ": holds " + outputVectors.size() + " vectors of"
                        + " dimension " + outputVectors.dim() + ", not the rows of " + VECTORS + " with one component more");
            }
        } else if (sums != null && sums.containsKey(OUTPUT_VECTORS)) {
            throw new EmbrecException(manifestPath + ": lists " + OUTPUT_VECTORS + ", but its '" + Scoring.KEY
                    + "' does not use output vectors");
        }
        try {
            return new EmbeddingModel(manifest, vectors, catalog, histories, section, scoring, userFactors,
                    outputVectors);
        } catch (IllegalArgumentException e) {
            throw new EmbrecException(dir.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
    }

    /** Parses a model file from a stream positioned at its start. */
    @FunctionalInterface
    private interface FileParser<T> {
        T parse(InputStream in, Path file) throws IOException;
    }

    /** An optional file is read when the manifest lists it (or, in a model without sums, when it is there). */
    private static boolean optional(Path dir, String name, Map<String, FileChecksum> sums) {
        return sums == null ? Files.isRegularFile(dir.resolve(name)) : sums.containsKey(name);
    }

    private static <T> T readFile(Path dir, String name, Map<String, FileChecksum> sums, FileParser<T> parser) {
        Path file = existing(dir, name);
        FileChecksum expected = sums == null ? null : sums.get(name);
        try (FileChecksum.Reading in = new FileChecksum.Reading(file, expected)) {
            T value;
            try {
                value = parser.parse(in, file);
            } catch (IOException | RuntimeException e) {
                EmbrecException damage = in.damage();
                if (damage != null) {
                    throw damage;
                }
                throw e;
            }
            in.verify();
            return value;
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> coldItems(byte[] bytes, Path file, EmbeddingStore vectors) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new EmbrecException(file + ": not valid UTF-8");
        }
        List<String> out = new ArrayList<>();
        int lineNo = 0;
        for (String id : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            if (id.isEmpty()) {
                continue;
            }
            if (!vectors.contains(id)) {
                throw new EmbrecException(file + ":" + lineNo + ": item '" + Printable.of(id) + "' has no vector in "
                        + VECTORS);
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
        return readStored(dir).manifest();
    }

    /**
     * The manifest (its config without the cold-start keys of older models: they belong to the
     * {@link ColdStartSection}), the sums of the files it lists (null: a model written before
     * sums) and the JSON it was read from.
     */
    private record Stored(ModelManifest manifest, Map<String, FileChecksum> files, JsonNode root,
            Map<String, Object> configWithLegacyKeys) {}

    private static Stored readStored(Path dir) {
        if (!Files.exists(dir)) {
            throw new EmbrecException(dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new EmbrecException(dir + ": not a directory");
        }
        Path file = dir.resolve(MANIFEST);
        if (!Files.exists(file)) {
            throw new EmbrecException(dir + ": not an embrec model directory (no " + MANIFEST + ")");
        }
        JsonNode root = JsonFiles.read(file);
        String source = file.toString();
        if (!root.isObject()) {
            throw new EmbrecException(source + ": expected a JSON object");
        }
        ManifestJson.checkFormat(root, source);
        int version = ManifestJson.formatVersion(root, source);
        if (version != FORMAT_VERSION) {
            String hint = version > FORMAT_VERSION ? "written by a newer embrec; upgrade embrec"
                    : "written by an older embrec; train the model again";
            throw new EmbrecException(source + ": unsupported model format version " + version + " (expected "
                    + FORMAT_VERSION + "; " + hint + ")");
        }
        ModelManifest m = ManifestJson.fromTree(root, source);
        Map<String, Object> config = ModelManifest.namedAsFlags(ColdStartSection.withoutLegacyKeys(m.config()));
        ModelManifest plain = config.equals(m.config()) ? m : new ModelManifest(m.formatVersion(), m.embrecVersion(),
                m.createdAt(), m.algo(), config, m.data(), m.counts(), m.training(), m.metrics());
        return new Stored(plain, ManifestJson.files(root, source), root, m.config());
    }

    private static Path existing(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new EmbrecException(dir + ": " + name + " is missing (the model directory is incomplete)");
        }
        return file;
    }

    /**
     * Writes a new file, syncs it to disk (so the directory rename publishes complete files) and
     * returns its length and CRC-32C.
     */
    private static FileChecksum writeFile(Path file, AtomicFiles.Body<OutputStream> body) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            FileChecksum.Writing out = new FileChecksum.Writing(buffered);
            body.accept(out);
            out.flush();
            ch.force(true);
            return out.checksum();
        }
    }
}
