package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class IvfIndexTest {
    private static final int DIM = 24;

    @Test
    void probingEveryCellIsExactAndFewCellsKeepHighRecallOnClusteredData() {
        SplittableRandom rnd = new SplittableRandom(8);
        float[] centres = TestVectors.centres(30, DIM, rnd);
        EmbeddingStore store = EmbeddingStore.of(TestVectors.ids(3000),
                TestVectors.clustered(3000, DIM, 30, 0.35, rnd, centres), DIM);
        float[] queries = TestVectors.clustered(200, DIM, 30, 0.35, rnd, centres);
        ExactIndex exact = ExactIndex.of(store);
        KnnResult truth = exact.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        IvfIndex ivf = IvfIndex.build(store, ItemAttributes.none(3000), new IvfParams(40, 40), 2, null);
        KnnResult all = ivf.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        for (int q = 0; q < 200; q++) {
            assertThat(all.hits(q).rows()).isEqualTo(truth.hits(q).rows());
        }
        KnnResult few = ivf.withNprobe(6).searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        assertThat(few.recallAgainst(truth)).isGreaterThan(0.9);
    }

    @Test
    void filtersAndSelfExclusionHold() {
        EmbeddingStore store = TestVectors.gaussian(1200, DIM, 2);
        ItemAttributes attrs = ItemAttributes.of(store.ids(), TestVectors.catalog(store.ids()));
        IvfIndex ivf = IvfIndex.build(store, attrs, new IvfParams(16, 5), 1, null);
        for (FilterCases.Case c : FilterCases.all(store.ids())) {
            KnnResult all = TestVectors.searchAll(ivf, 10, c.filter(), 2);
            for (int r = 0; r < store.size(); r++) {
                for (int i = 0; i < all.count(r); i++) {
                    assertThat(all.row(r, i)).isNotEqualTo(r);
                    assertThat(c.keep().test(all.row(r, i))).as(c.name()).isTrue();
                }
            }
        }
        Hits h = ivf.searchItem(5, 10, ItemFilter.NONE);
        assertThat(h.rows()).doesNotContain(5);
        assertThat(Arrays.stream(h.rows()).distinct().count()).isEqualTo(h.size());
    }
}
