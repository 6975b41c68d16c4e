package org.embrec.vectors;

/**
 * Principal component analysis down to two dimensions, for drawing an embedding as a scatter
 * plot: the covariance matrix of the centred rows, its two leading eigenvectors by power
 * iteration with deflation (Hotelling), and each row's coordinates along them. Deterministic:
 * a fixed start vector, and each axis's sign chosen so its largest component is positive.
 *
 * <p>Stateless and thread-safe; the input matrix is read, never modified.
 */
public final class Pca2d {
    /**
     * Coordinates of every row, and the share of the total variance each axis explains.
     *
     * @param x first principal coordinate of each row
     * @param y second principal coordinate of each row
     * @param explained variance along each axis divided by the total variance (0 when all rows
     *     are equal)
     */
    public record Projection(float[] x, float[] y, double[] explained) {}

    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-10;

    private Pca2d() {}

    /**
     * @param matrix {@code rows x dim} values, row-major
     */
    public static Projection project(float[] matrix, int rows, int dim) {
        if ((long) rows * dim != matrix.length) {
            throw new IllegalArgumentException("expected " + rows + " x " + dim + " values, got " + matrix.length);
        }
        double[] mean = new double[dim];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += matrix[r * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= Math.max(1, rows);
        }
        double[][] cov = covariance(matrix, rows, dim, mean);
        double total = 0;
        for (int j = 0; j < dim; j++) {
            total += cov[j][j];
        }
        double[] first = leadingEigenvector(cov);
        double l1 = rayleigh(cov, first);
        deflate(cov, first, l1);
        double[] second = leadingEigenvector(cov);
        double l2 = rayleigh(cov, second);
        float[] x = new float[rows];
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            double a = 0;
            double b = 0;
            for (int j = 0; j < dim; j++) {
                double c = matrix[r * dim + j] - mean[j];
                a += c * first[j];
                b += c * second[j];
            }
            x[r] = (float) a;
            y[r] = (float) b;
        }
        double[] explained = total > 0 ? new double[] {l1 / total, l2 / total} : new double[] {0, 0};
        return new Projection(x, y, explained);
    }

    private static double[][] covariance(float[] m, int rows, int dim, double[] mean) {
        double[][] cov = new double[dim][dim];
        double[] c = new double[dim];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                c[j] = m[r * dim + j] - mean[j];
            }
            for (int i = 0; i < dim; i++) {
                double ci = c[i];
                double[] row = cov[i];
                for (int j = i; j < dim; j++) {
                    row[j] += ci * c[j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++) {
                cov[i][j] /= Math.max(1, rows);
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    /** Power iteration from a fixed, generic start vector; the result has unit length. */
    static double[] leadingEigenvector(double[][] a) {
        int d = a.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 + 0.01 * j; // not orthogonal to any eigenvector in practice, and reproducible
        }
        normalise(v);
        double[] next = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            multiply(a, v, next);
            if (normalise(next) == 0) {
                return v; // a == 0 (all rows equal): any unit vector will do
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change += (next[j] - v[j]) * (next[j] - v[j]);
            }
            double[] t = v;
            v = next;
            next = t;
            if (change < TOLERANCE) {
                break;
            }
        }
        int largest = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static double rayleigh(double[][] a, double[] v) {
        double[] av = new double[v.length];
        multiply(a, v, av);
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += v[j] * av[j];
        }
        return s;
    }

    /** a -= lambda v v^T: removes the found component so iteration finds the next one. */
    private static void deflate(double[][] a, double[] v, double lambda) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                a[i][j] -= lambda * v[i] * v[j];
            }
        }
    }

    private static void multiply(double[][] a, double[] v, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            double[] row = a[i];
            for (int j = 0; j < v.length; j++) {
                s += row[j] * v[j];
            }
            out[i] = s;
        }
    }

    private static double normalise(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        if (n > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= n;
            }
        }
        return n;
    }
}
