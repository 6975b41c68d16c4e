package org.embrec.data;

import java.util.Arrays;
import org.embrec.Parallel;

/**
 * Finds repeated (user, item) rows, keeping each pair's first row in file order. Rows are
 * visited user by user (directly when the file is grouped by user, as MovieLens files are, else
 * through a counting sort), with a per-item "last user seen" array: O(rows + items) time and no
 * hash set of pairs. Stateless.
 */
final class Deduper {
    private Deduper() {}

    /** The rows to keep, or null when there is no repeated pair. */
    static boolean[] firstOccurrences(int[] users, int[] items, int userCount, int itemCount, int threads) {
        int n = users.length;
        boolean grouped = true;
        for (int r = 1; r < n && grouped; r++) {
            grouped = users[r] >= users[r - 1];
        }
        // Rows of user u, in file order, are order[start[u] .. start[u+1]) (order == null: rows themselves).
        int[] start = new int[userCount + 1];
        for (int r = 0; r < n; r++) {
            start[users[r] + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            start[u + 1] += start[u];
        }
        int[] order = null;
        if (!grouped) {
            order = new int[n];
            int[] fill = Arrays.copyOf(start, userCount);
            for (int r = 0; r < n; r++) {
                order[fill[users[r]]++] = r;
            }
        }
        int parts = Math.max(1, Math.min(threads * 4, userCount / 1024 + 1));
        int[] cut = new int[parts + 1];
        for (int p = 1; p <= parts; p++) {
            cut[p] = (int) ((long) userCount * p / parts);
        }
        long[] dupes = new long[parts];
        int[][] scratch = new int[threads][];
        int[] rowOrder = order;
        Parallel.run(parts, threads, (p, w) -> {
            int[] last = scratch(scratch, w, itemCount);
            dupes[p] = scan(rowOrder, items, start, cut[p], cut[p + 1], last, null);
        });
        long total = 0;
        for (long d : dupes) {
            total += d;
        }
        if (total == 0) {
            return null;
        }
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        Parallel.run(parts, threads, (p, w) -> {
            int[] last = scratch(scratch, w, itemCount);
            scan(rowOrder, items, start, cut[p], cut[p + 1], last, keep);
        });
        return keep;
    }

    private static int[] scratch(int[][] scratch, int w, int itemCount) {
        if (scratch[w] == null) {
            scratch[w] = new int[itemCount];
        }
        Arrays.fill(scratch[w], -1);
        return scratch[w];
    }

    /** Counts (and, with {@code keep}, marks) repeated items of users [fromUser, toUser). */
    private static long scan(int[] order, int[] items, int[] start, int fromUser, int toUser, int[] last, boolean[] keep) {
        long dupes = 0;
        for (int u = fromUser; u < toUser; u++) {
            for (int k = start[u]; k < start[u + 1]; k++) {
                int r = order == null ? k : order[k];
                int it = items[r];
                if (last[it] == u) {
                    dupes++;
                    if (keep != null) {
                        keep[r] = false;
                    }
                } else {
                    last[it] = u;
                }
            }
        }
        return dupes;
    }
}
