package org.embrec.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.eval.MovieLensFixture;
import org.embrec.eval.Split;
import org.embrec.eval.TestCases;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Item2VecAlgorithm;
import org.embrec.pipeline.TrainingData;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

/** Tuning never trains on, or scores with, a test target (PROTOCOL.md: never tune on test targets). */
class TuningSessionTest {
    private static final Word2VecConfig TINY = Word2VecConfig.defaults().withDim(8).withThreads(1).withEpochs(1);

    @Test
    void runsTrainOnlyOnSequencesWithoutAnyTestTarget() {
        Sequences liked = MovieLensFixture.liked();
        TuningSession session = new TuningSession(liked, Catalog.empty(), Integer.MAX_VALUE, 1);
        Split test = session.testSplit();
        Split validation = session.validationSplit();
        assertThat(validation.training().tokens())
                .isEqualTo(liked.tokens() - test.testUsers() - validation.testUsers());

        List<Sequences> fitsDuringTuning = new CopyOnWriteArrayList<>();
        TrialEvaluator.AlgorithmFactory recording = point -> new Recording(
                new Item2VecAlgorithm(point.applyTo(TINY)), fitsDuringTuning);
        SearchSpace space = new SearchSpace(List.of(Param.choice("dim", 4, 8), Param.range("epochs",
                Param.Kind.INT, 1, 3)));
        TrialEvaluator onValidation = new TrialEvaluator(validation, Catalog.empty(), recording, 10, 1);
        Tuner.Result result = new Tuner(space, HyperParameters.empty(), HyperParameters.empty(), 1, onValidation,
                new Tuner.Options(Objective.I2I_HR, 4, 0, 3, 2, 7)).run((r, b) -> {}, Progress.NONE);

        assertThat(fitsDuringTuning).hasSize(result.trials().size());
        TestCases testCases = test.cases();
        TestCases validationCases = validation.cases();
        for (Sequences fit : fitsDuringTuning) {
            assertThat(fit.tokens()).isEqualTo(validation.training().tokens());
            for (int c = 0; c < testCases.size(); c++) {
                assertThat(contains(fit, testCases.sequence(c), testCases.target(c)))
                        .as("test target of case %d", c).isFalse();
            }
            for (int c = 0; c < validationCases.size(); c++) {
                assertThat(contains(fit, validationCases.sequence(c), validationCases.target(c)))
                        .as("validation target of case %d", c).isFalse();
            }
        }
        // and the cases tuning scores on are validation cases, whose targets are training items of the test split
        for (int c = 0; c < validationCases.size(); c++) {
            int s = validationCases.sequence(c);
            assertThat(test.training().items()[test.training().end(s) - 1]).isEqualTo(validationCases.target(c));
        }
    }

    @Test
    void sampledCasesAreASubsetInCaseOrderAndTrainingIsUnchanged() {
        TuningSession session = new TuningSession(MovieLensFixture.liked(), Catalog.empty(), 100, 3);
        Split full = new TuningSession(MovieLensFixture.liked(), Catalog.empty(), Integer.MAX_VALUE, 3)
                .validationSplit();
        Split sampled = session.validationSplit();
        assertThat(sampled.testUsers()).isEqualTo(100);
        assertThat(sampled.training().tokens()).isEqualTo(full.training().tokens());
        int previous = -1;
        for (int c = 0; c < sampled.testUsers(); c++) {
            int s = sampled.cases().sequence(c);
            assertThat(s).isGreaterThan(previous);
            previous = s;
        }
    }

    private static boolean contains(Sequences seqs, int s, int item) {
        for (int p = seqs.start(s); p < seqs.end(s); p++) {
            if (seqs.items()[p] == item) {
                return true;
            }
        }
        return false;
    }

    /** Records the training sequences of every fit, then trains the real algorithm. */
    private record Recording(EmbeddingAlgorithm inner, List<Sequences> fits) implements EmbeddingAlgorithm {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
            fits.add(training);
            return inner.fit(training, seed, progress);
        }

        @Override
        public EmbeddingStore fit(TrainingData data, long seed, Progress progress) {
            return fit(data.sequences(), seed, progress);
        }
    }
}
