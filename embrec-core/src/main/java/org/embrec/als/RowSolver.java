package org.embrec.als;

import java.util.Arrays;
import org.embrec.Parallel;
import org.embrec.vectors.VectorMath;

/**
 * One half-step of implicit ALS: every row of one side solved against the fixed factors of the
 * other, by a few conjugate-gradient steps warm-started from the row's current factors (Takács,
 * Pilászy and Tikk 2011, as in the {@code implicit} library). Row {@code r} with observed
 * columns {@code O} minimises Hu et al.'s loss, i.e. solves
 * {@code (YᵀY + reg I + alpha Σ_{i∈O} y_i y_iᵀ) x = (1 + alpha) Σ_{i∈O} y_i}; the Gramian
 * {@code YᵀY + reg I} is computed once per half-step and shared by all rows. A row without
 * observations gets zero factors (they then add nothing to the other side's Gramian).
 *
 * <p>Stateless; rows are independent, so the result does not depend on the thread count (every
 * row is computed by the same float operations in the same order). Scratch lives per worker.
 */
final class RowSolver {
    /** Rows per parallel task: enough to amortise the task hand-out, few enough to balance. */
    private static final int ROWS_PER_TASK = 128;
    /** Rows per block of the Gramian's partial sums (a fixed order, whatever the threads). */
    private static final int GRAM_BLOCK = 2048;
    /** Squared residual below which a row counts as solved (the {@code implicit} library's). */
    static final float TOLERANCE = 1e-20f;

    private RowSolver() {}

    /**
     * {@code YᵀY + reg I} of the first {@code n} rows of row-major {@code y}, as a row-major
     * {@code k x k} float matrix (summed in double over fixed blocks of rows).
     */
    static float[] gramian(float[] y, int n, int k, double reg, int threads) {
        VectorMath m = VectorMath.get();
        int blocks = Math.max(1, (n + GRAM_BLOCK - 1) / GRAM_BLOCK);
        float[][] partial = new float[blocks][];
        Parallel.run("als-gramian", blocks, threads, (b, worker) -> {
            float[] g = new float[k * k];
            int end = Math.min(n, (b + 1) * GRAM_BLOCK);
            for (int r = b * GRAM_BLOCK; r < end; r++) {
                int off = r * k;
                for (int a = 0; a < k; a++) {
                    float ya = y[off + a];
                    if (ya != 0f) {
                        m.axpy(ya, y, off, g, a * k, k);
                    }
                }
            }
            partial[b] = g;
        });
        double[] sum = new double[k * k];
        for (float[] g : partial) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += g[j];
            }
        }
        float[] out = new float[k * k];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) sum[j];
        }
        for (int a = 0; a < k; a++) {
            out[a * k + a] += (float) reg;
        }
        return out;
    }

    /**
     * Solves every row of {@code x} ({@code ptr.length - 1} rows of {@code k} floats, updated in
     * place) against the fixed factors {@code y}: row {@code r}'s observed columns are
     * {@code idx[ptr[r]..ptr[r+1])}.
     *
     * @param gram {@code YᵀY + reg I} ({@link #gramian})
     * @param vals the weight of each observed entry, parallel to {@code idx} (confidence
     *     {@code 1 + alpha x weight}), or null for weight 1
     */
    static void solveAll(float[] x, int[] ptr, int[] idx, float[] vals, float[] y, float[] gram, int k, float alpha,
            int steps, int threads) {
        int rows = ptr.length - 1;
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        int workers = Math.max(1, Math.min(threads, tasks));
        Scratch[] scratch = new Scratch[workers];
        Parallel.run("als-rows", tasks, workers, (t, w) -> {
            Scratch s = scratch[w];
            if (s == null) {
                s = scratch[w] = new Scratch(k);
            }
            int end = Math.min(rows, (t + 1) * ROWS_PER_TASK);
            for (int r = t * ROWS_PER_TASK; r < end; r++) {
                solveRow(x, r * k, idx, vals, ptr[r], ptr[r + 1], y, gram, k, alpha, steps, s);
            }
        });
    }

    /** Per-worker vectors of the conjugate-gradient iteration. */
    static final class Scratch {
        final float[] r;
        final float[] p;
        final float[] ap;
        final VectorMath m = VectorMath.get();

        Scratch(int k) {
            r = new float[k];
            p = new float[k];
            ap = new float[k];
        }
    }

    /**
     * Up to {@code steps} conjugate-gradient steps on one row, from its current value
     * {@code x[xo..xo+k)}; observed columns {@code idx[from..to)} with weights
     * {@code vals[from..to)} (null: 1).
     */
    static void solveRow(float[] x, int xo, int[] idx, float[] vals, int from, int to, float[] y, float[] gram, int k,
            float alpha, int steps, Scratch s) {
        if (from == to) {
            Arrays.fill(x, xo, xo + k, 0f);
            return;
        }
        VectorMath m = s.m;
        float[] r = s.r;
        float[] p = s.p;
        float[] ap = s.ap;
        // r = b - A x = sum_i ((1 + a_i) - a_i y_i.x) y_i - (YtY + reg I) x, a_i = alpha x weight_i
        matvec(gram, x, xo, r, k, m);
        m.scale(-1f, r, 0, k);
        for (int q = from; q < to; q++) {
            int yo = idx[q] * k;
            float a = vals == null ? alpha : alpha * vals[q];
            m.axpy(1f + a - a * m.dot(y, yo, x, xo, k), y, yo, r, 0, k);
        }
        System.arraycopy(r, 0, p, 0, k);
        float rs = m.dot(r, 0, r, 0, k);
        for (int step = 0; step < steps && rs > TOLERANCE; step++) {
            // ap = A p
            matvec(gram, p, 0, ap, k, m);
            for (int q = from; q < to; q++) {
                int yo = idx[q] * k;
                float a = vals == null ? alpha : alpha * vals[q];
                m.axpy(a * m.dot(y, yo, p, 0, k), y, yo, ap, 0, k);
            }
            float pap = m.dot(p, 0, ap, 0, k);
            if (!(pap > 0f)) {
                break;
            }
            float a = rs / pap;
            m.axpy(a, p, 0, x, xo, k);
            m.axpy(-a, ap, 0, r, 0, k);
            float rsNew = m.dot(r, 0, r, 0, k);
            m.scale(rsNew / rs, p, 0, k);
            m.axpy(1f, r, 0, p, 0, k);
            rs = rsNew;
        }
    }

    /** {@code out = g v} for the symmetric row-major {@code k x k} matrix {@code g}. */
    private static void matvec(float[] g, float[] v, int vo, float[] out, int k, VectorMath m) {
        for (int a = 0; a < k; a++) {
            out[a] = m.dot(g, a * k, v, vo, k);
        }
    }
}
