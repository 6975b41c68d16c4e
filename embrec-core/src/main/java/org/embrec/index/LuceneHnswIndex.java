package org.embrec.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;
import org.embrec.vectors.VectorMath;

/**
 * Approximate cosine search on a Lucene HNSW graph ({@code KnnFloatVectorField} with dot product
 * over unit vectors), optionally over scalar-quantized vectors ({@link IndexType#HNSW_SQ8},
 * {@link IndexType#HNSW_SQ4}); or, for {@link Similarity#INNER_PRODUCT}, approximate maximum
 * inner-product search: the graph holds the rows' {@link MipsTransform} (unit vectors one
 * component longer, whose cosine with a transformed query ranks as the inner product). A query
 * asks the graph for {@code max(k, efSearch)} candidates, then scores them exactly against the
 * store's unit vectors (cosine) or raw vectors (inner product) and keeps the best k: scores are
 * the true similarities, and the graph and quantization only affect which candidates are found.
 * Filters run on Lucene's filtered-kNN path ({@link ItemFilter#toLuceneQuery}): the graph walk skips rejected documents,
 * and Lucene falls back to exact search when few documents pass.
 *
 * <p>Thread-safe for concurrent searches; {@link #close()} releases the files.
 */
public final class LuceneHnswIndex implements VectorIndex {
    private final IndexType type;
    private final HnswParams params;
    private final Similarity similarity;
    private final EmbeddingStore store;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final LeafReader singleLeaf;
    private final int[] docToRow;
    private final float[] unit;
    private final VectorMath math = VectorMath.get();
    private final long searchBytes;
    private final long diskBytes;
    private final ItemAttributes attributes;

    private LuceneHnswIndex(IndexType type, HnswParams params, Similarity similarity, EmbeddingStore store,
            ItemAttributes attributes, Directory directory, DirectoryReader reader, int[] docToRow, long searchBytes,
            long diskBytes) {
        this.attributes = attributes;
        this.type = type;
        this.params = params;
        this.similarity = similarity;
        this.store = store;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        List<LeafReaderContext> leaves = reader.leaves();
        this.singleLeaf = leaves.size() == 1 ? leaves.get(0).reader() : null;
        this.docToRow = docToRow;
        this.unit = similarity == Similarity.COSINE ? store.unitMatrix() : store.matrix();
        this.searchBytes = searchBytes;
        this.diskBytes = diskBytes;
    }

    /**
     * Builds a cosine {@code type} index of {@code store} into the empty or missing directory
     * {@code dir} with {@code threads} threads (0 = all processors) and opens it.
     */
    public static LuceneHnswIndex build(EmbeddingStore store, ItemAttributes attrs, IndexType type, HnswParams params,
            Path dir, int threads, Progress progress) {
        return build(store, attrs, type, params, Similarity.COSINE, dir, threads, progress);
    }

    /**
     * Builds a {@code type} index of {@code store} ranking by {@code similarity} into the empty or
     * missing directory {@code dir} with {@code threads} threads (0 = all processors) and opens it.
     */
    public static LuceneHnswIndex build(EmbeddingStore store, ItemAttributes attrs, IndexType type, HnswParams params,
            Similarity similarity, Path dir, int threads, Progress progress) {
        if (!type.isLucene()) {
            throw new IllegalArgumentException(type + " is not a Lucene index type");
        }
        if (attrs.rows() != store.size()) {
            throw new IllegalArgumentException("attributes have " + attrs.rows() + " rows, store " + store.size());
        }
        LuceneIndexWriter.write(store, attrs, type, params, similarity, dir, threads,
                progress == null ? Progress.NONE : progress);
        return open(dir, type, params, store, attrs, similarity);
    }

    /** Opens a cosine index written by {@link #build} for the same {@code store}, without catalogue attributes. */
    public static LuceneHnswIndex open(Path dir, IndexType type, HnswParams params, EmbeddingStore store) {
        return open(dir, type, params, store, ItemAttributes.none(store.size()));
    }

    /** Opens an index written by {@link #build} ranking by {@code similarity}, without catalogue attributes. */
    public static LuceneHnswIndex open(Path dir, IndexType type, HnswParams params, EmbeddingStore store,
            Similarity similarity) {
        return open(dir, type, params, store, ItemAttributes.none(store.size()), similarity);
    }

