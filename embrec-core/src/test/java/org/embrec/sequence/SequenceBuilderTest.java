package org.embrec.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceBuilderTest {
    private static IdMap ids(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = Integer.toString(i);
        }
        return IdMap.of(s);
    }

    /** Oracle: liked rows sorted by (user, time, row) with a comparator, split per user. */
    private static List<int[]> oracle(Interactions in, boolean[] keep) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < in.size(); r++) {
            if (keep[r]) {
                rows.add(r);
            }
        }
        rows.sort(Comparator.<Integer>comparingInt(in::user).thenComparingLong(in::time).thenComparingInt(r -> r));
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= rows.size(); k++) {
            if (k == rows.size() || in.user(rows.get(k)) != in.user(rows.get(from))) {
                out.add(rows.subList(from, k).stream().mapToInt(in::item).toArray());
                from = k;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}, grouped {1}, time span {2}, threads {3}")
    @CsvSource({"1,true,1000,1", "2,false,1000,2", "3,true,100000000000000,2", "4,false,9000000000000000000,3",
        "5,false,3,4", "6,true,0,1"})
    void matchesTheComparatorOracle(int seed, boolean grouped, long timeSpan, int threads) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = 200;
        int items = 300;
        int n = 20_000;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] rating = new float[n];
        long[] time = new long[n];
        for (int r = 0; r < n; r++) {
            u[r] = grouped ? (int) ((long) r * users / n) : rnd.nextInt(users);
            it[r] = rnd.nextInt(items);
            rating[r] = rnd.nextInt(10) / 2f + 0.5f;
            // Few distinct times (many ties) or a huge range (forces the merge-sort path).
            time[r] = timeSpan == 0 ? 0 : rnd.nextLong(timeSpan) - timeSpan / 2;
        }
        if (!grouped) {
            u[0] = users - 1; // every user id must occur for first-seen order not to matter here
        }
        Interactions in = new Interactions(u, it, rating, time, ids(users), ids(items));
        boolean[] keep = LikedFilter.DEFAULT.apply(in);
        Sequences s = SequenceBuilder.build(in, keep, "mean", threads);
        List<int[]> want = oracle(in, keep);
        assertThat(s.count()).isEqualTo(want.size());
        for (int k = 0; k < s.count(); k++) {
            assertThat(s.sequence(k)).as("sequence %d", k).isEqualTo(want.get(k));
        }
        assertThat(s.offsets()[s.count()]).isEqualTo(s.items().length);
    }

    @Test
    void tiesInTimeKeepFileOrderAndUsersWithoutLikesAreSkipped() {
        // user 0: items 5 (t=2), 6 (t=1), 7 (t=1) -> 6, 7, 5; user 1 likes nothing; user 2: 9.
        Interactions in = new Interactions(new int[] {0, 0, 1, 0, 2}, new int[] {5, 6, 8, 7, 9},
                new float[] {5, 5, 1, 5, 5}, new long[] {2, 1, 0, 1, 0}, ids(3), ids(10));
        Sequences s = SequenceBuilder.build(in, LikedFilter.parse(">=4"));
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.sequence(0)).containsExactly(6, 7, 5);
        assertThat(s.user(0)).isZero();
        assertThat(s.sequence(1)).containsExactly(9);
        assertThat(s.user(1)).isEqualTo(2);
    }

    @Test
    void withoutTimesFileOrderIsTime() {
        Interactions in = new Interactions(new int[] {1, 0, 1, 0}, new int[] {3, 2, 1, 0}, null, null, ids(2), ids(4));
        Sequences s = SequenceBuilder.build(in, LikedFilter.DEFAULT);
        assertThat(s.sequence(0)).containsExactly(2, 0);
        assertThat(s.sequence(1)).containsExactly(3, 1);
    }

    @Test
    void aFilterThatLeavesNothingIsAUserError() {
        Interactions in = new Interactions(new int[] {0, 0}, new int[] {0, 1}, new float[] {3, 3}, null, ids(1), ids(2));
        assertThatThrownBy(() -> SequenceBuilder.build(in, LikedFilter.DEFAULT))
                .isInstanceOf(EmbrecException.class)
                .hasMessage("--liked mean leaves no rows out of 2 (try --liked all, or a lower threshold)");
    }

    @Test
    void stableSortPackedAndMergePathsAgree() {
        SplittableRandom rnd = new SplittableRandom(3);
        StableSort sorter = new StableSort();
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(500);
            long[] key = new long[n];
            long span = trial % 2 == 0 ? 10 : Long.MAX_VALUE / 2;
            for (int i = 0; i < n; i++) {
                key[i] = rnd.nextLong(span) - (trial % 4 == 1 ? span / 2 : 0);
            }
            int[] rows = new int[n];
            Arrays.setAll(rows, i -> i);
            sorter.byKey(rows, key, 0, n);
            Integer[] want = new Integer[n];
            Arrays.setAll(want, i -> i);
            Arrays.sort(want, Comparator.<Integer>comparingLong(i -> key[i]).thenComparingInt(i -> i));
            assertThat(rows).containsExactly(Arrays.stream(want).mapToInt(Integer::intValue).toArray());
        }
    }
}
