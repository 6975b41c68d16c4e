package org.embrec.data;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The ids one parser chunk has seen, as chunk-local dense ints in first-seen order. Canonical
 * numbers ({@link FieldParsers#canonicalId}) are kept as longs in a primitive map; other ids as
 * bytes in an arena, decoded to a String only when the chunk is merged. No allocation per field.
 *
 * <p>Merging chunks in file order with {@link GlobalIds} yields global first-seen order. Not
 * thread-safe: one instance per chunk and column.
 */
final class LocalIds {
    /** Largest key range served by the direct array (64 MiB of ints at most). */
    private static final int DIRECT_LIMIT = 1 << 24;
    /** The direct array may be this many times larger than the number of ids (plus slack). */
    private static final int DIRECT_SPARSENESS = 4;
    private static final int DIRECT_SLACK = 1 << 14;

    /**
     * Local id + 1 of small numeric keys (0: unseen). Ids are usually small and dense, so an
     * array indexed by the key beats any hash table: one cache line, no probing.
     */
    private int[] direct = new int[0];
    private LongIntMap numeric = new LongIntMap(1 << 10);
    /** Per local id: the numeric key (>= 0), or ~(string index) for a string id. */
    private long[] order = new long[1 << 10];
    private int size;

    // String ids: bytes of string k are arena[offsets[k] .. offsets[k+1]).
    private byte[] arena = new byte[1 << 12];
    private int[] offsets = new int[1 << 8];
    private int[] stringLocal = new int[1 << 8];
    private int strings;
    private int[] table = newTable(1 << 9);

    private long lastKey = -1;
    private int lastId = -1;

    int size() {
        return size;
    }

    /** The local id of the id text {@code b[s..e)} (non-empty), assigning the next one when new. */
    int idOf(byte[] b, int s, int e) {
        long key = FieldParsers.canonicalId(b, s, e);
        if (key >= 0) {
            if (key == lastKey) {
                return lastId; // consecutive rows of one user are the common case
            }
            int id;
            if (key < direct.length) {
                id = direct[(int) key] - 1;
                if (id < 0) {
                    id = append(key);
                    direct[(int) key] = id + 1;
                }
            } else if (key < DIRECT_LIMIT && key < (long) DIRECT_SPARSENESS * size + DIRECT_SLACK) {
                growDirect((int) key);
                return idOf(b, s, e);
            } else {
                id = numeric.get(key);
                if (id < 0) {
                    id = append(key);
                    numeric.put(key, id);
                }
            }
            lastKey = key;
            lastId = id;
            return id;
        }
        return stringId(b, s, e);
    }

    /** Grows the direct array to cover {@code key}, moving the hash map's keys that now fit. */
    private void growDirect(int key) {
        int len = (int) Math.min(DIRECT_LIMIT, Math.max(key + 1L, Math.max(1024, 2L * direct.length)));
        direct = Arrays.copyOf(direct, len);
        LongIntMap rest = new LongIntMap(Math.max(16, numeric.size()));
        for (int id = 0; id < size; id++) {
            long k = order[id];
            if (k >= 0 && k < len) {
                direct[(int) k] = id + 1;
            } else if (k >= 0) {
                rest.put(k, id);
            }
        }
        numeric = rest;
    }

    boolean isNumeric(int local) {
        return order[local] >= 0;
    }

    long numericKey(int local) {
        return order[local];
    }

    /** The id text of a string id, decoded with {@code charset}. */
    String string(int local, Charset charset) {
        int k = (int) ~order[local];
        return new String(arena, offsets[k], offsets[k + 1] - offsets[k], charset);
    }

    private int append(long entry) {
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size] = entry;
        return size++;
    }

    private int stringId(byte[] b, int s, int e) {
        int h = hash(b, s, e);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int k = table[i];
            if (k < 0) {
                return addString(b, s, e, i);
            }
            if (Arrays.equals(arena, offsets[k], offsets[k + 1], b, s, e)) {
                return stringLocal[k];
            }
        }
    }

    private int addString(byte[] b, int s, int e, int slot) {
        int k = strings++;
        if (k + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            stringLocal = Arrays.copyOf(stringLocal, offsets.length);
        }
        int at = offsets[k];
        int len = e - s;
        if (at + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, at + len));
        }
        System.arraycopy(b, s, arena, at, len);
        offsets[k + 1] = at + len;
        int id = append(~(long) k);
        stringLocal[k] = id;
        table[slot] = k;
        if (2 * strings > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] t = newTable(table.length * 2);
        int mask = t.length - 1;
        for (int k = 0; k < strings; k++) {
            int i = hash(arena, offsets[k], offsets[k + 1]) & mask;
            while (t[i] >= 0) {
                i = (i + 1) & mask;
            }
            t[i] = k;
        }
        table = t;
    }

    private static int[] newTable(int n) {
        int[] t = new int[n];
        Arrays.fill(t, -1);
        return t;
    }

    private static int hash(byte[] b, int s, int e) {
        int h = 0x811C9DC5;
        for (int i = s; i < e; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
