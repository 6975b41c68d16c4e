package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.junit.jupiter.api.Test;

class ClusterSummaryTest {
    @Test
    void summarisesSizesCentralItemsAndGenres() {
        IdMap ids = IdMap.of("a", "b", "c", "d", "e");
        // cluster 1: a, b, c (b most central); cluster 0: d, e; cluster 2 empty
        Clustering c = new Clustering(3, 2, new float[6], new int[] {1, 1, 1, 0, 0},
                new float[] {0.5f, 0.9f, 0.7f, 0.8f, 0.8f}, 1);
        Catalog catalog = new Catalog(Map.of(
                "a", new Catalog.Item("a", "A", List.of("Drama", "Comedy"), 2000),
                "b", new Catalog.Item("b", "B", List.of("Drama"), 2001),
                "c", new Catalog.Item("c", "C", List.of("Horror"), 2002),
                "d", new Catalog.Item("d", "D", List.of(), 0)), List.of());
        List<ClusterSummary> s = ClusterSummary.of(c, ids, catalog, 2, 2);
        assertThat(s).extracting(ClusterSummary::cluster).containsExactly(1, 0);
        ClusterSummary big = s.get(0);
        assertThat(big.size()).isEqualTo(3);
        assertThat(big.centralIds()).containsExactly("b", "c");
        assertThat(big.meanSimilarity()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(big.genres()).containsExactly(new ClusterSummary.GenreShare("Drama", 2.0 / 3),
                new ClusterSummary.GenreShare("Comedy", 1.0 / 3));
        assertThat(s.get(1).centralIds()).containsExactly("d", "e"); // equal similarity: lower row first
        assertThat(s.get(1).genres()).isEmpty();
    }
}
