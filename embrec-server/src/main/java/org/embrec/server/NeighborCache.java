package org.embrec.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.embrec.data.IdMap;
import org.embrec.vectors.Neighbor;

/**
 * The unfiltered top {@link #DEPTH} neighbours of each item, computed on the first request for the
 * item and kept: related-item lists are asked for again and again, and the first {@code k} of an
 * exact top-50 (best first, ties by lower row) are exactly the top {@code k}. Stored compactly
 * (a row and a score per neighbour, 400 bytes per item); models with more than
 * {@link #MAX_ROWS} items are not cached.
 *
 * <p>Thread-safe: a race computes an entry twice and keeps either (they are equal).
 */
final class NeighborCache {
    /** Neighbours kept per item: requests with {@code k} up to this are served from the cache. */
    static final int DEPTH = 50;
    /** Largest model cached (80 MB of entries at most). */
    static final int MAX_ROWS = 200_000;

    private record Top(int[] rows, float[] scores) {}

    private final IdMap ids;
    private final AtomicReferenceArray<Top> entries;

    NeighborCache(IdMap ids) {
        this.ids = ids;
        this.entries = new AtomicReferenceArray<>(ids.size() <= MAX_ROWS ? ids.size() : 0);
    }

    /** True when lists of length {@code k} for this model come from the cache. */
    boolean covers(int k) {
        return k <= DEPTH && entries.length() > 0;
    }

    /**
     * The first {@code k} neighbours of {@code row}.
     *
     * @param search computes the unfiltered top {@code DEPTH} neighbours of a row, best first
     */
    List<Neighbor> top(int row, int k, IntFunction<List<Neighbor>> search) {
        Top t = entries.get(row);
        if (t == null) {
            t = compute(row, search);
        }
        return first(t, k);
    }

    /** The first {@code k} neighbours of {@code row} when they are cached already, else null. */
    List<Neighbor> cached(int row, int k) {
        if (!covers(k)) {
            return null;
        }
        Top t = entries.get(row);
        return t == null ? null : first(t, k);
    }

    private Top compute(int row, IntFunction<List<Neighbor>> search) {
        List<Neighbor> found = search.apply(row);
        int[] rows = new int[found.size()];
        float[] scores = new float[found.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = found.get(i).row();
            scores[i] = found.get(i).score();
        }
        Top t = new Top(rows, scores);
        entries.set(row, t);
        return t;
    }

    private List<Neighbor> first(Top t, int k) {
        int n = Math.min(k, t.rows().length);
        List<Neighbor> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Neighbor(t.rows()[i], ids.external(t.rows()[i]), t.scores()[i]));
        }
        return out;
    }
}