    /** Opens a cosine index written by {@link #build} for the same {@code store}, with catalogue attributes. */
    public static LuceneHnswIndex open(Path dir, IndexType type, HnswParams params, EmbeddingStore store,
            ItemAttributes attrs) {
        return open(dir, type, params, store, attrs, Similarity.COSINE);
    }

    /**
     * Opens an index written by {@link #build} for the same {@code store} and {@code similarity};
     * {@code attrs} (rows of the store) serve filters on catalogue attributes, which the index
     * files do not hold.
     *
     * @throws IllegalStateException when the files' vector field is not the one an index for
     *     {@code similarity} over vectors of the store's dimension holds
     */
    public static LuceneHnswIndex open(Path dir, IndexType type, HnswParams params, EmbeddingStore store,
            ItemAttributes attrs, Similarity similarity) {
        Directory directory = null;
        DirectoryReader reader = null;
        try {
            directory = FSDirectory.open(dir);
            reader = DirectoryReader.open(directory);
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity(); // every file's Lucene checksum: a flipped bit fails here, not mid-search
            }
            if (reader.maxDoc() != store.size() || reader.numDocs() != store.size()) {
                throw new IllegalStateException("index " + dir + " has " + reader.numDocs() + " documents, the vectors "
                        + store.size() + " rows");
            }
            int graphDim = store.dim() + (similarity == Similarity.COSINE ? 0 : 1); // MipsTransform adds one
            for (LeafReaderContext leaf : reader.leaves()) {
                FieldInfo field = leaf.reader().getFieldInfos().fieldInfo(LuceneFields.VECTOR);
                if (field != null && (field.getVectorDimension() != graphDim
                        || field.getVectorSimilarityFunction() != VectorSimilarityFunction.DOT_PRODUCT)) {
                    throw new IllegalStateException("index " + dir + " holds " + field.getVectorDimension() + "-d "
                            + field.getVectorSimilarityFunction() + " vectors, expected " + graphDim + "-d DOT_PRODUCT ("
                            + similarity.key() + " over " + store.dim() + "-d vectors)");
                }
            }
            int[] docToRow = docToRow(reader);
            long[] bytes = bytes(dir, type);
            return new LuceneHnswIndex(type, params, similarity, store, attrs, directory, reader, docToRow,
                    bytes[0] / Math.max(1, store.size()), bytes[1] / Math.max(1, store.size()));
        } catch (IOException | RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(directory);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("opening index " + dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    private static int[] docToRow(DirectoryReader reader) throws IOException {
        int[] map = new int[reader.maxDoc()];
        for (LeafReaderContext ctx : reader.leaves()) {
            SortedNumericDocValues rows = ctx.reader().getSortedNumericDocValues(LuceneFields.ROW);
            for (int doc = rows.nextDoc(); doc != SortedNumericDocValues.NO_MORE_DOCS; doc = rows.nextDoc()) {
                map[ctx.docBase + doc] = (int) rows.nextValue();
            }
        }
        return map;
    }

    /**
     * {bytes searching reads, bytes on disk}: searching reads the graph and the vectors it scores
     * (the quantized ones for quantized types; their raw floats are kept only for merging).
     */
    private static long[] bytes(Path dir, IndexType type) throws IOException {
        long search = 0;
        long disk = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                long size = Files.size(f);
                disk += size;
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                String ext = name.substring(name.lastIndexOf('.') + 1);
                boolean graph = ext.equals("vex");
                boolean vectors = type == IndexType.HNSW ? ext.equals("vec") : ext.equals("veq");
                if (graph || vectors) {
                    search += size;
                }
            }
        }
        return new long[] {search, disk};
    }

    @Override
    public IndexType type() {
        return type;
    }

    public HnswParams params() {
        return params;
    }

    /** What the index ranks by. */
    public Similarity similarity() {
        return similarity;
    }

    @Override
    public EmbeddingStore store() {
        return store;
    }

