package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedTestTest {
    private static double[] hits(SplittableRandom rnd, int n, double rate) {
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = rnd.nextDouble() < rate ? 1 : 0;
        }
        return h;
    }

    @Test
    void identicalSystemsGiveNoDifferenceAndPOne() {
        double[] a = hits(new SplittableRandom(1), 600, 0.05);
        PairedTest.Result r = PairedTest.compare("base", a, a.clone(), true, 2000, 7);
        assertThat(r.diff()).isZero();
        assertThat(r.ci95()[0]).isLessThanOrEqualTo(0);
        assertThat(r.ci95()[1]).isGreaterThanOrEqualTo(0);
        assertThat(r.pBootstrap()).isEqualTo(1.0);
        assertThat(r.pMcNemar()).isEqualTo(1.0);
        assertThat(r.wins()).isZero();
        assertThat(r.losses()).isZero();
    }

    @Test
    void aDominatingSystemIsSignificantAndItsIntervalExcludesZero() {
        SplittableRandom rnd = new SplittableRandom(2);
        double[] base = hits(rnd, 600, 0.05);
        double[] model = base.clone();
        for (int i = 0; i < model.length; i += 12) {
            model[i] = 1; // about 47 more hits, never fewer
        }
        PairedTest.Result r = PairedTest.compare("base", model, base, true, 2000, 7);
        assertThat(r.diff()).isPositive();
        assertThat(r.ci95()[0]).isPositive();
        assertThat(r.pBootstrap()).isLessThan(0.001);
        assertThat(r.pMcNemar()).isLessThan(1e-10);
        assertThat(r.losses()).isZero();
        // Swapping the sides mirrors the result.
        PairedTest.Result back = PairedTest.compare("model", base, model, true, 2000, 7);
        assertThat(back.diff()).isCloseTo(-r.diff(), within(1e-15));
        assertThat(back.pBootstrap()).isEqualTo(r.pBootstrap());
        assertThat(back.wins()).isEqualTo(r.losses());
    }

    @Test
    void underTheNullPValuesAreRoughlyUniformAndTheIntervalUsuallyCoversZero() {
        SplittableRandom rnd = new SplittableRandom(3);
        int small = 0;
        int covers = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            double[] a = hits(rnd, 300, 0.2);
            double[] b = hits(rnd, 300, 0.2);
            PairedTest.Result r = PairedTest.compare("b", a, b, true, 500, t);
            small += r.pBootstrap() < 0.05 ? 1 : 0;
            covers += r.ci95()[0] <= 0 && r.ci95()[1] >= 0 ? 1 : 0;
        }
        // 5% expected: 10 of 200; binomial 99.9% bounds are about 2..22.
        assertThat(small).isBetween(1, 24);
        assertThat(covers).isGreaterThan(trials - 24);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        SplittableRandom rnd = new SplittableRandom(4);
        double[] a = hits(rnd, 200, 0.3);
        double[] b = hits(rnd, 200, 0.25);
        PairedTest.Result x = PairedTest.compare("b", a, b, true, 1000, 11);
        PairedTest.Result y = PairedTest.compare("b", a, b, true, 1000, 11);
        assertThat(x.ci95()).containsExactly(y.ci95());
        assertThat(x.pBootstrap()).isEqualTo(y.pBootstrap());
    }

    @Test
    void sharesOverSeedsGetTheBootstrapButNoMcNemar() {
        double[] a = {1, 0.5, 0, 1, 0.25};
        double[] b = {0, 0.5, 0, 1, 0};
        PairedTest.Result r = PairedTest.compare("b", a, b, false, 1000, 1);
        assertThat(r.diff()).isCloseTo(1.25 / 5, within(1e-15));
        assertThat(r.pMcNemar()).isNaN();
        assertThat(r.wins()).isEqualTo(-1);
    }

    @Test
    void mcNemarMatchesTheExactBinomialSum() {
        for (int b = 0; b <= 30; b++) {
            for (int c = 0; c <= 30; c++) {
                assertThat(PairedTest.mcNemarExact(b, c)).as("b=%d c=%d", b, c)
                        .isCloseTo(exactOracle(b, c), within(1e-12));
            }
        }
        // Large counts do not underflow: 2 * P[X <= 450] for X ~ Bin(1000, 1/2) is about 0.0017.
        assertThat(PairedTest.mcNemarExact(450, 550)).isCloseTo(exactOracle(450, 550), within(1e-12));
    }

    private static double exactOracle(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        BigInteger sum = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int i = 0; i <= Math.min(b, c); i++) {
            sum = sum.add(choose);
            choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        BigDecimal p = new BigDecimal(sum.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)),
                MathContext.DECIMAL128);
        return Math.min(1, p.doubleValue());
    }
}
