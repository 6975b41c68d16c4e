package org.embrec.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class AlsTrainerTest {
    private static final int USERS = 60;
    private static final int ITEMS = 45; // the last 3 occur nowhere

    @Test
    void theSameSeedGivesTheSameFactorsWhateverTheThreads() {
        Sequences s = corpus(3);
        AlsConfig c = new AlsConfig(8, 5, 2, 4, 3, 1);
        AlsTrainer.Result one = AlsTrainer.train(s, c, 7, Progress.NONE);
        AlsTrainer.Result three = AlsTrainer.train(s, c.withThreads(3), 7, Progress.NONE);
        assertThat(three.items().matrix()).isEqualTo(one.items().matrix());
        assertThat(three.users().matrix()).isEqualTo(one.users().matrix());
        AlsTrainer.Result other = AlsTrainer.train(s, c, 8, Progress.NONE);
        assertThat(other.items().matrix()).isNotEqualTo(one.items().matrix());
    }

    @Test
    void onlyItemsAndUsersWithObservationsGetFactorsKeyedByTheirIds() {
        Sequences s = corpus(3);
        AlsTrainer.Result r = AlsTrainer.train(s, new AlsConfig(4, 5, 2, 2, 3, 2), 1, Progress.NONE);
        assertThat(r.items().size()).isEqualTo(ITEMS - 3);
        assertThat(r.items().contains("i44")).isFalse();
        assertThat(r.users().size()).isEqualTo(USERS);
        assertThat(r.users().indexOf("u17")).isEqualTo(17);
        assertThat(r.figures()).containsKeys("train_seconds", "nonzeros", "iterations");
    }

    /**
     * With enough conjugate-gradient steps every half-step is exact ALS: the last user half-step
     * solved each user against the item factors of the step before, so a fresh exact solve of a
     * user against those is not needed; instead, one more user half-step against the final item
     * factors (what {@link FoldIn} computes) must equal the dense oracle and the fold-in.
     */
    @Test
    void foldInEqualsTheUserRowTheSolverComputesAndTheDenseOracle() {
        Sequences s = corpus(5);
        int k = 6;
        double alpha = 8;
        double reg = 1.5;
        AlsConfig c = new AlsConfig(k, alpha, reg, 3, 3, 2);
        AlsTrainer.Result r = AlsTrainer.train(s, c, 3, Progress.NONE);
        EmbeddingStore items = r.items();
        FoldIn foldIn = FoldIn.of(items.matrix(), items.size(), k, alpha, reg);
        float[] gram = RowSolver.gramian(items.matrix(), items.size(), k, reg, 1);
        for (int u : new int[] {0, 9, 33}) {
            int[] rows = rowsOf(s, u, items);
            // the solver's row: many CG steps from the user's trained factors
            float[] solver = r.users().vector(r.users().indexOf("u" + u));
            int[] sorted = rows.clone();
            java.util.Arrays.sort(sorted);
            int[] distinct = java.util.Arrays.stream(sorted).distinct().toArray();
            RowSolver.solveRow(solver, 0, distinct, null, 0, distinct.length, items.matrix(), gram, k, (float) alpha, 60,
                    new RowSolver.Scratch(k));
            float[] folded = foldIn.solve(rows, rows.length);
            boolean[] mask = new boolean[items.size()];
            for (int row : rows) {
                mask[row] = true;
            }
            double[] oracle = DenseOracle.solveRow(items.matrix(), items.size(), k, mask, alpha, reg);
            for (int j = 0; j < k; j++) {
                assertThat((double) folded[j]).as("user %d component %d", u, j).isCloseTo(oracle[j], within(1e-5));
                assertThat(solver[j]).as("user %d component %d", u, j).isCloseTo(folded[j], within(1e-4f));
            }
        }
    }

    @Test
    void foldInCountsRepeatsOnceAndGivesZerosForNoItems() {
        Sequences s = corpus(5);
        AlsTrainer.Result r = AlsTrainer.train(s, new AlsConfig(5, 4, 1, 2, 3, 1), 3, Progress.NONE);
        FoldIn f = FoldIn.of(r.items().matrix(), r.items().size(), 5, 4, 1);
        assertThat(f.solve(new int[] {3, 7, 3, 7, 7}, 5)).isEqualTo(f.solve(new int[] {7, 3}, 2));
        assertThat(f.solve(new int[0], 0)).containsOnly(0f);
    }

    @Test
    void exactHalfStepsMatchPerRowOracleSolves() {
        // one alternation with converged CG: each item row equals the oracle against the new user factors
        Sequences s = corpus(4);
        int k = 5;
        AlsConfig c = new AlsConfig(k, 6, 2, 1, 80, 2);
        AlsTrainer.Result r = AlsTrainer.train(s, c, 5, Progress.NONE);
        float[] users = r.users().matrix();
        for (String id : List.of("i0", "i10", "i30")) {
            int item = s.itemIds().indexOf(id);
            boolean[] mask = new boolean[USERS];
            for (int u = 0; u < USERS; u++) {
                for (int p = s.start(u); p < s.end(u); p++) {
                    mask[u] |= s.items()[p] == item;
                }
            }
            double[] oracle = DenseOracle.solveRow(users, USERS, k, mask, 6, 2);
            float[] got = r.items().vector(r.items().indexOf(id));
            for (int j = 0; j < k; j++) {
                assertThat((double) got[j]).as("%s component %d", id, j).isCloseTo(oracle[j], within(1e-4));
            }
        }
    }

    private static int[] rowsOf(Sequences s, int u, EmbeddingStore items) {
        List<Integer> rows = new ArrayList<>();
        for (int p = s.start(u); p < s.end(u); p++) {
            rows.add(items.indexOf(s.itemIds().external(s.items()[p])));
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Users u0..u59 liking 4..13 items of two taste groups (repeats possible); i42..i44 unseen. */
    static Sequences corpus(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] offsets = new int[USERS + 1];
        List<Integer> items = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int n = 4 + rnd.nextInt(10);
            for (int j = 0; j < n; j++) {
                int group = u % 2;
                items.add(rnd.nextInt(10) < 8 ? group * 21 + rnd.nextInt(21) : rnd.nextInt(42));
            }
            offsets[u + 1] = items.size();
        }
        String[] itemIds = new String[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemIds[i] = "i" + i;
        }
        String[] userIds = new String[USERS];
        int[] users = new int[USERS];
        for (int u = 0; u < USERS; u++) {
            userIds[u] = "u" + u;
            users[u] = u;
        }
        return new Sequences(offsets, items.stream().mapToInt(Integer::intValue).toArray(), users, IdMap.of(itemIds),
                IdMap.of(userIds));
    }
}
