package org.embrec.index;

import org.slf4j.LoggerFactory;

/**
 * Scores a {@link QueryBlock} against a range of tiles of {@link TiledVectors} and hands tiles
 * with competitive scores to {@link QueryBlock#offer}. {@link #get()} picks the Vector API kernel
 * when {@code jdk.incubator.vector} is present, else the scalar one (also a test oracle).
 * Implementations are stateless apart from per-call scratch and thread-safe.
 */
abstract class TileKernel {
    /** Rows per tile this kernel expects. */
    abstract int lanes();

    /** Scans tiles {@code [tileFrom, tileTo)} (any range; whole groups of {@link TiledVectors#TILE_GROUP} are fastest). */
    abstract void scan(TiledVectors tiles, QueryBlock block, int tileFrom, int tileTo);

    /** Short name for logs and benchmark output. */
    abstract String name();

    static TileKernel get() {
        return Holder.INSTANCE;
    }

    static TileKernel scalar() {
        return ScalarTileKernel.INSTANCE;
    }

    /** Lazy, thread-safe choice of the kernel. */
    private static final class Holder {
        static final TileKernel INSTANCE = choose();

        private static TileKernel choose() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    && !Boolean.getBoolean("embrec.scalar")) {
                try {
                    return PanamaTileKernel.create();
                } catch (LinkageError | RuntimeException e) {
                    LoggerFactory.getLogger(TileKernel.class).warn("Vector API kernel unavailable ({})", e.toString());
                }
            }
            return ScalarTileKernel.INSTANCE;
        }
    }
}
