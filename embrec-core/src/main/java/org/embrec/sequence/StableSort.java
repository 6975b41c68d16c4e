package org.embrec.sequence;

/** Stable merge sort of row indices by a long key, on primitive arrays (no boxing). */
final class StableSort {
    private static final int INSERTION_LIMIT = 24;

    private StableSort() {}

    /**
     * Sorts {@code rows[from..to)} stably by {@code key[rows[i]]}, using the scratch arrays
     * (length >= to - from).
     */
    static void byKey(int[] rows, long[] key, int from, int to, long[] keyScratch, int[] rowScratch) {
        int len = to - from;
        long[] k = new long[len];
        int[] r = new int[len];
        for (int i = 0; i < len; i++) {
            r[i] = rows[from + i];
            k[i] = key[r[i]];
        }
        sort(k, r, 0, len, keyScratch, rowScratch);
        System.arraycopy(r, 0, rows, from, len);
    }

    private static void sort(long[] k, int[] r, int lo, int hi, long[] ks, int[] rs) {
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
        sort(k, r, lo, mid, ks, rs);
        sort(k, r, mid, hi, ks, rs);
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
