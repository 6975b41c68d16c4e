package org.embrec.content;

/**
 * The arithmetic of SIF document vectors (Arora, Liang and Ma 2017): token weights
 * a / (a + p(w)) from corpus frequencies, and removal of the common component, the first
 * (uncentred) principal component of the matrix of document vectors.
 *
 * <p>Stateless and thread-safe. Matrices are row-major {@code float[rows * dim]} slices owned by
 * the caller; {@link #removeComponent} modifies its argument in place.
 */
public final class SifWeighting {
    private static final int MAX_ITERATIONS = 100_000;
    private static final double TOLERANCE = 1e-13;

    private SifWeighting() {}

    /**
     * Weight a / (a + p(w)) per token, with p(w) = count(w) / sum of all counts.
     *
     * @param counts occurrences of each token in the corpus
     */
    public static float[] weights(long[] counts, double a) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        float[] w = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double p = total == 0 ? 0 : counts[i] / (double) total;
            w[i] = (float) (a / (a + p));
        }
        return w;
    }

    /**
     * The unit first principal component of the rows (uncentred, as in the paper's code: the
     * top right singular vector of the matrix), by power iteration on the {@code dim x dim}
     * matrix M^T M in double precision. Its sign is fixed so that its largest-magnitude entry
     * is positive. All zeros when the matrix is zero.
     */
    public static double[] firstPrincipalComponent(float[] matrix, int rows, int dim) {
        double[] c = new double[dim * dim];
        for (int r = 0, off = 0; r < rows; r++, off += dim) {
            for (int i = 0; i < dim; i++) {
                double xi = matrix[off + i];
                if (xi == 0) {
                    continue;
                }
                int ci = i * dim;
                for (int j = i; j < dim; j++) {
                    c[ci + j] += xi * matrix[off + j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                c[i * dim + j] = c[j * dim + i];
            }
        }
        // Start from the mean direction (the dominant component of uncentred data) plus a small
        // irregular term, so the start is not orthogonal to the top eigenvector by accident.
        double[] v = new double[dim];
        for (int r = 0, off = 0; r < rows; r++, off += dim) {
            for (int i = 0; i < dim; i++) {
                v[i] += matrix[off + i];
            }
        }
        double scale = Math.sqrt(dot(v, v)) + 1;
        for (int i = 0; i < dim; i++) {
            v[i] = v[i] / scale + 1e-3 * (1 + (i * 0.6180339887) % 1);
        }
        if (!normalise(v)) {
            return new double[dim];
        }
        double[] next = new double[dim];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int i = 0; i < dim; i++) {
                double s = 0;
                int ci = i * dim;
                for (int j = 0; j < dim; j++) {
                    s += c[ci + j] * v[j];
                }
                next[i] = s;
            }
            if (!normalise(next)) {
                return new double[dim];
            }
            double diff = 0;
            for (int i = 0; i < dim; i++) {
                diff += (next[i] - v[i]) * (next[i] - v[i]);
            }
            double[] t = v;
            v = next;
            next = t;
            if (diff < TOLERANCE * TOLERANCE) {
                break;
            }
        }
        int argmax = 0;
        for (int i = 1; i < dim; i++) {
            if (Math.abs(v[i]) > Math.abs(v[argmax])) {
                argmax = i;
            }
        }
        if (v[argmax] < 0) {
            for (int i = 0; i < dim; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    /** Subtracts from every row its projection on the unit vector {@code u}: x := x - (x . u) u. */
    public static void removeComponent(float[] matrix, int rows, int dim, double[] u) {
        for (int r = 0, off = 0; r < rows; r++, off += dim) {
            double p = 0;
            for (int i = 0; i < dim; i++) {
                p += matrix[off + i] * u[i];
            }
            for (int i = 0; i < dim; i++) {
                matrix[off + i] = (float) (matrix[off + i] - p * u[i]);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static boolean normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (!(n > 0) || !Double.isFinite(n)) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
        return true;
    }
}
