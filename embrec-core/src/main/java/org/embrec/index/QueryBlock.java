package org.embrec.index;

import java.util.function.IntPredicate;
import org.embrec.vectors.TopK;

/**
 * Per-thread scratch of a block of queries scanned together over {@link TiledVectors}: the unit
 * query vectors (contiguous), one bounded heap per query with its current admission threshold,
 * and the row each query must not return. Kernels call {@link #offer} only for tiles with at
 * least one score above the query's threshold, so most tiles cost one comparison.
 *
 * <p>Not thread-safe: one per worker, reused block after block.
 */
final class QueryBlock {
    /** Queries are scanned in groups of this many (the register-blocked kernel's width). */
    static final int GROUP = 4;

    private final int capacity;
    private final int dim;
    final float[] queries;
    final float[] thresholds;
    private final TopK[] heaps;
    /** With k == 1 the heaps are skipped: the best row is kept here and its score is the threshold. */
    private final int[] best;
    private final int[] exclude;
    private int count;
    private int rows;
    private int[] rowMap;
    private IntPredicate filter;
    private final boolean unitQueries;

    QueryBlock(int capacity, int dim, int k) {
        this(capacity, dim, k, true);
    }

    /** @param unitQueries scale queries to unit length (cosine search); false keeps them (inner product) */
    QueryBlock(int capacity, int dim, int k, boolean unitQueries) {
        this.unitQueries = unitQueries;
        this.capacity = roundUp(Math.max(1, capacity));
        this.dim = dim;
        this.queries = new float[this.capacity * dim];
        this.thresholds = new float[this.capacity];
        this.heaps = k == 1 ? null : new TopK[this.capacity];
        this.best = k == 1 ? new int[this.capacity] : null;
        for (int i = 0; k != 1 && i < this.capacity; i++) {
            heaps[i] = new TopK(k);
        }
        this.exclude = new int[this.capacity];
    }

    static int roundUp(int q) {
        return (q + GROUP - 1) / GROUP * GROUP;
    }

    int capacity() {
        return capacity;
    }

    /** Number of real queries loaded. */
    int count() {
        return count;
    }

    /** Number of query slots the kernel must scan: {@link #count()} rounded up to the group. */
    int paddedCount() {
        return roundUp(count);
    }

    /**
     * Loads {@code count} queries from row-major {@code src} starting at query {@code first},
     * scaled to unit length unless the block keeps raw queries; {@code excludes} (may be null) gives each query's excluded row.
     * Padding slots get threshold +infinity so they never admit anything.
     */
    void load(float[] src, int first, int count, int[] excludes, int rows, IntPredicate filter) {
        if (count > capacity) {
            throw new IllegalArgumentException(count + " queries exceed block capacity " + capacity);
        }
        this.count = count;
        this.rows = rows;
        this.rowMap = null;
        this.filter = filter;
        for (int q = 0; q < count; q++) {
            int from = (first + q) * dim;
            int to = q * dim;
            double sq = 0;
            for (int d = 0; d < dim; d++) {
                sq += (double) src[from + d] * src[from + d];
            }
            float inv = !unitQueries ? 1f : sq > 0 ? (float) (1.0 / Math.sqrt(sq)) : 0f;
            for (int d = 0; d < dim; d++) {
                queries[to + d] = src[from + d] * inv;
            }
            if (heaps != null) {
                heaps[q].clear();
            } else {
                best[q] = -1;
            }
            thresholds[q] = Float.NEGATIVE_INFINITY;
            exclude[q] = excludes == null ? -1 : excludes[first + q];
        }
        for (int q = count; q < roundUp(count); q++) {
            java.util.Arrays.fill(queries, q * dim, (q + 1) * dim, 0f);
            thresholds[q] = Float.POSITIVE_INFINITY;
        }
    }

    /**
     * Makes tile rows mean {@code map[tileRow]} (-1 for padding) until the next {@link #load}, for
     * tiles that hold rows out of order; {@code rows} becomes the length of the map. Rows then
     * arrive unordered, so of two rows with exactly equal scores at the threshold either may win.
     */
    void mapRows(int[] map) {
        this.rowMap = map;
        this.rows = map.length;
    }

    /**
     * Offers the {@code lanes} scores of the tile starting at row {@code rowBase} to query
     * {@code q}'s heap (scores at or below its threshold are skipped: rows arrive in ascending
     * order, so an equal score never displaces a kept lower row).
     */
    void offer(int q, int rowBase, float[] scores, int lanes) {
        float t = thresholds[q];
        int end = Math.min(lanes, rows - rowBase);
        for (int lane = 0; lane < end; lane++) {
            float s = scores[lane];
            if (s > t) {
                int row = rowMap == null ? rowBase + lane : rowMap[rowBase + lane];
                if (row >= 0 && row != exclude[q] && (filter == null || filter.test(row))) {
                    if (heaps == null) {
                        best[q] = row;
                        t = s;
                    } else {
                        heaps[q].offer(row, s);
                        t = heaps[q].threshold();
                    }
                }
            }
        }
        thresholds[q] = t;
    }

    /** With k == 1: query {@code q}'s best row (-1 when nothing passed). */
    int bestRow(int q) {
        return best[q];
    }

    /** With k == 1: query {@code q}'s best score. */
    float bestScore(int q) {
        return thresholds[q];
    }

    /** Writes query {@code q}'s hits (best first) into result slot {@code slot}. */
    void writeTo(int q, KnnResult out, int slot) {
        if (heaps == null) {
            out.set(slot, new int[] {best[q]}, new float[] {thresholds[q]}, best[q] < 0 ? 0 : 1);
            return;
        }
        TopK heap = heaps[q];
        out.set(slot, heap.rowsBestFirst(), heap.scoresBestFirst(), heap.size());
    }

    /** Query {@code q}'s hits, best first. */
    Hits hits(int q) {
        if (heaps == null) {
            return best[q] < 0 ? Hits.empty() : new Hits(new int[] {best[q]}, new float[] {thresholds[q]});
        }
        TopK heap = heaps[q];
        return new Hits(heap.rowsBestFirst(), heap.scoresBestFirst());
    }
}
