package org.embrec.index;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.model.RankFusion;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.TopKBuffer;

/**
 * Item queries of a model whose item blend fuses ranks ({@link Scoring.Blend#fused()}): a query is
 * the scoring's candidate query {@code [unit query, query, 1]} against the candidate rows
 * {@code [unit input, output, bias]}, and the answer is the union of each part's top
 * {@link RankFusion#DEPTH} (more when more hits are asked for) ranked by {@link RankFusion}. Over
 * an exact index one scan of the rows scores both parts ({@link RankFusion#scanParts}, what the
 * evaluation runs, so the two agree to the bit); over HNSW the wrapped index is searched for each
 * part (the cosine part {@code [unit query, 0, 0]}, the directed part {@code [0, query, 1]}), twice
 * as deep so that a missed row seldom shifts the ranks. Filters and excluded rows apply inside
 * both parts, so ranks are among the candidates that may be returned.
 *
 * <p>Thread-safe when the wrapped index is; closing closes it.
 */
public final class FusedIndex implements VectorIndex {
    private final VectorIndex inner;
    private final Scoring.Blend blend;
    private final ItemAttributes attributes;
    private final int dim;

    private FusedIndex(VectorIndex inner, Scoring.Blend blend, ItemAttributes attributes) {
        this.inner = inner;
        this.blend = blend;
        this.attributes = attributes;
        if (inner.dim() % 2 != 1) {
            throw new IllegalArgumentException("rank fusion searches [unit input, output, bias] rows, got dim "
                    + inner.dim());
        }
        this.dim = (inner.dim() - 1) / 2;
    }

    /**
     * {@code index} (over a fused scoring's candidate rows) answering item queries by
     * {@code blend}'s rank fusion; {@code attributes} (the rows' filterable metadata) let an exact
     * search scan the rows itself ({@link RankFusion#scanParts}, as the evaluation does).
     */
    public static VectorIndex of(VectorIndex index, Scoring.Blend blend, ItemAttributes attributes) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(attributes, "attributes");
        if (!blend.fused()) {
            throw new IllegalArgumentException("not a rank-fusion blend: " + blend);
        }
        return new FusedIndex(index, blend, attributes);
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
        checkLength(query.length, 1);
        if (inner.type() == IndexType.EXACT) {
            return exact(query, 0, k, predicate(filter), excludeRow);
        }
        // both parts as one batch on this thread
        int cdim = dim();
        float[] parts = new float[2 * cdim];
        writePart(query, 0, true, parts, 0);
        writePart(query, 0, false, parts, cdim);
        KnnResult both = inner.searchBatch(parts, new int[] {excludeRow, excludeRow}, fetch(k), filter, 1,
                Progress.NONE);
        return fused(both.hits(0).rows(), both.hits(1).rows(), k);
    }

    @Override
    public KnnResult searchBatch(float[] queries, int[] exclude, int k, ItemFilter filter, int threads,
            Progress progress) {
        int cdim = dim();
        int n = queries.length / cdim;
        checkLength(queries.length, n);
        KnnResult out = new KnnResult(n, k);
        if (k < 1 || n == 0) {
            return out;
        }
        Progress p = progress == null ? Progress.NONE : progress;
        if (inner.type() == IndexType.EXACT) {
            IntPredicate allowed = predicate(filter);
            AtomicLong done = new AtomicLong();
            Parallel.run(n, Workers.count(threads), (i, w) -> {
                out.set(i, exact(queries, i * cdim, k, allowed, exclude == null ? -1 : exclude[i]));
                p.update("search", done.incrementAndGet(), n, "");
            });
            return out;
        }
        float[] cosQueries = new float[queries.length];
        float[] dirQueries = new float[queries.length];
        for (int q = 0; q < n; q++) {
            writePart(queries, q * cdim, true, cosQueries, q * cdim);
            writePart(queries, q * cdim, false, dirQueries, q * cdim);
        }
        int depth = fetch(k);
        KnnResult cos = inner.searchBatch(cosQueries, exclude, depth, filter, threads, p);
        KnnResult dir = inner.searchBatch(dirQueries, exclude, depth, filter, threads, Progress.NONE);
        for (int q = 0; q < n; q++) {
            out.set(q, fused(cos.hits(q).rows(), dir.hits(q).rows(), k));
        }
        return out;
    }

    /**
     * How many hits each part asks an approximate index for: twice its top {@link RankFusion#DEPTH}
     * (or twice k when more are asked for), so that the ranks of the first {@code DEPTH} are seldom
     * shifted by a row the graph missed.
     */
    private static int fetch(int k) {
        return 2 * Math.max(RankFusion.DEPTH, k);
    }

    private void checkLength(int length, int queries) {
        if (length != (long) queries * dim()) {
            throw new IllegalArgumentException("fused queries have " + dim() + " components each, got " + length
                    + " floats for " + queries);
        }
    }

    private IntPredicate predicate(ItemFilter filter) {
        return filter == null || filter.isNone() ? null : filter.toPredicate(store().ids(), attributes);
    }

    /**
     * Writes one part of the candidate query {@code query[at..at+dim())} into the zeroed
     * {@code out[oo..oo+dim())}: the cosine part (its first {@code dim} components) or the
     * directed part (the rest), the other left zero.
     */
    private void writePart(float[] query, int at, boolean cosine, float[] out, int oo) {
        if (cosine) {
            System.arraycopy(query, at, out, oo, dim);
        } else {
            System.arraycopy(query, at + dim, out, oo + dim, dim + 1);
        }
    }

    /**
     * The exact fusion for the candidate query at {@code queries[at..]}: one scan of the rows
     * scoring both parts ({@link RankFusion#scanParts}) into buffers of each part's top
     * {@code max(DEPTH, k)}.
     */
    private Hits exact(float[] queries, int at, int k, IntPredicate allowed, int excludeRow) {
        int depth = Math.min(Math.max(RankFusion.DEPTH, k), size());
        if (depth < 1) {
            return Hits.empty();
        }
        TopKBuffer cos = new TopKBuffer(depth);
        TopKBuffer dir = new TopKBuffer(depth);
        // the candidate query is [unit q, q, 1]: its second part is the item's vector itself
        RankFusion.scanParts(store(), queries, at + dim, excludeRow, allowed, cos, dir);
        return fused(cos.rowsBestFirst(), dir.rowsBestFirst(), k);
    }

    /** The best {@code k} of the two parts' union by the fusion. */
    private Hits fused(int[] cosRows, int[] dirRows, int k) {
        RankFusion.Fused f = RankFusion.fuse(blend, cosRows, dirRows);
        int m = Math.min(k, f.size());
        float[] scores = new float[m];
        for (int i = 0; i < m; i++) {
            scores[i] = (float) f.scores()[i];
        }
        return new Hits(Arrays.copyOf(f.rows(), m), scores);
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
