package org.embrec.eval;

import org.embrec.vectors.VectorMath;

/**
 * The rank of a target among scored candidates, by PROTOCOL.md's rule: score descending, equal
 * scores by tie key ascending; rank = 1 + #candidates scoring higher + #candidates scoring
 * equal with a smaller key. Candidates scored {@code -Infinity} are excluded.
 *
 * <p>Counting runs on the Vector API whenever {@link VectorMath#get()} does (about 5x faster
 * than the scalar loop, which stays as the oracle). Stateless and thread-safe.
 */
public final class Ranking {
    private static final boolean SIMD = VectorMath.get() != VectorMath.scalar();

    private Ranking() {}

    /**
     * @param scores finite scores of candidates {@code 0..n)}, {@code -Infinity} for excluded ones
     * @param tieKey tie key per candidate (see {@link TieOrder}), as doubles (exact for ints)
     * @param target a candidate whose score is finite
     */
    public static int rank(double[] scores, int n, double[] tieKey, int target) {
        return SIMD ? PanamaRanking.rank(scores, n, tieKey, target) : rankScalar(scores, n, tieKey, target);
    }

    /** The scalar implementation of {@link #rank}: the oracle of the vectorised one. */
    static int rankScalar(double[] scores, int n, double[] tieKey, int target) {
        return 1 + countBefore(scores, 0, n, tieKey, scores[target], tieKey[target]);
    }

    /** Candidates in {@code [from, to)} that rank before a score {@code s} with tie key {@code key}. */
    static int countBefore(double[] scores, int from, int to, double[] tieKey, double s, double key) {
        int before = 0;
        for (int c = from; c < to; c++) {
            double v = scores[c];
            // Branch-free count; the target itself never counts (equal score, equal key).
            before += (v > s) | (v == s & tieKey[c] < key) ? 1 : 0;
        }
        return before;
    }

    /** Tie keys as doubles, for {@link #rank}. */
    public static double[] asDoubles(int[] tieKey) {
        double[] out = new double[tieKey.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = tieKey[i];
        }
        return out;
    }

    /** NDCG gain of a hit at rank r: 1 / log2(r + 1). */
    public static double gain(int rank) {
        return 1.0 / (Math.log(rank + 1.0) / Math.log(2.0));
    }
}
