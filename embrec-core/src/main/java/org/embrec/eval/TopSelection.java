package org.embrec.eval;

import java.util.Arrays;

/**
 * Selects the K best candidates of one case's score array in PROTOCOL.md's order (score
 * descending, equal scores by tie key ascending), skipping candidates scored {@code -Infinity}
 * (excluded). One pass over the scores with a sorted buffer of K: a candidate that does not beat
 * the current K-th is rejected with one comparison, which is almost every candidate, so the pass
 * costs about as much as {@link Ranking#rank}.
 *
 * <p>Not thread-safe: one instance per evaluation thread (it owns the buffers).
 */
final class TopSelection {
    private final int k;
    private final double[] bestScore;
    private final double[] bestKey;
    private final int[] best;

    TopSelection(int k) {
        this.k = k;
        bestScore = new double[k];
        bestKey = new double[k];
        best = new int[k];
    }

    /**
     * Writes the top K of candidates {@code 0..n)} to {@code out[off .. off+K)}, best first,
     * padded with {@link TopLists#NONE}.
     */
    void select(double[] scores, int n, double[] tieKey, int[] out, int off) {
        int size = 0;
        double worstScore = Double.NEGATIVE_INFINITY;
        double worstKey = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            double s = scores[c];
            // Full buffer: only a candidate ranked before the K-th enters. Excluded ones (-Inf) never do.
            if (s < worstScore || s == Double.NEGATIVE_INFINITY || (s == worstScore && tieKey[c] > worstKey)) {
                continue;
            }
            double key = tieKey[c];
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && (bestScore[pos - 1] < s || (bestScore[pos - 1] == s && bestKey[pos - 1] > key))) {
                bestScore[pos] = bestScore[pos - 1];
                bestKey[pos] = bestKey[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            bestScore[pos] = s;
            bestKey[pos] = key;
            best[pos] = c;
            if (size == k) {
                worstScore = bestScore[k - 1];
                worstKey = bestKey[k - 1];
            }
        }
        System.arraycopy(best, 0, out, off, size);
        Arrays.fill(out, off + size, off + k, TopLists.NONE);
    }
}
