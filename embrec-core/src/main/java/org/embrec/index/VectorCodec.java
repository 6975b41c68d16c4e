package org.embrec.index;

import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The default Lucene codec with our vector format for every vector field. It keeps the default
 * codec's name: a segment records the per-field vector format by its SPI name
 * ({@code Lucene99HnswVectorsFormat}, {@code Lucene104HnswScalarQuantizedVectorsFormat}, both
 * registered by lucene-core), and the graph parameters and encoding are in the files, so a plain
 * {@code DirectoryReader} reopens the index without this class. Write-side only.
 */
final class VectorCodec extends Lucene104Codec {
    private final KnnVectorsFormat format;

    private VectorCodec(KnnVectorsFormat format) {
        this.format = format;
    }

    /**
     * A codec writing {@code type}'s format with {@code params}; HNSW graphs of merged segments
     * are built by {@code mergeWorkers} threads of {@code executor} (null: single-threaded).
     */
    static VectorCodec of(IndexType type, HnswParams params, int mergeWorkers, ExecutorService executor) {
        int workers = executor == null ? 1 : mergeWorkers;
        KnnVectorsFormat f = switch (type) {
            case HNSW -> new Lucene99HnswVectorsFormat(params.m(), params.efConstruction(), workers, executor);
            case HNSW_SQ8 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SEVEN_BIT, params.m(),
                    params.efConstruction(), workers, executor);
            case HNSW_SQ4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, params.m(),
                    params.efConstruction(), workers, executor);
            default -> throw new IllegalArgumentException(type + " is not a Lucene index type");
        };
        return new VectorCodec(f);
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
    }
}
