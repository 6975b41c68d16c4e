package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link TopKBuffer} against a full sort, rows offered in ascending order, with many ties. */
class TopKBufferTest {
    @Test
    void keepsTheBestKInOrderLikeAFullSort() {
        SplittableRandom rng = new SplittableRandom(3);
        TopKBuffer reused = new TopKBuffer(37);
        for (int trial = 0; trial < 400; trial++) {
            int n = rng.nextInt(2000);
            int k = 1 + rng.nextInt(300);
            int distinct = 1 + rng.nextInt(100);
            float[] score = new float[n];
            for (int r = 0; r < n; r++) {
                int v = rng.nextInt(distinct) - distinct / 2;
                score[r] = v == 0 ? (rng.nextBoolean() ? -0f : 0f) : v * 0.37f + (rng.nextInt(4) == 0 ? r * 1e-3f : 0f);
            }
            TopKBuffer top = trial % 5 == 0 ? reused : new TopKBuffer(k);
            int kk = trial % 5 == 0 ? 37 : k;
            top.clear();
            for (int r = 0; r < n; r++) {
                top.offer(r, score[r]);
            }
            List<Integer> expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer r) -> -(score[r] + 0f)).thenComparingInt(r -> r))
                    .limit(kk).toList();
            assertThat(IntStream.of(top.rowsBestFirst()).boxed().toList()).as("n %d k %d", n, kk).isEqualTo(expected);
        }
    }
}
