package org.embrec.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseSamplerTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.75, 1.0, 0.0, -0.5})
    void drawsProportionalToCountPowerExponent(double exponent) {
        long[] counts = {1000, 300, 100, 30, 10, 3, 1, 1, 50, 700};
        NoiseSampler sampler = new NoiseSampler(counts, exponent);
        double[] p = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            p[i] = Math.pow(counts[i], exponent);
            sum += p[i];
        }
        int draws = 2_000_000;
        long[] seen = new long[counts.length];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < draws; i++) {
            seen[sampler.sample(rnd.nextLong())]++;
        }
        double chi2 = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = draws * p[i] / sum;
            chi2 += (seen[i] - expected) * (seen[i] - expected) / expected;
        }
        // 9 degrees of freedom: P(chi2 > 27.9) = 0.001.
        assertThat(chi2).isLessThan(27.9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 17})
    void neverReturnsOutOfRange(int n) {
        long[] counts = new long[n];
        java.util.Arrays.fill(counts, 5);
        NoiseSampler sampler = new NoiseSampler(counts, 0.75);
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            assertThat(sampler.sample(rnd.nextLong())).isBetween(0, n - 1);
        }
        assertThat(sampler.sample(-1L)).isBetween(0, n - 1);
        assertThat(sampler.sample(0L)).isBetween(0, n - 1);
    }
}
