package org.embrec.model;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.ScoreKeys;
import org.embrec.vectors.TopKBuffer;
import org.embrec.vectors.VectorMath;

/**
 * Reciprocal-rank fusion of a query's two rankings (Cormack et al. 2009): a candidate
 * scores {@code cosine / (k + r_cos) + directed / (k + r_dir)}, r its 0-based rank in each part's
 * ranking of the candidates (score descending, then row ascending), capped at {@link #DEPTH}: a
 * candidate ranked {@code DEPTH} or lower in a part, or not in its list, counts as ranked
 * {@code DEPTH} there. So the fused score of every candidate follows from each part's top
 * {@code DEPTH}, which an index can search; evaluation and every serving path compute it here.
 * An item query's parts are the cosine and the directed score of its vector
 * ({@link #scanParts}); a user query's are its rule's ranking (the cosine of the rule's vector,
 * or the kernel rule's scores, {@link #scanKernelParts}) and the directed score of the rule's
 * vector.
 *
 * <p>Stateless; the arrays passed in are read, the result is new.
 */
public final class RankFusion {
    /** Ranks at or below this count as this rank (the score's floor): each part's list is its top {@code DEPTH}. */
    public static final int DEPTH = 200;

    private RankFusion() {}

    /** The fused score of a candidate at 0-based ranks {@code rCos} and {@code rDir} (capped at {@link #DEPTH}). */
    public static double score(Scoring.Blend blend, int rCos, int rDir) {
        double k = blend.rankK();
        return blend.cosine() / (k + Math.min(rCos, DEPTH)) + blend.directed() / (k + Math.min(rDir, DEPTH));
    }

    /** The score of a candidate in neither part's top {@link #DEPTH}: the lowest a candidate can score. */
    public static double floor(Scoring.Blend blend) {
        return score(blend, DEPTH, DEPTH);
    }

    /**
     * Scores every candidate row for the item query {@code query[qo..qo+dim)} by both parts and
     * offers each to its buffer, rows in ascending order: the cosine part {@code unit(query) .
     * row[0..dim)} and the directed part {@code query . row[dim..2 dim) + row[2 dim]} of a fused
     * scoring's candidate rows ({@link Scoring#candidateVectors}), each plus the row's score
     * offset. Row {@code excludeRow} and rows {@code allowed} rejects (null: none) are skipped.
     * The one computation exact search and the evaluation share, so they rank alike to the bit.
     */
    public static void scanParts(EmbeddingStore candidates, float[] query, int qo, int excludeRow,
            IntPredicate allowed, TopKBuffer cos, TopKBuffer dir) {
        int cdim = candidates.dim();
        int dim = (cdim - 1) / 2;
        VectorMath math = VectorMath.get();
        float norm = math.norm(query, qo, dim);
        float inv = norm > 0 ? 1f / norm : 0f;
        float[] raw = candidates.matrix();
        boolean offsets = candidates.hasScoreOffsets();
        cos.clear();
        dir.clear();
        int n = candidates.size();
        float[] dots = new float[4];
        // two rows per step: their four slices against the query, which is read once (dot4 gives
        // each dot bit for bit as dot would)
        int r = 0;
        for (; r + 1 < n; r += 2) {
            int off = r * cdim;
            math.dot4(raw, off, off + dim, off + cdim, off + cdim + dim, query, qo, dim, dots, 0);
            offer(candidates, raw, r, off, dim, dots[0], dots[1], inv, offsets, excludeRow, allowed, cos, dir);
            offer(candidates, raw, r + 1, off + cdim, dim, dots[2], dots[3], inv, offsets, excludeRow, allowed, cos,
                    dir);
        }
        if (r < n) {
            int off = r * cdim;
            offer(candidates, raw, r, off, dim, math.dot(raw, off, query, qo, dim),
                    math.dot(raw, off + dim, query, qo, dim), inv, offsets, excludeRow, allowed, cos, dir);
        }
    }

