package org.embrec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.index.ExactIndex;
import org.embrec.index.ItemFilter;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SkipGramTrainerTest {
    private static final Word2VecConfig SMALL = Word2VecConfig.gensim().withDim(16).withWindow(3).withEpochs(5)
            .withMinCount(1).withThreads(1).withSample(0);

    @Test
    void singleThreadWithSeedIsBitForBitReproducible() {
        Sequences corpus = Corpora.clustered(4, 20, 400, 12, 1);
        EmbeddingStore a = SkipGramTrainer.train(corpus, SMALL.withSeed(42), Progress.NONE).vectors();
        EmbeddingStore b = SkipGramTrainer.train(corpus, SMALL.withSeed(42), Progress.NONE).vectors();
        EmbeddingStore c = SkipGramTrainer.train(corpus, SMALL.withSeed(43), Progress.NONE).vectors();
        assertThat(a.matrix()).containsExactly(b.matrix());
        assertThat(a.matrix()).isNotEqualTo(c.matrix());
    }

    @ParameterizedTest
    @EnumSource(Word2VecConfig.Architecture.class)
    void learnsPlantedClusters(Word2VecConfig.Architecture arch) {
        Sequences corpus = Corpora.clustered(5, 20, 1000, 15, 2);
        EmbeddingStore v = SkipGramTrainer.train(corpus, SMALL.withArchitecture(arch).withEpochs(10), Progress.NONE)
                .vectors();
        assertThat(sameClusterShare(v)).isGreaterThan(0.95);
    }

    @Test
    void wholeSequenceWindowAndTwoThreadsAlsoLearnClusters() {
        Sequences corpus = Corpora.clustered(5, 20, 1000, 15, 3);
        Word2VecConfig c = SMALL.withWindow(Word2VecConfig.WHOLE_SEQUENCE).withThreads(2);
        assertThat(sameClusterShare(SkipGramTrainer.train(corpus, c, Progress.NONE).vectors())).isGreaterThan(0.95);
    }

    @Test
    void untrainedVectorsWouldFailTheClusterCheck() {
        // Guards the check above: one epoch at a vanishing learning rate leaves the random init.
        Sequences corpus = Corpora.clustered(5, 20, 1000, 15, 2);
        Word2VecConfig c = new Word2VecConfig(Word2VecConfig.Architecture.SKIP_GRAM, 16, 3, true, 5, 0.75, 0, 1, 0, 1,
                1e-9, 0, 1, 5, false, false);
        assertThat(sameClusterShare(SkipGramTrainer.train(corpus, c, Progress.NONE).vectors())).isLessThan(0.6);
    }

    @Test
    void itemsBelowMinCountAreAbsentNotZero() {
        IdMap ids = IdMap.of("a", "b", "rare");
        int[] items = {0, 1, 0, 1, 0, 1, 2, 0, 1};
        Sequences corpus = new Sequences(new int[] {0, 4, 9}, items, null, ids, null);
        EmbeddingStore v = SkipGramTrainer.train(corpus, SMALL.withMinCount(2), Progress.NONE).vectors();
        assertThat(v.contains("rare")).isFalse();
        assertThat(v.size()).isEqualTo(2);
        for (float x : v.matrix()) {
            assertThat(x).isNotEqualTo(0f);
        }
    }

    @Test
    void lossDecreasesOverEpochs() {
        Sequences corpus = Corpora.clustered(5, 20, 1000, 15, 4);
        TrainedModel m = SkipGramTrainer.train(corpus, SMALL.withEpochs(6).withComputeLoss(true), Progress.NONE);
        double[] loss = m.epochLoss();
        assertThat(loss).hasSize(6);
        assertThat(loss[5]).isLessThan(loss[0] * 0.9);
    }

    @Test
    void reportsProgressAndThroughput() {
        Sequences corpus = Corpora.clustered(3, 10, 3000, 10, 5);
        AtomicLong last = new AtomicLong();
        Progress p = new Progress() {
            @Override
            public void update(String task, long done, long total, String detail) {
                assertThat(total).isEqualTo(corpus.tokens() * 2);
                last.set(done);
            }

            @Override
            public void done(String task, String summary) {}
        };
        TrainedModel m = SkipGramTrainer.train(corpus, SMALL.withEpochs(2), p);
        assertThat(last.get()).isEqualTo(corpus.tokens() * 2);
        assertThat(m.rawTokens()).isEqualTo(corpus.tokens());
        assertThat(m.tokensPerSecond()).isPositive();
    }

    @Test
    void divergenceIsReportedNotSaved() {
        Sequences corpus = Corpora.clustered(2, 3, 200, 30, 6);
        Word2VecConfig wild = new Word2VecConfig(Word2VecConfig.Architecture.CBOW, 4, 30, false, 20, 0.75, 0, 1, 0,
                50, 1.0, 1.0, 1, 1, false, false);
        // Either it stays finite (then the store is valid) or it fails loudly; never NaN vectors.
        try {
            EmbeddingStore v = SkipGramTrainer.train(corpus, wild, Progress.NONE).vectors();
            for (float x : v.matrix()) {
                assertThat(Float.isFinite(x)).isTrue();
            }
        } catch (EmbrecException e) {
            assertThat(e).hasMessageContaining("diverged").hasMessageContaining("--alpha");
        }
    }

    @Test
    void emptyCorpusIsAUserError() {
        Sequences empty = new Sequences(new int[] {0}, new int[0], null, IdMap.of(), null);
        assertThatThrownBy(() -> SkipGramTrainer.train(empty, SMALL, Progress.NONE))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("--min-count");
    }

    @Test
    void chunksCoverEverySequenceOnce() {
        Sequences corpus = Corpora.clustered(2, 5, 5000, 7, 7);
        int[] chunks = SkipGramTrainer.chunkBoundaries(corpus);
        assertThat(chunks[0]).isZero();
        assertThat(chunks[chunks.length - 1]).isEqualTo(corpus.count());
        for (int i = 1; i < chunks.length; i++) {
            assertThat(chunks[i]).isGreaterThan(chunks[i - 1]);
        }
    }

    /** Share of top-5 neighbours (over all items) that come from the item's own cluster. */
    static double sameClusterShare(EmbeddingStore v) {
        int same = 0;
        int total = 0;
        for (int r = 0; r < v.size(); r++) {
            String id = v.id(r);
            List<Neighbor> top = ExactIndex.of(v).search(v.vector(r), 5, ItemFilter.NONE, r).toNeighbors(v.ids());
            for (Neighbor n : top) {
                total++;
                if (Corpora.clusterOf(n.id()).equals(Corpora.clusterOf(id))) {
                    same++;
                }
            }
        }
        return same / (double) total;
    }
}
