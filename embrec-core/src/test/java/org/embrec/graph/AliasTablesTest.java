package org.embrec.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTablesTest {

    /** The exact probability of each index implied by a table: 1/size per bucket, split by its coin. */
    private static double[] impliedProbabilities(AliasTables t, int[] offsets, int s) {
        int base = offsets[s];
        int size = offsets[s + 1] - base;
        double[] p = new double[size];
        for (int k = 0; k < size; k++) {
            double keep = t.thresholds()[base + k] / 0x1p31;
            p[k] += keep / size;
            p[t.aliases()[base + k]] += (1 - keep) / size;
        }
        return p;
    }

    @Test
    void tablesEncodeTheWeightsExactly() {
        SplittableRandom rng = new SplittableRandom(11);
        int segments = 200;
        int[] offsets = new int[segments + 1];
        for (int s = 0; s < segments; s++) {
            offsets[s + 1] = offsets[s] + rng.nextInt(30); // empty segments too
        }
        float[] weights = new float[offsets[segments]];
        for (int i = 0; i < weights.length; i++) {
            // from 1e-4 to 1e4: very skewed distributions
            weights[i] = (float) Math.pow(10, rng.nextDouble(-4, 4));
        }
        AliasTables t = AliasTables.build(offsets, weights, 3);
        assertThat(t.segments()).isEqualTo(segments);
        for (int s = 0; s < segments; s++) {
            double sum = 0;
            for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                sum += weights[i];
            }
            double[] p = impliedProbabilities(t, offsets, s);
            for (int k = 0; k < p.length; k++) {
                assertThat(p[k]).as("segment %d index %d", s, k).isCloseTo(weights[offsets[s] + k] / sum,
                        within(1e-8));
                int a = t.aliases()[offsets[s] + k];
                assertThat(a).isBetween(0, p.length - 1);
            }
        }
    }

    @Test
    void samplingFrequenciesMatchWeights() {
        float[] weights = {1, 2, 3, 4, 10, 0.5f, 7, 7, 1, 20, 3, 0.25f};
        int[] offsets = {0, weights.length};
        AliasTables t = AliasTables.build(offsets, weights, 1);
        double sum = 0;
        for (float w : weights) {
            sum += w;
        }
        int draws = 500_000;
        long[] observed = new long[weights.length];
        SplittableRandom rng = new SplittableRandom(2020);
        for (int i = 0; i < draws; i++) {
            observed[t.sample(0, rng.nextLong())]++;
        }
        double[] expected = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            expected[k] = draws * weights[k] / sum;
        }
        assertThat(ChiSquare.statistic(observed, expected)).isLessThan(ChiSquare.critical(weights.length - 1));
    }

    @Test
    void samplingDetectsAWrongDistribution() {
        // The chi-square check above must be able to fail: a 10% error in one weight is caught.
        float[] weights = {1, 2, 3, 4};
        AliasTables t = AliasTables.build(new int[] {0, 4}, weights, 1);
        int draws = 500_000;
        long[] observed = new long[4];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < draws; i++) {
            observed[t.sample(0, rng.nextLong())]++;
        }
        double[] wrong = {draws * 1.1 / 10.1, draws * 2 / 10.1, draws * 3 / 10.1, draws * 4 / 10.1};
        assertThat(ChiSquare.statistic(observed, wrong)).isGreaterThan(ChiSquare.critical(3));
    }

    @Test
    void singleOutcomeAlwaysWins() {
        AliasTables t = AliasTables.build(new int[] {0, 1}, new float[] {0.3f}, 1);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            assertThat(t.sample(0, rng.nextLong())).isZero();
        }
    }
}
