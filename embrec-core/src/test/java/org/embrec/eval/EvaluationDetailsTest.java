package org.embrec.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The per-case details of a report: HR@K curves, NDCG intervals, list figures, paired tests. */
class EvaluationDetailsTest {
    private static final Split SPLIT = LeaveLastOutSplit.split(RandomSequences.generate(400, 300, 15, 21));

    /** Random vectors for every training item; the name tells algorithms apart. */
    private record Noise(String name) implements EmbeddingAlgorithm {
        @Override
        public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
            IdMap ids = training.itemIds();
            SplittableRandom rnd = new SplittableRandom(seed + name.hashCode());
            float[] v = new float[ids.size() * 4];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            return EmbeddingStore.of(ids, v, 4);
        }
    }

    @Test
    void everyRowCarriesItsHrCurveAndIntervalsAndModelRowsAPairedTest() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 5, 1, 2))
                .run("synthetic", new Noise("noise"), Progress.NONE);
        for (ResultRow r : report.results()) {
            assertThat(r.hrAtK()).hasSize(EvaluationSuite.CURVE_K);
            assertThat(r.hrAtK()[9]).isCloseTo(r.hr(), within(1e-12));
            for (int k = 1; k < r.hrAtK().length; k++) {
                assertThat(r.hrAtK()[k]).isGreaterThanOrEqualTo(r.hrAtK()[k - 1]);
            }
            assertThat(r.ndcgCi95()[0]).isLessThanOrEqualTo(r.ndcg());
            assertThat(r.ndcgCi95()[1]).isGreaterThanOrEqualTo(r.ndcg());
            assertThat(r.lists()).isNotNull();
            assertThat(r.lists().catalogCoverage()).isBetween(0.0, 1.0);
        }
        for (Task task : Task.values()) {
            ResultRow best = null;
            for (String b : List.of(PopularityBaseline.NAME, CooccurrenceBaseline.NAME, RandomBaseline.NAME)) {
                ResultRow r = report.row(b, task);
                assertThat(r.paired()).isNull();
                best = best == null || r.hr() > best.hr() ? r : best;
            }
            ResultRow model = report.row("noise", task);
            assertThat(model.paired().baseline()).isEqualTo(best.model());
            assertThat(model.paired().diff()).isCloseTo(model.hr() - best.hr(), within(1e-12));
            assertThat(model.paired().pMcNemar()).isBetween(0.0, 1.0);
            // Random vectors against co-occurrence: far worse, and it shows.
            assertThat(model.paired().pBootstrap()).isLessThan(0.01);
            assertThat(model.lists().diversityMeasure()).isEqualTo(ListFeatures.COSINE);
        }
        // Baselines have no vectors and the split no catalog: no diversity.
        assertThat(report.row(PopularityBaseline.NAME, Task.I2I).lists().diversityMeasure()).isNull();
        // Popularity recommends the same few items to everyone.
        assertThat(report.row(PopularityBaseline.NAME, Task.I2I).lists().popularityPct())
                .isGreaterThan(report.row(RandomBaseline.NAME, Task.I2I).lists().popularityPct());
    }

    @Test
    void theCurveIsTheShareOfCasesRankedWithinK() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 5, 1, 1))
                .run("synthetic", null, Progress.NONE);
        CaseRanks ranks = new Evaluator(SPLIT.cases(), 1).rank(new CooccurrenceBaseline(SPLIT.training()), Task.U2I,
                Progress.NONE);
        double[] curve = report.row(CooccurrenceBaseline.NAME, Task.U2I).hrAtK();
        for (int k = 1; k <= curve.length; k++) {
            int hits = 0;
            for (int c = 0; c < ranks.size(); c++) {
                hits += ranks.hit(c, k) ? 1 : 0;
            }
            assertThat(curve[k - 1]).isEqualTo(hits / (double) ranks.size());
        }
    }

    @Test
    void withSeveralSeedsTheTestUsesHitSharesAndNoMcNemar() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 5, 3, 2))
                .run("synthetic", new Noise("noise"), Progress.NONE);
        PairedTest.Result p = report.row("noise", Task.I2I).paired();
        assertThat(p.pMcNemar()).isNaN();
        assertThat(p.diff()).isCloseTo(report.row("noise", Task.I2I).hr()
                - report.row(p.baseline(), Task.I2I).hr(), within(1e-12));
    }

    @Test
    void runAllEvaluatesEachAlgorithmAndTheBaselinesOnce() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 5, 1, 2))
                .runAll("synthetic", List.of(new Noise("a"), new Noise("b")), Progress.NONE);
        List<String> rows = new ArrayList<>();
        report.results().forEach(r -> rows.add(r.model() + "/" + r.task()));
        assertThat(rows).containsExactly("a/i2i", "a/u2i", "b/i2i", "b/u2i", "popularity/i2i", "popularity/u2i",
                "cooccurrence/i2i", "cooccurrence/u2i", "random/i2i", "random/u2i", "transitions/i2i", "transitions/u2i",
                "rp3beta/i2i", "rp3beta/u2i", "ease/i2i", "ease/u2i");
        assertThat(report.row("b", Task.U2I).paired()).isNotNull();
    }
}
