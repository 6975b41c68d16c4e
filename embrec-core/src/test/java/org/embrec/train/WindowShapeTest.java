package org.embrec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

/**
 * Harmonic windows ({@link Word2VecConfig.WindowShape#HARMONIC}): a context at distance d is
 * reached with probability 1/d, where gensim's linear windows reach it with probability
 * (window - d + 1) / window; only a shrinking window has a shape.
 */
class WindowShapeTest {
    @Test
    void aHarmonicWindowReachesDistanceDWithProbabilityOneOverD() {
        int window = 20;
        int n = 2_000_000; // u on a midpoint grid of (0, 1]: the shares below are exact up to 1/n
        int[] atLeast = new int[window + 2];
        for (int k = 0; k < n; k++) {
            int b = SgnsWorker.harmonicWindow((k + 0.5) / n, window);
            assertThat(b).isBetween(1, window);
            for (int d = 1; d <= b; d++) {
                atLeast[d]++;
            }
        }
        for (int d = 1; d <= window; d++) {
            assertThat(atLeast[d] / (double) n).as("P(window >= %d)", d).isCloseTo(1.0 / d, within(2.0 / n));
        }
        assertThat(SgnsWorker.harmonicWindow(1.0, window)).isEqualTo(1);
        assertThat(SgnsWorker.harmonicWindow(Double.MIN_VALUE, window)).isEqualTo(window);
    }

    @Test
    void harmonicWindowsTrainReproduciblyAndOtherwiseThanLinearOnes() {
        Sequences corpus = Corpora.clustered(6, 8, 80, 12, 11);
        Word2VecConfig linear = Word2VecConfig.notebook().withDim(8).withMinCount(1).withEpochs(3).withThreads(1);
        Word2VecConfig harmonic = linear.withWindowShape(Word2VecConfig.WindowShape.HARMONIC);
        float[] a = SkipGramTrainer.train(corpus, harmonic, Progress.NONE).vectors().matrix();
        float[] b = SkipGramTrainer.train(corpus, harmonic, Progress.NONE).vectors().matrix();
        float[] c = SkipGramTrainer.train(corpus, linear, Progress.NONE).vectors().matrix();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        // auto trains as linear anywhere but in item2vec's auto choice
        float[] auto = SkipGramTrainer.train(corpus, linear.withWindowShape(Word2VecConfig.WindowShape.AUTO),
                Progress.NONE).vectors().matrix();
        assertThat(auto).containsExactly(c);
    }

    @Test
    void onlyAShrinkingWindowHasAShape() {
        Word2VecConfig c = Word2VecConfig.defaults();
        assertThatThrownBy(() -> c.withShrinkWindows(false).withWindowShape(Word2VecConfig.WindowShape.HARMONIC))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("--window-shape harmonic");
        // over the whole sequence the harmonic draw reaches up to its end
        assertThat(c.withWindow(Word2VecConfig.WHOLE_SEQUENCE).withWindowShape(Word2VecConfig.WindowShape.HARMONIC)
                .windowShape()).isEqualTo(Word2VecConfig.WindowShape.HARMONIC);
        // auto simply trains linear windows there
        assertThat(c.withShrinkWindows(false).windowShape()).isEqualTo(Word2VecConfig.WindowShape.AUTO);
        assertThat(Word2VecConfig.gensim().windowShape()).isEqualTo(Word2VecConfig.WindowShape.LINEAR);
    }
}
