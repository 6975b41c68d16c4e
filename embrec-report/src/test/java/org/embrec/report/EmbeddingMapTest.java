package org.embrec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class EmbeddingMapTest {
    @Test
    void itemsGetTheirRarestGenreTheLargestGenresAreNamedAndTheRestIsOther() {
        // Genres: A on items 1-6, B on 1-3, C on 4, D on 5; item 7 has none, item 8 is not in the catalog.
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        String[][] genres = {{"A", "B"}, {"A", "B"}, {"B", "A"}, {"A", "C"}, {"A", "D"}, {"A"}, {}};
        for (int i = 0; i < genres.length; i++) {
            String id = Integer.toString(i + 1);
            items.put(id, new Catalog.Item(id, "T" + id, List.of(genres[i]), 0));
        }
        SplittableRandom rnd = new SplittableRandom(1);
        float[] v = new float[8 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        EmbeddingStore store = EmbeddingStore.of(IdMap.of("1", "2", "3", "4", "5", "6", "7", "8"), v, 3);
        EmbeddingMap map = EmbeddingMap.of("m", store, new Catalog(items, List.of()), 3, 100);
        // Rarest genre: B (3 items) for 1-3, C and D (1 each) for 4 and 5, A for 6. Groups by size: B 3,
        // then A, C, D 1 each (ties by name): B and A are named (3 colours - other), C and D are other.
        assertThat(map.group()).containsExactly("B", "B", "B", EmbeddingMap.OTHER, EmbeddingMap.OTHER, "A",
                EmbeddingMap.NO_GENRE, EmbeddingMap.NO_GENRE);
        assertThat(map.groups()).containsExactly("B", "A", EmbeddingMap.OTHER, EmbeddingMap.NO_GENRE);
        assertThat(map.titles()[7]).isEqualTo("8");
        assertThat(map.items()).isEqualTo(8);
        Plot plot = ReportCharts.map(map);
        assertThat(plot.pointCount()).isEqualTo(8);
        assertThat(plot.series()).extracting(Series::name).contains("B (3)", "other (2)", "no genre (2)");
    }

    @Test
    void atMostMaxPointsAreKeptByAnEvenStride() {
        int n = 1000;
        String[] ids = new String[n];
        float[] v = new float[n * 2];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i);
            v[2 * i] = i;
            v[2 * i + 1] = 1;
        }
        EmbeddingMap map = EmbeddingMap.of("m", EmbeddingStore.of(IdMap.of(ids), v, 2), Catalog.empty(), 5, 300);
        assertThat(map.ids()).hasSize(250).startsWith("0", "4", "8");
        assertThat(map.groups()).containsExactly(EmbeddingMap.NO_GENRE);
    }
}
