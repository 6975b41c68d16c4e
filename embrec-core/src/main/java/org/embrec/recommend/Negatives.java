package org.embrec.recommend;

/**
 * The rule for items a user dislikes (docs/CONTROLS.md): within the re-ranking pool
 * ({@link Mmr#poolSize}), a candidate's relevance (the model's score scaled to [0, 1] in the pool,
 * {@link Mmr#minMax}) loses {@link #WEIGHT} x its largest positive cosine (of item vectors) to a
 * disliked item: {@code relevance - 1.0 x max(0, max_n cos(candidate, n))}. A near duplicate of a
 * disliked item falls by up to the whole relevance range; an unrelated item keeps its place. The
 * disliked items themselves are never returned. Stateless.
 */
public final class Negatives {
    /** How much a perfect likeness to a disliked item costs, in units of the pool's relevance range. */
    public static final double WEIGHT = 1.0;

    private Negatives() {}

    /**
     * Subtracts the penalty from {@code relevance} in place.
     *
     * @param unit the candidates' unit vectors, row-major
     * @param negatives the disliked items' unit vectors, row-major ({@code count} of them)
     */
    public static void penalise(double[] relevance, float[] unit, float[] negatives, int count, int dim) {
        for (int i = 0; i < relevance.length; i++) {
            double worst = 0;
            for (int n = 0; n < count; n++) {
                double dot = 0;
                for (int d = 0; d < dim; d++) {
                    dot += unit[i * dim + d] * negatives[n * dim + d];
                }
                worst = Math.max(worst, dot);
            }
            relevance[i] -= WEIGHT * worst;
        }
    }
}
