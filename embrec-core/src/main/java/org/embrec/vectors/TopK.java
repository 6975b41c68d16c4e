package org.embrec.vectors;

/**
 * Bounded min-heap keeping the {@code k} best (score, row) pairs seen; ties prefer the lower row.
 * Primitive arrays, no allocation per offer. Not thread-safe: one per searching thread.
 */
public final class TopK {
    private final int k;
    private final int[] rows;
    private final float[] scores;
    private int size;

    public TopK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        this.k = k;
        this.rows = new int[k];
        this.scores = new float[k];
    }

    /** Empties the heap for reuse. */
    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Lowest score currently kept (-infinity while not full). */
    public float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /** Offers a candidate; kept when the heap is not full or it beats the worst kept one. */
    public void offer(int row, float score) {
        if (k == 0) {
            return;
        }
        if (size < k) {
            int i = size++;
            rows[i] = row;
            scores[i] = score;
            siftUp(i);
        } else if (better(score, row, scores[0], rows[0])) {
            rows[0] = row;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Rows in best-first order (drains nothing; O(k log k)). */
    public int[] rowsBestFirst() {
        long[] keys = sortedKeys();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = ScoreKeys.row(keys[i]);
        }
        return out;
    }

    /** Scores in best-first order, aligned with {@link #rowsBestFirst()}. */
    public float[] scoresBestFirst() {
        long[] keys = sortedKeys();
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = ScoreKeys.score(keys[i]);
        }
        return out;
    }

    /** The kept pairs as {@link ScoreKeys}, sorted best first. */
    private long[] sortedKeys() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ScoreKeys.key(scores[i], rows[i]);
        }
        java.util.Arrays.sort(keys);
        return keys;
    }

    /** True when (s1, r1) ranks before (s2, r2): higher score, then lower row. */
    private static boolean better(float s1, int r1, float s2, int r2) {
        return s1 > s2 || (s1 == s2 && r1 < r2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (better(scores[p], rows[p], scores[i], rows[i])) {
                swap(i, p);
                i = p;
            } else {
                return;
            }
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int worst = (r < size && better(scores[l], rows[l], scores[r], rows[r])) ? r : l;
            if (better(scores[i], rows[i], scores[worst], rows[worst])) {
                swap(i, worst);
                i = worst;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int tr = rows[a];
        rows[a] = rows[b];
        rows[b] = tr;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
