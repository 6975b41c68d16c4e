package org.embrec.index;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;

/**
 * Approximate cosine search with an inverted file (Faiss's {@code IndexIVFFlat}): spherical
 * k-means splits the unit vectors into {@code nlist} cells; a query scores the centroids exactly,
 * then scans only the {@code nprobe} best cells with the SIMD kernel of {@link ExactIndex}. Cells
 * are stored contiguously with a map back to rows. Scores are
 * exact cosines; recall depends on {@code nprobe}. Cells are padded to whole tiles (16 rows with
 * 512-bit vectors).
 *
 * <p>Immutable and thread-safe; {@link #withNprobe} shares the cells.
 */
public final class IvfIndex implements VectorIndex {
    /** Lloyd iterations for the cells (Faiss trains IVF quantizers with 10 by default too). */
    static final int TRAIN_ITERATIONS = 10;

    private final EmbeddingStore store;
    private final ItemAttributes attributes;
    private final TileKernel kernel;
    private final float[] centroidVectors;
    private final int[] assignment;
    private final TiledVectors centroids;
    private final TiledVectors cells;
    private final int[] cellStartTile;
    private final int[] layoutToRow;
    private final int nprobe;

    private IvfIndex(EmbeddingStore store, ItemAttributes attributes, TileKernel kernel, float[] centroidVectors,
            int[] assignment, TiledVectors centroids, TiledVectors cells, int[] cellStartTile, int[] layoutToRow,
            int nprobe) {
        this.store = store;
        this.attributes = attributes;
        this.kernel = kernel;
        this.centroidVectors = centroidVectors;
        this.assignment = assignment;
        this.centroids = centroids;
        this.cells = cells;
        this.cellStartTile = cellStartTile;
        this.layoutToRow = layoutToRow;
        this.nprobe = nprobe;
    }

    /** Trains the cells on {@code store} (seeded) and lays out the vectors cell by cell. */
    public static IvfIndex build(EmbeddingStore store, ItemAttributes attributes, IvfParams params, int threads,
            Progress progress) {
        Objects.requireNonNull(store, "store");
        int nlist = params.nlistFor(store.size());
        Clustering clustering = KMeans.fit(store.unitMatrix(), store.dim(),
                new KMeansConfig(nlist, TRAIN_ITERATIONS, 2020, KMeansConfig.DEFAULT_POINTS_PER_CLUSTER, threads),
                progress);
        int[] assignment = new int[store.size()];
        for (int r = 0; r < assignment.length; r++) {
            assignment[r] = clustering.cluster(r);
        }
        return of(store, attributes, clustering.centroids(), assignment, params.nprobe());
    }

    /**
     * An index over given cells: {@code centroids} ({@code nlist x dim}, row-major) and the cell
     * of every row; arrays are retained, not copied.
     */
    static IvfIndex of(EmbeddingStore store, ItemAttributes attributes, float[] centroids, int[] assignment,
            int nprobe) {
        int dim = store.dim();
        int n = store.size();
        int nlist = centroids.length / dim;
        TileKernel kernel = TileKernel.get();
        int groupRows = kernel.lanes(); // cells are padded to whole tiles
        int[] sizes = new int[nlist];
        for (int c : assignment) {
            sizes[c]++;
        }
        int[] start = new int[nlist + 1];
        for (int c = 0; c < nlist; c++) {
            start[c + 1] = start[c] + (sizes[c] + groupRows - 1) / groupRows * groupRows;
        }
        int[] layout = new int[start[nlist]];
        java.util.Arrays.fill(layout, -1);
        int[] fill = java.util.Arrays.copyOf(start, nlist);
        float[] reordered = new float[Math.multiplyExact(layout.length, dim)];
        float[] unit = store.unitMatrix();
        for (int r = 0; r < n; r++) {
            int slot = fill[assignment[r]]++;
            layout[slot] = r;
            System.arraycopy(unit, r * dim, reordered, slot * dim, dim);
        }
        int[] startTile = new int[nlist + 1];
        for (int c = 0; c <= nlist; c++) {
            startTile[c] = start[c] / kernel.lanes();
        }
        TiledVectors cellTiles = TiledVectors.normalised(reordered, layout.length, dim, kernel.lanes());
        TiledVectors centroidTiles = TiledVectors.normalised(centroids, nlist, dim, kernel.lanes());
        return new IvfIndex(store, attributes, kernel, centroids, assignment, centroidTiles, cellTiles, startTile,
                layout, Math.min(nprobe, nlist));
    }

