package org.embrec.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * PROTOCOL.md's tie-break order of candidates: by external id ascending, numerically when every
 * id is an integer (so "9" comes before "10"), else by {@link String#compareTo}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TieOrder {
    private TieOrder() {}

    /**
     * Tie keys of the scorer's candidates: {@code key[a] < key[b]} exactly when candidate a's id
     * comes first. Keys are a permutation of {@code 0..candidateCount()-1}.
     */
    public static int[] keys(ItemScorer scorer) {
        int n = scorer.candidateCount();
        String[] ids = new String[n];
        for (int c = 0; c < n; c++) {
            ids[c] = scorer.candidateId(c);
        }
        return keys(ids);
    }

    /** Tie keys of the given ids (numeric order when all are integers). */
    public static int[] keys(String[] ids) {
        int n = ids.length;
        Integer[] order = new Integer[n];
        for (int c = 0; c < n; c++) {
            order[c] = c;
        }
        long[] numbers = numeric(ids);
        Comparator<Integer> cmp = numbers != null
                ? Comparator.comparingLong(c -> numbers[c])
                : Comparator.comparing(c -> ids[c]);
        Arrays.sort(order, cmp.thenComparingInt(c -> c));
        int[] key = new int[n];
        for (int pos = 0; pos < n; pos++) {
            key[order[pos]] = pos;
        }
        return key;
    }

    /** The ids as longs when every one is an integer in long range, else null. */
    static long[] numeric(String[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            String s = ids[i];
            if (!isInteger(s)) {
                return null;
            }
            try {
                out[i] = Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
