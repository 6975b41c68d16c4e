package org.embrec.index;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TileKernel} on the Vector API; any tile range. A batch is register-blocked 4 queries x 2 tiles: per
 * dimension, 2 tile loads and 4 broadcasts feed 8 independent fused multiply-adds (enough
 * accumulators to hide FMA latency), so each tile loaded from memory serves every query of the
 * block. A lone query takes 4 tiles at a time instead. Scores are compared to each query's heap
 * threshold in-register; only tiles with a competitive lane are spilled to the heap.
 */
final class PanamaTileKernel extends TileKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private PanamaTileKernel() {}

    static TileKernel create() {
        return new PanamaTileKernel();
    }

    @Override
    int lanes() {
        return L;
    }

    @Override
    String name() {
        return "vector-api(" + S.vectorBitSize() + " bit)";
    }

    @Override
    void scan(TiledVectors tiles, QueryBlock block, int tileFrom, int tileTo) {
        float[] scratch = new float[L];
        float[] data = tiles.data();
        int dim = tiles.dim();
        int stride = dim * L;
        if (block.count() == 1) {
            int t = tileFrom;
            for (; t + 4 <= tileTo; t += 4) {
                oneByFour(data, t * stride, stride, dim, block, t * L, scratch);
            }
            for (; t < tileTo; t++) {
                oneByOne(data, t * stride, dim, block, t * L, scratch);
            }
            return;
        }
        int padded = block.paddedCount();
        int t = tileFrom;
        for (; t + 2 <= tileTo; t += 2) {
            for (int qi = 0; qi < padded; qi += 4) {
                fourByTwo(data, t * stride, t * stride + stride, dim, block, qi, t * L, scratch);
            }
        }
        if (t < tileTo) {
            for (int qi = 0; qi < padded; qi += 4) {
                fourByOne(data, t * stride, dim, block, qi, t * L, scratch);
            }
        }
    }

    /*
     * The kernels are small methods called once per tile group, not loops over the whole
     * matrix: the JIT then compiles (and intrinsifies) them after a few thousand calls instead of
     * waiting for on-stack replacement of one long-running loop.
     */

    /** Queries {@code qi..qi+3} against the tiles at {@code b0} and {@code b1}. */
    private static void fourByTwo(float[] data, int b0, int b1, int dim, QueryBlock block, int qi, int row0,
            float[] scratch) {
        float[] q = block.queries;
        int q0 = qi * dim;
        int q1 = q0 + dim;
        int q2 = q1 + dim;
        int q3 = q2 + dim;
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        for (int d = 0, o = 0; d < dim; d++, o += L) {
            FloatVector t0 = FloatVector.fromArray(S, data, b0 + o);
            FloatVector t1 = FloatVector.fromArray(S, data, b1 + o);
            FloatVector x = FloatVector.broadcast(S, q[q0 + d]);
            a00 = t0.fma(x, a00);
            a01 = t1.fma(x, a01);
            x = FloatVector.broadcast(S, q[q1 + d]);
            a10 = t0.fma(x, a10);
            a11 = t1.fma(x, a11);
            x = FloatVector.broadcast(S, q[q2 + d]);
            a20 = t0.fma(x, a20);
            a21 = t1.fma(x, a21);
            x = FloatVector.broadcast(S, q[q3 + d]);
            a30 = t0.fma(x, a30);
            a31 = t1.fma(x, a31);
        }
        float[] thr = block.thresholds;
        int row1 = row0 + L;
        check(a00, block, qi, row0, thr, scratch);
        check(a01, block, qi, row1, thr, scratch);
        check(a10, block, qi + 1, row0, thr, scratch);
        check(a11, block, qi + 1, row1, thr, scratch);
        check(a20, block, qi + 2, row0, thr, scratch);
        check(a21, block, qi + 2, row1, thr, scratch);
        check(a30, block, qi + 3, row0, thr, scratch);
        check(a31, block, qi + 3, row1, thr, scratch);
    }

    /** Queries {@code qi..qi+3} against the single tile at {@code b0} (the odd tile of a range). */
    private static void fourByOne(float[] data, int b0, int dim, QueryBlock block, int qi, int row, float[] scratch) {
        float[] q = block.queries;
        int q0 = qi * dim;
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int d = 0, o = 0; d < dim; d++, o += L) {
            FloatVector t0 = FloatVector.fromArray(S, data, b0 + o);
            a0 = t0.fma(FloatVector.broadcast(S, q[q0 + d]), a0);
            a1 = t0.fma(FloatVector.broadcast(S, q[q0 + dim + d]), a1);
            a2 = t0.fma(FloatVector.broadcast(S, q[q0 + 2 * dim + d]), a2);
            a3 = t0.fma(FloatVector.broadcast(S, q[q0 + 3 * dim + d]), a3);
        }
        float[] thr = block.thresholds;
        check(a0, block, qi, row, thr, scratch);
        check(a1, block, qi + 1, row, thr, scratch);
        check(a2, block, qi + 2, row, thr, scratch);
        check(a3, block, qi + 3, row, thr, scratch);
    }

    /** The block's only query against the single tile at {@code b0}. */
    private static void oneByOne(float[] data, int b0, int dim, QueryBlock block, int row, float[] scratch) {
        float[] q = block.queries;
        FloatVector a = FloatVector.zero(S);
        for (int d = 0, o = 0; d < dim; d++, o += L) {
            a = FloatVector.fromArray(S, data, b0 + o).fma(FloatVector.broadcast(S, q[d]), a);
        }
        check(a, block, 0, row, block.thresholds, scratch);
    }

    /** The block's only query against the 4 tiles from {@code b0} on. */
    private static void oneByFour(float[] data, int b0, int stride, int dim, QueryBlock block, int row,
            float[] scratch) {
        float[] q = block.queries;
        int b1 = b0 + stride;
        int b2 = b1 + stride;
        int b3 = b2 + stride;
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int d = 0, o = 0; d < dim; d++, o += L) {
            FloatVector x = FloatVector.broadcast(S, q[d]);
            a0 = FloatVector.fromArray(S, data, b0 + o).fma(x, a0);
            a1 = FloatVector.fromArray(S, data, b1 + o).fma(x, a1);
            a2 = FloatVector.fromArray(S, data, b2 + o).fma(x, a2);
            a3 = FloatVector.fromArray(S, data, b3 + o).fma(x, a3);
        }
        float[] thr = block.thresholds;
        check(a0, block, 0, row, thr, scratch);
        check(a1, block, 0, row + L, thr, scratch);
        check(a2, block, 0, row + 2 * L, thr, scratch);
        check(a3, block, 0, row + 3 * L, thr, scratch);
    }

    /** Spills the tile's scores to the heap only when some lane beats the query's threshold. */
    private static void check(FloatVector scores, QueryBlock block, int q, int rowBase, float[] thr, float[] scratch) {
        if (scores.compare(VectorOperators.GT, thr[q]).anyTrue()) {
            scores.intoArray(scratch, 0);
            block.offer(q, rowBase, scratch, L);
        }
    }
}
