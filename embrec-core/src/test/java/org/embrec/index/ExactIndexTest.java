package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class ExactIndexTest {
    /**
     * The index's hits must be the brute-force top-k: same scores (to float rounding) rank by
     * rank, and every returned row must score at least the oracle's k-th score (so near-ties may
     * swap, nothing else).
     */
    static void assertMatchesOracle(EmbeddingStore store, float[] query, Hits hits, int k, IntPredicate keep) {
        int[] expected = TestVectors.bruteForce(store, query, k, keep);
        double[] exact = TestVectors.cosines(store, query);
        assertThat(hits.size()).isEqualTo(expected.length);
        for (int i = 0; i < hits.size(); i++) {
            assertThat((double) hits.score(i)).isCloseTo(exact[expected[i]], within(2e-5));
            assertThat((double) hits.score(i)).isCloseTo(exact[hits.row(i)], within(2e-5));
            if (keep != null) {
                assertThat(keep.test(hits.row(i))).isTrue();
            }
        }
        int[] rows = hits.rows();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != expected[i]) {
                assertThat(Math.abs(exact[rows[i]] - exact[expected[i]])).as("rank %d swapped rows must be a near-tie", i)
                        .isLessThan(1e-5);
            }
        }
    }

    @Test
    void singleSearchEqualsScalarBruteForceOnRandomData() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + rnd.nextInt(700);
            int dim = 1 + rnd.nextInt(70);
            int k = 1 + rnd.nextInt(25);
            EmbeddingStore store = TestVectors.gaussian(n, dim, rnd.nextLong());
            ExactIndex index = ExactIndex.of(store);
            float[] query = TestVectors.gaussian(1, dim, rnd.nextLong()).matrix();
            assertMatchesOracle(store, query, index.search(query, k, ItemFilter.NONE), k, null);
        }
    }

    @Test
    void batchSearchEqualsSingleSearchAndOracleOnEveryThreadCount() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 8; trial++) {
            int n = 50 + rnd.nextInt(2000);
            int dim = 1 + rnd.nextInt(100);
            int nq = 1 + rnd.nextInt(600);
            int k = 1 + rnd.nextInt(12);
            EmbeddingStore store = TestVectors.gaussian(n, dim, rnd.nextLong());
            float[] queries = TestVectors.gaussian(nq, dim, rnd.nextLong()).matrix();
            ExactIndex index = ExactIndex.of(store);
            KnnResult batch = index.searchBatch(queries, null, k, ItemFilter.NONE, 1 + trial % 3, null);
            assertThat(batch.queries()).isEqualTo(nq);
            for (int q = 0; q < nq; q++) {
                float[] query = java.util.Arrays.copyOfRange(queries, q * dim, (q + 1) * dim);
                Hits single = index.search(query, k, ItemFilter.NONE);
                assertThat(batch.hits(q).rows()).isEqualTo(single.rows());
                assertThat(batch.hits(q).scores()).isEqualTo(single.scores());
                if (q % 17 == 0) {
                    assertMatchesOracle(store, query, batch.hits(q), k, null);
                }
            }
        }
    }

    @Test
    void simdKernelAgreesWithScalarKernel() {
        EmbeddingStore store = TestVectors.gaussian(1500, 37, 3);
        ItemAttributes attrs = ItemAttributes.none(store.size());
        float[] queries = TestVectors.gaussian(41, 37, 4).matrix();
        KnnResult simd = ExactIndex.of(store, attrs).searchBatch(queries, null, 9, ItemFilter.NONE, 2, null);
        KnnResult scalar = ExactIndex.scalar(store, attrs).searchBatch(queries, null, 9, ItemFilter.NONE, 1, null);
        for (int q = 0; q < 41; q++) {
            assertThat(simd.hits(q).rows()).isEqualTo(scalar.hits(q).rows());
            for (int r = 0; r < simd.count(q); r++) {
                assertThat(simd.score(q, r)).isCloseTo(scalar.score(q, r), within(1e-5f));
            }
        }
    }

    @Test
    void searchAllNeverReturnsTheItemEvenWithDuplicateVectors() {
        int dim = 8;
        int n = 300;
        SplittableRandom rnd = new SplittableRandom(5);
        float[] base = TestVectors.gaussian(30, dim, 9).matrix();
        float[] v = new float[n * dim];
        for (int r = 0; r < n; r++) {
            int src = rnd.nextInt(30); // 10 copies of each vector on average: many exact duplicates
            System.arraycopy(base, src * dim, v, r * dim, dim);
        }
        EmbeddingStore store = EmbeddingStore.of(TestVectors.ids(n), v, dim);
        ExactIndex index = ExactIndex.of(store);
        KnnResult all = TestVectors.searchAll(index, 10, ItemFilter.NONE, 2);
        for (int r = 0; r < n; r++) {
            assertThat(all.count(r)).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                assertThat(all.row(r, i)).isNotEqualTo(r);
            }
            assertThat(index.searchItem(r, 10, ItemFilter.NONE).rows()).doesNotContain(r).isEqualTo(all.hits(r).rows());
        }
    }

    @Test
    void filtersAreApplied() {
        EmbeddingStore store = TestVectors.gaussian(900, 16, 21);
        IdMap ids = store.ids();
        ItemAttributes attrs = ItemAttributes.of(ids, TestVectors.catalog(ids));
        ExactIndex index = ExactIndex.of(store, attrs);
        SplittableRandom rnd = new SplittableRandom(2);
        for (FilterCases.Case c : FilterCases.all(ids)) {
            for (int t = 0; t < 5; t++) {
                float[] query = TestVectors.gaussian(1, 16, rnd.nextLong()).matrix();
                assertMatchesOracle(store, query, index.search(query, 20, c.filter()), 20, c.keep());
            }
            KnnResult all = TestVectors.searchAll(index, 20, c.filter(), 2);
            for (int r = 0; r < store.size(); r += 37) {
                int row = r;
                assertMatchesOracle(store, store.vector(r), all.hits(r), 20, x -> x != row && c.keep().test(x));
            }
        }
    }

    @Test
    void kLargerThanTheIndexReturnsEveryOtherRow() {
        EmbeddingStore store = TestVectors.gaussian(5, 3, 1);
        ExactIndex index = ExactIndex.of(store);
        assertThat(index.searchItem(2, 50, ItemFilter.NONE).rows()).containsExactlyInAnyOrder(0, 1, 3, 4);
        KnnResult all = TestVectors.searchAll(index, 50, ItemFilter.NONE, 1);
        assertThat(all.count(0)).isEqualTo(4);
        assertThat(all.row(0, 4)).isEqualTo(-1);
    }

    @Test
    void rejectsBadQueries() {
        ExactIndex index = ExactIndex.of(TestVectors.gaussian(5, 3, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.search(new float[4], 3, ItemFilter.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.search(new float[3], 0, ItemFilter.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
