package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnnResultTest {
    private static KnnResult of(int k, int[]... perQuery) {
        KnnResult r = new KnnResult(perQuery.length, k);
        for (int q = 0; q < perQuery.length; q++) {
            r.set(q, perQuery[q], new float[perQuery[q].length], perQuery[q].length);
        }
        return r;
    }

    @Test
    void recallIsTheMeanOverQueriesOfTheShareOfTrueHitsFound() {
        KnnResult truth = of(3, new int[] {1, 2, 3}, new int[] {4, 5}, new int[] {});
        KnnResult got = of(3, new int[] {3, 9, 1}, new int[] {6, 7}, new int[] {8});
        // query 0: 2 of 3; query 1: 0 of 2; query 2 has no true hit and does not count
        assertThat(got.recallAgainst(truth)).isEqualTo((2.0 / 3 + 0) / 2);
        assertThat(truth.recallAgainst(truth)).isEqualTo(1.0);
        assertThat(of(2, new int[] {}).recallAgainst(of(2, new int[] {}))).isEqualTo(1.0);
    }

    @Test
    void recallOfDifferentQueryCountsIsRefused() {
        assertThatThrownBy(() -> of(2, new int[] {1}).recallAgainst(of(2, new int[] {1}, new int[] {2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 queries, these 1");
    }
}
