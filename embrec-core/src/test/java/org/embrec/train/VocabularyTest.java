package org.embrec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static Sequences corpus() {
        // a x5, b x3, c x3, d x1
        IdMap ids = IdMap.of("d", "c", "b", "a");
        int[] items = {3, 2, 1, 3, 3, 0, 2, 1, 3, 3, 2, 1};
        return new Sequences(new int[] {0, 5, 12}, items, null, ids, null);
    }

    @Test
    void keepsItemsAtOrAboveMinCountByDescendingCountThenId() {
        Vocabulary v = Vocabulary.build(corpus(), 3, 0);
        assertThat(v.size()).isEqualTo(3);
        assertThat(v.externalIds().externals()).containsExactly("a", "c", "b");
        assertThat(v.count(0)).isEqualTo(5);
        assertThat(v.indexOf(0)).isEqualTo(-1); // "d" is below min-count
        assertThat(v.retainedTokens()).isEqualTo(11);
    }

    @Test
    void maxVocabKeepsTheMostFrequent() {
        Vocabulary v = Vocabulary.build(corpus(), 1, 2);
        assertThat(v.externalIds().externals()).containsExactly("a", "c");
    }

    @Test
    void minCountThatLeavesNothingIsAUserError() {
        assertThatThrownBy(() -> Vocabulary.build(corpus(), 6, 0))
                .isInstanceOf(EmbrecException.class)
                .hasMessageContaining("--min-count 6")
                .hasMessageContaining("occurs 5 times");
    }

    @Test
    void downSamplingFollowsGensimFormula() {
        Vocabulary v = Vocabulary.build(corpus(), 1, 0);
        double sample = 0.1;
        long[] keep = TrainingState.keepThresholds(v, sample);
        double t = sample * v.retainedTokens();
        for (int i = 0; i < v.size(); i++) {
            double c = v.count(i);
            double p = Math.min(1, (Math.sqrt(c / t) + 1) * t / c);
            double got = keep[i] >= (1L << 32) ? 1.0 : keep[i] / 4294967296.0;
            assertThat(got).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(TrainingState.keepThresholds(v, 0)).containsOnly(1L << 32);
    }
}
