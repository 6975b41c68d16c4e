package org.embrec.sequence;

import java.util.Arrays;

/**
 * Sorts a segment of row indices by a long key per row, ties by row index (rows enter a segment
 * in ascending order, so this is a stable sort), on primitive arrays with reusable scratch.
 *
 * <p>Fast path: when (key - min) and the position in the segment fit together in 63 bits, they
 * are packed into one long and sorted with {@link Arrays#sort(long[], int, int)}: the packed
 * keys are distinct, so the unstable primitive sort gives the stable order. Otherwise a merge
 * sort. One instance per thread; not thread-safe.
 */
final class StableSort {
    private static final int INSERTION_LIMIT = 24;

    private long[] k = new long[16];
    private int[] r = new int[16];
    private long[] ks = new long[16];
    private int[] rs = new int[16];

    /** Sorts {@code rows[from..to)} by {@code key[rows[i]]}, ties in the current (ascending row) order. */
    void byKey(int[] rows, long[] key, int from, int to) {
        int len = to - from;
        if (len < 2) {
            return;
        }
        ensure(len);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            long t = key[rows[i]];
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(len - 1);
        long range = max - min;
        if (range >= 0 && 64 - Long.numberOfLeadingZeros(range) + indexBits <= 63) {
            for (int j = 0; j < len; j++) {
                r[j] = rows[from + j];
                k[j] = ((key[r[j]] - min) << indexBits) | j;
            }
            Arrays.sort(k, 0, len);
            long mask = (1L << indexBits) - 1;
            for (int j = 0; j < len; j++) {
                rows[from + j] = r[(int) (k[j] & mask)];
            }
            return;
        }
        for (int j = 0; j < len; j++) {
            r[j] = rows[from + j];
            k[j] = key[r[j]];
        }
        mergeSort(0, len);
        System.arraycopy(r, 0, rows, from, len);
    }

    private void ensure(int len) {
        if (k.length < len) {
            int n = Math.max(len, k.length * 2);
            k = new long[n];
            r = new int[n];
            ks = new long[n];
            rs = new int[n];
        }
    }

    private void mergeSort(int lo, int hi) {
        if (hi - lo <= INSERTION_LIMIT) {
            for (int i = lo + 1; i < hi; i++) {
                long kk = k[i];
                int rr = r[i];
                int j = i - 1;
                while (j >= lo && k[j] > kk) {
                    k[j + 1] = k[j];
                    r[j + 1] = r[j];
                    j--;
                }
                k[j + 1] = kk;
                r[j + 1] = rr;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(lo, mid);
        mergeSort(mid, hi);
        if (k[mid - 1] <= k[mid]) {
            return;
        }
        int i = lo;
        int j = mid;
        int o = 0;
        while (i < mid && j < hi) {
            if (k[j] < k[i]) {
                ks[o] = k[j];
                rs[o++] = r[j++];
            } else {
                ks[o] = k[i];
                rs[o++] = r[i++];
            }
        }
        while (i < mid) {
            ks[o] = k[i];
            rs[o++] = r[i++];
        }
        while (j < hi) {
            ks[o] = k[j];
            rs[o++] = r[j++];
        }
        System.arraycopy(ks, 0, k, lo, o);
        System.arraycopy(rs, 0, r, lo, o);
    }
}
