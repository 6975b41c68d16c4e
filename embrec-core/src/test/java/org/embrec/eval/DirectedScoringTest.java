package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.Item2VecAlgorithm;
import org.embrec.pipeline.ModelBuilder;
import org.embrec.pipeline.TrainingData;
import org.embrec.recommend.Recommender;
import org.embrec.sequence.Sequences;
import org.embrec.train.SkipGramTrainer;
import org.embrec.train.TrainedModel;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directed score of a skip-gram model (query input vector . candidate output vector):
 * contexts after the centre teach it the order of a sequence; evaluation and serving compute it
 * as a brute-force oracle does; the model directory keeps the output vectors; the served lists
 * are the evaluated ranking.
 */
class DirectedScoringTest {
    private static final String[] ITEMS = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};
    private static final Sequences LIKED = corpus();
    private static final Word2VecConfig CONFIG = Word2VecConfig.notebook().withDim(8).withWindow(3).withMinCount(1)
            .withSample(0).withEpochs(20).withThreads(1).withContexts(Word2VecConfig.Contexts.AFTER)
            .withScoring(Word2VecConfig.ItemScoring.DIRECTED);

    @TempDir
    Path tmp;

    /** 60 sequences walking the items in order, each starting elsewhere: x is always followed by x+1. */
    private static Sequences corpus() {
        List<String[]> seqs = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            String[] seq = new String[6];
            for (int t = 0; t < seq.length; t++) {
                seq[t] = ITEMS[(s + t) % ITEMS.length];
            }
            seqs.add(seq);
        }
        return Fixtures.sequences(seqs.toArray(String[][]::new));
    }

    private static Fit fit() {
        return new Item2VecAlgorithm(CONFIG).train(TrainingData.of(LIKED), 7, Progress.NONE);
    }

    @Test
    void contextsAfterTheCentreLearnWhatFollows() {
        TrainedModel after = SkipGramTrainer.train(LIKED, CONFIG, Progress.NONE);
        TrainedModel both = SkipGramTrainer.train(LIKED, CONFIG.withContexts(Word2VecConfig.Contexts.BOTH),
                Progress.NONE);
        double afterGap = 0;
        double bothGap = 0;
        for (int i = 0; i + 1 < ITEMS.length; i++) {
            double forward = directed(after, ITEMS[i], ITEMS[i + 1]);
            double backward = directed(after, ITEMS[i + 1], ITEMS[i]);
            assertThat(forward).as("%s -> %s", ITEMS[i], ITEMS[i + 1]).isGreaterThan(backward + 1);
            afterGap += forward - backward;
            bothGap += directed(both, ITEMS[i], ITEMS[i + 1]) - directed(both, ITEMS[i + 1], ITEMS[i]);
        }
        // symmetric windows train both directions: no order to speak of
        assertThat(Math.abs(bothGap)).isLessThan(afterGap / 4);
    }

    @Test
    void splitContextsKeepTheOutputVectorsOfWhatFollowsAndTrainItemVectorsFromBothSides() {
        Word2VecConfig split = CONFIG.withContexts(Word2VecConfig.Contexts.SPLIT);
        TrainedModel m = SkipGramTrainer.train(LIKED, split, Progress.NONE);
        for (int i = 0; i + 1 < ITEMS.length; i++) {
            assertThat(directed(m, ITEMS[i], ITEMS[i + 1])).as("%s -> %s", ITEMS[i], ITEMS[i + 1])
                    .isGreaterThan(directed(m, ITEMS[i + 1], ITEMS[i]) + 1);
        }
        // "z" ends every sequence: it is a context only of the items before it, which contexts after
        // the centre alone never train, so its item vector keeps its random start there
        List<String[]> seqs = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            seqs.add(new String[] {ITEMS[s % ITEMS.length], ITEMS[(s + 1) % ITEMS.length], "z"});
        }
        Sequences ending = Fixtures.sequences(seqs.toArray(String[][]::new));
        for (Word2VecConfig.Contexts c : List.of(Word2VecConfig.Contexts.AFTER, Word2VecConfig.Contexts.SPLIT)) {
            Word2VecConfig config = CONFIG.withContexts(c);
            EmbeddingStore once = SkipGramTrainer.train(ending, config.withEpochs(1), Progress.NONE).vectors();
            EmbeddingStore more = SkipGramTrainer.train(ending, config, Progress.NONE).vectors();
            float[] z1 = once.vector(once.indexOf("z"));
            float[] z20 = more.vector(more.indexOf("z"));
            if (c == Word2VecConfig.Contexts.AFTER) {
                assertThat(z20).as("after").containsExactly(z1);
            } else {
                assertThat(z20).as("split").isNotEqualTo(z1);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void autoContextsTrainTheFinalModelWithTheContextsWhoseChoiceFindsMoreHeldOutItems() {
        Word2VecConfig auto = CONFIG.withScoring(Word2VecConfig.ItemScoring.AUTO).withContexts(Word2VecConfig.Contexts.AUTO);
        Fit fit = new Item2VecAlgorithm(auto).train(TrainingData.of(LIKED), 7, Progress.NONE);
        java.util.Map<String, Object> selection = (java.util.Map<String, Object>) fit.figures().get("contexts_selection");
        java.util.Map<String, Integer> hits = (java.util.Map<String, Integer>) selection.get("held_out_hits");
        assertThat(hits).containsOnlyKeys("both", "split");
        Word2VecConfig.Contexts chosen = hits.get("split") > hits.get("both") ? Word2VecConfig.Contexts.SPLIT
                : Word2VecConfig.Contexts.BOTH;
        assertThat(selection.get("chosen")).isEqualTo(chosen.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(fit.config().get("contexts")).isEqualTo(chosen.name());
        // the same fit as with those contexts fixed: one held-out choice, then the final model
        Fit fixed = new Item2VecAlgorithm(auto.withContexts(chosen)).train(TrainingData.of(LIKED), 7, Progress.NONE);
        assertThat(fit.vectors().matrix()).containsExactly(fixed.vectors().matrix());
        assertThat(fit.scoring()).isEqualTo(fixed.scoring());
        assertThat(fixed.figures()).doesNotContainKey("contexts_selection");
        // without the auto scoring there is nothing to choose by: the symmetric window
        Fit directed = new Item2VecAlgorithm(CONFIG.withContexts(Word2VecConfig.Contexts.AUTO))
                .train(TrainingData.of(LIKED), 7, Progress.NONE);
        Fit both = new Item2VecAlgorithm(CONFIG.withContexts(Word2VecConfig.Contexts.BOTH))
                .train(TrainingData.of(LIKED), 7, Progress.NONE);
        assertThat(directed.config().get("contexts")).isEqualTo("BOTH");
        assertThat(directed.vectors().matrix()).containsExactly(both.vectors().matrix());
    }

    @Test
    @SuppressWarnings("unchecked")
    void autoWindowShapeTakesHarmonicWindowsOnlyWhenTheirHeldOutItemsClearlyBeatLinearOnes() {
        Word2VecConfig auto = CONFIG.withScoring(Word2VecConfig.ItemScoring.AUTO)
                .withWindowShape(Word2VecConfig.WindowShape.AUTO);
        for (long seed : new long[] {7, 8, 9}) {
            Fit fit = new Item2VecAlgorithm(auto).train(TrainingData.of(LIKED), seed, Progress.NONE);
            Map<String, Object> selection = (Map<String, Object>) fit.figures().get("window_shape_selection");
            Map<String, Integer> hits = (Map<String, Integer>) selection.get("held_out_hits");
            double z = (Double) selection.get("z");
            boolean harmonic = hits.get("harmonic") > hits.get("linear") && z >= org.embrec.pipeline.BlendSelection.MIN_Z;
            Word2VecConfig.WindowShape chosen = harmonic ? Word2VecConfig.WindowShape.HARMONIC
                    : Word2VecConfig.WindowShape.LINEAR;
            assertThat(selection.get("chosen")).isEqualTo(chosen.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(fit.config().get("window-shape")).isEqualTo(chosen.name());
            // the final model is the one trained with that shape fixed, and so is its scoring
            Fit fixed = new Item2VecAlgorithm(auto.withWindowShape(chosen)).train(TrainingData.of(LIKED), seed,
                    Progress.NONE);
            assertThat(fixed.figures()).doesNotContainKey("window_shape_selection");
            assertThat(fit.vectors().matrix()).containsExactly(fixed.vectors().matrix());
            assertThat(fit.scoring()).isEqualTo(fixed.scoring());
        }
        // a fixed window has no shape to choose; a model not scored by the auto choice records linear windows
        Fit fixedWindow = new Item2VecAlgorithm(auto.withShrinkWindows(false)).train(TrainingData.of(LIKED), 7,
                Progress.NONE);
        assertThat(fixedWindow.figures()).doesNotContainKey("window_shape_selection");
        Fit directed = new Item2VecAlgorithm(CONFIG.withWindowShape(Word2VecConfig.WindowShape.AUTO))
                .train(TrainingData.of(LIKED), 7, Progress.NONE);
        assertThat(directed.config().get("window-shape")).isEqualTo("LINEAR");
    }

    @Test
    void splitContextsNeedSkipGram() {
        assertThatThrownBy(() -> CONFIG.withContexts(Word2VecConfig.Contexts.SPLIT)
                .withArchitecture(Word2VecConfig.Architecture.CBOW)).isInstanceOf(org.embrec.EmbrecException.class)
                .hasMessageContaining("--contexts split");
    }

    @Test
    void theOutputVectorsEndWithTheLogCountBias() {
        TrainedModel m = SkipGramTrainer.train(LIKED, CONFIG, Progress.NONE);
        EmbeddingStore out = m.outputVectors();
        assertThat(out.dim()).isEqualTo(CONFIG.dim() + 1);
        for (String id : ITEMS) {
            long count = java.util.Arrays.stream(LIKED.items()).filter(i -> LIKED.itemIds().external(i).equals(id))
                    .count();
            assertThat(out.vector(out.indexOf(id))[CONFIG.dim()]).as(id).isCloseTo((float) Math.log(count),
                    within(1e-6f));
        }
    }

    @Test
    void theScorerComputesTheDirectedScoreAsABruteForceOracle() {
        Fit fit = fit();
        assertThat(fit.scoring()).isEqualTo(Scoring.DIRECTED);
        EmbeddingStore in = fit.vectors();
        EmbeddingStore out = fit.outputVectors();
        EmbeddingScorer scorer = new EmbeddingScorer("m", in, LIKED, UserVectors.DEFAULT, fit.scoring(), null, out);
        ItemScorer.Worker w = scorer.newWorker();
        for (String q : ITEMS) {
            double[] got = new double[in.size()];
            w.scoreRelated(in.indexOf(q), got);
            for (int r = 0; r < in.size(); r++) {
                assertThat(got[r]).isCloseTo(directed(in.vector(in.indexOf(q)), out.vector(r)), within(1e-5));
            }
        }
        int[] history = {in.indexOf("c"), in.indexOf("h"), in.indexOf("d")};
        double[] got = new double[in.size()];
        w.scoreForUser(history, history.length, got);
        float[] user = oracleUser(in, history);
        for (int r = 0; r < in.size(); r++) {
            assertThat(got[r]).isCloseTo(directed(user, out.vector(r)), within(1e-5));
        }
    }

    @Test
    void theModelKeepsItsOutputVectorsAndServesTheOraclesRanking() throws IOException {
        Fit fit = fit();
        EmbeddingModel built = ModelBuilder.model("item2vec", fit, Catalog.empty(),
                new ModelManifest.DataSource("t", "sha256:0"), Map.of());
        Path dir = tmp.resolve("m");
        ModelDirectory.write(dir, built);
        assertThat(dir.resolve(ModelDirectory.OUTPUT_VECTORS)).exists();
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"candidates\"", "\"output\"",
                ModelDirectory.OUTPUT_VECTORS);
        EmbeddingModel model = ModelDirectory.read(dir);
        assertThat(model.scoring()).isEqualTo(Scoring.DIRECTED);
        EmbeddingStore in = model.vectors();
        EmbeddingStore out = model.outputVectors();
        assertThat(out.matrix()).containsExactly(fit.outputVectors().matrix());
        try (Recommender r = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            for (String q : ITEMS) {
                int row = in.indexOf(q);
                List<String> expected = oracleTop(in, c -> c == row ? Double.NaN
                        : directed(in.vector(row), out.vector(c)), 5);
                assertThat(ids(r.similar(q, 5, ItemFilter.NONE))).as("similar %s", q).isEqualTo(expected);
            }
            List<String> history = List.of("c", "h", "d");
            int[] rows = history.stream().mapToInt(in::indexOf).toArray();
            float[] user = oracleUser(in, rows);
            Set<Integer> seen = Set.of(rows[0], rows[1], rows[2]);
            List<String> expected = oracleTop(in, c -> seen.contains(c) ? Double.NaN
                    : directed(user, out.vector(c)), 5);
            assertThat(ids(r.forUser(history, 5, ItemFilter.NONE).items())).isEqualTo(expected);
        }
    }

    @Test
    void theServedListsAreTheEvaluatedRanking() {
        Fit fit = fit();
        EmbeddingModel model = ModelBuilder.model("item2vec", fit, Catalog.empty(),
                new ModelManifest.DataSource("t", "sha256:0"), Map.of());
        EmbeddingStore in = model.vectors();
        EmbeddingScorer scorer = new EmbeddingScorer("m", fit.vectors(), LIKED, UserVectors.DEFAULT, fit.scoring(),
                null, fit.outputVectors());
        ItemScorer.Worker w = scorer.newWorker();
        try (Recommender r = Recommender.open(model, null, UserVectors.DEFAULT)) {
            for (String q : ITEMS) {
                int row = in.indexOf(q);
                double[] scores = new double[in.size()];
                w.scoreRelated(row, scores);
                scores[row] = Double.NaN;
                assertThat(ids(r.similar(q, 5, ItemFilter.NONE))).isEqualTo(oracleTop(in, c -> scores[c], 5));
            }
        }
    }

    @Test
    void aManifestWithABadCandidatesValueOrWithoutItsFileIsAOneLineError() throws IOException {
        Path dir = tmp.resolve("bad");
        ModelDirectory.write(dir, ModelBuilder.model("item2vec", fit(), Catalog.empty(),
                new ModelManifest.DataSource("t", "sha256:0"), Map.of()));
        Path manifest = dir.resolve("manifest.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.replace("\"output\"", "\"sideways\""));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ModelDirectory.read(dir)))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("scoring.candidates");
        Files.writeString(manifest, good);
        Files.delete(dir.resolve(ModelDirectory.OUTPUT_VECTORS));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ModelDirectory.read(dir)))
                .isInstanceOf(EmbrecException.class).hasMessageContaining(ModelDirectory.OUTPUT_VECTORS);
    }

    /** The default rule's user vector (recency, half-life 1), computed from scratch. */
    private static float[] oracleUser(EmbeddingStore in, int[] rows) {
        float[] u = new float[in.dim()];
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            double w = Math.pow(0.5, (rows.length - 1 - i) / UserVectors.DEFAULT_HALF_LIFE);
            float[] v = in.vector(rows[i]);
            for (int d = 0; d < u.length; d++) {
                u[d] += (float) (w * v[d]);
            }
            total += w;
        }
        for (int d = 0; d < u.length; d++) {
            u[d] /= (float) total;
        }
        return u;
    }

    /** The ids of the k best-scoring rows of {@code in} (NaN: left out), best first. */
    private static List<String> oracleTop(EmbeddingStore in, java.util.function.IntToDoubleFunction score, int k) {
        return IntStream.range(0, in.size()).filter(c -> !Double.isNaN(score.applyAsDouble(c))).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -score.applyAsDouble(c)))
                .limit(k).map(in::id).toList();
    }

    private static List<String> ids(List<Neighbor> list) {
        return list.stream().map(Neighbor::id).toList();
    }

    private static double directed(TrainedModel m, String q, String c) {
        return dot(m.vectors().vector(m.vectors().indexOf(q)), m.outputVectors().vector(m.outputVectors().indexOf(c)));
    }

    /** The oracle's directed score: query . output row + the row's last component (the bias). */
    private static double directed(float[] query, float[] output) {
        assertThat(output).hasSize(query.length + 1);
        return dot(query, output) + output[query.length];
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (double) a[j] * b[j];
        }
        return s;
    }
}
