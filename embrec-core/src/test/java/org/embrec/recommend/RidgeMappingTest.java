package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RidgeMappingTest {
    @Test
    void recoversAKnownLinearMapWithIntercept() {
        SplittableRandom rnd = new SplittableRandom(11);
        int rows = 400;
        int in = 6;
        int out = 4;
        double[][] w = new double[in][out];
        double[] b = new double[out];
        for (int j = 0; j < out; j++) {
            b[j] = rnd.nextGaussian() * 3;
            for (int i = 0; i < in; i++) {
                w[i][j] = rnd.nextGaussian();
            }
        }
        float[] x = new float[rows * in];
        float[] y = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in; i++) {
                x[r * in + i] = (float) (rnd.nextGaussian() + 1);
            }
            for (int j = 0; j < out; j++) {
                double s = b[j];
                for (int i = 0; i < in; i++) {
                    s += x[r * in + i] * w[i][j];
                }
                y[r * out + j] = (float) (s + 1e-3 * rnd.nextGaussian());
            }
        }
        RidgeMapping map = RidgeMapping.fit(x, y, rows, in, out, 1e-6);
        for (int j = 0; j < out; j++) {
            assertThat(map.intercept(j)).isCloseTo(b[j], within(2e-3));
            for (int i = 0; i < in; i++) {
                assertThat(map.coefficient(i, j)).isCloseTo(w[i][j], within(1e-3));
            }
        }
        float[] probe = {0.5f, -1, 2, 0, 1, 3};
        float[] got = new float[out + 2];
        map.apply(probe, 0, got, 2);
        for (int j = 0; j < out; j++) {
            double expected = b[j];
            for (int i = 0; i < in; i++) {
                expected += probe[i] * w[i][j];
            }
            assertThat((double) got[2 + j]).isCloseTo(expected, within(1e-2));
        }
    }

    @RepeatedTest(10)
    void matchesTheNormalEquationsSolvedByGaussianElimination(RepetitionInfo repetition) {
        SplittableRandom rnd = new SplittableRandom(repetition.getCurrentRepetition());
        int rows = 3 + rnd.nextInt(30);
        int in = 1 + rnd.nextInt(6);
        int out = 1 + rnd.nextInt(4);
        double lambda = rnd.nextDouble() * 10;
        float[] x = new float[rows * in];
        float[] y = new float[rows * out];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) rnd.nextGaussian();
        }
        RidgeMapping map = RidgeMapping.fit(x, y, rows, in, out, lambda);
        // Oracle: augment with a ones column, penalise all but it, solve (A^T A + L) W = A^T Y.
        int n = in + 1;
        double[][] a = new double[n][n + out];
        for (int r = 0; r < rows; r++) {
            double[] row = new double[n];
            for (int i = 0; i < in; i++) {
                row[i] = x[r * in + i];
            }
            row[in] = 1;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
                for (int j = 0; j < out; j++) {
                    a[i][n + j] += row[i] * y[r * out + j];
                }
            }
        }
        for (int i = 0; i < in; i++) {
            a[i][i] += lambda;
        }
        double[][] sol = gaussJordan(a, n, out);
        for (int j = 0; j < out; j++) {
            assertThat(map.intercept(j)).isCloseTo(sol[in][j], within(1e-4));
            for (int i = 0; i < in; i++) {
                assertThat(map.coefficient(i, j)).isCloseTo(sol[i][j], within(1e-4));
            }
        }
    }

    @Test
    void aLargePenaltyShrinksTowardsTheMean() {
        float[] x = {0, 1, 2, 3};
        float[] y = {1, 3, 5, 7};
        RidgeMapping map = RidgeMapping.fit(x, y, 4, 1, 1, 1e9);
        float[] out = new float[1];
        map.apply(new float[] {10}, 0, out, 0);
        assertThat((double) out[0]).isCloseTo(4.0, within(1e-3));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> RidgeMapping.fit(new float[2], new float[2], 2, 1, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RidgeMapping.fit(new float[] {1, 1}, new float[2], 2, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singular");
    }

    private static double[][] gaussJordan(double[][] a, int n, int out) {
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double p = a[c][c];
            for (int j = 0; j < n + out; j++) {
                a[c][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int j = 0; j < n + out; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] sol = new double[n][out];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                sol[i][j] = a[i][n + j];
            }
        }
        return sol;
    }
}
