package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.embrec.eval.EmbeddingScorer;
import org.embrec.eval.ItemScorer;
import org.embrec.eval.MovieLensFixture;
import org.embrec.index.IndexType;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.RankFusion;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.Fit;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.BruteForce;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User queries that fuse the ranks of the rule's ranking and the directed score of the rule's
 * vector ({@link Scoring#usersFused()}), with the recency rule and with the kernel rule, on a
 * skip-gram model of the bundled data: the manifest keeps the fusion; exact search and the
 * evaluation's scorer give the same list and scores, and both equal the brute-force fusion (each
 * part ranked from scratch over the rows outside the history); a stored HNSW index finds it
 * (recall >= 0.95).
 */
class UserRankFusionTest {
    private static final int K = 10;
    private static final Scoring.Blend ITEMS = new Scoring.Blend(1, 0);
    private static final Scoring.Blend USERS = Scoring.Blend.rankFusion(1, 0.3, 100);
    private static final UserVectors RECENCY = UserVectors.recency(0.5);
    private static final UserVectors KERNEL = UserVectors.kernel(2, 2);

    @TempDir
    static Path recencyDir;
    @TempDir
    static Path kernelDir;

    private static Fit recencyFit;
    private static Fit kernelFit;
    private static EmbeddingModel recency;
    private static EmbeddingModel kernel;

    @BeforeAll
    static void train() {
        Fit directed = FixtureModels.fit(FixtureModels.small().withScoring(Word2VecConfig.ItemScoring.DIRECTED));
        recencyFit = new Fit(directed.vectors(), directed.config(), directed.figures(),
                Scoring.blended(ITEMS, USERS).withUserRule(RECENCY), null, directed.outputVectors());
        kernelFit = new Fit(directed.vectors(), directed.config(), directed.figures(),
                Scoring.blended(ITEMS, USERS).withUserRule(KERNEL), null, directed.outputVectors());
        recency = FixtureModels.writeAndRead(recencyDir, recencyFit);
        kernel = FixtureModels.writeAndRead(kernelDir, kernelFit);
    }

    @Test
    void theManifestKeepsTheUserFusion() throws Exception {
        assertThat(recency.scoring()).isEqualTo(Scoring.blended(ITEMS, USERS).withUserRule(RECENCY));
        assertThat(kernel.scoring()).isEqualTo(Scoring.blended(ITEMS, USERS).withUserRule(KERNEL));
        assertThat(kernel.scoring().usersFused()).isTrue();
        assertThat(kernel.scoring().itemsFused()).isFalse();
        assertThat(Files.readString(kernelDir.resolve("manifest.json"))).contains("\"rank_k\" : 100",
                "\"rule\" : \"kernel\"");
    }

    @Test
    void exactSearchAndTheEvaluationRankByTheBruteForceFusion() {
        for (EmbeddingModel model : List.of(recency, kernel)) {
            EmbeddingStore in = model.vectors();
            EmbeddingScorer scorer = new EmbeddingScorer("m", in, MovieLensFixture.liked(), UserVectors.MODEL,
                    model.scoring(), null, model.outputVectors());
            ItemScorer.Worker worker = scorer.newWorker();
            try (Recommender exact = Recommender.open(model, null, UserVectors.MODEL)) {
                assertThat(exact.index().type()).isEqualTo(IndexType.EXACT);
                assertThat(exact.userScoreName()).isEqualTo("rank-fusion");
                int checked = 0;
                List<List<String>> histories = StoredHistories.of(model, 40);
                for (List<String> history : histories) {
                    Recommendations got = exact.forUser(history, K, ItemFilter.NONE);
                    assertThat(ids(got.items())).hasSize(K).doesNotContainAnyElementsOf(history);
                    // served = evaluated, to the bit: both rank the parts by RankFusion's scans
                    int[] rows = history.stream().mapToInt(in::indexOf).toArray();
                    double[] evaluated = new double[in.size()];
                    worker.scoreForUser(rows, rows.length, evaluated);
                    for (int r : rows) {
                        evaluated[r] = Double.NEGATIVE_INFINITY; // the evaluation leaves the history out
                    }
                    assertThat(FusionOracles.topRows(evaluated, K)).as("evaluated %s", history)
                            .isEqualTo(rowsOf(got.items()));
                    for (Neighbor n : got.items()) {
                        assertThat((double) n.score()).isEqualTo(evaluated[n.row()]);
                    }
                    Oracle oracle = new Oracle(model, history);
                    List<Integer> truth = oracle.top(true);
                    if (truth == null) {
                        continue;
                    }
                    checked++;
                    assertThat(rowsOf(got.items())).as("%s", history).isEqualTo(truth);
                    for (Neighbor n : got.items()) {
                        assertThat((double) n.score()).isCloseTo(oracle.fused(n.row()), within(1e-6));
                    }
                }
                assertThat(checked).as(model.scoring().userRule().toString())
                        .isGreaterThanOrEqualTo(histories.size() * 7 / 10);
            }
        }
    }

    @Test
    void hnswFindsTheExactFusion(@TempDir Path hnswRecency, @TempDir Path hnswKernel) {
        for (Fit fit : List.of(recencyFit, kernelFit)) {
            Path dir = fit == recencyFit ? hnswRecency : hnswKernel;
            EmbeddingModel indexed = FixtureModels.writeAndRead(dir, fit);
            FixtureModels.buildHnsw(dir, indexed);
            EmbeddingStore in = indexed.vectors();
            double recall;
            try (Recommender hnsw = Recommender.open(indexed, dir, UserVectors.MODEL)) {
                assertThat(hnsw.index().type()).isEqualTo(IndexType.HNSW);
                recall = StoredHistories.recall(hnsw, StoredHistories.of(indexed, 60), K,
                        h -> new Oracle(indexed, h).top(false).stream().map(in::id).toList());
            }
            assertThat(recall).as("recall@10 of HNSW against the brute-force fusion, %s",
                    fit.scoring().userRule()).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void aFilterRanksAmongTheCandidatesItLets() {
        EmbeddingStore in = kernel.vectors();
        Set<String> denied = new HashSet<>();
        for (int r = 0; r < in.size(); r += 4) {
            denied.add(in.id(r));
        }
        ItemFilter filter = ItemFilter.builder().deny(denied).build();
        try (Recommender exact = Recommender.open(kernel, null, UserVectors.MODEL)) {
            int checked = 0;
            for (List<String> history : StoredHistories.of(kernel, 20)) {
                List<Integer> got = rowsOf(exact.forUser(history, K, filter).items());
                Oracle oracle = new Oracle(kernel, history, r -> !denied.contains(in.id(r)));
                List<Integer> truth = oracle.top(true);
                if (truth != null) {
                    assertThat(got).as("%s", history).isEqualTo(truth);
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(14);
        }
    }

    @Test
    void explanationsNameTheLikedItemsOfTheCosinePart() {
        for (EmbeddingModel model : List.of(recency, kernel)) {
            try (Recommender r = Recommender.open(model, null, UserVectors.MODEL)) {
                for (List<String> history : StoredHistories.of(model, 10)) {
                    Recommendations plain = r.forUser(history, K, ItemFilter.NONE);
                    Recommendations got = r.forUser(history, K, ItemFilter.NONE, Controls.NONE.withExplain(true));
                    assertThat(ids(got.items())).as("explaining changes no list").isEqualTo(ids(plain.items()));
                    assertThat(got.because()).hasSize(K);
                    for (List<Explanations.Because> because : got.because()) {
                        assertThat(because).isNotEmpty();
                        assertThat(because.stream().map(Explanations.Because::id).toList()).isSubsetOf(history);
                    }
                }
            }
        }
    }

    /**
     * The brute-force fusion for one history: each part's score of every row from scratch in
     * doubles (the kernel rule's terms, or the cosine of the recency vector; the directed score of
     * the recency vector of the rule's half-life), ranked over the allowed rows outside the
     * history, ties by lower row.
     */
    private static final class Oracle {
        private final double[] cos;
        private final double[] dir;
        private final List<Integer> rows = new ArrayList<>();

        Oracle(EmbeddingModel model, List<String> history) {
            this(model, history, r -> true);
        }

        Oracle(EmbeddingModel model, List<String> history, java.util.function.IntPredicate allowed) {
            EmbeddingStore in = model.vectors();
            EmbeddingStore out = model.outputVectors();
            UserVectors rule = model.scoring().userRule();
            int n = in.size();
            int len = history.size();
            double[] u = new double[in.dim()];
            double total = 0;
            for (int i = 0; i < len; i++) {
                double w = Math.pow(0.5, (len - 1 - i) / rule.halfLife());
                float[] v = in.vector(in.indexOf(history.get(i)));
                for (int d = 0; d < u.length; d++) {
                    u[d] += w * v[d];
                }
                total += w;
            }
            float[] user = new float[u.length];
            for (int d = 0; d < u.length; d++) {
                user[d] = (float) (u[d] / total);
            }
            int span = Math.min(len, (int) Math.floor(UserVectors.SPAN_HALF_LIVES * rule.halfLife()) + 1);
            double spanTotal = 0;
            for (int j = 0; j < span; j++) {
                spanTotal += Math.pow(0.5, j / rule.halfLife());
            }
            cos = new double[n];
            dir = new double[n];
            Set<Integer> inHistory = new HashSet<>();
            for (String id : history) {
                inHistory.add(in.indexOf(id));
            }
            for (int r = 0; r < n; r++) {
                float[] c = in.vector(r);
                if (rule.kind() == UserVectors.Kind.KERNEL) {
                    double s = 0;
                    for (int j = 0; j < span; j++) {
                        double x = Math.max(0, BruteForce.cosine(in.vector(in.indexOf(history.get(len - 1 - j))), c));
                        s += Math.pow(0.5, j / rule.halfLife()) / spanTotal * Math.pow(x, rule.power());
                    }
                    cos[r] = s;
                } else {
                    cos[r] = BruteForce.cosine(user, c);
                }
                float[] o = out.vector(r);
                double d = o[c.length];
                for (int k = 0; k < c.length; k++) {
                    d += (double) user[k] * o[k];
                }
                dir[r] = d;
                if (!inHistory.contains(r) && allowed.test(r)) {
                    rows.add(r);
                }
            }
        }

        private int rank(double[] score, int c) {
            int r = 0;
            for (int x : rows) {
                if (x != c && (score[x] > score[c] || (score[x] == score[c] && x < c))) {
                    r++;
                }
            }
            return Math.min(r, RankFusion.DEPTH);
        }

        double fused(int c) {
            return (float) fusion(rank(cos, c), rank(dir, c));
        }

        private static double fusion(int rCos, int rDir) {
            return USERS.cosine() / (USERS.rankK() + rCos) + USERS.directed() / (USERS.rankK() + rDir);
        }

        /**
         * The top K by the fusion, or (strict) null when float rounding could change it: the
         * search adds the components in another order, so rows within {@link FusionOracles#EPS} of a
         * neighbour in a part's order may swap ranks.
         */
        List<Integer> top(boolean strict) {
            double[] f = new double[cos.length];
            for (int r : rows) {
                f[r] = fused(r);
            }
            List<Integer> top = rows.stream().sorted(Comparator.comparingDouble((Integer r) -> -f[r])
                    .thenComparingInt(r -> r)).limit(K).toList();
            if (strict) {
                double kth = f[top.get(top.size() - 1)];
                Set<Integer> uncertain = new HashSet<>(FusionOracles.nearTies(cos, rows, K));
                uncertain.addAll(FusionOracles.nearTies(dir, rows, K));
                for (int r : uncertain) {
                    double best = fusion(Math.max(0, rank(cos, r) - 1), Math.max(0, rank(dir, r) - 1));
                    if (top.contains(r) || best >= kth) {
                        return null;
                    }
                }
            }
            return top;
        }
    }

    private static List<Integer> rowsOf(List<Neighbor> list) {
        return list.stream().map(Neighbor::row).toList();
    }

    private static List<String> ids(List<Neighbor> list) {
        return list.stream().map(Neighbor::id).toList();
    }
}
