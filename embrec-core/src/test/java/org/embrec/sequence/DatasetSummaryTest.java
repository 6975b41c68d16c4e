package org.embrec.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.embrec.data.Catalog;
import org.embrec.data.Dataset;
import org.embrec.data.IdMap;
import org.embrec.data.Interactions;
import org.junit.jupiter.api.Test;

class DatasetSummaryTest {
    @Test
    void nearestRankPercentiles() {
        int[] v = {1, 2, 3, 4};
        assertThat(DatasetSummary.rank(v, 0)).isEqualTo(1);
        assertThat(DatasetSummary.rank(v, 0.5)).isEqualTo(2);
        assertThat(DatasetSummary.rank(v, 0.9)).isEqualTo(4);
        assertThat(DatasetSummary.rank(v, 1)).isEqualTo(4);
        assertThat(DatasetSummary.rank(new int[0], 0.5)).isZero();
    }

    @Test
    void histogramIsExactForFewValuesAndBinnedForMany() {
        Map<String, Long> few = DatasetSummary.histogram(new float[] {4, 0.5f, 4, 5});
        Map<String, Long> want = new LinkedHashMap<>();
        want.put("0.5", 1L);
        want.put("4.0", 2L);
        want.put("5.0", 1L);
        assertThat(few).containsExactlyEntriesOf(want);
        float[] many = new float[101];
        for (int i = 0; i <= 100; i++) {
            many[i] = i;
        }
        Map<String, Long> bins = DatasetSummary.histogram(many);
        assertThat(bins).hasSize(10).containsEntry("[0.000, 10.00)", 10L).containsEntry("[90.00, 100.0]", 11L);
        assertThat(bins.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(101);
    }

    @Test
    void summarisesRowsLikesAndSequences() {
        Interactions in = new Interactions(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 1, 2, 0, 1, 2},
                new float[] {5, 5, 5, 5, 1, 1}, new long[] {30, 10, 20, 5, 6, 7}, IdMap.of("a", "b", "c"),
                IdMap.of("x", "y", "z"));
        Dataset d = new Dataset("t", in, Catalog.empty(), "f");
        DatasetSummary s = DatasetSummary.of(d, SequenceBuilder.build(in, LikedFilter.DEFAULT), LikedFilter.DEFAULT);
        assertThat(s.rows()).isEqualTo(6);
        assertThat(s.meanRating()).isEqualTo(22.0 / 6);
        assertThat(s.likedRows()).isEqualTo(4);
        assertThat(s.sequences()).isEqualTo(2);
        assertThat(s.usersWithThreeLiked()).isEqualTo(1);
        assertThat(s.sequenceMin()).isEqualTo(1);
        assertThat(s.sequenceMax()).isEqualTo(3);
        assertThat(s.timeMin()).isEqualTo(5L);
        assertThat(s.timeMax()).isEqualTo(30L);
    }
}
