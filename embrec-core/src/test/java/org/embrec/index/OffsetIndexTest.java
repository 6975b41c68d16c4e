package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

/** {@link OffsetIndex} against a brute-force oracle of cosine + offset. */
class OffsetIndexTest {
    /** Offsets: a fraction of the rows penalised (some heavily), a few rows with a bonus. */
    private static EmbeddingStore withOffsets(EmbeddingStore store, double penalisedShare, SplittableRandom rnd) {
        float[] offsets = new float[store.size()];
        for (int r = 0; r < offsets.length; r++) {
            double u = rnd.nextDouble();
            if (u < penalisedShare) {
                offsets[r] = (float) -(rnd.nextInt(3) == 0 ? 0.8 : 0.1);
            } else if (u < penalisedShare + 0.02) {
                offsets[r] = 0.05f;
            }
        }
        return store.withScoreOffsets(offsets);
    }

    /** Oracle order: score = cosine + offset, best first, equal scores by lower row. */
    private static Integer[] oracle(EmbeddingStore store, double[] scores, int exclude) {
        return java.util.stream.IntStream.range(0, store.size()).filter(r -> r != exclude).boxed()
                .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b))
                .toArray(Integer[]::new);
    }

    private static double[] scores(EmbeddingStore store, float[] query) {
        double[] cos = TestVectors.cosines(store, query);
        for (int r = 0; r < cos.length; r++) {
            cos[r] += store.scoreOffset(r);
        }
        return cos;
    }

    private static void assertTopK(EmbeddingStore store, float[] query, Hits hits, int k, int exclude) {
        double[] s = scores(store, query);
        Integer[] expected = oracle(store, s, exclude);
        assertThat(hits.size()).isEqualTo(Math.min(k, expected.length));
        for (int i = 0; i < hits.size(); i++) {
            assertThat(hits.row(i)).isNotEqualTo(exclude);
            assertThat((double) hits.score(i)).as("rank %d", i).isCloseTo(s[expected[i]], within(2e-5));
            assertThat((double) hits.score(i)).isCloseTo(s[hits.row(i)], within(2e-5));
        }
    }

    @Test
    void singleSearchIsTheTopKOfCosinePlusOffset() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rnd.nextInt(600);
            int dim = 2 + rnd.nextInt(30);
            int k = 1 + rnd.nextInt(30);
            EmbeddingStore store = withOffsets(TestVectors.gaussian(n, dim, rnd.nextLong()), rnd.nextDouble(), rnd);
            VectorIndex index = OffsetIndex.of(ExactIndex.of(store));
            float[] query = TestVectors.gaussian(1, dim, rnd.nextLong()).matrix();
            assertTopK(store, query, index.search(query, k, ItemFilter.NONE), k, -1);
            int row = rnd.nextInt(n);
            assertTopK(store, store.vector(row), index.searchItem(row, k, ItemFilter.NONE), k, row);
        }
    }

    @Test
    void penalisedRowsCrowdingTheCosineTopAreLookedPast() {
        // 95% of the rows are near-copies of the query with a large penalty: the first fetches
        // hold almost only them, so the index must ask again until the warm rows are found.
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 2000;
        int dim = 8;
        float[] query = TestVectors.gaussian(1, dim, 1).matrix();
        float[] m = TestVectors.gaussian(n, dim, 2).matrix().clone();
        float[] offsets = new float[n];
        for (int r = 0; r < n; r++) {
            if (r % 20 != 0) {
                for (int j = 0; j < dim; j++) {
                    m[r * dim + j] = query[j] + 0.05f * (float) rnd.nextGaussian();
                }
                offsets[r] = -1.5f;
            }
        }
        EmbeddingStore store = EmbeddingStore.of(TestVectors.ids(n), m, dim).withScoreOffsets(offsets);
        VectorIndex index = OffsetIndex.of(ExactIndex.of(store));
        Hits hits = index.search(query, 10, ItemFilter.NONE);
        assertTopK(store, query, hits, 10, -1);
        for (int i = 0; i < hits.size(); i++) {
            assertThat(hits.row(i) % 20).as("only unpenalised rows can lead").isZero();
        }
    }

    @Test
    void batchSearchEqualsSingleSearches() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 6; trial++) {
            int n = 50 + rnd.nextInt(800);
            int dim = 2 + rnd.nextInt(20);
            int nq = 1 + rnd.nextInt(80);
            int k = 1 + rnd.nextInt(12);
            EmbeddingStore store = withOffsets(TestVectors.gaussian(n, dim, rnd.nextLong()), 0.8, rnd);
            VectorIndex index = OffsetIndex.of(ExactIndex.of(store));
            float[] queries = TestVectors.gaussian(nq, dim, rnd.nextLong()).matrix();
            int[] exclude = new int[nq];
            for (int q = 0; q < nq; q++) {
                exclude[q] = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(n);
            }
            KnnResult batch = index.searchBatch(queries, exclude, k, ItemFilter.NONE, 1 + trial % 2, null);
            for (int q = 0; q < nq; q++) {
                float[] query = Arrays.copyOfRange(queries, q * dim, (q + 1) * dim);
                Hits single = index.search(query, k, ItemFilter.NONE, exclude[q]);
                assertThat(batch.hits(q).rows()).isEqualTo(single.rows());
                assertThat(batch.hits(q).scores()).isEqualTo(single.scores());
                assertTopK(store, query, single, k, exclude[q]);
            }
        }
    }

    @Test
    void aStoreWithoutOffsetsIsSearchedByTheIndexItself() {
        ExactIndex plain = ExactIndex.of(TestVectors.gaussian(20, 4, 1));
        assertThat(OffsetIndex.of(plain)).isSameAs(plain);
        EmbeddingStore zero = TestVectors.gaussian(20, 4, 1).withScoreOffsets(new float[20]);
        assertThat(zero.hasScoreOffsets()).isFalse();
    }

    @Test
    void exactSearchOverAStoreWithOffsetsMatchesTheOracle() {
        SplittableRandom rnd = new SplittableRandom(3);
        EmbeddingStore store = withOffsets(TestVectors.gaussian(300, 6, 4), 0.7, rnd);
        float[] query = TestVectors.gaussian(1, 6, 9).matrix();
        Hits viaIndex = OffsetIndex.of(ExactIndex.of(store)).search(query, 15, ItemFilter.NONE);
        assertTopK(store, query, viaIndex, 15, -1);
    }
}
