package org.embrec.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;

/**
 * The most popular items of a model, the fallback for users none of whose items has a vector:
 * items ranked by the number of users whose liked sequence contains them (PROTOCOL.md's
 * popularity), ties by id (numerically when ids are numbers). Only items with a vector are
 * listed, so that filters on store rows apply.
 *
 * <p>Immutable and thread-safe.
 */
public final class Popularity {
    private static final Popularity EMPTY = new Popularity(new int[0], new int[0], null);

    private final int[] rows;
    private final int[] counts;
    private final EmbeddingStore store;

    private Popularity(int[] rows, int[] counts, EmbeddingStore store) {
        this.rows = rows;
        this.counts = counts;
        this.store = store;
    }

    /** No popularity information: {@link #available()} is false. */
    public static Popularity empty() {
        return EMPTY;
    }

    /** Popularity of the store's items among the users' liked sequences. */
    public static Popularity of(Sequences histories, EmbeddingStore store) {
        int[] perItem = histories.sequenceCounts();
        IdMap itemIds = histories.itemIds();
        List<int[]> ranked = new ArrayList<>();
        for (int i = 0; i < perItem.length; i++) {
            int row = store.indexOf(itemIds.external(i));
            if (perItem[i] > 0 && row >= 0) {
                ranked.add(new int[] {row, perItem[i]});
            }
        }
        boolean numeric = store.ids().allNumeric();
        Comparator<int[]> byId = numeric
                ? Comparator.comparingLong(a -> Long.parseLong(store.id(a[0])))
                : Comparator.comparing(a -> store.id(a[0]));
        ranked.sort(Comparator.<int[]>comparingInt(a -> -a[1]).thenComparing(byId));
        int[] rows = new int[ranked.size()];
        int[] counts = new int[ranked.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ranked.get(i)[0];
            counts[i] = ranked.get(i)[1];
        }
        return new Popularity(rows, counts, store);
    }

    /** True when there is popularity information to fall back on. */
    public boolean available() {
        return rows.length > 0;
    }

    /**
     * The {@code k} most popular items that are not excluded and pass the filter (may be null);
     * the score is the number of users.
     */
    public List<Neighbor> top(int k, Set<String> exclude, IntPredicate filter) {
        List<Neighbor> out = new ArrayList<>(Math.min(k, rows.length));
        for (int i = 0; i < rows.length && out.size() < k; i++) {
            String id = store.id(rows[i]);
            if (!exclude.contains(id) && (filter == null || filter.test(rows[i]))) {
                out.add(new Neighbor(rows[i], id, counts[i]));
            }
        }
        return out;
    }

    /** Number of ranked items. */
    public int size() {
        return rows.length;
    }
}
