package org.embrec.train;

/**
 * Precomputed logistic function on [-6, 6] (word2vec's EXP_TABLE): one multiply, one cast and
 * one load instead of {@code Math.exp} in the innermost loop. Outside the range the caller
 * clamps the gradient as word2vec.c does.
 */
final class SigmoidTable {
    static final float MAX_EXP = 6f;
    private static final int SIZE = 1000;
    private static final float SCALE = SIZE / MAX_EXP / 2f;
    private static final float[] TABLE = new float[SIZE + 1];

    static {
        for (int i = 0; i <= SIZE; i++) {
            double x = (i / (double) SIZE * 2 - 1) * MAX_EXP;
            TABLE[i] = (float) (1.0 / (1.0 + Math.exp(-x)));
        }
    }

    private SigmoidTable() {}

    /** sigma(f), exact to the table's resolution; 0 or 1 outside [-6, 6]. */
    static float sigmoid(float f) {
        if (f <= -MAX_EXP) {
            return 0f;
        }
        if (f >= MAX_EXP) {
            return 1f;
        }
        return TABLE[(int) ((f + MAX_EXP) * SCALE)];
    }
}
