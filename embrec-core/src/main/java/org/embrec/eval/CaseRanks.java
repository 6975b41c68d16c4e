package org.embrec.eval;

/**
 * Outcome of every test case for one model and task: the target's 1-based rank, or
 * {@link #FORCED_MISS} when the query, the whole history or the target had no vector (not a
 * candidate), or {@link #EXCLUDED_TARGET} when the target was itself excluded (it equals the
 * query or a history item; impossible after de-duplication, but a miss if it happens).
 *
 * <p>Immutable; the array is owned by this object.
 */
public final class CaseRanks {
    /** The case could not be scored: it counts as a miss and lowers coverage. */
    public static final int FORCED_MISS = 0;
    /** The target was excluded from the candidates: a miss, but covered. */
    public static final int EXCLUDED_TARGET = -1;

    private final int[] ranks;

    CaseRanks(int[] ranks) {
        this.ranks = ranks;
    }

    public int size() {
        return ranks.length;
    }

    /** Rank of case {@code c} (>= 1), or {@link #FORCED_MISS} / {@link #EXCLUDED_TARGET}. */
    public int rank(int c) {
        return ranks[c];
    }

    /** True when case {@code c} ranked its target within the top {@code k}. */
    public boolean hit(int c, int k) {
        return ranks[c] >= 1 && ranks[c] <= k;
    }

    /** True unless case {@code c} was forced to miss. */
    public boolean covered(int c) {
        return ranks[c] != FORCED_MISS;
    }
}
