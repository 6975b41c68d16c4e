package org.embrec.index;

/**
 * Unit (or, for inner-product search, raw) vectors laid out for batched dot products: rows in tiles of {@code lanes} rows, each tile
 * stored dimension-major ({@code data[(tile*dim + d)*lanes + lane]} = component {@code d} of row
 * {@code tile*lanes + lane}). One SIMD load then holds one component of {@code lanes} rows, so a
 * query scores a whole tile with {@code dim} fused multiply-adds and no horizontal reduction.
 * The tile count is padded to a multiple of 4 with zero rows (rows {@code >= size()}).
 *
 * <p>Immutable after construction; thread-safe to read.
 */
final class TiledVectors {
    /** Tiles are padded to a multiple of this, so kernels can take tiles 4 (or 2) at a time. */
    static final int TILE_GROUP = 4;

    private final int n;
    private final int dim;
    private final int lanes;
    private final int tiles;
    private final float[] data;

    private TiledVectors(int n, int dim, int lanes, int tiles, float[] data) {
        this.n = n;
        this.dim = dim;
        this.lanes = lanes;
        this.tiles = tiles;
        this.data = data;
    }

    /**
     * Tiles of the first {@code n} rows of the row-major matrix {@code vectors}, each row scaled
     * to unit length (zero rows stay zero); {@code vectors} is not modified or retained.
     */
    static TiledVectors normalised(float[] vectors, int n, int dim, int lanes) {
        return of(vectors, n, dim, lanes, true);
    }

    /**
     * Tiles of the first {@code n} rows of {@code vectors} as they are (for inner-product search),
     * or scaled to unit length when {@code unit}; {@code vectors} is not modified or retained.
     */
    static TiledVectors of(float[] vectors, int n, int dim, int lanes, boolean unit) {
        int tiles = ceilDiv(ceilDiv(n, lanes), TILE_GROUP) * TILE_GROUP;
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(tiles, dim), lanes)];
        for (int r = 0; r < n; r++) {
            int src = r * dim;
            double sq = 0;
            for (int d = 0; d < dim; d++) {
                sq += (double) vectors[src + d] * vectors[src + d];
            }
            float inv = !unit ? 1f : sq > 0 ? (float) (1.0 / Math.sqrt(sq)) : 0f;
            int tile = r / lanes;
            int lane = r - tile * lanes;
            int base = tile * dim * lanes + lane;
            for (int d = 0; d < dim; d++) {
                data[base + d * lanes] = vectors[src + d] * inv;
            }
        }
        return new TiledVectors(n, dim, lanes, tiles, data);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Number of real rows. */
    int size() {
        return n;
    }

    int dim() {
        return dim;
    }

    int lanes() {
        return lanes;
    }

    /** Number of tiles (a multiple of {@link #TILE_GROUP}). */
    int tiles() {
        return tiles;
    }

    /** The tile array (read-only for kernels). */
    float[] data() {
        return data;
    }

    /** Bytes of the tile array per real row. */
    long bytesPerVector() {
        return n == 0 ? 0 : (long) data.length * Float.BYTES / n;
    }
}
