package org.embrec.index;

import java.io.Closeable;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;

/**
 * Cosine top-k search over the rows of an {@link EmbeddingStore}. Scores are cosine similarities
 * (an {@link ExactIndex} or {@link LuceneHnswIndex} built for
 * {@link org.embrec.vectors.Similarity#INNER_PRODUCT} scores by the inner product instead:
 * maximum inner-product search); hits come best first, equal scores by lower row. Searching for a stored item never returns that
 * item: it is excluded by row, not by dropping the first hit (a duplicate vector is a different
 * item and may legitimately score 1.0).
 *
 * <p>Implementations are thread-safe for concurrent searches. Exact implementations return the true
 * top-k; approximate ones say so in {@link #type()} and are measured by {@code bench-index}.
 */
public interface VectorIndex extends Closeable {
    /** The index type (exact, hnsw, ...). */
    IndexType type();

    /** The vectors this index searches (its rows are the store's rows). */
    EmbeddingStore store();

    /** Number of indexed rows. */
    default int size() {
        return store().size();
    }

    /** Dimension of the vectors. */
    default int dim() {
        return store().dim();
    }

    /**
     * The {@code k} rows most similar to {@code query} (any length; zero gives score 0 everywhere)
     * that pass {@code filter}, skipping row {@code excludeRow} (-1 for none).
     */
    Hits search(float[] query, int k, ItemFilter filter, int excludeRow);

    /** {@link #search(float[], int, ItemFilter, int)} without an excluded row. */
    default Hits search(float[] query, int k, ItemFilter filter) {
        return search(query, k, filter, -1);
    }

    /**
     * The {@code k} rows nearest to stored row {@code row}'s own vector, never {@code row} itself.
     * Over a model's candidate rows (a blended or fused scoring) the row is not the model's item
     * query: the model's {@code Recommender} builds that query.
     */
    default Hits searchItem(int row, int k, ItemFilter filter) {
        if (row < 0 || row >= size()) {
            throw new IndexOutOfBoundsException("row " + row + " not in [0, " + size() + ")");
        }
        return search(store().vector(row), k, filter, row);
    }

    /**
     * Top-k of many queries on {@code threads} threads: {@code queries} holds {@code queries.length
     * / dim()} vectors row-major (not modified); {@code exclude[q]} is the row query {@code q} must
     * not return (-1 for none; the array may be null).
     */
    KnnResult searchBatch(float[] queries, int[] exclude, int k, ItemFilter filter, int threads, Progress progress);

    /**
     * Bytes per vector that searching reads: the float vectors for exact search; graph links plus
     * (quantized) vectors for HNSW.
     */
    long searchBytesPerVector();

    /** Releases files and memory (no-op for in-memory indexes). */
    @Override
    default void close() {}
}