    @Override
    public Hits search(float[] query, int k, ItemFilter filter, int excludeRow) {
        if (query.length != dim()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index has " + dim());
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        float[] q = query.clone();
        float[] graphQuery = q;
        if (similarity == Similarity.COSINE) {
            float norm = math.norm(q, 0, q.length);
            if (norm > 0) {
                math.scale(1f / norm, q, 0, q.length);
            }
        } else {
            graphQuery = MipsTransform.query(q); // candidates from the graph; scores by the raw inner product
        }
        int want = Math.min(size(), Math.max(k + (excludeRow >= 0 ? 1 : 0), params.efSearch()));
        if (want == 0) {
            return Hits.empty();
        }
        Query lucene = filter == null ? null : filter.toLuceneQuery(store.ids(), attributes);
        TopDocs candidates = candidates(graphQuery, want, lucene);
        return rescore(q, candidates.scoreDocs, Math.min(k, size()), excludeRow);
    }

    private TopDocs candidates(float[] q, int want, Query filter) {
        try {
            if (filter == null && singleLeaf != null) {
                // The unfiltered hot path: straight to the segment's graph, no query machinery.
                AcceptDocs all = AcceptDocs.fromLiveDocs(singleLeaf.getLiveDocs(), singleLeaf.maxDoc());
                return singleLeaf.searchNearestVectors(LuceneFields.VECTOR, q, want, all, Integer.MAX_VALUE);
            }
            return searcher.search(new KnnFloatVectorQuery(LuceneFields.VECTOR, q, want, filter), want);
        } catch (IOException e) {
            throw new UncheckedIOException("searching index", e);
        }
    }

    /** Segments in the index (1 after a build). */
    int segments() {
        return reader.leaves().size();
    }

    /** Nodes the graph search visits for a unit query asking for {@code want} candidates (a graph visits few). */
    long visitedNodes(float[] unitQuery, int want) {
        return candidates(unitQuery, want, null).totalHits.value();
    }

    /**
     * Exact similarity of each candidate with the query {@code q} (unit for cosine); the best {@code k} without the
     * excluded row, best first (ties: lower row). Candidates arrive nearly sorted, so an insertion
     * sort is linear in practice.
     */
    private Hits rescore(float[] q, ScoreDoc[] docs, int k, int excludeRow) {
        int dim = dim();
        int[] rows = new int[docs.length];
        float[] scores = new float[docs.length];
        int m = 0;
        for (ScoreDoc sd : docs) {
            int row = docToRow[sd.doc];
            if (row == excludeRow) {
                continue;
            }
            float s = math.dot(q, 0, unit, row * dim, dim);
            int i = m++;
            while (i > 0 && (scores[i - 1] < s || (scores[i - 1] == s && rows[i - 1] > row))) {
                rows[i] = rows[i - 1];
                scores[i] = scores[i - 1];
                i--;
            }
            rows[i] = row;
            scores[i] = s;
        }
        int n = Math.min(k, m);
        return new Hits(java.util.Arrays.copyOf(rows, n), java.util.Arrays.copyOf(scores, n));
    }

    @Override
    public KnnResult searchBatch(float[] queries, int[] exclude, int k, ItemFilter filter, int threads,
            Progress progress) {
        int dim = dim();
        if (queries.length % dim != 0) {
            throw new IllegalArgumentException(queries.length + " floats is not a whole number of " + dim + "-d queries");
        }
        int nq = queries.length / dim;
        KnnResult out = new KnnResult(nq, Math.min(k, size()));
        int chunk = 256;
        AtomicLong done = new AtomicLong();
        Progress p = progress == null ? Progress.NONE : progress;
        Workers.forEach((nq + chunk - 1) / chunk, threads, () -> c -> {
            int to = Math.min(nq, (c + 1) * chunk);
            for (int q = c * chunk; q < to; q++) {
                float[] query = java.util.Arrays.copyOfRange(queries, q * dim, (q + 1) * dim);
                out.set(q, search(query, k, filter, exclude == null ? -1 : exclude[q]));
            }
            p.update("search", done.addAndGet(to - c * chunk), nq, "");
        });
        return out;
    }

    @Override
    public long searchBytesPerVector() {
        return searchBytes;
    }

    /** Bytes of the whole Lucene directory per vector (graph, vectors, filter fields). */
    public long diskBytesPerVector() {
        return diskBytes;
    }

    @Override
    public void close() {
        closeQuietly(reader);
        closeQuietly(directory);
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing useful to do: the index was only read
            }
        }
    }
}
