package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class TopSelectionTest {
    /** The first k of a full sort by (score descending, key ascending), without -Infinity. */
    private static List<Integer> oracle(double[] scores, double[] keys, int k) {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < scores.length; c++) {
            if (scores[c] != Double.NEGATIVE_INFINITY) {
                all.add(c);
            }
        }
        all.sort(Comparator.<Integer>comparingDouble(c -> -scores[c]).thenComparingDouble(c -> keys[c]));
        return all.subList(0, Math.min(k, all.size()));
    }

    @Test
    void randomScoresWithTiesAndExclusionsMatchAFullSort() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + rnd.nextInt(60);
            int k = 1 + rnd.nextInt(12);
            double[] scores = new double[n];
            int[] perm = new int[n];
            for (int c = 0; c < n; c++) {
                // Few distinct values: many ties, broken by the key.
                scores[c] = rnd.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY : rnd.nextInt(5) - 2;
                perm[c] = c;
            }
            for (int c = n - 1; c > 0; c--) {
                int j = rnd.nextInt(c + 1);
                int t = perm[c];
                perm[c] = perm[j];
                perm[j] = t;
            }
            double[] keys = new double[n];
            for (int c = 0; c < n; c++) {
                keys[c] = perm[c];
            }
            int[] out = new int[k + 3];
            new TopSelection(k).select(scores, n, keys, out, 3);
            List<Integer> want = oracle(scores, keys, k);
            for (int i = 0; i < k; i++) {
                assertThat(out[3 + i]).as("trial %d position %d", trial, i)
                        .isEqualTo(i < want.size() ? want.get(i) : TopLists.NONE);
            }
        }
    }

    @Test
    void theEvaluatorsListsHoldEveryHitAtItsRankAndNeverTheQueryOrHistory() {
        Split split = LeaveLastOutSplit.split(RandomSequences.generate(300, 400, 12, 3));
        SplittableRandom rnd = new SplittableRandom(9);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < split.training().itemIds().size(); i++) {
            if (rnd.nextInt(5) > 0) {
                ids.add(split.training().itemIds().external(i));
            }
        }
        float[] v = new float[ids.size() * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(3) - 1; // few distinct vectors: many tied scores
        }
        EmbeddingStore store = EmbeddingStore.of(org.embrec.data.IdMap.of(ids.toArray(String[]::new)), v, 3);
        EmbeddingScorer scorer = new EmbeddingScorer("m", store, split.training().itemIds());
        TestCases cases = split.cases();
        for (Task task : Task.values()) {
            Evaluator.CaseResults r = new Evaluator(cases, 2).run(scorer, task, 20, Progress.NONE);
            assertThat(r.ranks().size()).isEqualTo(cases.size());
            CaseRanks plain = new Evaluator(cases, 1).rank(scorer, task, Progress.NONE);
            for (int c = 0; c < cases.size(); c++) {
                assertThat(r.ranks().rank(c)).isEqualTo(plain.rank(c));
                int rank = r.ranks().rank(c);
                if (rank == CaseRanks.FORCED_MISS) {
                    assertThat(r.lists().length(c)).isZero();
                    continue;
                }
                if (rank >= 1 && rank <= 20) {
                    assertThat(r.lists().item(c, rank - 1)).isEqualTo(scorer.candidateOf(cases.target(c)));
                }
                for (int i = 0; i < r.lists().length(c); i++) {
                    int item = r.lists().item(c, i);
                    if (task == Task.I2I) {
                        assertThat(item).isNotEqualTo(scorer.candidateOf(cases.query(c)));
                    } else {
                        for (int p = cases.historyStart(c); p < cases.historyEnd(c); p++) {
                            assertThat(item).isNotEqualTo(scorer.candidateOf(cases.training().items()[p]));
                        }
                    }
                }
            }
        }
    }
}
