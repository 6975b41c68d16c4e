package org.embrec.index;

import java.util.Objects;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.TopK;

/**
 * An index whose scores include the store's per-row {@linkplain EmbeddingStore#scoreOffset score
 * offsets} (the cold-start penalty): it asks the wrapped index for more hits than wanted, adds the
 * offsets, and keeps the best {@code k}. It asks again for four times as many until the answer
 * cannot change: the {@code k}-th adjusted score is at least the last fetched cosine plus the
 * largest offset (no row left out can beat it), or the index has no more rows. Over an exact
 * index the result is the exact top-k of cosine + offset, equal scores by lower row; over an
 * approximate one, as good as its candidates.
 *
 * <p>Thread-safe when the wrapped index is; closing closes it.
 */
public final class OffsetIndex implements VectorIndex {
    private final VectorIndex inner;
    private final EmbeddingStore store;
    private final float maxOffset;

    private OffsetIndex(VectorIndex inner) {
        this.inner = inner;
        this.store = inner.store();
        float max = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < store.size(); r++) {
            max = Math.max(max, store.scoreOffset(r));
        }
        this.maxOffset = max;
    }

    /** {@code index} ranking with its store's score offsets; the index itself when it has none. */
    public static VectorIndex of(VectorIndex index) {
        Objects.requireNonNull(index, "index");
        return index.store().hasScoreOffsets() && !(index instanceof OffsetIndex) ? new OffsetIndex(index) : index;
    }

    @Override
    public IndexType type() {
        return inner.type();
    }

    @Override
    public EmbeddingStore store() {
        return store;
    }

    @Override
    public Hits search(float[] query, int k, ItemFilter filter, int excludeRow) {
        if (k < 1) {
            return inner.search(query, k, filter, excludeRow); // the index's own message
        }
        int fetch = firstFetch(k);
        while (true) {
            Hits h = inner.search(query, fetch, filter, excludeRow);
            Hits best = rerank(h.rows(), h.scores(), h.size(), k, fetch);
            if (best != null) {
                return best;
            }
            fetch = nextFetch(fetch);
        }
    }

    @Override
    public KnnResult searchBatch(float[] queries, int[] exclude, int k, ItemFilter filter, int threads,
            Progress progress) {
        int dim = dim();
        int n = queries.length / dim;
        KnnResult out = new KnnResult(n, k);
        if (k < 1 || n == 0) {
            return out;
        }
        int fetch = firstFetch(k);
        KnnResult first = inner.searchBatch(queries, exclude, fetch, filter, threads, progress);
        float[] q = new float[dim];
        for (int i = 0; i < n; i++) {
            Hits h = first.hits(i);
            Hits best = rerank(h.rows(), h.scores(), h.size(), k, fetch);
            if (best == null) { // rare: most fetched rows carried a penalty; ask this query alone
                System.arraycopy(queries, i * dim, q, 0, dim);
                best = search(q, k, filter, exclude == null ? -1 : exclude[i]);
            }
            out.set(i, best.rows(), best.scores(), best.size());
        }
        return out;
    }

    private int firstFetch(int k) {
        return (int) Math.min(size(), 4L * k);
    }

    private int nextFetch(int fetch) {
        return (int) Math.min(size(), 4L * fetch);
    }

    /**
     * The best {@code k} of {@code count} hits (by cosine, best first) after adding the offsets,
     * or null when a row beyond them could still enter: the fetch was full ({@code count ==
     * fetch}, rows remain) and the k-th adjusted score is below the last cosine + the largest offset.
     */
    private Hits rerank(int[] rows, float[] cosines, int count, int k, int fetch) {
        TopK top = new TopK(Math.min(k, count));
        for (int i = 0; i < count; i++) {
            top.offer(rows[i], cosines[i] + store.scoreOffset(rows[i]));
        }
        int[] r = top.rowsBestFirst();
        float[] s = top.scoresBestFirst();
        boolean exhausted = count < fetch || fetch >= size();
        if (!exhausted && (r.length < k || s[r.length - 1] < cosines[count - 1] + maxOffset)) {
            return null;
        }
        return new Hits(r, s);
    }

    @Override
    public long searchBytesPerVector() {
        return inner.searchBytesPerVector();
    }

    @Override
    public void close() {
        inner.close();
    }
}
