package org.embrec.eval;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.embrec.als.FoldIn;
import org.embrec.data.IdMap;
import org.embrec.model.RankFusion;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;
import org.embrec.vectors.TopKBuffer;
import org.embrec.vectors.VectorMath;

/**
 * Scores with an {@link EmbeddingStore} the way the model's {@link Scoring} says, as serving
 * does: the candidates are the items that have a vector (candidate index = store row); i2i
 * scores the query item's vector against every item's, u2i the user's query vector, each by the
 * scoring's similarity (cosine by default, or the inner product of the raw vectors), against the
 * item vectors or, when the scoring says so, the items' output vectors (the directed score); both plus
 * the item's score offset when the store has them (cold-start penalty). The user's query is the
 * user vector of a {@link UserVectors} rule over their history by default (the kernel rule scores
 * every item by {@link org.embrec.model.KernelTerms} instead, the unit item vectors' cosines, as
 * serving does); a scoring that fuses ranks ({@link RankFusion}) ranks each part's top
 * {@link RankFusion#DEPTH} among the candidates a query may return (the item itself, or the
 * user's history, left out) and gives every other candidate the fusion's floor; a scoring with stored
 * user factors (ALS) uses the factors of the case's user (found by
 * {@link Sequences#userKey} of the case's training sequence), and a user without factors gets the
 * scoring's ad-hoc query (fold-in, or the rule).
 *
 * <p>Immutable and thread-safe; workers hold the user-vector scratch.
 */
public final class EmbeddingScorer implements ItemScorer {
    private final String name;
    private final EmbeddingStore store;
    /** The vectors candidates are scored by: {@link #store}, or the model's output vectors. */
    private final EmbeddingStore candidates;
    private final UserVectors rule;
    private final Scoring scoring;
    private final EmbeddingStore userFactors;
    /** Row of each training sequence's user in {@link #userFactors}, or null without factors. */
    private final int[] factorRowOfSequence;
    private final FoldIn foldIn;
    private final int[] rowOfItem;
    private final VectorMath math = VectorMath.get();

    /**
     * A scorer by PROTOCOL.md's cosine rules with a user-vector rule.
     *
     * @param itemIds the split's item id map (the store may hold items outside it: they are
     *     candidates too, as cold-start vectors are)
     */
    public EmbeddingScorer(String name, EmbeddingStore store, IdMap itemIds, UserVectors rule) {
        this(name, store, itemIds, null, rule, Scoring.DEFAULT, null, null);
    }

    /**
     * A scorer of a model that declares {@code scoring}.
     *
     * @param training the split's training sequences (their item ids; with user factors, the users)
     * @param userFactors the users' factors when the scoring uses them (keyed by
     *     {@link Sequences#userKey}), else null
     */
    public EmbeddingScorer(String name, EmbeddingStore store, Sequences training, UserVectors rule, Scoring scoring,
            EmbeddingStore userFactors) {
        this(name, store, training.itemIds(), training, rule, scoring, userFactors, null);
    }

    /**
     * A scorer of a model that declares {@code scoring}, with the output vectors its candidates
     * are scored by when the scoring says so.
     *
     * @param outputVectors the items' output vectors, rows as in {@code store}; required when
     *     {@link Scoring#needsOutputVectors()}, else ignored
     * @throws org.embrec.EmbrecException when the scoring needs output vectors and the store has
     *     rows they lack (a cold-start variant)
     */
    public EmbeddingScorer(String name, EmbeddingStore store, Sequences training, UserVectors rule, Scoring scoring,
            EmbeddingStore userFactors, EmbeddingStore outputVectors) {
        this(name, store, training.itemIds(), training, rule, scoring, userFactors, outputVectors);
    }

