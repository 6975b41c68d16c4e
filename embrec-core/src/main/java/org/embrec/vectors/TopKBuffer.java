package org.embrec.vectors;

import java.util.Arrays;

/**
 * The {@code k} best (score, row) pairs of a scan that offers rows in ascending order, for a
 * large {@code k}: offers above the running threshold are appended to a buffer of {@code 2k}, and
 * a full buffer is cut to its best {@code k} by one primitive sort ({@link ScoreKeys}), which
 * raises the threshold. Where a heap pays a branchy sift per kept row, this pays a sort of
 * {@code 2k} longs per {@code k} kept rows. Equal scores keep the lower row, which in ascending
 * offers is the earlier one, so a later equal score never enters once the buffer has been cut.
 * Primitive arrays; reusable after {@link #clear()}; not thread-safe.
 */
public final class TopKBuffer {
    private final int k;
    private final int[] rows;
    private final float[] scores;
    private int size;
    private float threshold = Float.NEGATIVE_INFINITY;
    private final long[] keys;

    public TopKBuffer(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
        this.rows = new int[2 * k];
        this.scores = new float[2 * k];
        this.keys = new long[2 * k];
    }

    /** Empties the buffer for the next scan. */
    public void clear() {
        size = 0;
        threshold = Float.NEGATIVE_INFINITY;
    }

    /** Offers row {@code row} (rows offered in ascending order) with {@code score}. */
    public void offer(int row, float score) {
        if (score > threshold) {
            if (size == rows.length) {
                cut();
                if (!(score > threshold)) {
                    return;
                }
            }
            rows[size] = row;
            scores[size] = score;
            size++;
        }
    }

    /** The kept rows, best first (equal scores by lower row); at most k. */
    public int[] rowsBestFirst() {
        int n = sortedKeys();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = ScoreKeys.row(keys[i]);
        }
        return out;
    }

    /** Keeps the best k of the buffer and raises the threshold to the k-th score. */
    private void cut() {
        int n = sortedKeys(); // 2k keys sorted: simpler than a selection and still O(k log k) per k offers
        for (int i = 0; i < n; i++) {
            rows[i] = ScoreKeys.row(keys[i]);
            scores[i] = ScoreKeys.score(keys[i]);
        }
        size = n;
        threshold = scores[n - 1];
    }

    /** Sorts the buffer's pairs best first into {@link #keys} ({@link ScoreKeys}); returns how many of them to keep (at most k). */
    private int sortedKeys() {
        for (int i = 0; i < size; i++) {
            keys[i] = ScoreKeys.key(scores[i], rows[i]);
        }
        Arrays.sort(keys, 0, size);
        return Math.min(size, k);
    }
}
