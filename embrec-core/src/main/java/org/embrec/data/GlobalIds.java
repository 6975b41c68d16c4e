package org.embrec.data;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Merges the {@link LocalIds} of a file's chunks, in file order, into global dense ids in
 * first-seen order, and builds the {@link IdMap}. Not thread-safe (merging is sequential and
 * touches only distinct ids per chunk).
 */
final class GlobalIds {
    private final Charset charset;
    private final LongIntMap numeric = new LongIntMap(1 << 12);
    private final HashMap<String, Integer> strings = new HashMap<>();
    private String[] externals = new String[1 << 12];
    private int size;

    GlobalIds(Charset charset) {
        this.charset = charset;
    }

    /** Adds the chunk's ids and returns local id -> global id. */
    int[] merge(LocalIds local) {
        int n = local.size();
        int[] toGlobal = new int[n];
        for (int l = 0; l < n; l++) {
            int g;
            if (local.isNumeric(l)) {
                long key = local.numericKey(l);
                g = numeric.get(key);
                if (g < 0) {
                    g = add(Long.toString(key));
                    numeric.put(key, g);
                }
            } else {
                String s = local.string(l, charset);
                Integer known = strings.get(s);
                if (known == null) {
                    g = add(s);
                    strings.put(s, g);
                } else {
                    g = known;
                }
            }
            toGlobal[l] = g;
        }
        return toGlobal;
    }

    private int add(String external) {
        if (size == externals.length) {
            externals = Arrays.copyOf(externals, size * 2);
        }
        externals[size] = external;
        return size++;
    }

    int size() {
        return size;
    }

    IdMap toIdMap() {
        return IdMap.ofDistinct(Arrays.copyOf(externals, size));
    }
}
