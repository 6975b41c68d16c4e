package org.embrec.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Without a time column, file order is each user's time order. This says so, and checks the
 * one way that goes silently wrong: a file sorted by item within each user (as many exports
 * are), where every user's "last" item is simply the highest id and an evaluation measures
 * nothing. Stateless and thread-safe.
 */
public final class FileOrder {
    /** Share of a user's consecutive rows going up in item id above which the order is not time. */
    static final double SORTED_SHARE = 0.9;
    /** Consecutive same-user pairs needed before the share is read at all. */
    static final int MIN_PAIRS = 50;

    private FileOrder() {}

    /**
     * Tells {@code warnings} that file order is taken as time, and, when the rows look sorted by
     * item within users, that it cannot be. Silent when the data has a time column.
     *
     * @param label the interaction file, as named in messages
     */
    public static void check(Interactions data, String label, Consumer<String> warnings) {
        if (data.hasTimes()) {
            return;
        }
        warnings.accept(label + ": no time column, so each user's items are taken in file order (give --columns"
                + " ...,time=COLUMN, or time=YEAR+MONTH+DAY, if the file has times)");
        double share = ascendingShare(data);
        if (!Double.isNaN(share) && share >= SORTED_SHARE) {
            warnings.accept(String.format(Locale.ROOT, "%s: the rows look sorted by item within each user (%.0f%% of a"
                    + " user's consecutive rows go up in item id), so file order cannot be time: every user's last"
                    + " item is the highest id and an evaluation measures nothing; give a time column", label,
                    100 * share));
        }
    }

    /**
     * Share of consecutive rows of the same user (in file order) whose item id is higher than
     * the one before, comparing ids as numbers when both are integers; NaN with fewer than
     * {@link #MIN_PAIRS} such pairs.
     */
    static double ascendingShare(Interactions data) {
        int[] rank = itemRanks(data.itemIds());
        int[] last = new int[data.userIds().size()];
        Arrays.fill(last, -1);
        long pairs = 0;
        long up = 0;
        int[] users = data.userColumn();
        int[] items = data.itemColumn();
        for (int r = 0; r < users.length; r++) {
            int u = users[r];
            int prev = last[u];
            if (prev >= 0 && prev != items[r]) {
                pairs++;
                if (rank[items[r]] > rank[prev]) {
                    up++;
                }
            }
            last[u] = items[r];
        }
        return pairs < MIN_PAIRS ? Double.NaN : (double) up / pairs;
    }

    /** Each item's position among all item ids in natural order (numbers by value, then text). */
    private static int[] itemRanks(IdMap ids) {
        int n = ids.size();
        long[] numeric = new long[n];
        boolean[] isNumber = new boolean[n];
        for (int i = 0; i < n; i++) {
            String id = ids.external(i);
            try {
                numeric[i] = Long.parseLong(id);
                isNumber[i] = true;
            } catch (NumberFormatException e) {
                isNumber[i] = false;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> natural = (a, b) -> {
            if (isNumber[a] && isNumber[b]) {
                return Long.compare(numeric[a], numeric[b]);
            }
            if (isNumber[a] != isNumber[b]) {
                return isNumber[a] ? -1 : 1;
            }
            return ids.external(a).compareTo(ids.external(b));
        };
        Arrays.sort(order, natural);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }
}