    /** The same cells, searched with another {@code nprobe} (capped at nlist). */
    public IvfIndex withNprobe(int probes) {
        if (probes < 1) {
            throw new IllegalArgumentException("nprobe must be >= 1, got " + probes);
        }
        return new IvfIndex(store, attributes, kernel, centroidVectors, assignment, centroids, cells, cellStartTile,
                layoutToRow, Math.min(probes, nlist()));
    }

    /** The centroids, row-major (read-only view, for persisting). */
    float[] centroidVectors() {
        return centroidVectors;
    }

    /** The cell of every row (read-only view, for persisting). */
    int[] assignment() {
        return assignment;
    }

    public int nlist() {
        return centroids.size();
    }

    public int nprobe() {
        return nprobe;
    }

    @Override
    public IndexType type() {
        return IndexType.IVF;
    }

    @Override
    public EmbeddingStore store() {
        return store;
    }

    @Override
    public Hits search(float[] query, int k, ItemFilter filter, int excludeRow) {
        check(query.length, k);
        Scratch s = new Scratch(1, Math.min(k, size()));
        s.search(query, 0, excludeRow < 0 ? null : new int[] {excludeRow}, predicate(filter));
        return s.items.hits(0);
    }

    @Override
    public KnnResult searchBatch(float[] queries, int[] exclude, int k, ItemFilter filter, int threads,
            Progress progress) {
        check(dim(), k);
        int nq = queries.length / dim();
        int kk = Math.min(k, size());
        KnnResult out = new KnnResult(nq, kk);
        if (kk == 0) {
            return out;
        }
        IntPredicate pred = predicate(filter);
        int chunk = 256;
        AtomicLong done = new AtomicLong();
        Progress p = progress == null ? Progress.NONE : progress;
        Workers.forEach((nq + chunk - 1) / chunk, threads, () -> {
            Scratch s = new Scratch(1, kk);
            return c -> {
                int to = Math.min(nq, (c + 1) * chunk);
                for (int q = c * chunk; q < to; q++) {
                    s.search(queries, q, exclude, pred);
                    s.items.writeTo(0, out, q);
                }
                p.update("search", done.addAndGet(to - c * chunk), nq, "");
            };
        });
        return out;
    }

    /** Per-thread blocks: one for the centroid scan, one for the cell scans. */
    private final class Scratch {
        final QueryBlock coarse;
        final QueryBlock items;
        final int[] probes;

        Scratch(int queries, int k) {
            coarse = new QueryBlock(queries, dim(), nprobe);
            items = new QueryBlock(queries, dim(), k);
            probes = new int[nprobe];
        }

        void search(float[] queries, int q, int[] exclude, IntPredicate pred) {
            coarse.load(queries, q, 1, null, nlist(), null);
            kernel.scan(centroids, coarse, 0, centroids.tiles());
            Hits cellsHit = coarse.hits(0);
            items.load(queries, q, 1, exclude, layoutToRow.length, pred);
            items.mapRows(layoutToRow);
            for (int i = 0; i < cellsHit.size(); i++) {
                int c = cellsHit.row(i);
                kernel.scan(cells, items, cellStartTile[c], cellStartTile[c + 1]);
            }
        }
    }

    private IntPredicate predicate(ItemFilter filter) {
        return filter == null ? null : filter.toPredicate(store.ids(), attributes);
    }

    private void check(int length, int k) {
        if (length != dim()) {
            throw new IllegalArgumentException("query has " + length + " dimensions, index has " + dim());
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    @Override
    public long searchBytesPerVector() {
        long floats = (long) cells.tiles() * cells.lanes() * dim() + (long) centroids.tiles() * centroids.lanes() * dim();
        return size() == 0 ? 0 : (floats * Float.BYTES + layoutToRow.length * (long) Integer.BYTES) / size();
    }
}
