package org.embrec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.index.ExactIndex;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelManifest;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.Test;

/** Cached similar lists equal fresh exact searches, ties included, for every k the cache serves. */
class NeighborCacheTest {
    @Test
    void cachedListsEqualFreshExactSearch() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 300;
        int dim = 6;
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = "i" + i;
            for (int j = 0; j < dim; j++) {
                // Coarse values: many exact duplicates and equal scores, so tie order matters.
                v[i * dim + j] = rnd.nextInt(3) - 1;
            }
            if (i % 7 == 0) {
                v[i * dim] = 5; // never a zero vector
            }
        }
        EmbeddingStore store = EmbeddingStore.of(IdMap.of(ids), v, dim);
        EmbeddingModel model = EmbeddingModel.of("item2vec", store, Map.of(), new Catalog(Map.of(), List.of()),
                new ModelManifest.DataSource("t", "f"), Map.of());
        ServedModel served = new ServedModel("item2vec", null, model);
        ExactIndex oracle = ExactIndex.of(store);
        for (int t = 0; t < 400; t++) {
            int row = rnd.nextInt(n);
            int k = 1 + rnd.nextInt(NeighborCache.DEPTH + 10); // beyond DEPTH: not cached
            List<Neighbor> expected = oracle.searchItem(row, k, ItemFilter.NONE).toNeighbors(store.ids());
            List<Neighbor> before = served.similarIfCached(row, k, ResultFilter.NONE);
            assertThat(before == null || before.equals(expected)).as("cached-only row %d k %d", row, k).isTrue();
            assertThat(served.similar(row, k, ResultFilter.NONE)).as("row %d k %d", row, k).isEqualTo(expected);
            List<Neighbor> after = served.similarIfCached(row, k, ResultFilter.NONE);
            if (k <= NeighborCache.DEPTH) {
                assertThat(after).as("cached after one search: row %d k %d", row, k).isEqualTo(expected);
            } else {
                assertThat(after).as("k %d is beyond the cache", k).isNull();
            }
        }
        assertThat(served.similarIfCached(0, 5, new ResultFilter(null, 1990, null)))
                .as("filtered lists are never answered from the cache").isNull();
    }
}
