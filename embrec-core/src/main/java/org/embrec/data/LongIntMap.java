package org.embrec.data;

import java.util.Arrays;

/**
 * Open-addressing hash map from long keys to non-negative int values (linear probing, load at
 * most 1/2), for id dictionaries in hot parsing loops. Not thread-safe.
 */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int shift;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, -1);
        shift = 64 - Integer.numberOfTrailingZeros(cap);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v < 0 || keys[i] == key) {
                return v;
            }
        }
    }

    /** Maps an absent {@code key} to {@code value} (>= 0). */
    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            long[] oldKeys = keys;
            int[] oldValues = values;
            allocate(keys.length * 2);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] >= 0) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
        insert(key, value);
        size++;
    }

    private void insert(long key, int value) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (values[i] >= 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
