package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void tieKeysSortNumericIdsAsNumbers() {
        int[] keys = TieOrder.keys(new String[] {"10", "9", "100", "-3", "2"});
        assertThat(keys).containsExactly(3, 2, 4, 0, 1);
    }

    @Test
    void tieKeysSortAsStringsWhenAnyIdIsNotAnInteger() {
        int[] keys = TieOrder.keys(new String[] {"10", "9", "100", "x", "2"});
        // "10" < "100" < "2" < "9" < "x"
        assertThat(keys).containsExactly(0, 3, 1, 4, 2);
        assertThat(TieOrder.keys(new String[] {"1.5", "10"})).containsExactly(0, 1);
        assertThat(TieOrder.keys(new String[] {"99999999999999999999", "5"})).containsExactly(1, 0); // overflow: strings
    }

    @Test
    void rankCountsHigherScoresAndEqualScoresWithSmallerKeys() {
        double[] scores = {0.5, 0.7, 0.5, 0.5, Double.NEGATIVE_INFINITY, 0.1};
        double[] keys = {3, 0, 1, 5, 2, 4};
        assertThat(Ranking.rank(scores, 6, keys, 0)).isEqualTo(3); // 1 higher, 2 ties with key 1 < 3
        assertThat(Ranking.rank(scores, 6, keys, 2)).isEqualTo(2);
        assertThat(Ranking.rank(scores, 6, keys, 3)).isEqualTo(4);
        assertThat(Ranking.rank(scores, 6, keys, 1)).isEqualTo(1);
        assertThat(Ranking.rank(scores, 6, keys, 5)).isEqualTo(5); // the -inf candidate is excluded
        assertThat(Ranking.rank(scores, 5, keys, 5)).isEqualTo(5); // only the first n count
    }

    @Test
    void rankEqualsThePositionInAFullSortOnRandomScoresWithManyTies() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(60);
            double[] scores = new double[n];
            String[] ids = new String[n];
            for (int c = 0; c < n; c++) {
                scores[c] = rnd.nextInt(5) / 4.0;
                ids[c] = Integer.toString(rnd.nextInt(1000) * 1000 + c); // distinct
            }
            double[] keys = Ranking.asDoubles(TieOrder.keys(ids));
            Integer[] order = new Integer[n];
            for (int c = 0; c < n; c++) {
                order[c] = c;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(c -> -scores[c])
                    .thenComparingLong(c -> Long.parseLong(ids[c])));
            for (int pos = 0; pos < n; pos++) {
                assertThat(Ranking.rank(scores, n, keys, order[pos])).isEqualTo(pos + 1);
            }
        }
    }

    @Test
    void vectorisedRankEqualsTheScalarOracle() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int round = 0; round < 500; round++) {
            int n = 1 + rnd.nextInt(300); // lengths around and between SIMD widths
            double[] scores = new double[n];
            double[] keys = new double[n];
            for (int c = 0; c < n; c++) {
                int kind = rnd.nextInt(10);
                scores[c] = kind == 0 ? Double.NEGATIVE_INFINITY : kind < 5 ? rnd.nextInt(4) : rnd.nextGaussian();
                keys[c] = c;
            }
            for (int c = n - 1; c > 0; c--) { // shuffle the tie keys
                int o = rnd.nextInt(c + 1);
                double t = keys[c];
                keys[c] = keys[o];
                keys[o] = t;
            }
            for (int t = 0; t < n; t++) {
                if (scores[t] != Double.NEGATIVE_INFINITY) {
                    assertThat(PanamaRanking.rank(scores, n, keys, t)).isEqualTo(Ranking.rankScalar(scores, n, keys, t));
                }
            }
        }
    }

    @Test
    void gainIsOneOverLog2OfRankPlusOne() {
        assertThat(Ranking.gain(1)).isEqualTo(1.0);
        assertThat(Ranking.gain(3)).isEqualTo(0.5);
        assertThat(Ranking.gain(2)).isCloseTo(0.6309297535714575, org.assertj.core.api.Assertions.within(1e-15));
    }
}
