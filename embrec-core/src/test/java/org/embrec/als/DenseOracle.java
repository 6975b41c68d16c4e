package org.embrec.als;

/**
 * The test's independent reference: the implicit-ALS row solution from the loss itself, densely
 * in double. Row {@code x} minimises {@code Σ_i c_i (p_i - x·y_i)² + reg |x|²} over every item
 * {@code i} (observed: {@code c = 1 + alpha}, {@code p = 1}; others {@code c = 1}, {@code p = 0});
 * the normal equations {@code (Σ_i c_i y_i y_iᵀ + reg I) x = Σ_i c_i p_i y_i} are solved by
 * Gaussian elimination with partial pivoting.
 */
final class DenseOracle {
    private DenseOracle() {}

    static double[] solveRow(float[] y, int items, int k, boolean[] observed, double alpha, double reg) {
        return solveRow(y, items, k, observed, null, alpha, reg);
    }

    /** As above with a weight per item (observed: {@code c = 1 + alpha x weight}); null: weight 1. */
    static double[] solveRow(float[] y, int items, int k, boolean[] observed, double[] weight, double alpha,
            double reg) {
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < items; i++) {
            double c = observed[i] ? 1 + alpha * (weight == null ? 1 : weight[i]) : 1;
            double p = observed[i] ? 1 : 0;
            for (int r = 0; r < k; r++) {
                double yr = y[i * k + r];
                for (int s = 0; s < k; s++) {
                    a[r][s] += c * yr * y[i * k + s];
                }
                a[r][k] += c * p * yr;
            }
        }
        for (int r = 0; r < k; r++) {
            a[r][r] += reg;
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int s = col; s <= k; s++) {
                        a[r][s] -= f * a[col][s];
                    }
                }
            }
        }
        double[] x = new double[k];
        for (int r = 0; r < k; r++) {
            x[r] = a[r][k] / a[r][r];
        }
        return x;
    }
}
