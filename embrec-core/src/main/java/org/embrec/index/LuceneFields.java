package org.embrec.index;

/** Names of the document fields of a {@link LuceneHnswIndex}; one document per row. */
final class LuceneFields {
    /**
     * The candidate vector ({@code KnnFloatVectorField}): unit length with dot-product similarity
     * for cosine, raw with maximum inner product for inner product ({@link #function}).
     */
    static final String VECTOR = "vector";
    /** The row ({@code IntField}: points for set queries, doc values to map doc ids back). */
    static final String ROW = "row";
    /** Lower-case genres ({@code KeywordField}, one value per genre). */
    static final String GENRE = "genre";
    /** Release year ({@code IntField}), absent when unknown. */
    static final String YEAR = "year";

    private LuceneFields() {}

    /** Lucene's similarity function of the vector field of an index ranking by {@code similarity}. */
    static org.apache.lucene.index.VectorSimilarityFunction function(org.embrec.vectors.Similarity similarity) {
        return switch (similarity) {
            case COSINE -> org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT;
            case INNER_PRODUCT -> org.apache.lucene.index.VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
        };
    }
}
