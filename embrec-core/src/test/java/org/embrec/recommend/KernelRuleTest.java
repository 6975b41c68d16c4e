package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.embrec.EmbrecException;
import org.embrec.eval.EmbeddingScorer;
import org.embrec.eval.ItemScorer;
import org.embrec.eval.MovieLensFixture;
import org.embrec.index.IndexType;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
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
 * A model that declares the kernel user rule: the manifest keeps it; exact search and the
 * evaluation's scorer rank users by the brute-force kernel score, in the item vectors' space and in
 * a blended model's input-output space; a stored HNSW index finds >= 0.95 of it; explanations
 * split the score into its per-item terms; a model that ranks users by a directed score refuses it.
 */
class KernelRuleTest {
    private static final int K = 10;
    private static final UserVectors KERNEL = UserVectors.kernel(1, 3);

    @TempDir
    static Path cosineDir;
    @TempDir
    static Path blendedDir;

    private static EmbeddingModel cosine;
    private static EmbeddingModel blended;

    @BeforeAll
    static void train() {
        Fit plain = FixtureModels.fit(FixtureModels.small().withScoring(Word2VecConfig.ItemScoring.COSINE));
        cosine = FixtureModels.writeAndRead(cosineDir, new Fit(plain.vectors(), plain.config(), plain.figures(),
                Scoring.DEFAULT.withUserRule(KERNEL), null, null));
        Fit directed = FixtureModels.fit(FixtureModels.small().withScoring(Word2VecConfig.ItemScoring.DIRECTED));
        blended = FixtureModels.writeAndRead(blendedDir, new Fit(directed.vectors(), directed.config(),
                directed.figures(), Scoring.blended(new Scoring.Blend(1, 0.3), new Scoring.Blend(1, 0))
                        .withUserRule(KERNEL), null, directed.outputVectors()));
    }

    @Test
    void theManifestKeepsTheRule() throws Exception {
        assertThat(cosine.scoring().userRule()).isEqualTo(KERNEL);
        assertThat(blended.scoring().userRule()).isEqualTo(KERNEL);
        assertThat(Files.readString(cosineDir.resolve("manifest.json"))).contains("\"rule\" : \"kernel\"",
                "\"half_life\" : 1.0", "\"power\" : 3");
    }

