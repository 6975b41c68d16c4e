package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link TopK} against a full sort: the k best by score, equal scores by lower row, best first. */
class TopKTest {
    @Test
    void keepsTheBestKInOrderLikeAFullSort() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 300; trial++) {
            int n = rng.nextInt(500);
            int k = rng.nextInt(250);
            float[] score = new float[n];
            for (int r = 0; r < n; r++) {
                // few distinct values (ties), negative and positive, both zeros
                int v = rng.nextInt(40) - 20;
                score[r] = v == 0 ? (rng.nextBoolean() ? -0f : 0f) : v * 0.37f;
            }
            TopK top = new TopK(k);
            List<Integer> order = IntStream.range(0, n).boxed().toList();
            for (int i : shuffled(order, rng)) {
                top.offer(i, score[i]);
            }
            List<Integer> expected = order.stream()
                    .sorted(Comparator.comparingDouble((Integer r) -> -(score[r] + 0f)).thenComparingInt(r -> r))
                    .limit(k).toList();
            assertThat(IntStream.of(top.rowsBestFirst()).boxed().toList()).isEqualTo(expected);
            float[] scores = top.scoresBestFirst();
            for (int i = 0; i < expected.size(); i++) {
                assertThat(scores[i]).isEqualTo(score[expected.get(i)] + 0f);
            }
        }
    }

    private static List<Integer> shuffled(List<Integer> list, SplittableRandom rng) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>(list);
        for (int i = out.size() - 1; i > 0; i--) {
            java.util.Collections.swap(out, i, rng.nextInt(i + 1));
        }
        return out;
    }
}
