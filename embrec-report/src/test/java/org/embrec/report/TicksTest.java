package org.embrec.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void linearTicksAreOneTwoFiveStepsInsideTheRange() {
        assertThat(Ticks.linear(0, 0.084, 5)).containsExactly(0, 0.02, 0.04, 0.06, 0.08);
        assertThat(Ticks.linear(-1.02, 1.02, 4)).containsExactly(-1, -0.5, 0, 0.5, 1);
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double lo = rnd.nextDouble(-1e3, 1e3);
            double hi = lo + Math.pow(10, rnd.nextDouble(-6, 4));
            double[] t = Ticks.linear(lo, hi, 5);
            assertThat(t.length).isBetween(2, 12);
            double step = t[1] - t[0];
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertThat(Math.min(Math.min(Math.abs(mantissa - 1), Math.abs(mantissa - 2)),
                    Math.min(Math.abs(mantissa - 5), Math.abs(mantissa - 10)))).isLessThan(1e-6);
            for (double v : t) {
                assertThat(v).isBetween(lo - step * 1e-6, hi + step * 1e-6);
            }
        }
    }

    @Test
    void logTicksArePowersOfTenAndFinerOverShortRanges() {
        assertThat(Ticks.log(-5.2, -0.9)).containsExactly(-5, -4, -3, -2, -1);
        double[] fine = Ticks.log(-2.1, -0.9);
        assertThat(fine).hasSize(4);
        assertThat(fine[0]).isCloseTo(-2, within(1e-12));
        assertThat(fine[1]).isCloseTo(Math.log10(0.02), within(1e-12));
    }

    @Test
    void labelsAreShort() {
        assertThat(Ticks.label(0.04, 0.01)).isEqualTo("0.04");
        assertThat(Ticks.label(20, 10)).isEqualTo("20");
        assertThat(Ticks.label(0, 0.5)).isEqualTo("0");
        assertThat(Ticks.compact(1e-4)).isEqualTo("1e-4");
        assertThat(Ticks.compact(0.001)).isEqualTo("0.001");
        assertThat(Ticks.compact(64)).isEqualTo("64");
        assertThat(Ticks.compact(0.75)).isEqualTo("0.75");
        assertThat(Ticks.compact(2.5e6)).isEqualTo("2.5e6");
    }
}
