package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** PCA by power iteration against planted structure and against the variance of random directions. */
class Pca2dTest {
    @Test
    void findsPlantedAxesAndTheirVarianceShares() {
        // Standard deviations 5, 3, 1, 1 along the coordinate axes: the axes are e1 then e2.
        int n = 20_000;
        int dim = 4;
        double[] sd = {5, 3, 1, 1};
        SplittableRandom rnd = new SplittableRandom(7);
        float[] m = new float[n * dim];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < dim; j++) {
                m[r * dim + j] = (float) (10 + sd[j] * rnd.nextGaussian());
            }
        }
        Pca2d.Projection p = Pca2d.project(m, n, dim);
        double total = 25 + 9 + 1 + 1;
        assertThat(p.explained()[0]).isCloseTo(25 / total, within(0.02));
        assertThat(p.explained()[1]).isCloseTo(9 / total, within(0.02));
        // Coordinates are centred projections: x follows column 0, y column 1 (up to sign).
        double cx = correlation(p.x(), m, n, dim, 0);
        double cy = correlation(p.y(), m, n, dim, 1);
        assertThat(Math.abs(cx)).isGreaterThan(0.99);
        assertThat(Math.abs(cy)).isGreaterThan(0.99);
    }

    @RepeatedTest(5)
    void axesCarryMoreVarianceThanAnyRandomDirection(org.junit.jupiter.api.RepetitionInfo info) {
        SplittableRandom rnd = new SplittableRandom(info.getCurrentRepetition());
        int n = 500;
        int dim = 12;
        float[] m = new float[n * dim];
        double[][] mix = new double[dim][dim];
        for (double[] row : mix) {
            for (int j = 0; j < dim; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        for (int r = 0; r < n; r++) {
            double[] z = new double[dim];
            for (int j = 0; j < dim; j++) {
                z[j] = rnd.nextGaussian();
            }
            for (int i = 0; i < dim; i++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += mix[i][j] * z[j];
                }
                m[r * dim + i] = (float) s;
            }
        }
        Pca2d.Projection p = Pca2d.project(m, n, dim);
        double vx = variance(p.x());
        double vy = variance(p.y());
        assertThat(vx).isGreaterThanOrEqualTo(vy * (1 - 1e-6));
        assertThat(covariance(p.x(), p.y())).isCloseTo(0, within(1e-3 * vx));
        // Oracle: no random unit direction spreads the data more than the first axis does.
        for (int t = 0; t < 200; t++) {
            double[] u = new double[dim];
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                u[j] = rnd.nextGaussian();
                norm += u[j] * u[j];
            }
            float[] proj = new float[n];
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += m[r * dim + j] * u[j] / Math.sqrt(norm);
                }
                proj[r] = (float) s;
            }
            assertThat(variance(proj)).isLessThanOrEqualTo(vx * (1 + 1e-4));
        }
    }

    @Test
    void identicalRowsGiveZeros() {
        float[] m = {1, 2, 3, 1, 2, 3, 1, 2, 3};
        Pca2d.Projection p = Pca2d.project(m, 3, 3);
        assertThat(p.x()).containsOnly(0f);
        assertThat(p.y()).containsOnly(0f);
        assertThat(p.explained()).containsExactly(0, 0);
    }

    @Test
    void isDeterministic() {
        SplittableRandom rnd = new SplittableRandom(3);
        float[] m = new float[300 * 5];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) rnd.nextGaussian();
        }
        assertThat(Pca2d.project(m, 300, 5).x()).containsExactly(Pca2d.project(m, 300, 5).x());
    }

    private static double variance(float[] v) {
        return covariance(v, v);
    }

    private static double covariance(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / a.length;
    }

    private static double correlation(float[] v, float[] m, int n, int dim, int column) {
        float[] c = new float[n];
        for (int r = 0; r < n; r++) {
            c[r] = m[r * dim + column];
        }
        return covariance(v, c) / Math.sqrt(variance(v) * variance(c));
    }
}
