package org.embrec.index;

/** Plain-loop {@link TileKernel}: one query, one tile at a time. The oracle for the SIMD kernel. */
final class ScalarTileKernel extends TileKernel {
    static final ScalarTileKernel INSTANCE = new ScalarTileKernel();
    private static final int LANES = 16;

    private ScalarTileKernel() {}

    @Override
    int lanes() {
        return LANES;
    }

    @Override
    void scan(TiledVectors tiles, QueryBlock block, int tileFrom, int tileTo) {
        float[] data = tiles.data();
        int dim = tiles.dim();
        float[] scores = new float[LANES];
        for (int t = tileFrom; t < tileTo; t++) {
            int base = t * dim * LANES;
            for (int q = 0; q < block.count(); q++) {
                java.util.Arrays.fill(scores, 0f);
                int qo = q * dim;
                for (int d = 0; d < dim; d++) {
                    float x = block.queries[qo + d];
                    int o = base + d * LANES;
                    for (int lane = 0; lane < LANES; lane++) {
                        scores[lane] += x * data[o + lane];
                    }
                }
                block.offer(q, t * LANES, scores, LANES);
            }
        }
    }

    @Override
    String name() {
        return "scalar";
    }
}
