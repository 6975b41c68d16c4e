package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.embrec.data.IdMap;
import org.junit.jupiter.api.Test;

/** {@link EmbeddingStore#mostSimilar} against a brute-force double-precision oracle. */
class EmbeddingStoreTest {
    private static final double TOL = 1e-5;

    /** Random vectors where about a fifth of the rows copy an earlier row exactly, plus a zero row. */
    private static EmbeddingStore storeWithDuplicates(SplittableRandom rnd, int n, int dim) {
        float[] v = new float[n * dim];
        for (int r = 0; r < n; r++) {
            if (r > 0 && rnd.nextInt(5) == 0) {
                System.arraycopy(v, rnd.nextInt(r) * dim, v, r * dim, dim);
            } else if (r > 0 && rnd.nextInt(50) == 0) {
                Arrays.fill(v, r * dim, (r + 1) * dim, 0f);
            } else {
                for (int j = 0; j < dim; j++) {
                    v[r * dim + j] = (float) rnd.nextGaussian();
                }
            }
        }
        String[] ids = new String[n];
        for (int r = 0; r < n; r++) {
            ids[r] = "i" + (n - r);
        }
        return EmbeddingStore.of(IdMap.of(ids), v, dim);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /**
     * Checks a result against brute force: k (or all eligible) distinct eligible rows, scores
     * right and non-increasing, nothing left out that scores clearly higher, and rows with
     * identical vectors in ascending row order.
     */
    private static void assertMatchesOracle(EmbeddingStore s, float[] query, int k, IntPredicate filter,
            Set<Integer> excluded, List<Neighbor> got) {
        int eligible = 0;
        for (int r = 0; r < s.size(); r++) {
            eligible += !excluded.contains(r) && (filter == null || filter.test(r)) ? 1 : 0;
        }
        assertThat(got).hasSize(Math.min(k, eligible));
        Set<Integer> rows = new HashSet<>();
        for (int i = 0; i < got.size(); i++) {
            Neighbor nb = got.get(i);
            assertThat(rows.add(nb.row())).as("distinct").isTrue();
            assertThat(excluded).doesNotContain(nb.row());
            assertThat(filter == null || filter.test(nb.row())).isTrue();
            assertThat(nb.id()).isEqualTo(s.id(nb.row()));
            assertThat((double) nb.score()).isCloseTo(cosine(query, s.vector(nb.row())), org.assertj.core.api.Assertions.within(TOL));
            if (i > 0) {
                Neighbor prev = got.get(i - 1);
                assertThat(nb.score()).isLessThanOrEqualTo(prev.score());
                if (Arrays.equals(s.vector(prev.row()), s.vector(nb.row()))) {
                    assertThat(prev.row()).as("identical vectors: lower row first").isLessThan(nb.row());
                }
            }
        }
        if (got.size() == k) {
            double last = got.get(got.size() - 1).score();
            for (int r = 0; r < s.size(); r++) {
                if (!rows.contains(r) && !excluded.contains(r) && (filter == null || filter.test(r))) {
                    assertThat(cosine(query, s.vector(r))).as("row %d left out", r).isLessThanOrEqualTo(last + TOL);
                }
            }
        }
    }

    @Test
    void mostSimilarByIdMatchesBruteForceAndNeverReturnsTheQuery() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int trial = 0; trial < 60; trial++) {
            int n = rnd.nextInt(1, 300);
            int dim = rnd.nextInt(1, 40);
            EmbeddingStore s = storeWithDuplicates(rnd, n, dim);
            int q = rnd.nextInt(n);
            int k = rnd.nextInt(1, n + 10);
            int mod = rnd.nextInt(1, 4);
            IntPredicate filter = trial % 2 == 0 ? null : r -> r % mod != 0;
            List<Neighbor> got = s.mostSimilar(s.id(q), k, filter);
            assertMatchesOracle(s, s.vector(q), k, filter, Set.of(q), got);
        }
    }

    @Test
    void theQueryIsExcludedEvenWhenAnotherItemHasItsExactVector() {
        float[] v = {1, 0, 1, 0, 0, 1, 1, 0};
        EmbeddingStore s = EmbeddingStore.of(IdMap.of("a", "b", "c", "d"), v, 2);
        assertThat(s.mostSimilar("d", 10, null)).extracting(Neighbor::id).containsExactly("a", "b", "c");
        assertThat(s.mostSimilar("a", 2, null)).extracting(Neighbor::id).containsExactly("b", "d");
        assertThat(s.mostSimilar("a", 1, r -> r != 1)).extracting(Neighbor::id).containsExactly("d");
        assertThat(s.mostSimilar("a", 5, r -> false)).isEmpty();
    }

    @Test
    void mostSimilarToAVectorExcludesTheGivenRows() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (int trial = 0; trial < 40; trial++) {
            int n = rnd.nextInt(1, 200);
            int dim = rnd.nextInt(1, 20);
            EmbeddingStore s = storeWithDuplicates(rnd, n, dim);
            float[] query = new float[dim];
            for (int j = 0; j < dim; j++) {
                query[j] = (float) rnd.nextGaussian();
            }
            List<Integer> ex = new ArrayList<>();
            for (int e = rnd.nextInt(0, 5); e > 0; e--) {
                ex.add(rnd.nextInt(n));
            }
            int[] exclude = ex.stream().mapToInt(Integer::intValue).toArray();
            int k = rnd.nextInt(1, n + 5);
            List<Neighbor> got = s.mostSimilar(query, k, null, exclude);
            assertMatchesOracle(s, query, k, null, new HashSet<>(ex), got);
        }
    }

    @Test
    void rejectsBadQueries() {
        EmbeddingStore s = EmbeddingStore.of(IdMap.of("a", "b"), new float[] {1, 0, 0, 1}, 2);
        assertThatThrownBy(() -> s.mostSimilar("zz", 3, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no vector for item 'zz'");
        assertThatThrownBy(() -> s.mostSimilar(new float[3], 3, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.mostSimilar("a", 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmbeddingStore.of(IdMap.of("a"), new float[] {Float.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }
}
