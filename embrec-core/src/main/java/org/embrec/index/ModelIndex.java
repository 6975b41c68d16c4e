package org.embrec.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.JsonFiles;
import org.embrec.Notices;
import org.embrec.OutputDirectory;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;

/**
 * The vector index kept in a model directory, under {@code index/}: {@code index.json}
 * ({@link IndexManifest}) plus the Lucene files (HNSW types) or {@code ivf.bin} (IVF); an exact
 * index stores only the manifest (it is rebuilt in memory in a fraction of a second). Building
 * writes a temp sibling directory and renames it into place, so readers see the old index or the
 * complete new one. An index searches one {@link SearchSpace} (the item vectors by cosine, or
 * the vectors a model's queries are scored against by inner product), and opening checks that
 * it was built for this very space: its source, similarity and vectors. Stateless.
 */
public final class ModelIndex {
    /** Subdirectory of the model directory. */
    public static final String DIR = "index";
    static final String MANIFEST = "index.json";
    /** What may be replaced by an index: an empty {@code index/} or one holding {@code index.json}. */
    public static final OutputDirectory KIND = new OutputDirectory("embrec index directory", MANIFEST,
            dir -> Files.isRegularFile(dir.resolve(MANIFEST)));

    private ModelIndex() {}

    /**
     * Checks, before any work, that an index may be written into {@code modelDir}.
     *
     * @throws EmbrecException when {@code modelDir/index} exists and is not an index
     */
    public static void checkWritable(Path modelDir) {
        KIND.checkReplaceable(modelDir.resolve(DIR));
    }

    /** True when {@code modelDir} holds an index (its manifest exists). */
    public static boolean exists(Path modelDir) {
        return Files.isRegularFile(modelDir.resolve(DIR).resolve(MANIFEST));
    }

    /**
     * Builds the index {@code spec} over the item vectors by cosine ({@link SearchSpace#cosine}).
     *
     * @see #build(Path, SearchSpace, ItemAttributes, IndexSpec, int, Progress)
     */
    public static VectorIndex build(Path modelDir, EmbeddingStore store, ItemAttributes attrs, IndexSpec spec,
            int threads, Progress progress) {
        return build(modelDir, SearchSpace.cosine(store), attrs, spec, threads, progress);
    }

