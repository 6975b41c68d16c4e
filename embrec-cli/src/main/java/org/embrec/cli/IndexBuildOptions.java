package org.embrec.cli;

import org.embrec.index.HnswParams;
import org.embrec.index.IvfParams;
import picocli.CommandLine.Option;

/** Graph and cell parameters shared by {@code index} and {@code bench-index} (a mixin). */
public final class IndexBuildOptions {
    @Option(names = "--m", paramLabel = "N", defaultValue = "" + HnswParams.DEFAULT_M,
            description = "HNSW links per node (Lucene maxConn; default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--ef-construction", paramLabel = "N", defaultValue = "" + HnswParams.DEFAULT_EF_CONSTRUCTION,
            description = "HNSW candidate list while inserting (Lucene beamWidth; default: ${DEFAULT-VALUE}).")
    int efConstruction;

    @Option(names = "--nlist", paramLabel = "N", defaultValue = "0",
            description = "IVF cells (k-means clusters); 0 = 4 x sqrt(items) (default: ${DEFAULT-VALUE}).")
    int nlist;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for building and batch search; 0 = all processors (default: ${DEFAULT-VALUE}).")
    int threads;

    /** HNSW parameters with the given efSearch. */
    HnswParams hnsw(int efSearch) {
        return new HnswParams(m, efConstruction, efSearch);
    }

    /** IVF parameters with the given nprobe. */
    IvfParams ivf(int nprobe) {
        return new IvfParams(nlist, nprobe);
    }

    /** The --threads value checked (0 = all processors). */
    int threads() {
        if (threads < 0) {
            throw new org.embrec.EmbrecException("--threads must be >= 0, got " + threads);
        }
        return threads;
    }
}
