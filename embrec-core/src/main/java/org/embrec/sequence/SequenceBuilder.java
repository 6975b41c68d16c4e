package org.embrec.sequence;

import org.embrec.EmbrecException;
import org.embrec.data.Interactions;

/**
 * Builds per-user liked sequences: keeps the rows a {@link LikedFilter} accepts, groups them by
 * user and orders each user's items by (time ascending, file row ascending), a stable sort.
 *
 * <p>Users without a liked row get no sequence. Stateless and thread-safe.
 */
public final class SequenceBuilder {
    private SequenceBuilder() {}

    /**
     * @throws EmbrecException when the filter leaves no row
     */
    public static Sequences build(Interactions data, LikedFilter filter) {
        boolean[] keep = filter.apply(data);
        return build(data, keep, filter.toString());
    }

    /** As {@link #build(Interactions, LikedFilter)} with an explicit row mask. */
    public static Sequences build(Interactions data, boolean[] keep, String filterName) {
        int n = data.size();
        int users = data.userIds().size();
        int[] u = data.userColumn();
        int[] count = new int[users + 1];
        int kept = 0;
        for (int r = 0; r < n; r++) {
            if (keep[r]) {
                count[u[r] + 1]++;
                kept++;
            }
        }
        if (kept == 0) {
            throw new EmbrecException("--liked " + filterName + " leaves no rows out of " + n
                    + (n == 0 ? "" : " (try --liked all, or a lower threshold)"));
        }
        // Counting sort by user keeps file order within a user (the tie-breaker).
        int[] start = new int[users + 1];
        for (int i = 0; i < users; i++) {
            start[i + 1] = start[i] + count[i + 1];
        }
        int[] rows = new int[kept];
        int[] fill = start.clone();
        for (int r = 0; r < n; r++) {
            if (keep[r]) {
                rows[fill[u[r]]++] = r;
            }
        }
        long[] times = data.timeColumn();
        if (times != null) {
            long[] keyScratch = new long[0];
            int[] rowScratch = new int[0];
            for (int user = 0; user < users; user++) {
                int from = start[user];
                int to = start[user + 1];
                if (!sortedByTime(rows, times, from, to)) {
                    int len = to - from;
                    if (keyScratch.length < len) {
                        keyScratch = new long[len];
                        rowScratch = new int[len];
                    }
                    StableSort.byKey(rows, times, from, to, keyScratch, rowScratch);
                }
            }
        }
        int seqCount = 0;
        for (int user = 0; user < users; user++) {
            if (start[user + 1] > start[user]) {
                seqCount++;
            }
        }
        int[] offsets = new int[seqCount + 1];
        int[] seqUsers = new int[seqCount];
        int[] items = new int[kept];
        int[] itemCol = data.itemColumn();
        int s = 0;
        for (int user = 0; user < users; user++) {
            if (start[user + 1] > start[user]) {
                seqUsers[s] = user;
                offsets[s + 1] = start[user + 1];
                s++;
            }
        }
        for (int i = 0; i < kept; i++) {
            items[i] = itemCol[rows[i]];
        }
        return new Sequences(offsets, items, seqUsers, data.itemIds(), data.userIds());
    }

    private static boolean sortedByTime(int[] rows, long[] times, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (times[rows[i]] < times[rows[i - 1]]) {
                return false;
            }
        }
        return true;
    }
}
