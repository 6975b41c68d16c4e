package org.embrec.vectors;

/** Test oracle: similarities computed from scratch in double precision, to check optimised code against. */
public final class BruteForce {
    private BruteForce() {}

    /** The cosine of {@code a} and {@code b} (same length; NaN when one is zero). */
    public static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int j = 0; j < a.length; j++) {
            ab += (double) a[j] * b[j];
            aa += (double) a[j] * a[j];
            bb += (double) b[j] * b[j];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
