package org.embrec.recommend;

import org.embrec.vectors.SymmetricSolve;

/**
 * A linear map with intercept, y = (x - mean(x)) W + mean(y), fitted by ridge regression in
 * closed form: W = (Xc^T Xc + lambda I)^-1 Xc^T Yc on the centred training rows (the intercept
 * is not penalised), solved by Cholesky factorisation in double precision.
 *
 * <p>Immutable and thread-safe after {@link #fit}. Matrices are row-major {@code float} arrays
 * owned by the caller; nothing is retained.
 */
public final class RidgeMapping {
    private final int in;
    private final int out;
    private final double[] xMean;
    private final double[] yMean;
    private final double[] w;

    private RidgeMapping(int in, int out, double[] xMean, double[] yMean, double[] w) {
        this.in = in;
        this.out = out;
        this.xMean = xMean;
        this.yMean = yMean;
        this.w = w;
    }

    /**
     * Fits the map on {@code rows} pairs: row r of {@code x} ({@code in} floats at {@code r * in})
     * to row r of {@code y} ({@code out} floats at {@code r * out}).
     *
     * @param lambda the ridge penalty, {@code >= 0} (0 needs Xc^T Xc to be positive definite)
     * @throws IllegalArgumentException on bad sizes, a negative lambda, or a singular system
     */
    public static RidgeMapping fit(float[] x, float[] y, int rows, int in, int out, double lambda) {
        if (rows < 1 || in < 1 || out < 1 || x.length < (long) rows * in || y.length < (long) rows * out) {
            throw new IllegalArgumentException("bad sizes: " + rows + " rows, " + in + " -> " + out);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        double[] xMean = columnMeans(x, rows, in);
        double[] yMean = columnMeans(y, rows, out);
        double[] a = new double[in * in];
        double[] b = new double[in * out];
        double[] xc = new double[in];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in; i++) {
                xc[i] = x[r * in + i] - xMean[i];
            }
            for (int i = 0; i < in; i++) {
                double xi = xc[i];
                for (int j = i; j < in; j++) {
                    a[i * in + j] += xi * xc[j];
                }
                int yo = r * out;
                for (int j = 0; j < out; j++) {
                    b[i * out + j] += xi * (y[yo + j] - yMean[j]);
                }
            }
        }
        for (int i = 0; i < in; i++) {
            a[i * in + i] += lambda;
            for (int j = 0; j < i; j++) {
                a[i * in + j] = a[j * in + i];
            }
        }
        double[] w = SymmetricSolve.solve(a, in, b, out);
        if (w == null) {
            throw new IllegalArgumentException("the ridge system is singular (use a larger lambda)");
        }
        return new RidgeMapping(in, out, xMean, yMean, w);
    }

    public int inputDim() {
        return in;
    }

    public int outputDim() {
        return out;
    }

    /** Writes the image of {@code x[xo..xo+in)} into {@code y[yo..yo+out)}. */
    public void apply(float[] x, int xo, float[] y, int yo) {
        for (int j = 0; j < out; j++) {
            double s = yMean[j];
            for (int i = 0; i < in; i++) {
                s += (x[xo + i] - xMean[i]) * w[i * out + j];
            }
            y[yo + j] = (float) s;
        }
    }

    /** The coefficient of input {@code i} on output {@code j}. */
    public double coefficient(int i, int j) {
        return w[i * out + j];
    }

    /** The output for an all-mean input (the intercept). */
    public double intercept(int j) {
        double s = yMean[j];
        for (int i = 0; i < in; i++) {
            s -= xMean[i] * w[i * out + j];
        }
        return s;
    }

    private static double[] columnMeans(float[] m, int rows, int cols) {
        double[] mean = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += m[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        return mean;
    }
}
