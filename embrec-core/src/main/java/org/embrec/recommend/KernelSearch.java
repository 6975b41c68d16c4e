package org.embrec.recommend;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.embrec.index.Hits;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.VectorIndex;
import org.embrec.model.KernelTerms;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.TopK;

/**
 * User recommendations by the {@link org.embrec.model.UserVectors#kernel kernel} rule through a
 * {@link VectorIndex}: a candidate scores {@link KernelTerms#score} plus its score offset (the
 * cold-start penalty), as {@code evaluate} scores it. Through an exact index every row is scored,
 * so the answer is the evaluated ranking; through an approximate one (HNSW, IVF) each history
 * term's own nearest items are the candidates, rescored exactly, fetched deeper until no unseen
 * candidate can beat the k-th (Fagin's threshold algorithm, {@link #approximate}).
 * Stateless.
 */
final class KernelSearch {
    /** Candidates fetched per history term from an approximate index, at least. */
    static final int PER_TERM = 100;

    private KernelSearch() {}

    /**
     * The {@code k} best rows for {@code terms} that pass {@code filter}, best first (ties: lower
     * row).
     *
     * @param vectors the item vectors (their unit rows give the cosines; their offsets are added)
     * @param index the user queries' index: its rows are {@code vectors}' rows
     * @param scoring the model's scoring, which makes each term's query for {@code index}
     */
    static Hits search(KernelTerms terms, int k, ItemFilter filter, EmbeddingStore vectors, ItemAttributes attributes,
            VectorIndex index, Scoring scoring) {
        int dim = vectors.dim();
        float[] unit = vectors.unitMatrix();
        TopK top = new TopK(k);
        if (index.type() == IndexType.EXACT) {
            int n = vectors.size();
            double[] scores = new double[n];
            terms.scoreAll(unit, dim, n, scores);
            IntPredicate allowed = filter.toPredicate(vectors.ids(), attributes);
            for (int r = 0; r < n; r++) {
                if (allowed == null || allowed.test(r)) {
                    top.offer(r, score(scores[r], vectors, r));
                }
            }
        } else {
            approximate(terms, k, filter, vectors, index, scoring, top);
        }
        return Hits.of(top.rowsBestFirst(), top.scoresBestFirst());
    }

    /**
     * Fagin's threshold algorithm over the terms' own searches: each term's nearest
     * {@code fetch} items are rescored exactly; a candidate found by none scores at most
     * {@code Σ_j w_j max(0, s_j)^power}, {@code s_j} the last score of term j's list, so when the
     * k-th best found scores at least that, no unfound candidate can enter the top k (with exact
     * lists and without score offsets; the index's approximation aside). Otherwise {@code fetch}
     * grows fourfold, up to every row.
     */
    private static void approximate(KernelTerms terms, int k, ItemFilter filter, EmbeddingStore vectors,
            VectorIndex index, Scoring scoring, TopK top) {
        int dim = vectors.dim();
        float[] unit = vectors.unitMatrix();
        float[][] queries = new float[terms.size()][];
        for (int j = 0; j < terms.size(); j++) {
            queries[j] = scoring.candidateQuery(vectors.vector(terms.row(j)), 0, dim, true);
        }
        for (int fetch = Math.max(PER_TERM, 2 * k);; fetch = (int) Math.min(vectors.size(), 4L * fetch)) {
            top.clear();
            int[] candidates = new int[terms.size() * fetch];
            int found = 0;
            double bound = 0;
            for (int j = 0; j < terms.size(); j++) {
                Hits h = index.search(queries[j], fetch, filter);
                for (int i = 0; i < h.size(); i++) {
                    candidates[found++] = h.row(i);
                }
                if (h.size() == fetch) {
                    bound += terms.contribution(j, h.score(fetch - 1));
                }
            }
            Arrays.sort(candidates, 0, found);
            for (int i = 0; i < found; i++) {
                int r = candidates[i];
                if (i == 0 || r != candidates[i - 1]) {
                    top.offer(r, score(terms.score(unit, dim, r), vectors, r));
                }
            }
            if (fetch >= vectors.size() || (top.size() == k && top.threshold() >= bound)) {
                return;
            }
        }
    }

    private static float score(double kernel, EmbeddingStore vectors, int row) {
        return (float) (vectors.hasScoreOffsets() ? kernel + vectors.scoreOffset(row) : kernel);
    }
}
