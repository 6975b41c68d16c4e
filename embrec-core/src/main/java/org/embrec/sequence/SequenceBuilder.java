package org.embrec.sequence;

import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.data.Interactions;

/**
 * Builds per-user liked sequences: keeps the rows a {@link LikedFilter} accepts, groups them by
 * user and orders each user's items by (time ascending, file row ascending), a stable sort.
 *
 * <p>Rows are grouped by user without moving them when the file already is (MovieLens files
 * are: dense user ids then never decrease), else by a counting sort that keeps file order;
 * users are then sorted by time on all cores. Users without a liked row get no sequence.
 * Stateless and thread-safe.
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

    /**
     * As {@link #build(Interactions, LikedFilter)}, each user's items split into sessions where
     * two consecutive liked items are more than {@code sessionGapMillis} apart
     * ({@link Sequences#breaks()}; 0: no sessions).
     *
     * @throws EmbrecException when the filter leaves no row, or a gap is asked of data without times
     */
    public static Sequences build(Interactions data, LikedFilter filter, long sessionGapMillis) {
        if (sessionGapMillis > 0 && !data.hasTimes()) {
            throw new EmbrecException("--session-gap needs a time column (--columns ...,time=COLUMN)");
        }
        return build(data, filter.apply(data), filter.toString(), Parallel.defaultThreads(), sessionGapMillis);
    }

    /** As {@link #build(Interactions, LikedFilter)} with an explicit row mask. */
    public static Sequences build(Interactions data, boolean[] keep, String filterName) {
        return build(data, keep, filterName, Parallel.defaultThreads());
    }

    /** As {@link #build(Interactions, boolean[], String)} on {@code threads} threads. */
    public static Sequences build(Interactions data, boolean[] keep, String filterName, int threads) {
        return build(data, keep, filterName, threads, 0);
    }

    private static Sequences build(Interactions data, boolean[] keep, String filterName, int threads,
            long sessionGapMillis) {
        int n = data.size();
        int users = data.userIds().size();
        int[] u = data.userColumn();
        int[] start = new int[users + 1];
        int kept = 0;
        boolean grouped = true;
        for (int r = 0; r < n; r++) {
            if (keep[r]) {
                start[u[r] + 1]++;
                kept++;
            }
            if (r > 0 && u[r] < u[r - 1]) {
                grouped = false;
            }
        }
        if (kept == 0) {
            throw new EmbrecException("--liked " + filterName + " leaves no rows out of " + n
                    + (n == 0 ? "" : " (try --liked all, or a lower threshold)"));
        }
        for (int i = 0; i < users; i++) {
            start[i + 1] += start[i];
        }
        // rows[start[user] .. start[user+1]) = the user's liked rows, in file order.
        int[] rows = new int[kept];
        if (grouped) {
            int k = 0;
            for (int r = 0; r < n; r++) {
                if (keep[r]) {
                    rows[k++] = r;
                }
            }
        } else {
            int[] fill = java.util.Arrays.copyOf(start, users);
            for (int r = 0; r < n; r++) {
                if (keep[r]) {
                    rows[fill[u[r]]++] = r;
                }
            }
        }
        int[] items = new int[kept];
        sortAndGather(data, rows, start, items, Math.max(1, threads));
        int seqCount = 0;
        for (int user = 0; user < users; user++) {
            if (start[user + 1] > start[user]) {
                seqCount++;
            }
        }
        int[] offsets = new int[seqCount + 1];
        int[] seqUsers = new int[seqCount];
        int s = 0;
        for (int user = 0; user < users; user++) {
            if (start[user + 1] > start[user]) {
                seqUsers[s] = user;
                offsets[++s] = start[user + 1];
            }
        }
        int[] breaks = sessionGapMillis > 0 ? breaks(data.timeColumn(), rows, offsets, sessionGapMillis) : null;
        float[] weights = null;
        if (data.hasWeights()) {
            float[] w = data.weightColumn();
            weights = new float[rows.length];
            for (int p = 0; p < rows.length; p++) {
                weights[p] = w[rows[p]];
            }
        }
        return new Sequences(offsets, items, seqUsers, data.itemIds(), data.userIds(), breaks, weights);
    }

    /** Positions after a gap of more than {@code gap} between consecutive rows of one sequence. */
    private static int[] breaks(long[] times, int[] rows, int[] offsets, long gap) {
        int[] out = new int[16];
        int n = 0;
        for (int s = 0; s + 1 < offsets.length; s++) {
            for (int p = offsets[s] + 1; p < offsets[s + 1]; p++) {
                if (times[rows[p]] - times[rows[p - 1]] > gap) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, 2 * n);
                    }
                    out[n++] = p;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Sorts each user's rows by time (when there are times) and writes their items, in parallel. */
    private static void sortAndGather(Interactions data, int[] rows, int[] start, int[] items, int threads) {
        long[] times = data.timeColumn();
        int[] itemCol = data.itemColumn();
        int users = start.length - 1;
        // Parts of about equal row counts, a few per thread for balance.
        int parts = Math.max(1, Math.min(users, threads * 8));
        int[] cut = new int[parts + 1];
        int user = 0;
        for (int p = 1; p < parts; p++) {
            long target = (long) rows.length * p / parts;
            while (user < users && start[user] < target) {
                user++;
            }
            cut[p] = user;
        }
        cut[parts] = users;
        StableSort[] sorters = new StableSort[threads];
        Parallel.run(parts, threads, (p, w) -> {
            if (times != null) {
                if (sorters[w] == null) {
                    sorters[w] = new StableSort();
                }
                for (int us = cut[p]; us < cut[p + 1]; us++) {
                    if (!sortedByTime(rows, times, start[us], start[us + 1])) {
                        sorters[w].byKey(rows, times, start[us], start[us + 1]);
                    }
                }
            }
            for (int i = start[cut[p]]; i < start[cut[p + 1]]; i++) {
                items[i] = itemCol[rows[i]];
            }
        });
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
