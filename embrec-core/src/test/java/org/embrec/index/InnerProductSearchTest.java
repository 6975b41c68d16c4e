package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;
import org.junit.jupiter.api.Test;

/** {@link ExactIndex} built for {@link Similarity#INNER_PRODUCT} against a brute-force inner product. */
class InnerProductSearchTest {
    private static final int N = 700;
    private static final int DIM = 13; // not a multiple of any SIMD width

    private final SplittableRandom rnd = new SplittableRandom(5);
    private final EmbeddingStore store = store();

    @Test
    void searchEqualsBruteForceInnerProductNotCosine() {
        ExactIndex index = ExactIndex.of(store, ItemAttributes.none(N), Similarity.INNER_PRODUCT);
        assertThat(index.similarity()).isEqualTo(Similarity.INNER_PRODUCT);
        ExactIndex cosine = ExactIndex.of(store, ItemAttributes.none(N));
        boolean differsFromCosine = false;
        for (int q = 0; q < 30; q++) {
            float[] query = gaussian(DIM, 3.0);
            Hits hits = index.search(query, 10, ItemFilter.NONE);
            assertBruteForce(query, hits, 10, -1, null);
            differsFromCosine |= !Arrays.equals(hits.rows(), cosine.search(query, 10, ItemFilter.NONE).rows());
        }
        assertThat(differsFromCosine).as("rows of different norms rank differently by inner product").isTrue();
    }

    @Test
    void exclusionFiltersAndBatchesAgreeWithBruteForce() {
        ExactIndex index = ExactIndex.of(store, ItemAttributes.none(N), Similarity.INNER_PRODUCT);
        ItemFilter deny = ItemFilter.NONE.andDeny(IntStream.range(0, 50).mapToObj(i -> "r" + (i * 3)).toList());
        IntPredicate keep = deny.toPredicate(store.ids(), ItemAttributes.none(N));
        int queries = 40;
        float[] batch = gaussian(queries * DIM, 1.0);
        int[] exclude = new int[queries];
        for (int q = 0; q < queries; q++) {
            exclude[q] = rnd.nextInt(N);
        }
        KnnResult result = index.searchBatch(batch, exclude, 7, deny, 2, Progress.NONE);
        for (int q = 0; q < queries; q++) {
            float[] query = Arrays.copyOfRange(batch, q * DIM, (q + 1) * DIM);
            assertBruteForce(query, result.hits(q), 7, exclude[q], keep);
            assertThat(index.search(query, 7, deny, exclude[q]).rows()).isEqualTo(result.hits(q).rows());
        }
    }

    private void assertBruteForce(float[] query, Hits hits, int k, int exclude, IntPredicate keep) {
        double[] dots = new double[N];
        for (int r = 0; r < N; r++) {
            float[] v = store.vector(r);
            for (int d = 0; d < DIM; d++) {
                dots[r] += (double) query[d] * v[d];
            }
        }
        Integer[] order = IntStream.range(0, N).filter(r -> r != exclude && (keep == null || keep.test(r))).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> -dots[r]).thenComparingInt(r -> r));
        assertThat(hits.size()).isEqualTo(k);
        for (int i = 0; i < k; i++) {
            assertThat(hits.row(i)).as("rank %d", i).isEqualTo(order[i]);
            assertThat((double) hits.score(i)).isCloseTo(dots[order[i]], within(1e-4 * (1 + Math.abs(dots[order[i]]))));
        }
    }

    private EmbeddingStore store() {
        String[] ids = new String[N];
        float[] v = new float[N * DIM];
        for (int r = 0; r < N; r++) {
            ids[r] = "r" + r;
            double scale = 0.2 + 3 * rnd.nextDouble(); // norms differ, so inner product is not cosine
            for (int d = 0; d < DIM; d++) {
                v[r * DIM + d] = (float) (scale * rnd.nextGaussian());
            }
        }
        return EmbeddingStore.of(IdMap.of(ids), v, DIM);
    }

    private float[] gaussian(int n, double sd) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (sd * rnd.nextGaussian());
        }
        return v;
    }
}
