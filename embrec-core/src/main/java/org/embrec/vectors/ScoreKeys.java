package org.embrec.vectors;

/**
 * A (score, row) pair packed into one long whose natural order is best first: higher scores
 * first, equal scores by lower row (-0 and +0 equal). Sorting such keys ranks hits with a
 * primitive sort, no boxing and no comparator. Rows must be >= 0. Stateless.
 */
public final class ScoreKeys {
    private ScoreKeys() {}

    /** The key of {@code row} scoring {@code score}. */
    public static long key(float score, int row) {
        float s = score + 0f; // -0 as +0: they tie
        return (long) ~flip(Float.floatToRawIntBits(s)) << 32 | (row & 0xffff_ffffL);
    }

    /** The row of a key. */
    public static int row(long key) {
        return (int) key;
    }

    /** The score of a key (+0 for -0). */
    public static float score(long key) {
        return Float.intBitsToFloat(flip(~(int) (key >> 32)));
    }

    /** Maps float bits to an int ordered as the floats are, and back (its own inverse). */
    private static int flip(int bits) {
        return bits ^ ((bits >> 31) & 0x7fff_ffff);
    }
}
