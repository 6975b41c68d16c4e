package org.embrec.model;

import org.embrec.vectors.VectorMath;

/**
 * The terms of the {@link UserVectors#kernel kernel} user rule for one history: distinct item
 * rows, newest first, with their normalised recency weights {@code w_j}. A candidate {@code c}
 * scores {@code Σ_j w_j max(0, cos(j, c))^power}, in [0, 1]; {@link #score} and {@link #scoreAll}
 * add the terms in the same order, so an exhaustive scan and a per-candidate rescoring give the
 * same number. Immutable.
 */
public final class KernelTerms {
    private final int[] rows;
    private final double[] weights;
    private final int power;
    private final VectorMath math = VectorMath.get();

    KernelTerms(int[] rows, double[] weights, int power) {
        this.rows = rows;
        this.weights = weights;
        this.power = power;
    }

    /** Number of distinct history items. */
    public int size() {
        return rows.length;
    }

    /** Store row of term {@code j} (0 = the newest item). */
    public int row(int j) {
        return rows[j];
    }

    /** Normalised weight of term {@code j}; the weights add up to 1. */
    public double weight(int j) {
        return weights[j];
    }

    /** Term {@code j}'s contribution for a cosine of {@code cos} with the candidate. */
    public double contribution(int j, double cos) {
        return weights[j] * pow(cos);
    }

    /**
     * Each term's contribution to row {@code candidate}'s {@link #score} (they add up to it),
     * given the unit-length rows {@code unit} of {@code dim} components.
     */
    public double[] contributions(float[] unit, int dim, int candidate) {
        double[] c = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            c[j] = contribution(j, math.dot(unit, rows[j] * dim, unit, candidate * dim, dim));
        }
        return c;
    }

    /** {@code max(0, cos)^power}. */
    private double pow(double cos) {
        if (!(cos > 0)) {
            return 0;
        }
        double r = cos;
        for (int i = 1; i < power; i++) {
            r *= cos;
        }
        return r;
    }

    /**
     * The score of row {@code candidate} given the unit-length rows {@code unit} of
     * {@code dim} components (the items' unit vectors).
     */
    public double score(float[] unit, int dim, int candidate) {
        return score(unit, dim, candidate * dim, new float[4]);
    }

    /**
     * Writes the score of every row {@code 0..n)} of {@code unit} into {@code scores}, as
     * {@link #score}: one pass over the rows, each read once for four terms at a time.
     */
    public void scoreAll(float[] unit, int dim, int n, double[] scores) {
        float[] cos = new float[4];
        for (int r = 0, off = 0; r < n; r++, off += dim) {
            scores[r] = score(unit, dim, off, cos);
        }
    }

    /** The score of the row at {@code unit[off..off+dim)}; {@code cos} is scratch for four cosines. */
    private double score(float[] unit, int dim, int off, float[] cos) {
        double s = 0;
        int j = 0;
        for (; j + 4 <= rows.length; j += 4) {
            math.dot4(unit, rows[j] * dim, rows[j + 1] * dim, rows[j + 2] * dim, rows[j + 3] * dim, unit, off, dim,
                    cos, 0);
            s += contribution(j, cos[0]);
            s += contribution(j + 1, cos[1]);
            s += contribution(j + 2, cos[2]);
            s += contribution(j + 3, cos[3]);
        }
        for (; j < rows.length; j++) {
            s += contribution(j, math.dot(unit, rows[j] * dim, unit, off, dim));
        }
        return s;
    }
}
