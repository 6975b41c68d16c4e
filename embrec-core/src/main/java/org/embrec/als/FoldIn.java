package org.embrec.als;

import java.util.Arrays;
import java.util.Objects;
import org.embrec.vectors.SymmetricSolve;

/**
 * The factors implicit ALS gives a new user row, solved exactly against fixed item factors
 * ("fold-in"): for the distinct observed items {@code O},
 * {@code (YᵀY + reg I + alpha Σ_{i∈O} y_i y_iᵀ) x = (1 + alpha) Σ_{i∈O} y_i}, the normal
 * equations the trainer's conjugate-gradient steps approach ({@link RowSolver}), here solved by a
 * Cholesky factorisation in double precision ({@link SymmetricSolve}). It answers an ad-hoc item list (a user without an
 * account) with the same model the stored users' factors come from.
 *
 * <p>Immutable and thread-safe: {@code YᵀY + reg I} is computed once; each {@link #solve}
 * allocates its own {@code k x k} work matrix.
 */
public final class FoldIn {
    private final float[] items;
    private final int n;
    private final int k;
    private final double alpha;
    private final double[] gram;

    private FoldIn(float[] items, int n, int k, double alpha, double[] gram) {
        this.items = items;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.gram = gram;
    }

    /**
     * The fold-in of a model whose item factors are the {@code n} rows of row-major {@code items}
     * ({@code k} floats each; retained, not copied: do not modify).
     *
     * @throws IllegalArgumentException on a size mismatch or settings ALS would reject
     */
    public static FoldIn of(float[] items, int n, int k, double alpha, double reg) {
        Objects.requireNonNull(items, "items");
        if (k < 1 || (long) n * k != items.length) {
            throw new IllegalArgumentException("expected " + n + " x " + k + " floats, got " + items.length);
        }
        if (!(alpha >= 0) || !(reg > 0) || Double.isInfinite(alpha) || Double.isInfinite(reg)) {
            throw new IllegalArgumentException("fold-in needs alpha >= 0 and reg > 0, got " + alpha + ", " + reg);
        }
        double[] g = new double[k * k];
        for (int r = 0; r < n; r++) {
            int off = r * k;
            for (int a = 0; a < k; a++) {
                double ya = items[off + a];
                if (ya != 0) {
                    for (int b = a; b < k; b++) {
                        g[a * k + b] += ya * items[off + b];
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                g[a * k + b] = g[b * k + a];
            }
            g[a * k + a] += reg;
        }
        return new FoldIn(items, n, k, alpha, g);
    }

    public int dim() {
        return k;
    }

    /**
     * The factors of a user who liked the item rows {@code rows[0..length)} (repeats count once;
     * order does not matter); zero factors for an empty list.
     *
     * @throws IndexOutOfBoundsException for a row outside the item factors
     */
    public float[] solve(int[] rows, int length) {
        double[] b = new double[k];
        double[] a = system(rows, length, b);
        double[] x = SymmetricSolve.solve(a, k, b, 1);
        if (x == null) {
            throw new IllegalStateException("fold-in matrix is not positive definite");
        }
        float[] out = new float[k];
        for (int i = 0; i < k; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /**
     * The fold-in's per-item terms for the item rows {@code rows[0..length)}: the factors
     * {@link #solve} gives are exactly the sum of the terms of the distinct rows,
     * {@code x = Σ_j (1 + alpha) A⁻¹ y_j} with {@code A} the list's matrix. Returns the distinct
     * rows' terms, row-major ({@code distinct.length x dim()}), {@code distinct} being the sorted
     * distinct rows ({@code distinctRows}).
     */
    public double[] terms(int[] rows, int length) {
        int[] distinct = distinctRows(rows, length);
        double[] a = system(rows, length, new double[k]);
        int m = distinct.length;
        double[] rhs = new double[k * m]; // column j = (1 + alpha) y_j
        for (int j = 0; j < m; j++) {
            int off = distinct[j] * k;
            for (int i = 0; i < k; i++) {
                rhs[i * m + j] = (1 + alpha) * items[off + i];
            }
        }
        double[] x = SymmetricSolve.solve(a, k, rhs, m);
        if (x == null) {
            throw new IllegalStateException("fold-in matrix is not positive definite");
        }
        double[] out = new double[m * k];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < k; i++) {
                out[j * k + i] = x[i * m + j];
            }
        }
        return out;
    }

    /** The sorted distinct rows of {@code rows[0..length)}: the items a fold-in counts. */
    public static int[] distinctRows(int[] rows, int length) {
        return Arrays.stream(rows, 0, length).distinct().sorted().toArray();
    }

    /** The matrix {@code A} of the list (both triangles), adding its right-hand side into {@code b}. */
    private double[] system(int[] rows, int length, double[] b) {
        int[] distinct = Arrays.copyOf(rows, length);
        Arrays.sort(distinct);
        double[] a = gram.clone();
        int last = -1;
        for (int row : distinct) {
            if (row == last) {
                continue;
            }
            if (row < 0 || row >= n) {
                throw new IndexOutOfBoundsException("item row " + row + " not in [0, " + n + ")");
            }
            last = row;
            int off = row * k;
            for (int i = 0; i < k; i++) {
                double yi = items[off + i];
                b[i] += (1 + alpha) * yi;
                double ayi = alpha * yi;
                for (int j = i; j < k; j++) {
                    a[i * k + j] += ayi * items[off + j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                a[i * k + j] = a[j * k + i];
            }
        }
        return a;
    }
}