    /**
     * The kernel rule's fused user query, exact, as {@link #scanParts} for a vector query: the
     * cosine part of row r is {@code terms}' kernel score over {@code unit} (the item vectors'
     * unit rows, {@link KernelTerms#scoreAll}), the directed part {@code query . row[dim..2 dim) +
     * row[2 dim]}, {@code query} the recency vector of the kernel rule's half-life
     * ({@link UserVectors#vectorRule()}); each plus the row's score offset, rounded to float. Rows
     * {@code allowed} rejects (null: none) are skipped; rows offered in ascending order.
     *
     * @param kernel scratch of at least {@code candidates.size()} values
     */
    public static void scanKernelParts(EmbeddingStore candidates, KernelTerms terms, float[] unit, float[] query,
            IntPredicate allowed, double[] kernel, TopKBuffer cos, TopKBuffer dir) {
        int cdim = candidates.dim();
        int dim = (cdim - 1) / 2;
        int n = candidates.size();
        VectorMath math = VectorMath.get();
        terms.scoreAll(unit, dim, n, kernel);
        float[] raw = candidates.matrix();
        boolean offsets = candidates.hasScoreOffsets();
        cos.clear();
        dir.clear();
        for (int r = 0, off = 0; r < n; r++, off += cdim) {
            if (allowed != null && !allowed.test(r)) {
                continue;
            }
            float offset = offsets ? candidates.scoreOffset(r) : 0f;
            cos.offer(r, (float) (kernel[r] + offset));
            dir.offer(r, math.dot(raw, off + dim, query, 0, dim) + raw[off + 2 * dim] + offset);
        }
    }

    private static void offer(EmbeddingStore candidates, float[] raw, int r, int off, int dim, float cosDot,
            float dirDot, float inv, boolean offsets, int excludeRow, IntPredicate allowed, TopKBuffer cos,
            TopKBuffer dir) {
        if (r == excludeRow || (allowed != null && !allowed.test(r))) {
            return;
        }
        float offset = offsets ? candidates.scoreOffset(r) : 0f;
        cos.offer(r, cosDot * inv + offset);
        dir.offer(r, dirDot + raw[off + 2 * dim] + offset);
    }

    /**
     * The candidates of either list with their fused scores rounded to float (what every path
     * serves and evaluates), best first, equal scores by lower row.
     *
     * @param cosRows the cosine part's rows, best first (at least its top {@link #DEPTH}, or all
     *     candidates when there are fewer); ranks past {@code DEPTH} count as {@code DEPTH}
     * @param dirRows the directed part's rows, the same way
     * @return {@code rows} and {@code scores} of the union, best first
     */
    public static Fused fuse(Scoring.Blend blend, int[] cosRows, int[] dirRows) {
        if (blend.rankK() == 0) {
            throw new IllegalArgumentException("not a rank-fusion blend: " + blend);
        }
        int cosCount = cosRows.length;
        int dirCount = dirRows.length;
        // each entry: row in the high 32 bits, then list (0 cosine, 1 directed), then rank: sorting
        // brings a row's entries together without a map or an object per candidate
        long[] keys = new long[cosCount + dirCount];
        for (int i = 0; i < cosCount; i++) {
            keys[i] = (long) cosRows[i] << 32 | i;
        }
        for (int i = 0; i < dirCount; i++) {
            keys[cosCount + i] = (long) dirRows[i] << 32 | 1L << 31 | i;
        }
        Arrays.sort(keys);
        // one entry per row: its fused score (as a float, what every path returns) and the row,
        // packed so that a primitive sort puts the best first, equal scores by lower row
        long[] fused = new long[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; ) {
            int row = (int) (keys[i] >>> 32);
            int rCos = DEPTH;
            int rDir = DEPTH;
            for (; i < keys.length && (int) (keys[i] >>> 32) == row; i++) {
                int rank = (int) (keys[i] & 0x7fff_ffffL);
                if ((keys[i] & 1L << 31) == 0) {
                    rCos = Math.min(rCos, rank);
                } else {
                    rDir = Math.min(rDir, rank);
                }
            }
            fused[n++] = ScoreKeys.key((float) score(blend, rCos, rDir), row);
        }
        Arrays.sort(fused, 0, n);
        int[] rows = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = ScoreKeys.row(fused[i]);
            scores[i] = ScoreKeys.score(fused[i]);
        }
        return new Fused(rows, scores);
    }

    /**
     * Fused candidates, best first.
     *
     * @param rows candidate rows
     * @param scores their fused scores
     */
    public record Fused(int[] rows, double[] scores) {
        public int size() {
            return rows.length;
        }
    }
}
