package org.embrec.recommend;

/**
 * Maximal marginal relevance re-ranking (Carbonell &amp; Goldstein 1998; docs/CONTROLS.md): from a
 * pool of the {@link #poolSize} best candidates by the model's score, repeatedly pick the one
 * maximising {@code (1 - L) x relevance - L x (largest cosine of its item vector to an item
 * already picked)}; the first pick is the most relevant. Relevance is the model's score scaled to
 * [0, 1] within the pool ({@link #minMax}), so the same L means the same trade-off for a cosine
 * model and an inner-product one. Equal values go to the candidate ranked higher by the model.
 * With {@code L = 0} the order is the relevance order. Stateless.
 */
public final class Mmr {
    /** Smallest pool re-ranked: {@code max(MIN_POOL, 5 k)} candidates. */
    public static final int MIN_POOL = 50;

    private Mmr() {}

    /** Candidates re-ranked for a list of {@code k}: {@code max(50, 5k)}. */
    public static int poolSize(int k) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_POOL, 5L * k));
    }

    /**
     * The scores scaled to [0, 1] within the pool: {@code (s - min) / (max - min)}; all 1 when the
     * scores are equal.
     */
    public static double[] minMax(float[] scores, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, scores[i]);
            hi = Math.max(hi, scores[i]);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = hi > lo ? (scores[i] - lo) / (hi - lo) : 1;
        }
        return out;
    }

    /**
     * The greedy MMR order of {@code relevance.length} candidates: indices into the pool, the
     * first {@code min(k, pool)} picks.
     *
     * @param relevance each candidate's relevance (higher is better)
     * @param unit the candidates' unit-length vectors, row-major, {@code dim} floats each
     * @param lambda L in [0, 1]
     */
    public static int[] rerank(double[] relevance, float[] unit, int dim, int k, double lambda) {
        int n = relevance.length;
        int picks = Math.min(k, n);
        int[] order = new int[picks];
        boolean[] taken = new boolean[n];
        double[] maxSim = new double[n];
        java.util.Arrays.fill(maxSim, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < picks; p++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double v = (1 - lambda) * relevance[i] - (p == 0 ? 0 : lambda * maxSim[i]);
                if (best < 0 || v > bestValue) {
                    best = i;
                    bestValue = v;
                }
            }
            order[p] = best;
            taken[best] = true;
            int bo = best * dim;
            for (int i = 0; i < n; i++) {
                if (!taken[i]) {
                    double dot = 0;
                    int io = i * dim;
                    for (int d = 0; d < dim; d++) {
                        dot += unit[io + d] * unit[bo + d];
                    }
                    maxSim[i] = Math.max(maxSim[i], dot);
                }
            }
        }
        return order;
    }
}
