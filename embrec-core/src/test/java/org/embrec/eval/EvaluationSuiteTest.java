package org.embrec.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.model.Scoring;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.TrainingData;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationSuiteTest {
    /** Random vectors per seed for the items seen at least {@code minCount} times. */
    private static final class RandomVectors implements EmbeddingAlgorithm {
        final List<Long> seeds = new ArrayList<>();
        final int minCount;

        RandomVectors(int minCount) {
            this.minCount = minCount;
        }

        @Override
        public String name() {
            return "noise";
        }

        @Override
        public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
            seeds.add(seed);
            long[] counts = training.tokenCounts();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] >= minCount) {
                    ids.add(training.itemIds().external(i));
                }
            }
            SplittableRandom rnd = new SplittableRandom(seed);
            float[] v = new float[ids.size() * 4];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            return EmbeddingStore.of(IdMap.of(ids.toArray(String[]::new)), v, 4);
        }

        @Override
        public int coldThreshold() {
            return minCount;
        }
    }

    /** {@link RandomVectors} whose fits declare blends the way {@code --scoring auto} does, one per seed. */
    private static final class BlendingVectors implements EmbeddingAlgorithm {
        private final RandomVectors vectors = new RandomVectors(1);

        @Override
        public String name() {
            return "blending";
        }

        @Override
        public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
            return vectors.fit(training, seed, progress);
        }

        @Override
        public Scoring scoring() {
            return Scoring.blended(Scoring.Blend.DIRECTED, Scoring.Blend.DIRECTED);
        }

        @Override
        public Fit train(TrainingData data, long seed, Progress progress) {
            EmbeddingStore in = fit(data.sequences(), seed, progress);
            SplittableRandom rnd = new SplittableRandom(~seed);
            float[] out = new float[in.size() * (in.dim() + 1)];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) rnd.nextGaussian();
            }
            // seeds 1 and 3 choose the fusion for items, seed 2 the prior; users keep one blend
            Scoring.Blend items = seed == 2 ? Scoring.Blend.cosineWithPrior(1, 0.1) : Scoring.Blend.rankFusion(1, 0.3, 100);
            // and each fit says which training contexts it chose, as item2vec's --contexts auto does
            java.util.Map<String, Object> figures = java.util.Map.of("contexts_selection",
                    java.util.Map.of("chosen", seed == 2 ? "split" : "both"));
            return new Fit(in, java.util.Map.of(), figures, Scoring.blended(items, new Scoring.Blend(1, 0.3)),
                    null, EmbeddingStore.of(in.ids(), out, in.dim() + 1));
        }
    }

    private static final Split SPLIT = LeaveLastOutSplit.split(RandomSequences.generate(500, 1500, 15, 9));

    @Test
    void runsEverySeedAndReportsMeansStdsAndTheColdSlice() {
        RandomVectors algo = new RandomVectors(3);
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 100, 3, 2))
                .run("synthetic", algo, Progress.NONE);
        assertThat(algo.seeds).containsExactly(100L, 101L, 102L);
        assertThat(report.testUsers()).isEqualTo(SPLIT.testUsers());
        assertThat(report.results()).extracting(r -> r.model() + "/" + r.task() + "/" + r.slice()).containsExactly(
                "noise/i2i/null", "noise/i2i/cold", "noise/u2i/null", "noise/u2i/cold",
                "popularity/i2i/null", "popularity/i2i/cold", "popularity/u2i/null", "popularity/u2i/cold",
                "cooccurrence/i2i/null", "cooccurrence/i2i/cold", "cooccurrence/u2i/null", "cooccurrence/u2i/cold",
                "random/i2i/null", "random/i2i/cold", "random/u2i/null", "random/u2i/cold",
                "transitions/i2i/null", "transitions/i2i/cold", "transitions/u2i/null", "transitions/u2i/cold",
                "rp3beta/i2i/null", "rp3beta/i2i/cold", "rp3beta/u2i/null", "rp3beta/u2i/cold",
                "ease/i2i/null", "ease/i2i/cold", "ease/u2i/null", "ease/u2i/cold");

        // The i2i row is the mean of three single-seed runs, with their sample deviation.
        double[] hrs = new double[3];
        for (int i = 0; i < 3; i++) {
            EvaluationReport one = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 100 + i, 1, 1))
                    .run("synthetic", new RandomVectors(3), Progress.NONE);
            hrs[i] = one.row("noise", Task.I2I).hr();
        }
        double mean = (hrs[0] + hrs[1] + hrs[2]) / 3;
        double var = 0;
        for (double h : hrs) {
            var += (h - mean) * (h - mean);
        }
        ResultRow i2i = report.row("noise", Task.I2I);
        assertThat(i2i.seeds()).isEqualTo(3);
        assertThat(i2i.hr()).isCloseTo(mean, within(1e-15));
        assertThat(i2i.hrStd()).isCloseTo(Math.sqrt(var / 2), within(1e-15));
        assertThat(i2i.hrCi95()).containsExactly(Metrics.wilson95(mean, SPLIT.testUsers()));

        // Deterministic baselines run once; random runs per seed.
        assertThat(report.row(PopularityBaseline.NAME, Task.I2I).seeds()).isEqualTo(1);
        assertThat(report.row(RandomBaseline.NAME, Task.U2I).seeds()).isEqualTo(3);
    }

    @Test
    void theColdSliceHoldsTargetsBelowMinCountAndTheyHaveNoVector() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 1, 1, 1))
                .run("synthetic", new RandomVectors(3), Progress.NONE);
        long[] counts = SPLIT.trainingCounts();
        int cold = 0;
        for (int c = 0; c < SPLIT.testUsers(); c++) {
            cold += counts[SPLIT.cases().target(c)] < 3 ? 1 : 0;
        }
        assertThat(cold).isPositive();
        ResultRow row = report.row("noise", Task.I2I, EvaluationSuite.COLD);
        assertThat(row.cases()).isEqualTo(cold);
        assertThat(row.hr()).isZero();
        assertThat(row.coverage()).isZero();
        assertThat(report.row(CooccurrenceBaseline.NAME, Task.I2I, EvaluationSuite.COLD).cases()).isEqualTo(cold);
    }

    @Test
    void embeddingRowsCarryWhatTheirFitsChose() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 1, 3, 1))
                .run("synthetic", new BlendingVectors(), Progress.NONE);
        assertThat(report.row("blending", Task.I2I).settings()).containsExactly(java.util.Map.entry("scoring",
                "rank fusion (k 100) of cosine 1 + directed 0.3 (2 fits) / cosine 1 + prior 0.1 (1 fit)"),
                java.util.Map.entry("contexts", "both (2 fits) / split (1 fit)"));
        ResultRow users = report.results().stream().filter(r -> r.model().equals("blending") && r.task().equals("u2i")
                && r.slice() == null).findFirst().orElseThrow();
        assertThat(users.settings()).containsExactly(java.util.Map.entry("scoring", "cosine 1 + directed 0.3"),
                java.util.Map.entry("contexts", "both (2 fits) / split (1 fit)"));
        assertThat(ReportFormat.json(report)).contains("\"settings\":{\"scoring\":\"cosine 1 + directed 0.3\","
                + "\"contexts\":\"both (2 fits) / split (1 fit)\"}");
        assertThat(ReportFormat.table(report)).containsPattern("blending\\S* +u2i +scoring cosine 1 \\+ directed 0.3");
        // a model scored by its item vectors alone declares no blend
        EvaluationReport plain = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 1, 1, 1))
                .run("synthetic", new RandomVectors(1), Progress.NONE);
        assertThat(plain.row("noise", Task.I2I).settings()).isNull();
    }

    @Test
    void withoutAnAlgorithmOnlyBaselinesAndNoColdSlice() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(5, 1, 1, 1))
                .run("synthetic", null, Progress.NONE);
        assertThat(report.k()).isEqualTo(5);
        assertThat(report.results()).hasSize(12).allSatisfy(r -> assertThat(r.slice()).isNull());
    }
}