    /**
     * Builds the index {@code spec} over {@code space} (its vectors, ranked by its similarity)
     * with {@code threads} threads (0 = all), replaces {@code modelDir/index} with it and returns
     * it opened; the manifest records the space's source and similarity.
     *
     * @throws EmbrecException when the type cannot rank by the space's similarity
     *     ({@link #checkSupported}), before anything is written
     */
    public static VectorIndex build(Path modelDir, SearchSpace space, ItemAttributes attrs, IndexSpec spec,
            int threads, Progress progress) {
        checkSupported(spec.type(), space.similarity());
        EmbeddingStore store = space.vectors();
        Progress p = progress == null ? Progress.NONE : progress;
        long t0 = System.nanoTime();
        try {
            AtomicFiles.replaceDirectory(modelDir.resolve(DIR), KIND, tmp -> {
                VectorIndex built = switch (spec.type()) {
                    case EXACT -> null;
                    case IVF -> IvfIndex.build(store, attrs, spec.ivf(), threads, p);
                    default -> LuceneHnswIndex.build(store, attrs, spec.type(), spec.hnsw(), space.similarity(), tmp,
                            threads, p);
                };
                if (built instanceof IvfIndex ivf) {
                    try (OutputStream out = Files.newOutputStream(tmp.resolve(IvfFile.NAME))) {
                        IvfFile.write(ivf, out);
                    }
                }
                if (built != null) {
                    built.close();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                IndexManifest m = new IndexManifest(spec, space.source(), space.similarity(), store.size(), store.dim(),
                        VectorChecksum.of(store), seconds, Workers.count(threads));
                Files.write(tmp.resolve(MANIFEST), m.toJson());
            });
        } catch (IOException e) {
            throw new EmbrecException(modelDir.resolve(DIR) + ": cannot write the index (" + e.getMessage() + ")", e);
        }
        return open(modelDir, space, attrs).orElseThrow();
    }

    /**
     * Checks that an index of {@code type} can rank by {@code similarity}: every type ranks by
     * cosine; exact and the HNSW types also by inner product (Lucene's maximum inner product),
     * IVF does not (its cells are spherical k-means of unit vectors).
     *
     * @throws EmbrecException naming {@code --type} when it cannot
     */
    public static void checkSupported(IndexType type, Similarity similarity) {
        checkSupported(type, similarity, "--type");
    }

    /** {@link #checkSupported(IndexType, Similarity)}, the message naming the option {@code flag}. */
    public static void checkSupported(IndexType type, Similarity similarity, String flag) {
        if (type == IndexType.IVF && similarity != Similarity.COSINE) {
            throw new EmbrecException(flag + " " + type.cliName() + " ranks by cosine only; this model ranks by "
                    + similarity.key() + " (a --scoring directed model): use " + flag
                    + " hnsw, hnsw-sq8, hnsw-sq4 or exact");
        }
    }

    /** The manifest of the model's index. */
    public static IndexManifest readManifest(Path modelDir) {
        Path file = modelDir.resolve(DIR).resolve(MANIFEST);
        if (!Files.exists(file)) {
            throw new EmbrecException(modelDir + ": has no index (build one with 'embrec index --model " + modelDir + "')");
        }
        return IndexManifest.parse(JsonFiles.readBytes(file), file.toString());
    }

    /**
     * Opens the model's index over the item vectors by cosine ({@link SearchSpace#cosine}).
     *
     * @see #open(Path, SearchSpace, ItemAttributes)
     */
    public static Optional<VectorIndex> open(Path modelDir, EmbeddingStore store, ItemAttributes attrs) {
        return open(modelDir, SearchSpace.cosine(store), attrs);
    }

    /**
     * Opens the model's index over {@code space} (the vectors the model's queries are scored
     * against), ranking with the vectors' score offsets ({@link OffsetIndex}); empty when there
     * is none.
     *
     * @throws EmbrecException when the index is damaged, or was built for other vectors or
     *     another similarity (the manifest's source, similarity, count, dimension or checksum
     *     differ from the space's)
     */
    public static Optional<VectorIndex> open(Path modelDir, SearchSpace space, ItemAttributes attrs) {
        if (!exists(modelDir)) {
            return Optional.empty();
        }
        IndexManifest m = readManifest(modelDir);
        Path dir = modelDir.resolve(DIR);
        EmbeddingStore store = space.vectors();
        if (!m.searches(space)) {
            throw new EmbrecException(dir + ": was built for " + m.source() + " vectors by " + m.similarity().key()
                    + ", the model ranks " + space.describe() + "; rebuild it with 'embrec index --model " + modelDir
                    + "'");
        }
        if (m.count() != store.size() || m.dim() != store.dim() || !m.checksum().equals(VectorChecksum.of(store))) {
            throw new EmbrecException(dir + ": was built for other vectors (" + m.count() + " x " + m.dim() + ", "
                    + m.checksum() + "); rebuild it with 'embrec index --model " + modelDir + "'");
        }
        IndexSpec spec = m.spec();
        checkSupported(spec.type(), space.similarity());
        VectorIndex index = switch (spec.type()) {
            case EXACT -> ExactIndex.of(store, attrs, space.similarity());
            case IVF -> openIvf(dir, store, attrs, spec);
            default -> openLucene(dir, spec, space, attrs);
        };
        return Optional.of(OffsetIndex.of(index));
    }

    /**
     * The model's index over the item vectors by cosine, else exact search.
     *
     * @see #openOrExact(Path, SearchSpace, ItemAttributes)
     */
    public static VectorIndex openOrExact(Path modelDir, EmbeddingStore store, ItemAttributes attrs) {
        return openOrExact(modelDir, SearchSpace.cosine(store), attrs);
    }

    /**
     * The model's index over {@code space} ({@link #open}) when {@code modelDir} (may be null)
     * holds one, else exact search of the space by its similarity; either way ranking with the
     * vectors' score offsets.
     */
    public static VectorIndex openOrExact(Path modelDir, SearchSpace space, ItemAttributes attrs) {
        Optional<VectorIndex> stored = Optional.empty();
        if (modelDir != null) {
            try {
                stored = open(modelDir, space, attrs);
            } catch (DamagedIndexException e) {
                Notices.warn(e.getMessage() + "; searching exactly instead (rebuild the index with 'embrec index --model "
                        + modelDir + "')");
            }
        }
        return stored.orElseGet(() -> OffsetIndex.of(ExactIndex.of(space.vectors(), attrs, space.similarity())));
    }

    /** The index files are damaged (a Lucene checksum or structure check failed): exact search still answers. */
    static final class DamagedIndexException extends EmbrecException {
        private static final long serialVersionUID = 1L;

        DamagedIndexException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static VectorIndex openIvf(Path dir, EmbeddingStore store, ItemAttributes attrs, IndexSpec spec) {
        try {
            return IvfFile.read(dir.resolve(IvfFile.NAME), store, attrs, spec.ivf().nprobe());
        } catch (EmbrecException e) {
            throw new DamagedIndexException(e.getMessage(), e);
        }
    }

    private static VectorIndex openLucene(Path dir, IndexSpec spec, SearchSpace space, ItemAttributes attrs) {
        try {
            return LuceneHnswIndex.open(dir, spec.type(), spec.hnsw(), space.vectors(), attrs, space.similarity());
        } catch (RuntimeException e) {
            Throwable damage = damage(e);
            if (damage != null) {
                throw new DamagedIndexException(damagedFile(dir, damage) + ": damaged " + spec.type().cliName()
                        + " index file (" + reason(damage) + ")", e);
            }
            throw new EmbrecException(dir + ": cannot open the " + spec.type() + " index (" + firstLine(e.getMessage())
                    + "); rebuild it with 'embrec index'", e);
        }
    }

    /** The Lucene exception in the chain that says the files are damaged, or null. */
    private static Throwable damage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.lucene.index.CorruptIndexException || t instanceof java.io.EOFException
                    || t instanceof org.apache.lucene.index.IndexFormatTooNewException
                    || t instanceof org.apache.lucene.index.IndexFormatTooOldException) {
                return t;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern RESOURCE = java.util.regex.Pattern.compile("path=\"([^\"]+)\"");

    /** The file a Lucene message names ({@code resource=...(path="...")}), else the index directory. */
    private static Path damagedFile(Path dir, Throwable damage) {
        java.util.regex.Matcher m = RESOURCE.matcher(String.valueOf(damage.getMessage()));
        if (m.find()) {
            Path named = Path.of(m.group(1));
            return dir.resolve(named.getFileName().toString());
        }
        return dir;
    }

    private static String reason(Throwable damage) {
        if (damage instanceof java.io.EOFException) {
            return "truncated";
        }
        String m = String.valueOf(damage.getMessage());
        return m.contains("checksum failed") ? "checksum mismatch"
                : m.contains("codec footer") || m.contains("codec header") ? "bad header or footer" : "corrupt";
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
