package org.embrec.eval;

/**
 * The top-K list every test case recommended, as candidate indices of one {@link ItemScorer}:
 * case {@code c}'s list is {@code items[c*k .. c*k+k)}, best first, in PROTOCOL.md's ranking
 * order (score descending, ties by id), after the query (i2i) or the user's training items (u2i)
 * were excluded. A list is shorter than K when fewer candidates remain ({@code -1} pads it), and
 * empty for a case that was forced to miss.
 *
 * <p>Immutable; the array is owned by this object.
 */
public final class TopLists {
    /** Padding of a list shorter than K. */
    public static final int NONE = -1;

    private final int k;
    private final int[] items;

    TopLists(int k, int[] items) {
        if (k < 1 || items.length % k != 0) {
            throw new IllegalArgumentException("a list length of " + k + " does not divide " + items.length);
        }
        this.k = k;
        this.items = items;
    }

    /** The length of a full list (K). */
    public int k() {
        return k;
    }

    /** Number of test cases. */
    public int size() {
        return items.length / k;
    }

    /** Number of items in case {@code c}'s list (0..K). */
    public int length(int c) {
        int n = 0;
        for (int off = c * k; n < k && items[off + n] != NONE; n++) {
            // counting
        }
        return n;
    }

    /** The candidate at position {@code i} (0-based) of case {@code c}'s list, or {@link #NONE}. */
    public int item(int c, int i) {
        return items[c * k + i];
    }
}
