package org.embrec.recommend;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.embrec.index.Hits;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.VectorIndex;
import org.embrec.model.KernelTerms;
import org.embrec.model.RankFusion;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.TopK;
import org.embrec.vectors.TopKBuffer;

/**
 * User recommendations by the {@link org.embrec.model.UserVectors#kernel kernel} rule through a
 * {@link VectorIndex}: a candidate scores {@link KernelTerms#score} plus its score offset (the
 * cold-start penalty), as {@code evaluate} scores it. Through an exact index every row is scored,
 * so the answer is the evaluated ranking; through an approximate one (HNSW, IVF) each history
 * term's own nearest items are the candidates, rescored exactly, fetched deeper until no unseen
 * candidate can beat the k-th (Fagin's threshold algorithm, {@link #approximate}). A scoring
 * that fuses the rule's ranking with the directed score's ({@link Scoring#usersFused()}) gets
 * {@link #fused}. Stateless.
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
            queries[j] = scoring.cosineQuery(vectors.vector(terms.row(j)), 0, dim);
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

    /**
     * The {@code k} best rows for a fused user query of the kernel rule: the rank fusion
     * ({@link RankFusion}) of {@code terms}' ranking and the directed score of {@code user} (the
     * recency vector of the rule's half-life), each part among the rows that pass {@code filter}.
     * Through an exact index one scan scores both parts, as {@code evaluate} does
     * ({@link RankFusion#scanKernelParts}); through an approximate one the kernel part is
     * {@link #search}'s top {@code max(DEPTH, k)} (rescored exactly) and the directed part the
     * index's answer to {@code [0, user, 1]}, twice as deep, as {@code FusedIndex} asks.
     *
     * @param index the user queries' index over the scoring's candidate rows
     */
    static Hits fused(KernelTerms terms, float[] user, int k, ItemFilter filter, EmbeddingStore vectors,
            ItemAttributes attributes, VectorIndex index, Scoring scoring) {
        Scoring.Blend blend = scoring.userBlend();
        int depth = Math.max(RankFusion.DEPTH, k);
        int[] cosRows;
        int[] dirRows;
        if (index.type() == IndexType.EXACT) {
            int n = Math.min(depth, vectors.size());
            if (n < 1) {
                return Hits.of(new int[0], new float[0]);
            }
            TopKBuffer cos = new TopKBuffer(n);
            TopKBuffer dir = new TopKBuffer(n);
            RankFusion.scanKernelParts(index.store(), terms, vectors.unitMatrix(), user,
                    filter.toPredicate(vectors.ids(), attributes), new double[vectors.size()], cos, dir);
            cosRows = cos.rowsBestFirst();
            dirRows = dir.rowsBestFirst();
        } else {
            cosRows = search(terms, depth, filter, vectors, attributes, index, scoring).rows();
            dirRows = index.search(scoring.directedQuery(user, 0, vectors.dim()), 2 * depth, filter).rows();
        }
        RankFusion.Fused f = RankFusion.fuse(blend, cosRows, dirRows);
        int m = Math.min(k, f.size());
        float[] scores = new float[m];
        for (int i = 0; i < m; i++) {
            scores[i] = (float) f.scores()[i];
        }
        return Hits.of(Arrays.copyOf(f.rows(), m), scores);
    }

    private static float score(double kernel, EmbeddingStore vectors, int row) {
        return (float) (vectors.hasScoreOffsets() ? kernel + vectors.scoreOffset(row) : kernel);
    }
}
