package org.embrec.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Bijection between external ids (strings at the edge) and dense ints {@code 0..size()-1}
 * (inside), assigned in first-seen order.
 *
 * <p>Immutable once built with {@link Builder#build()}; thread-safe to read.
 */
public final class IdMap {
    private final String[] externals;
    private final Map<String, Integer> dense;

    private IdMap(String[] externals, Map<String, Integer> dense) {
        this.externals = externals;
        this.dense = dense;
    }

    /** An id map over the given external ids in this order; duplicates are an error. */
    public static IdMap of(String... ids) {
        Builder b = new Builder(ids.length);
        for (String id : ids) {
            if (b.indexOf(id) >= 0) {
                throw new IllegalArgumentException("duplicate id: " + id);
            }
            b.add(id);
        }
        return b.build();
    }

    /** An id map over distinct external ids, taking ownership of the array (not checked). */
    static IdMap ofDistinct(String[] externals) {
        HashMap<String, Integer> dense = new HashMap<>(Math.max(16, (int) (externals.length / 0.75f) + 1));
        for (int i = 0; i < externals.length; i++) {
            dense.put(externals[i], i);
        }
        return new IdMap(externals, dense);
    }

    public int size() {
        return externals.length;
    }

    /** External id of dense id {@code i}. */
    public String external(int i) {
        return externals[i];
    }

    /** Dense id of an external id, or -1 when it is unknown. */
    public int indexOf(String external) {
        Integer i = dense.get(external);
        return i == null ? -1 : i;
    }

    /** True when every external id parses as a (long) integer: ids then sort numerically. */
    public boolean allNumeric() {
        for (String s : externals) {
            if (!isInteger(s)) {
                return false;
            }
        }
        return true;
    }

    /** External ids in dense order (a copy). */
    public String[] externals() {
        return Arrays.copyOf(externals, externals.length);
    }

    static boolean isInteger(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return false;
        }
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == n) {
            return false;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Assigns dense ids in first-seen order. Not thread-safe. */
    public static final class Builder {
        private String[] externals;
        private int size;
        private final HashMap<String, Integer> dense;

        public Builder() {
            this(16);
        }

        public Builder(int expected) {
            externals = new String[Math.max(16, expected)];
            dense = new HashMap<>(Math.max(16, expected * 2));
        }

        /** Dense id of {@code external}, assigning the next one when it is new. */
        public int add(String external) {
            Integer i = dense.get(external);
            if (i != null) {
                return i;
            }
            if (size == externals.length) {
                externals = Arrays.copyOf(externals, size * 2);
            }
            externals[size] = external;
            dense.put(external, size);
            return size++;
        }

        /** Dense id so far, or -1. */
        public int indexOf(String external) {
            Integer i = dense.get(external);
            return i == null ? -1 : i;
        }

        public int size() {
            return size;
        }

        public IdMap build() {
            return new IdMap(Arrays.copyOf(externals, size), new HashMap<>(dense));
        }
    }
}
