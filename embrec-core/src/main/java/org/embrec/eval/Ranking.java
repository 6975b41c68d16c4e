package org.embrec.eval;

/**
 * The rank of a target among scored candidates, by PROTOCOL.md's rule: score descending, equal
 * scores by tie key ascending; rank = 1 + #candidates scoring higher + #candidates scoring
 * equal with a smaller key. Candidates scored {@code -Infinity} are excluded.
 *
 * <p>Stateless and thread-safe.
 */
public final class Ranking {
    private Ranking() {}

    /**
     * @param scores finite scores of candidates {@code 0..n)}, {@code -Infinity} for excluded ones
     * @param tieKey tie key per candidate (see {@link TieOrder})
     * @param target a candidate whose score is finite
     */
    public static int rank(double[] scores, int n, int[] tieKey, int target) {
        double s = scores[target];
        int key = tieKey[target];
        int before = 0;
        for (int c = 0; c < n; c++) {
            double v = scores[c];
            // Branch-free count; the target itself never counts (equal score, equal key).
            before += (v > s) | (v == s & tieKey[c] < key) ? 1 : 0;
        }
        return before + 1;
    }

    /** NDCG gain of a hit at rank r: 1 / log2(r + 1). */
    public static double gain(int rank) {
        return 1.0 / (Math.log(rank + 1.0) / Math.log(2.0));
    }
}
