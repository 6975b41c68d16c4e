package org.embrec.eval;

import java.util.Arrays;
import java.util.Objects;
import org.embrec.recommend.Mmr;
import org.embrec.vectors.EmbeddingStore;

/**
 * A model's scorer re-ranked by maximal marginal relevance, as the recommender re-ranks a list
 * ({@link Mmr}; docs/CONTROLS.md): for each query, the pool is the best {@code max(50, 5k)}
 * candidates by the model's score (the query, or the user's training items, left out; ties in
 * PROTOCOL.md's order), relevance is the score scaled to [0, 1] in the pool, similarity the cosine
 * of the model's item vectors, and the first {@code k} MMR picks are ranked first, in pick order;
 * every other candidate keeps its place after them by the model's score. So HR@k and the top-k
 * lists (intra-list diversity) are those of the re-ranked list; HR@K beyond k (the curve) mixes
 * the two orders. Immutable and thread-safe; each worker keeps its own scratch.
 */
public final class MmrScorer implements ItemScorer {
    /** Added to the picks' scores so they rank first; far above any model score. */
    private static final double PICKED = 1e9;

    private final ItemScorer inner;
    private final EmbeddingStore store;
    private final double lambda;
    private final int k;
    private final int[] tieKey;
    private final String name;

    /**
     * @param inner the model's scorer; candidate index = row of {@code store}
     * @param store the model's item vectors (the similarity between candidates)
     * @param lambda L in [0, 1]
     * @param k the length of the re-ranked list
     */
    public MmrScorer(ItemScorer inner, EmbeddingStore store, double lambda, int k) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.store = Objects.requireNonNull(store, "store");
        if (store.size() != inner.candidateCount()) {
            throw new IllegalArgumentException("store has " + store.size() + " rows for " + inner.candidateCount()
                    + " candidates");
        }
        if (!(lambda >= 0 && lambda <= 1) || k < 1) {
            throw new IllegalArgumentException("need L in [0, 1] and k >= 1, got " + lambda + ", " + k);
        }
        this.lambda = lambda;
        this.k = k;
        this.tieKey = TieOrder.keys(inner);
        this.name = inner.name() + suffix(lambda);
    }

    /** The suffix of a re-ranked model's name: {@code +mmr0.2}. */
    public static String suffix(double lambda) {
        return "+mmr" + (lambda == Math.rint(lambda) ? Long.toString((long) lambda) : Double.toString(lambda));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int candidateCount() {
        return inner.candidateCount();
    }

    @Override
    public String candidateId(int c) {
        return inner.candidateId(c);
    }

    @Override
    public int candidateOf(int item) {
        return inner.candidateOf(item);
    }

    @Override
    public Worker newWorker() {
        ItemScorer.Worker w = inner.newWorker();
        int pool = Math.min(Mmr.poolSize(k), candidateCount());
        Integer[] order = new Integer[candidateCount()];
        int dim = store.dim();
        float[] unit = store.unitMatrix();
        float[] poolUnit = new float[pool * dim];
        float[] poolScores = new float[pool];
        return new Worker() {
            @Override
            public void scoreRelated(int query, double[] scores) {
                w.scoreRelated(query, scores);
                rerank(scores, new int[] {query}, 1);
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                w.scoreForUser(history, length, scores);
                rerank(scores, history, length);
            }

            @Override
            public void scoreForUser(int sequence, int[] history, int length, double[] scores) {
                w.scoreForUser(sequence, history, length, scores);
                rerank(scores, history, length);
            }

            private void rerank(double[] scores, int[] leftOut, int length) {
                int n = candidateCount();
                double[] s = scores;
                boolean[] out = new boolean[n];
                for (int i = 0; i < length; i++) {
                    out[leftOut[i]] = true;
                }
                int m = 0;
                for (int c = 0; c < n; c++) {
                    if (!out[c]) {
                        order[m++] = c;
                    }
                }
                Arrays.sort(order, 0, m, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a])
                        : Integer.compare(tieKey[a], tieKey[b]));
                int size = Math.min(pool, m);
                for (int i = 0; i < size; i++) {
                    System.arraycopy(unit, order[i] * dim, poolUnit, i * dim, dim);
                    poolScores[i] = (float) s[order[i]];
                }
                int[] picks = Mmr.rerank(Mmr.minMax(poolScores, size), Arrays.copyOf(poolUnit, size * dim), dim, k,
                        lambda);
                for (int p = 0; p < picks.length; p++) {
                    s[order[picks[p]]] = PICKED - p;
                }
            }
        };
    }
}
