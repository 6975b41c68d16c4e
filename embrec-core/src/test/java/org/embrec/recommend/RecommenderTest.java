package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.embrec.index.ItemFilter;
import org.embrec.data.IdMap;
import org.embrec.model.UserVectors;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RecommenderTest {
    private static EmbeddingStore store(int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i + 1);
            for (int d = 0; d < dim; d++) {
                v[i * dim + d] = (float) rnd.nextGaussian();
            }
        }
        return EmbeddingStore.of(IdMap.of(ids), v, dim);
    }

    /** Users u1..u3 over items "1".."6" plus "x" (no vector): item 3 is liked by all, 5 by two. */
    private static Sequences histories() {
        IdMap items = IdMap.of("1", "2", "3", "4", "5", "6", "x");
        IdMap users = IdMap.of("u1", "u2", "u3");
        int[] offsets = {0, 3, 6, 8};
        int[] seq = {2, 4, 6, 0, 2, 4, 2, 1};
        return new Sequences(offsets, seq, new int[] {0, 1, 2}, items, users);
    }

    @RepeatedTest(20)
    void neverReturnsAHistoryItemAndMatchesBruteForce(RepetitionInfo repetition) {
        SplittableRandom rnd = new SplittableRandom(repetition.getCurrentRepetition());
        EmbeddingStore s = store(60, 5, repetition.getCurrentRepetition());
        List<String> history = new ArrayList<>();
        int length = 1 + rnd.nextInt(20);
        for (int i = 0; i < length; i++) {
            history.add(Integer.toString(1 + rnd.nextInt(70))); // ids 61..70 have no vector
        }
        UserVectors rule = rnd.nextBoolean() ? UserVectors.MEAN : UserVectors.recency(2);
        Recommendations r = Recommender.exact(s, rule, Popularity.empty()).forUser(history, 10, ItemFilter.NONE);
        Set<String> seen = new HashSet<>(history);
        for (Neighbor n : r.items()) {
            assertThat(seen).doesNotContain(n.id());
        }
        if (r.used().isEmpty()) {
            assertThat(r.popularityFallback()).isTrue();
            assertThat(r.items()).isEmpty();
            return;
        }
        // Brute force: cosine of every non-history item with the rule's user vector.
        int[] rows = r.used().stream().mapToInt(s::indexOf).toArray();
        float[] user = new float[s.dim()];
        rule.userVector(s, rows, rows.length, user);
        List<double[]> scored = new ArrayList<>();
        for (int row = 0; row < s.size(); row++) {
            if (!seen.contains(s.id(row))) {
                double dot = 0;
                double nu = 0;
                double nv = 0;
                for (int d = 0; d < s.dim(); d++) {
                    dot += user[d] * s.matrix()[row * s.dim() + d];
                    nu += user[d] * user[d];
                    nv += s.matrix()[row * s.dim() + d] * s.matrix()[row * s.dim() + d];
                }
                scored.add(new double[] {dot / Math.sqrt(nu * nv), row});
            }
        }
        scored.sort((a, b) -> Double.compare(b[0], a[0]));
        assertThat(r.items()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(r.items().get(i).score()).isCloseTo((float) scored.get(i)[0], org.assertj.core.api.Assertions.within(1e-4f));
        }
        assertThat(r.popularityFallback()).isFalse();
        assertThat(r.withoutVector()).allMatch(id -> !s.contains(id));
    }

    @Test
    void aHistoryWithoutVectorsFallsBackToPopularityWithoutTheHistory() {
        EmbeddingStore s = store(6, 3, 1);
        Popularity popularity = Popularity.of(histories(), s);
        Recommender rec = Recommender.exact(s, UserVectors.MEAN, popularity);
        Recommendations r = rec.forUser(List.of("x", "3", "nope"), 3, ItemFilter.NONE);
        // "3" has a vector, so no fallback here.
        assertThat(r.popularityFallback()).isFalse();
        Recommendations fallback = rec.forUser(List.of("x", "nope"), 3, ItemFilter.NONE);
        assertThat(fallback.popularityFallback()).isTrue();
        assertThat(fallback.withoutVector()).containsExactly("x", "nope");
        // Counts: 3 -> 3 users, 5 -> 2, then 1, 2 with 1 each (ties by numeric id); "x" has no vector.
        assertThat(fallback.items()).extracting(Neighbor::id).containsExactly("3", "5", "1");
        assertThat(fallback.items()).extracting(Neighbor::score).containsExactly(3f, 2f, 1f);
        Recommendations withoutTop = rec.forUser(List.of("x"), 10, ItemFilter.builder().deny("5").build());
        assertThat(withoutTop.items()).extracting(Neighbor::id).containsExactly("3", "1", "2");
    }

    @Test
    void similarItemsLeaveOutTheQuery() {
        EmbeddingStore s = store(30, 4, 2);
        List<Neighbor> n = Recommender.exact(s, UserVectors.MEAN, Popularity.empty()).similar("7", 29, ItemFilter.NONE);
        assertThat(n).hasSize(29).extracting(Neighbor::id).doesNotContain("7");
    }
}
