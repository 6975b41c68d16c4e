package org.embrec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The normalised titles {@link TitleMatcher} searches, as primitive arrays: per entry (an item
 * with a title, in catalog order) its year, whether it has a vector, its words; the entries by
 * name; and, built on first use (a whole-title lookup never needs them), per distinct word and
 * per year the entries having it. Thread-safe; the arrays are shared with the matcher and never
 * written once built.
 */
final class TitleIndex {
    private static final int[] NONE = {};

    final Catalog.Item[] items;
    /** Per entry: the year (from the title, else the catalog's; 0 unknown). */
    final int[] years;
    final boolean[] hasVector;
    /** Per entry: how many distinct words its names have (a tie-break: shorter titles first). */
    final int[] wordCounts;
    /** Entry e's words (names' words, then apostrophe parts): {@code wordIds[wordStart[e] .. wordStart[e + 1])}. */
    final int[] wordStart;
    final int[] wordIds;
    /** Distinct title words; a word id indexes it. */
    final String[] vocabulary;
    private final Map<String, int[]> byName;
    private volatile Inverted inverted;

    /**
     * Per word v the entries having it, {@code entries[start[v] .. start[v + 1])}, and per year
     * its entries; all ascending.
     */
    record Inverted(int[] start, int[] entries, Map<Integer, int[]> byYear) {}

    /**
     * Normalises the titles of {@code items}; items without a title get no entry.
     *
     * @param hasVector whether an item id has a vector
     */
    TitleIndex(Collection<Catalog.Item> items, Predicate<String> hasVector) {
        int capacity = items.size();
        Catalog.Item[] kept = new Catalog.Item[capacity];
        int[] yearOf = new int[capacity];
        int[] counts = new int[capacity];
        boolean[] vector = new boolean[capacity];
        int[] starts = new int[capacity + 1];
        int[] ids = new int[4 * capacity + 16];
        Map<String, Integer> vocab = new HashMap<>();
        List<String> vocabList = new ArrayList<>();
        Map<String, int[]> names = new HashMap<>();
        int size = 0;
        for (Catalog.Item item : items) {
            if (item.title() == null || item.title().isBlank()) {
                continue;
            }
            TitleText.Parsed p = TitleText.parseTitle(item.title());
            if (p.names().isEmpty()) {
                continue;
            }
            int e = size++;
            kept[e] = item;
            yearOf[e] = p.year() != 0 ? p.year() : item.year();
            counts[e] = p.words().size();
            vector[e] = hasVector.test(item.id());
            int n = starts[e];
            if (ids.length < n + p.words().size() + p.parts().size()) {
                ids = Arrays.copyOf(ids, 2 * ids.length + p.words().size() + p.parts().size());
            }
            for (List<String> list : List.of(p.words(), p.parts())) {
                for (String w : list) {
                    Integer id = vocab.get(w);
                    if (id == null) {
                        id = vocabList.size();
                        vocab.put(w, id);
                        vocabList.add(w);
                    }
                    ids[n++] = id;
                }
            }
            starts[e + 1] = n;
            for (String name : p.names()) {
                add(names, TitleText.withoutArticle(name), e);
            }
        }
        this.items = Arrays.copyOf(kept, size);
        this.years = Arrays.copyOf(yearOf, size);
        this.wordCounts = Arrays.copyOf(counts, size);
        this.hasVector = Arrays.copyOf(vector, size);
        this.wordStart = Arrays.copyOf(starts, size + 1);
        this.wordIds = Arrays.copyOf(ids, starts[size]);
        this.vocabulary = vocabList.toArray(new String[0]);
        this.byName = names;
    }

    /** The entries by word and by year, built on the first call (racing callers build equal copies). */
    Inverted inverted() {
        Inverted built = inverted;
        if (built == null) {
            int[] start = new int[vocabulary.length + 1];
            for (int id : wordIds) {
                start[id + 1]++;
            }
            for (int v = 0; v < vocabulary.length; v++) {
                start[v + 1] += start[v];
            }
            int[] entries = new int[wordIds.length];
            int[] fill = Arrays.copyOf(start, vocabulary.length);
            Map<Integer, int[]> byYear = new HashMap<>();
            for (int e = 0; e < items.length; e++) {
                for (int j = wordStart[e]; j < wordStart[e + 1]; j++) {
                    entries[fill[wordIds[j]]++] = e;
                }
                if (years[e] != 0) {
                    add(byYear, years[e], e);
                }
            }
            built = new Inverted(start, entries, byYear);
            inverted = built;
        }
        return built;
    }

    /** The entries with this name (normalised, without leading article), ascending. */
    int[] named(String name) {
        return byName.getOrDefault(name, NONE);
    }

    int size() {
        return items.length;
    }

    /** Appends entry {@code e} to the key's entries unless it is the last one already. */
    private static <K> void add(Map<K, int[]> map, K key, int e) {
        int[] old = map.get(key);
        if (old == null) {
            map.put(key, new int[] {e});
        } else if (old[old.length - 1] != e) {
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = e;
            map.put(key, grown);
        }
    }
}
