package org.embrec.recommend;

import java.util.Objects;
import org.embrec.index.SearchSpace;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;

/**
 * The one place that says which vectors a model's queries are scored against, and by which
 * similarity ({@link SearchSpace}): the item vectors by cosine for {@link Scoring#DEFAULT}; the
 * item vectors by cosine for ALS item queries and by inner product for its user queries; the
 * scoring's {@link Scoring#candidateVectors} (output vectors with their bias, after the unit item
 * vectors when a blend uses the cosine) by inner product for a skip-gram model scored by output
 * vectors. The space's source is {@link Scoring#candidateSource}, so a stored index records
 * which candidates it holds. {@link Recommender} searches these spaces (through a stored index
 * when its manifest names the space, else exactly), and {@code embrec index} indexes
 * {@link #indexed} — so a change of a scoring's candidates (say, a blend of input and output
 * vectors) changes what is indexed and searched together, and an index built before it is
 * refused rather than used. The query vector that scores the candidates is the scoring's
 * {@link Scoring#candidateQuery}. Stateless.
 */
public final class CandidateVectors {
    /** Which queries: related items (item queries) or recommendations (user queries). */
    public enum Side {
        ITEMS, USERS
    }

    private CandidateVectors() {}

    /**
     * The spaces of a model's item and user queries. They share one candidate store (a blend's
     * concatenated candidates are built once), and when both sides rank by the same similarity
     * they are the same space, so user queries search the item queries' index.
     */
    public record Spaces(SearchSpace items, SearchSpace users) {
        /** The space of {@code side}. */
        public SearchSpace side(Side side) {
            return side == Side.ITEMS ? items : users;
        }
    }

    /** The spaces {@code model}'s queries are scored against. */
    public static Spaces of(EmbeddingModel model) {
        return of(model.scoring(), model.vectors(), model.outputVectors());
    }

    /**
     * The spaces the queries of a model scoring by {@code scoring} are scored against, given its
     * item vectors and its output vectors (null unless the scoring needs them).
     *
     * @throws IllegalArgumentException when the scoring needs output vectors and there are none
     */
    public static Spaces of(Scoring scoring, EmbeddingStore vectors, EmbeddingStore outputVectors) {
        Objects.requireNonNull(vectors, "vectors");
        EmbeddingStore candidates = scoring.candidateVectors(vectors, outputVectors);
        SearchSpace items = new SearchSpace(scoring.candidateSource(), candidates, scoring.items());
        SearchSpace users = scoring.users() == scoring.items() ? items
                : new SearchSpace(scoring.candidateSource(), candidates, scoring.users());
        return new Spaces(items, users);
    }

    /** The space {@code model}'s {@code side} queries are scored against. */
    public static SearchSpace of(EmbeddingModel model, Side side) {
        return of(model).side(side);
    }

    /** The space of {@code side} queries of a model scoring by {@code scoring} ({@link #of(Scoring, EmbeddingStore, EmbeddingStore)}). */
    public static SearchSpace of(Scoring scoring, EmbeddingStore vectors, EmbeddingStore outputVectors, Side side) {
        return of(scoring, vectors, outputVectors).side(side);
    }

    /**
     * The space a stored index of {@code model} holds: its item queries' ({@link Side#ITEMS});
     * user queries search it too when they are scored in the same space.
     */
    public static SearchSpace indexed(EmbeddingModel model) {
        return of(model).items();
    }
}
