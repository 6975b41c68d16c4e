package org.embrec.index;

/** Names of the document fields of a {@link LuceneHnswIndex}; one document per row. */
final class LuceneFields {
    /**
     * The indexed vector ({@code KnnFloatVectorField}, dot-product similarity, unit length): the
     * row's unit vector (cosine), or its {@link MipsTransform} (inner product), one component longer.
     */
    static final String VECTOR = "vector";
    /** The row ({@code IntField}: points for set queries, doc values to map doc ids back). */
    static final String ROW = "row";
    /** Lower-case genres ({@code KeywordField}, one value per genre). */
    static final String GENRE = "genre";
    /** Release year ({@code IntField}), absent when unknown. */
    static final String YEAR = "year";

    private LuceneFields() {}
}
