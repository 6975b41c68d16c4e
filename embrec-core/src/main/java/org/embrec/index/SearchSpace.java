package org.embrec.index;

import java.util.Objects;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;

/**
 * What a {@link VectorIndex} searches: candidate vectors, the name of their source (recorded in
 * a stored index's manifest, so an index is never used for other vectors), and the similarity
 * that ranks them. The index code takes a space as given; which space a model's queries are
 * scored against is decided in one place outside it ({@code org.embrec.recommend.CandidateVectors}).
 * Immutable.
 *
 * @param source the candidates' name, e.g. {@code "input"} for a model's item vectors
 *     ({@link #ITEM_VECTORS}); a short lower-case key
 * @param vectors the candidate vectors, one row per item
 * @param similarity how a query scores a row: cosine, or the inner product of raw vectors
 */
public record SearchSpace(String source, EmbeddingStore vectors, Similarity similarity) {
    /** The source of a model's item vectors ({@code vectors.bin}); what indexes built before the name searched. */
    public static final String ITEM_VECTORS = "input";

    public SearchSpace {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(similarity, "similarity");
        if (!source.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("source must be a lower-case key, got '" + source + "'");
        }
    }

    /** The item vectors ranked by cosine: every embedding model's space (and every index's before the name). */
    public static SearchSpace cosine(EmbeddingStore vectors) {
        return new SearchSpace(ITEM_VECTORS, vectors, Similarity.COSINE);
    }

    /** True when {@code other} names the same source and similarity (the vectors may differ). */
    public boolean sameKindAs(SearchSpace other) {
        return source.equals(other.source) && similarity == other.similarity;
    }

    /** {@code source/similarity}, e.g. {@code input/cosine}, for messages. */
    public String describe() {
        return source + " vectors, " + similarity.key();
    }
}
