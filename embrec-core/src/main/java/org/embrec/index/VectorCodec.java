package org.embrec.index;

import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The default Lucene codec with our vector format for every vector field, in two phases. While
 * documents are added the format builds no graph (its tiny-segment threshold is set to infinity,
 * so flushed segments hold only vectors); after {@link #enableGraphs()} the same format builds
 * graphs, and the force-merge then builds the one graph of the index with all merge workers
 * (Lucene's concurrent HNSW merge) instead of one graph per indexing thread plus a merge.
 *
 * <p>It keeps the default codec's name: a segment records the per-field vector format by its SPI
 * name ({@code Lucene99HnswVectorsFormat}, {@code Lucene104HnswScalarQuantizedVectorsFormat}, both
 * registered by lucene-core) and the graph parameters and encoding are in the files, so a plain
 * {@code DirectoryReader} reopens the index without this class. Write-side only; thread-safe.
 */
final class VectorCodec extends Lucene104Codec {
    private final KnnVectorsFormat vectorsOnly;
    private final KnnVectorsFormat withGraphs;
    private volatile boolean graphs;

    private VectorCodec(KnnVectorsFormat vectorsOnly, KnnVectorsFormat withGraphs) {
        this.vectorsOnly = vectorsOnly;
        this.withGraphs = withGraphs;
    }

    /**
     * A codec writing {@code type}'s format with {@code params}; graphs are built by
     * {@code mergeWorkers} threads of {@code executor} (null: single-threaded).
     */
    static VectorCodec of(IndexType type, HnswParams params, int mergeWorkers, ExecutorService executor) {
        int workers = executor == null ? 1 : mergeWorkers;
        return new VectorCodec(format(type, params, 1, null, Integer.MAX_VALUE),
                format(type, params, workers, executor, Lucene99HnswVectorsFormat.HNSW_GRAPH_THRESHOLD));
    }

    private static KnnVectorsFormat format(IndexType type, HnswParams p, int workers, ExecutorService executor,
            int tinySegments) {
        return switch (type) {
            case HNSW -> new Lucene99HnswVectorsFormat(p.m(), p.efConstruction(), workers, executor, tinySegments);
            case HNSW_SQ8 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SEVEN_BIT, p.m(),
                    p.efConstruction(), workers, executor, tinySegments);
            case HNSW_SQ4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, p.m(),
                    p.efConstruction(), workers, executor, tinySegments);
            default -> throw new IllegalArgumentException(type + " is not a Lucene index type");
        };
    }

    /** From now on, segments written (by merges) get HNSW graphs. */
    void enableGraphs() {
        graphs = true;
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return graphs ? withGraphs : vectorsOnly;
    }
}
