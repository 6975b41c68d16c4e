package org.embrec.vectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves {@code A X = B} for a symmetric positive definite {@code A} in double precision by
 * Cholesky factorisation (EJML): the normal equations of ridge maps and ALS fold-ins. Stateless.
 */
public final class SymmetricSolve {
    private SymmetricSolve() {}

    /**
     * The solution {@code X} (n x cols, row-major) of {@code A X = B}, or null when {@code A}
     * is not positive definite.
     *
     * @param a the n x n matrix, row-major (both triangles filled; may be overwritten)
     * @param b the right-hand sides, n x cols, row-major (not modified)
     */
    public static double[] solve(double[] a, int n, double[] b, int cols) {
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(DMatrixRMaj.wrap(n, n, a))) {
            return null;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, cols);
        chol.solve(DMatrixRMaj.wrap(n, cols, b.clone()), x);
        for (double v : x.data) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return x.data;
    }
}