    @Test
    void exactSearchAndTheEvaluationRankByTheKernelScore() {
        for (EmbeddingModel model : List.of(cosine, blended)) {
            EmbeddingStore in = model.vectors();
            EmbeddingScorer scorer = new EmbeddingScorer("m", in, MovieLensFixture.liked(), UserVectors.MODEL,
                    model.scoring(), null, model.outputVectors());
            assertThat(scorer.rule()).isEqualTo(KERNEL);
            ItemScorer.Worker worker = scorer.newWorker();
            try (Recommender exact = Recommender.open(model, null, UserVectors.MODEL)) {
                assertThat(exact.rule()).isEqualTo(KERNEL);
                for (List<String> history : StoredHistories.of(model, 40)) {
                    Recommendations got = exact.forUser(history, K, ItemFilter.NONE);
                    assertThat(got.query()).isEqualTo("kernel(half-life 1, power 3)");
                    assertThat(ids(got.items())).as("%s", history).isEqualTo(oracle(model, history));
                    int[] rows = history.stream().mapToInt(in::indexOf).toArray();
                    double[] evaluated = new double[in.size()];
                    worker.scoreForUser(rows, rows.length, evaluated);
                    for (Neighbor n : got.items()) {
                        double s = kernel(model, history, n.id());
                        assertThat((double) n.score()).isCloseTo(s, within(1e-5));
                        assertThat(evaluated[n.row()]).isCloseTo(s, within(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void hnswFindsTheKernelTopTen() throws Exception {
        for (EmbeddingModel model : List.of(cosine, blended)) {
            Path dir = model == cosine ? cosineDir : blendedDir;
            FixtureModels.buildHnsw(dir, model);
            double recall;
            try (Recommender hnsw = Recommender.open(model, dir, UserVectors.MODEL)) {
                assertThat(hnsw.index().type()).isEqualTo(IndexType.HNSW);
                recall = StoredHistories.recall(hnsw, StoredHistories.of(model, 40), K, h -> oracle(model, h));
            }
            assertThat(recall).as("recall@10 of HNSW against the brute-force kernel").isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void explanationsAreThePerItemTerms() {
        try (Recommender r = Recommender.open(cosine, null, UserVectors.MODEL)) {
            for (List<String> history : StoredHistories.of(cosine, 20)) {
                Recommendations got = r.forUser(history, K, ItemFilter.NONE, Controls.NONE.withExplain(true));
                for (int i = 0; i < got.items().size(); i++) {
                    String c = got.items().get(i).id();
                    String best = null;
                    double bestTerm = 0;
                    double sum = 0;
                    for (int j = history.size() - 1; j >= Math.max(0, history.size() - 11); j--) {
                        double term = term(cosine, history, j, c);
                        sum += term;
                        if (term > bestTerm) {
                            bestTerm = term;
                            best = history.get(j);
                        }
                    }
                    List<Explanations.Because> because = got.because().get(i);
                    assertThat(because.get(0).id()).as("because of %s", c).isEqualTo(best);
                    assertThat(because.get(0).share()).isCloseTo(bestTerm / sum, within(1e-4));
                }
            }
        }
    }

    @Test
    void controlsStillApply() {
        try (Recommender r = Recommender.open(cosine, null, UserVectors.MODEL)) {
            List<String> history = StoredHistories.of(cosine, 1).get(0);
            List<String> plain = ids(r.forUser(history, K, ItemFilter.NONE).items());
            List<String> excluded = ids(r.forUser(history, K, ItemFilter.NONE,
                    Controls.NONE.withExclude(plain.subList(0, 3))).items());
            assertThat(excluded).hasSize(K).doesNotContainAnyElementsOf(plain.subList(0, 3))
                    .startsWith(plain.subList(3, 6).toArray(String[]::new));
            List<String> diverse = ids(r.forUser(history, K, ItemFilter.NONE, Controls.NONE.withMmr(0.5)).items());
            assertThat(diverse).hasSize(K).doesNotContainAnyElementsOf(history).contains(plain.get(0));
        }
    }

    @Test
    void aDirectedUserScoreRefusesTheKernelRule() {
        Scoring directedUsers = Scoring.blended(new Scoring.Blend(1, 0), new Scoring.Blend(1, 1));
        assertThatThrownBy(() -> directedUsers.userVectors(KERNEL)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("--user-vector kernel ranks by the cosine of item vectors");
        assertThatThrownBy(() -> directedUsers.withUserRule(KERNEL)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Scoring.DEFAULT.userVectors(KERNEL)).isEqualTo(KERNEL);
    }

    /** Term of history item j for candidate c: its recency weight (of the newest 11) x max(0, cos)^3. */
    private static double term(EmbeddingModel model, List<String> history, int j, String c) {
        int span = Math.min(history.size(), 11);
        double total = 0;
        for (int i = 0; i < span; i++) {
            total += Math.pow(0.5, i);
        }
        double w = Math.pow(0.5, history.size() - 1 - j) / total;
        EmbeddingStore in = model.vectors();
        double cos = BruteForce.cosine(in.vector(in.indexOf(history.get(j))), in.vector(in.indexOf(c)));
        return w * Math.pow(Math.max(0, cos), 3);
    }

    /** The kernel score of candidate c from scratch (history items distinct here). */
    private static double kernel(EmbeddingModel model, List<String> history, String c) {
        double s = 0;
        for (int j = history.size() - 1; j >= Math.max(0, history.size() - 11); j--) {
            s += term(model, history, j, c);
        }
        return s;
    }

    private static List<String> oracle(EmbeddingModel model, List<String> history) {
        EmbeddingStore in = model.vectors();
        Set<String> skip = new HashSet<>(history);
        double[] score = new double[in.size()];
        for (int r = 0; r < score.length; r++) {
            score[r] = kernel(model, history, in.id(r));
        }
        return IntStream.range(0, in.size()).filter(r -> !skip.contains(in.id(r))).boxed()
                .sorted(Comparator.comparingDouble((Integer r) -> -score[r])).limit(K).map(in::id).toList();
    }

    private static List<String> ids(List<Neighbor> list) {
        return list.stream().map(Neighbor::id).toList();
    }
}
