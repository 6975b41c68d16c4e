package org.embrec.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The corpus-scaled default epochs of docs/TUNING.md, on the corpora the rule was chosen on. */
class DefaultEpochsTest {
    @Test
    void rareItemsGetManyPassesFrequentOnesFew() {
        // bundled MovieLens: 48,580 liked rows over 6,298 items (7.7 per item): the maximum
        assertThat(Word2VecConfig.epochsForCorpus(48_580, 6_298)).isEqualTo(30);
        // synthetic, 20 occurrences per item: 30 epochs
        assertThat(Word2VecConfig.epochsForCorpus(600_007, 29_686)).isEqualTo(30);
        // synthetic, 120 per item (1M and 4M rows): the minimum
        assertThat(Word2VecConfig.epochsForCorpus(599_883, 5_000)).isEqualTo(5);
        assertThat(Word2VecConfig.epochsForCorpus(2_401_198, 20_000)).isEqualTo(5);
    }

    @Test
    void staysWithinBoundsAndNeverDecreasesAsItemsGetRarer() {
        int previous = 0;
        for (long distinct = 1; distinct <= 1_000_000; distinct *= 3) {
            int e = Word2VecConfig.epochsForCorpus(1_000_000, distinct);
            assertThat(e).isBetween(Word2VecConfig.MIN_AUTO_EPOCHS, Word2VecConfig.MAX_AUTO_EPOCHS)
                    .isGreaterThanOrEqualTo(previous);
            previous = e;
        }
        assertThat(Word2VecConfig.epochsForCorpus(0, 0)).isEqualTo(Word2VecConfig.MAX_AUTO_EPOCHS);
    }
}