    private EmbeddingScorer(String name, EmbeddingStore store, IdMap itemIds, Sequences training, UserVectors rule,
            Scoring scoring, EmbeddingStore userFactors, EmbeddingStore outputVectors) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        if (scoring.needsOutputVectors()) {
            if (outputVectors == null) {
                throw new IllegalArgumentException("the scoring scores candidates by output vectors, and there are none");
            }
            if (!Scoring.outputFits(store, outputVectors)) {
                throw new org.embrec.EmbrecException(name + ": the directed scoring has output vectors for the trained"
                        + " items only; score cold-start variants with --scoring cosine");
            }
            this.candidates = scoring.candidateVectors(store, outputVectors);
        } else {
            this.candidates = store;
        }
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.rule = scoring.userVectors(Objects.requireNonNull(rule, "rule"));
        if (scoring.needsUserFactors() && (userFactors == null || userFactors.dim() != store.dim())) {
            throw new IllegalArgumentException("the scoring uses user factors of the vectors' dimension");
        }
        this.userFactors = scoring.needsUserFactors() ? userFactors : null;
        if (this.userFactors != null) {
            factorRowOfSequence = new int[training.count()];
            for (int s = 0; s < factorRowOfSequence.length; s++) {
                factorRowOfSequence[s] = userFactors.indexOf(training.userKey(s));
            }
        } else {
            factorRowOfSequence = null;
        }
        Scoring.FoldInSettings f = scoring.foldIn();
        this.foldIn = f == null ? null : FoldIn.of(store.matrix(), store.size(), store.dim(), f.alpha(), f.reg());
        rowOfItem = new int[itemIds.size()];
        for (int i = 0; i < rowOfItem.length; i++) {
            rowOfItem[i] = store.indexOf(itemIds.external(i));
        }
    }



    /** A scorer with PROTOCOL.md's default user-vector rule (mean of the raw vectors). */
    public EmbeddingScorer(String name, EmbeddingStore store, IdMap itemIds) {
        this(name, store, itemIds, UserVectors.MEAN);
    }

    /** The rule user queries are made by (resolved: never {@link UserVectors#MODEL}). */
    public UserVectors rule() {
        return rule;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int candidateCount() {
        return store.size();
    }

    @Override
    public String candidateId(int c) {
        return store.id(c);
    }

    @Override
    public int candidateOf(int item) {
        return rowOfItem[item];
    }

    private void addOffsets(double[] scores) {
        if (store.hasScoreOffsets()) {
            for (int r = 0, n = store.size(); r < n; r++) {
                scores[r] += store.scoreOffset(r);
            }
        }
    }

    /**
     * Scores every row for {@code query[qo..qo+dim)} by {@code similarity} (a zero query scores 0
     * everywhere), or against the scoring's candidate vectors by its blend for item or user queries.
     */
    private void score(float[] query, int qo, Similarity similarity, boolean forUser, double[] scores) {
        int dim = store.dim();
        int n = store.size();
        if (candidates != store) {
            // output vectors (after unit input vectors): the blend's query against the longer rows
            float[] q = scoring.candidateQuery(query, qo, dim, forUser);
            int cdim = candidates.dim();
            float[] raw = candidates.matrix();
            for (int r = 0, off = 0; r < n; r++, off += cdim) {
                scores[r] = math.dot(q, 0, raw, off, cdim);
            }
        } else if (similarity == Similarity.INNER_PRODUCT) {
            float[] raw = candidates.matrix();
            for (int r = 0, off = 0; r < n; r++, off += dim) {
                scores[r] = math.dot(query, qo, raw, off, dim);
            }
        } else {
            float norm = math.norm(query, qo, dim);
            // A zero query gives every candidate 0: the tie order then decides.
            float inv = norm > 0 ? 1f / norm : 0f;
            float[] unit = candidates.unitMatrix();
            for (int r = 0, off = 0; r < n; r++, off += dim) {
                scores[r] = math.dot(query, qo, unit, off, dim) * inv;
            }
        }
        addOffsets(scores);
    }

    @Override
    public Worker newWorker() {
        return new Worker() {
            private final float[] user = new float[store.dim()];

            /** Per-part buffers of a rank-fusion scoring (null otherwise). */
            private final boolean fuses = scoring.itemsFused() || scoring.usersFused();
            private final TopKBuffer cosTop = fuses ? new TopKBuffer(RankFusion.DEPTH) : null;
            private final TopKBuffer dirTop = fuses ? new TopKBuffer(RankFusion.DEPTH) : null;
            /** A fused user query's marks: row r is in the history when {@code inHistory[r] == stamp}. */
            private final int[] inHistory = scoring.usersFused() ? new int[store.size()] : null;
            private int stamp;
            private final IntPredicate notInHistory = r -> inHistory[r] != stamp;
            /** The kernel rule's scores of every row, for a fused user query. */
            private final double[] kernel = scoring.usersFused() && !rule.makesVector() ? new double[store.size()]
                    : null;

            @Override
            public void scoreRelated(int query, double[] scores) {
                if (scoring.itemsFused()) {
                    scoreFused(query, scores);
                } else if (scoring.items() == Similarity.COSINE && candidates == store) {
                    float[] unit = store.unitMatrix();
                    int dim = store.dim();
                    int n = store.size();
                    int q = query * dim;
                    for (int r = 0, off = 0; r < n; r++, off += dim) {
                        scores[r] = math.dot(unit, q, unit, off, dim);
                    }
                    addOffsets(scores);
                } else {
                    score(store.matrix(), query * store.dim(), scoring.items(), false, scores);
                }
            }

            /**
             * A rank-fusion scoring's related items, as {@code FusedIndex} serves them: each part's
             * top {@link RankFusion#DEPTH} among the other rows ({@link RankFusion#scanParts}),
             * fused by rank; every other row scores the fusion's floor.
             */
            private void scoreFused(int query, double[] scores) {
                RankFusion.scanParts(candidates, store.matrix(), query * store.dim(), query, null, cosTop, dirTop);
                writeFused(scoring.itemBlend(), scores);
            }

            /** Every row's fused score from the parts' buffers: the fusion's, or its floor. */
            private void writeFused(Scoring.Blend blend, double[] scores) {
                RankFusion.Fused f = RankFusion.fuse(blend, cosTop.rowsBestFirst(), dirTop.rowsBestFirst());
                Arrays.fill(scores, 0, store.size(), (float) RankFusion.floor(blend));
                for (int i = 0; i < f.size(); i++) {
                    scores[f.rows()[i]] = f.scores()[i];
                }
            }

            /**
             * A rank-fusion scoring's user query, as {@code Recommender} serves it: the rule's
             * ranking (the kernel rule's, or the cosine of its vector) and the directed score of
             * the rule's vector ({@link UserVectors#vectorRule()}), each part's top
             * {@link RankFusion#DEPTH} among the rows outside the history, fused by rank.
             */
            private void scoreUserFused(int[] history, int length, double[] scores) {
                stamp++;
                for (int i = 0; i < length; i++) {
                    inHistory[history[i]] = stamp;
                }
                rule.vectorRule().userVector(store, history, length, user);
                if (kernel != null) {
                    RankFusion.scanKernelParts(candidates, rule.kernelTerms(history, length), store.unitMatrix(), user,
                            notInHistory, kernel, cosTop, dirTop);
                } else {
                    RankFusion.scanParts(candidates, user, 0, -1, notInHistory, cosTop, dirTop);
                }
                writeFused(scoring.userBlend(), scores);
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                scoreForUser(-1, history, length, scores);
            }

            @Override
            public void scoreForUser(int sequence, int[] history, int length, double[] scores) {
                int row = factorRowOfSequence == null || sequence < 0 ? -1 : factorRowOfSequence[sequence];
                if (row >= 0) {
                    score(userFactors.matrix(), row * store.dim(), scoring.users(), true, scores);
                    return;
                }
                float[] q = user;
                if (scoring.usersFused()) {
                    scoreUserFused(history, length, scores);
                    return;
                }
                if (foldIn != null) {
                    q = foldIn.solve(history, length);
                } else if (!rule.makesVector()) {
                    rule.kernelTerms(history, length).scoreAll(store.unitMatrix(), store.dim(), store.size(), scores);
                    addOffsets(scores);
                    return;
                } else {
                    rule.userVector(store, history, length, user);
                }
                score(q, 0, scoring.users(), true, scores);
            }
        };
    }
}
