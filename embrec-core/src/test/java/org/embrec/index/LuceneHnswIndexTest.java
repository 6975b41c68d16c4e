package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneHnswIndexTest {
    private static final int N = 4000;
    private static final int DIM = 32;
    private static final int QUERIES = 300;

    @TempDir
    static Path tmp;

    static EmbeddingStore store;
    static float[] queries;
    static ItemAttributes attrs;
    static ExactIndex exact;
    static KnnResult truth;
    static LuceneHnswIndex hnsw;

    @BeforeAll
    static void buildClusteredData() {
        SplittableRandom rnd = new SplittableRandom(42);
        float[] centres = TestVectors.centres(40, DIM, rnd);
        store = EmbeddingStore.of(TestVectors.ids(N), TestVectors.clustered(N, DIM, 40, 0.35, rnd, centres), DIM);
        queries = TestVectors.clustered(QUERIES, DIM, 40, 0.35, rnd, centres);
        attrs = ItemAttributes.of(store.ids(), TestVectors.catalog(store.ids()));
        exact = ExactIndex.of(store, attrs);
        truth = exact.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        hnsw = LuceneHnswIndex.build(store, attrs, IndexType.HNSW, HnswParams.DEFAULTS, tmp.resolve("hnsw"), 2, null);
    }

    @AfterAll
    static void close() {
        hnsw.close();
    }

    static double recall(VectorIndex index, KnnResult expected, float[] qs) {
        KnnResult got = index.searchBatch(qs, null, 10, ItemFilter.NONE, 2, null);
        double sum = 0;
        for (int q = 0; q < got.queries(); q++) {
            sum += TestVectors.overlap(expected.hits(q).rows(), got.hits(q).rows());
        }
        return sum / got.queries();
    }

    @Test
    void recallAtTenAgainstExactIsAtLeast095() {
        assertThat(recall(hnsw, truth, queries)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void buildMakesOneSegmentWhoseGraphVisitsFewNodes() {
        assertThat(hnsw.segments()).isEqualTo(1);
        float[] q = store.unitMatrix();
        long visited = hnsw.visitedNodes(Arrays.copyOf(q, DIM), 32);
        assertThat(visited).as("nodes visited by one graph search").isPositive().isLessThan(N / 4);
    }

    @Test
    void scoresAreExactCosinesBestFirst() {
        for (int q = 0; q < 20; q++) {
            float[] query = Arrays.copyOfRange(queries, q * DIM, (q + 1) * DIM);
            Hits h = hnsw.search(query, 10, ItemFilter.NONE);
            double[] cos = TestVectors.cosines(store, query);
            for (int i = 0; i < h.size(); i++) {
                assertThat((double) h.score(i)).isCloseTo(cos[h.row(i)], org.assertj.core.data.Offset.offset(1e-5));
                if (i > 0) {
                    assertThat(h.score(i)).isLessThanOrEqualTo(h.score(i - 1));
                }
            }
        }
    }

    @Test
    void filtersNeverReturnAFilteredOutItem() {
        IdMap ids = store.ids();
        for (FilterCases.Case c : FilterCases.all(ids)) {
            int allowed = (int) java.util.stream.IntStream.range(0, N).filter(c.keep()).count();
            for (int q = 0; q < 30; q++) {
                float[] query = Arrays.copyOfRange(queries, q * DIM, (q + 1) * DIM);
                Hits h = hnsw.search(query, 10, c.filter());
                for (int i = 0; i < h.size(); i++) {
                    assertThat(c.keep().test(h.row(i))).as("%s returned row %d", c.name(), h.row(i)).isTrue();
                }
                assertThat(h.size()).as(c.name()).isEqualTo(Math.min(10, allowed));
                Hits e = exact.search(query, 10, c.filter());
                assertThat(TestVectors.overlap(e.rows(), h.rows())).as(c.name()).isGreaterThanOrEqualTo(0.6);
            }
        }
    }

    @Test
    void searchAllNeverReturnsTheQueryItem() {
        KnnResult all = TestVectors.searchAll(hnsw, 10, ItemFilter.NONE, 2);
        for (int r = 0; r < N; r++) {
            assertThat(all.count(r)).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                assertThat(all.row(r, i)).isNotEqualTo(r);
            }
        }
    }

    @Test
    void duplicateVectorsAreReturnedButNeverTheQueryItself(@TempDir Path dir) {
        int n = 600;
        int dim = 8;
        float[] base = TestVectors.gaussian(20, dim, 3).matrix();
        float[] v = new float[n * dim];
        for (int r = 0; r < n; r++) {
            System.arraycopy(base, (r % 20) * dim, v, r * dim, dim); // 30 identical copies of each vector
        }
        EmbeddingStore dup = EmbeddingStore.of(TestVectors.ids(n), v, dim);
        try (LuceneHnswIndex index = LuceneHnswIndex.build(dup, ItemAttributes.none(n), IndexType.HNSW,
                HnswParams.DEFAULTS, dir.resolve("i"), 1, null)) {
            for (int r = 0; r < n; r++) {
                Hits h = index.searchItem(r, 10, ItemFilter.NONE);
                assertThat(h.rows()).doesNotContain(r).hasSize(10);
                assertThat(h.score(0)).isGreaterThan(0.9999f); // another copy of the same vector
            }
        }
    }

    @Test
    void reopenedIndexGivesTheSameResults() {
        KnnResult before = hnsw.searchBatch(queries, null, 10, ItemFilter.NONE, 1, null);
        try (LuceneHnswIndex reopened = LuceneHnswIndex.open(tmp.resolve("hnsw"), IndexType.HNSW,
                HnswParams.DEFAULTS, store)) {
            KnnResult after = reopened.searchBatch(queries, null, 10, ItemFilter.NONE, 1, null);
            for (int q = 0; q < QUERIES; q++) {
                assertThat(after.hits(q).rows()).isEqualTo(before.hits(q).rows());
            }
        }
    }

    @Test
    void quantizedIndexesReachASaneRecallAndAreSmaller() {
        for (IndexType type : new IndexType[] {IndexType.HNSW_SQ8, IndexType.HNSW_SQ4}) {
            Path dir = tmp.resolve(type.cliName());
            try (LuceneHnswIndex q = LuceneHnswIndex.build(store, attrs, type, HnswParams.DEFAULTS, dir, 2, null)) {
                assertThat(recall(q, truth, queries)).as(type.cliName()).isGreaterThanOrEqualTo(0.85);
                assertThat(q.searchBytesPerVector()).as(type.cliName()).isLessThan(hnsw.searchBytesPerVector());
            }
            try (LuceneHnswIndex reopened = LuceneHnswIndex.open(dir, type, HnswParams.DEFAULTS, store)) {
                assertThat(recall(reopened, truth, queries)).as(type.cliName() + " reopened").isGreaterThanOrEqualTo(0.85);
            }
        }
    }

    @Test
    void zeroQueryIsAnsweredWithZeroScores() {
        Hits h = hnsw.search(new float[DIM], 5, ItemFilter.NONE);
        assertThat(h.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(h.score(i)).isEqualTo(0f);
        }
    }
}
