package org.embrec.index;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;

/**
 * Exact cosine search (Faiss's {@code IndexFlatIP} on normalised vectors), or exact inner-product
 * search ({@link Similarity#INNER_PRODUCT}: raw rows and raw queries, for models that score by
 * the inner product, such as ALS's user factors times item factors). The rows are scaled to
 * unit length once (cosine), tiled for SIMD ({@link TiledVectors}), and every query scans all of them
 * keeping a bounded heap. Batches are blocked: a worker loads a block of up to
 * {@value #MAX_BLOCK} queries and streams the tiles once for the whole block, so memory traffic
 * is shared by the block instead of paid per query. It is the oracle for the approximate indexes.
 *
 * <p>Immutable and thread-safe. Holds a tiled copy of the unit vectors (4 bytes per component).
 */
public final class ExactIndex implements VectorIndex {
    /** Queries per block: 256 x 64 floats (64 KiB) stay in L2 while tiles stream past. */
    static final int MAX_BLOCK = 256;

    private final EmbeddingStore store;
    private final ItemAttributes attributes;
    private final TileKernel kernel;
    private final TiledVectors tiles;
    private final Similarity similarity;

    private ExactIndex(EmbeddingStore store, ItemAttributes attributes, TileKernel kernel, Similarity similarity) {
        this.store = store;
        this.attributes = attributes;
        this.kernel = kernel;
        this.similarity = similarity;
        this.tiles = TiledVectors.of(store.matrix(), store.size(), store.dim(), kernel.lanes(),
                similarity == Similarity.COSINE);
    }

    /** An exact cosine index over {@code store}; {@code attributes} (rows of the store) serve filters. */
    public static ExactIndex of(EmbeddingStore store, ItemAttributes attributes) {
        return of(store, attributes, Similarity.COSINE);
    }

    /**
     * An exact index over {@code store} scoring by {@code similarity}: cosine, or the inner
     * product of the raw query with the raw rows; {@code attributes} (rows of the store) serve filters.
     */
    public static ExactIndex of(EmbeddingStore store, ItemAttributes attributes, Similarity similarity) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(similarity, "similarity");
        if (attributes.rows() != store.size()) {
            throw new IllegalArgumentException("attributes have " + attributes.rows() + " rows, store " + store.size());
        }
        return new ExactIndex(store, attributes, TileKernel.get(), similarity);
    }

    /** How this index scores. */
    public Similarity similarity() {
        return similarity;
    }

    /** An exact index without filterable metadata (genre and year filters then match nothing). */
    public static ExactIndex of(EmbeddingStore store) {
        return of(store, ItemAttributes.none(store.size()));
    }

    /** The same index computed with the plain-loop kernel (for tests of the SIMD kernel). */
    static ExactIndex scalar(EmbeddingStore store, ItemAttributes attributes) {
        return new ExactIndex(store, attributes, TileKernel.scalar(), Similarity.COSINE);
    }

    @Override
    public IndexType type() {
        return IndexType.EXACT;
    }

    @Override
    public EmbeddingStore store() {
        return store;
    }

    /** Name of the dot-product kernel in use (for benchmark output). */
    public String kernelName() {
        return kernel.name();
    }

    @Override
    public Hits search(float[] query, int k, ItemFilter filter, int excludeRow) {
        checkQuery(query.length, k);
        QueryBlock block = new QueryBlock(1, dim(), Math.min(k, size()), similarity == Similarity.COSINE);
        block.load(query, 0, 1, excludeRow < 0 ? null : new int[] {excludeRow}, size(), predicate(filter));
        kernel.scan(tiles, block, 0, tiles.tiles());
        return block.hits(0);
    }

    @Override
    public KnnResult searchBatch(float[] queries, int[] exclude, int k, ItemFilter filter, int threads,
            Progress progress) {
        checkQuery(dim(), k);
        if (queries.length % dim() != 0) {
            throw new IllegalArgumentException(queries.length + " floats is not a whole number of " + dim() + "-d queries");
        }
        int nq = queries.length / dim();
        if (exclude != null && exclude.length != nq) {
            throw new IllegalArgumentException(nq + " queries but " + exclude.length + " exclusions");
        }
        int kk = Math.min(k, size());
        KnnResult out = new KnnResult(nq, kk);
        if (nq == 0 || kk == 0) {
            return out;
        }
        int workers = Math.min(Workers.count(threads), nq);
        int block = QueryBlock.roundUp(Math.min(MAX_BLOCK, (nq + workers - 1) / workers));
        int blocks = (nq + block - 1) / block;
        IntPredicate pred = predicate(filter);
        AtomicLong done = new AtomicLong();
        Progress p = progress == null ? Progress.NONE : progress;
        Workers.forEach(blocks, workers, () -> {
            QueryBlock qb = new QueryBlock(block, dim(), kk, similarity == Similarity.COSINE);
            return b -> {
                int first = b * block;
                int count = Math.min(block, nq - first);
                qb.load(queries, first, count, exclude, size(), pred);
                kernel.scan(tiles, qb, 0, tiles.tiles());
                for (int q = 0; q < count; q++) {
                    qb.writeTo(q, out, first + q);
                }
                p.update("search", done.addAndGet(count), nq, "");
            };
        });
        return out;
    }

    private IntPredicate predicate(ItemFilter filter) {
        return filter == null ? null : filter.toPredicate(store.ids(), attributes);
    }

    private void checkQuery(int length, int k) {
        if (length != dim()) {
            throw new IllegalArgumentException("query has " + length + " dimensions, index has " + dim());
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    @Override
    public long searchBytesPerVector() {
        return tiles.bytesPerVector();
    }
}
