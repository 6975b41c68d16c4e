package org.embrec.eval;

import java.util.Objects;
import org.embrec.recommend.UserVectors;
import org.embrec.vectors.EmbeddingStore;

/**
 * How a user vector is made from the vectors of the user's training items (u2i).
 * {@link #MEAN_RAW} is PROTOCOL.md's and the one the reference figures use; embrec's default
 * ({@link #DEFAULT}) weighs recent items more. The rules
 * themselves live in {@link UserVectors} (shared with the recommender); this is the evaluator's
 * view of them.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface UserVectorRule {
    /** Arithmetic mean of the raw (not normalised) vectors: PROTOCOL.md's default. */
    UserVectorRule MEAN_RAW = of(UserVectors.MEAN);

    /** embrec's default, {@link UserVectors#DEFAULT} (recency-weighted). */
    UserVectorRule DEFAULT = of(UserVectors.DEFAULT);

    /** Mean of the unit-length vectors (every item weighs the same whatever its norm). */
    UserVectorRule MEAN_UNIT = of(UserVectors.NORMALISED_MEAN);

    /** The evaluator's view of a recommender rule; {@code toString} is the rule's name. */
    static UserVectorRule of(UserVectors rule) {
        Objects.requireNonNull(rule, "rule");
        return new UserVectorRule() {
            @Override
            public void userVector(EmbeddingStore store, int[] rows, int length, float[] out) {
                rule.userVector(store, rows, length, out);
            }

            @Override
            public String toString() {
                return rule.toString();
            }
        };
    }

    /**
     * Writes the user vector into {@code out[0..store.dim())}.
     *
     * @param rows store rows of the user's training items that have vectors, in time order
     *     ({@code length >= 1}; repeats count as often as they occur)
     */
    void userVector(EmbeddingStore store, int[] rows, int length, float[] out);
}
