package org.embrec.index;

import java.util.Objects;
import org.embrec.Progress;
import org.embrec.model.RankFusion;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;

/**
 * Item queries of a model whose item blend fuses ranks ({@link Scoring.Blend#fused()}): a query is
 * the scoring's candidate query {@code [unit query, query, 1]} against the candidate rows
 * {@code [unit input, output, bias]}. This index searches the wrapped one twice, once for each
 * part (the cosine part {@code [unit query, 0, 0]}, the directed part {@code [0, query, 1]}),
 * each for its top {@link RankFusion#DEPTH} (more when more hits are asked for), and returns the
 * union ranked by {@link RankFusion}. Over an exact index that is the exact fused ranking of all
 * candidates that pass the filter; over HNSW, as good as its two lists. Filters and excluded
 * rows apply inside both searches, so ranks are among the candidates that may be returned.
 *
 * <p>Thread-safe when the wrapped index is; closing closes it.
 */
public final class FusedIndex implements VectorIndex {
    private final VectorIndex inner;
    private final Scoring.Blend blend;
    private final int dim;

    private FusedIndex(VectorIndex inner, Scoring.Blend blend) {
        this.inner = inner;
        this.blend = blend;
        if (inner.dim() % 2 != 1) {
            throw new IllegalArgumentException("rank fusion searches [unit input, output, bias] rows, got dim "
                    + inner.dim());
        }
        this.dim = (inner.dim() - 1) / 2;
    }

    /** {@code index} (over a fused scoring's candidate rows) answering item queries by {@code blend}'s rank fusion. */
    public static VectorIndex of(VectorIndex index, Scoring.Blend blend) {
        Objects.requireNonNull(index, "index");
        if (!blend.fused()) {
            throw new IllegalArgumentException("not a rank-fusion blend: " + blend);
        }
        return new FusedIndex(index, blend);
    }

    /** The index each part is searched in. */
    public VectorIndex inner() {
        return inner;
    }

    @Override
    public IndexType type() {
        return inner.type();
    }

    @Override
    public EmbeddingStore store() {
        return inner.store();
    }

    @Override
    public Hits search(float[] query, int k, ItemFilter filter, int excludeRow) {
        if (k < 1) {
            return inner.search(query, k, filter, excludeRow); // the index's own message
        }
        // both parts as one batch on this thread: an exact scan reads each row once for the two
        int cdim = dim();
        float[] parts = new float[2 * cdim];
        System.arraycopy(part(query, 0, true), 0, parts, 0, cdim);
        System.arraycopy(part(query, 0, false), 0, parts, cdim, cdim);
        KnnResult both = inner.searchBatch(parts, new int[] {excludeRow, excludeRow}, fetch(k), filter, 1,
                Progress.NONE);
        return fused(both.hits(0), both.hits(1), k);
    }

    @Override
    public KnnResult searchBatch(float[] queries, int[] exclude, int k, ItemFilter filter, int threads,
            Progress progress) {
        int cdim = dim();
        int n = queries.length / cdim;
        KnnResult out = new KnnResult(n, k);
        if (k < 1 || n == 0) {
            return out;
        }
        float[] cosQueries = new float[queries.length];
        float[] dirQueries = new float[queries.length];
        for (int q = 0; q < n; q++) {
            System.arraycopy(queries, q * cdim, cosQueries, q * cdim, dim);
            System.arraycopy(queries, q * cdim + dim, dirQueries, q * cdim + dim, dim + 1);
        }
        int depth = fetch(k);
        KnnResult cos = inner.searchBatch(cosQueries, exclude, depth, filter, threads, progress);
        KnnResult dir = inner.searchBatch(dirQueries, exclude, depth, filter, threads, Progress.NONE);
        for (int q = 0; q < n; q++) {
            out.set(q, fused(cos.hits(q), dir.hits(q), k));
        }
        return out;
    }

    /**
     * How many hits each part asks for: its top {@link RankFusion#DEPTH} (k when more are asked
     * for); over an approximate index twice that, so that the ranks of the first {@code DEPTH}
     * are seldom shifted by a row the graph missed.
     */
    private int fetch(int k) {
        int depth = Math.max(RankFusion.DEPTH, k);
        return inner.type() == IndexType.EXACT ? depth : 2 * depth;
    }

    /** One part of the candidate query {@code query[at..at+dim())}: the cosine part or the directed part, the other zero. */
    private float[] part(float[] query, int at, boolean cosine) {
        if (query.length - at < dim()) {
            throw new IllegalArgumentException("a fused query has " + dim() + " components, got " + (query.length - at));
        }
        float[] p = new float[dim()];
        if (cosine) {
            System.arraycopy(query, at, p, 0, dim);
        } else {
            System.arraycopy(query, at + dim, p, dim, dim + 1);
        }
        return p;
    }

    private Hits fused(Hits cos, Hits dir, int k) {
        RankFusion.Fused f = RankFusion.fuse(blend, cos.rows(), cos.size(), dir.rows(), dir.size());
        int m = Math.min(k, f.size());
        int[] rows = new int[m];
        float[] scores = new float[m];
        for (int i = 0; i < m; i++) {
            rows[i] = f.rows()[i];
            scores[i] = (float) f.scores()[i];
        }
        return new Hits(rows, scores);
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
