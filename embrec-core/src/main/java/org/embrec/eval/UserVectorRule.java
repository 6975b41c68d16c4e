package org.embrec.eval;

import org.embrec.vectors.EmbeddingStore;

/**
 * How a user vector is made from the vectors of the user's training items (u2i). The default,
 * {@link #MEAN_RAW}, is PROTOCOL.md's and the one the reference figures use.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface UserVectorRule {
    /** Arithmetic mean of the raw (not normalised) vectors: PROTOCOL.md's default. */
    UserVectorRule MEAN_RAW = new UserVectorRule() {
        @Override
        public void userVector(EmbeddingStore store, int[] rows, int length, float[] out) {
            java.util.Arrays.fill(out, 0, store.dim(), 0f);
            for (int i = 0; i < length; i++) {
                store.addTo(rows[i], 1f, out);
            }
            float inv = 1f / length;
            for (int d = 0; d < store.dim(); d++) {
                out[d] *= inv;
            }
        }

        @Override
        public String toString() {
            return "mean-raw";
        }
    };

    /** Mean of the unit-length vectors (every item weighs the same whatever its norm). */
    UserVectorRule MEAN_UNIT = new UserVectorRule() {
        @Override
        public void userVector(EmbeddingStore store, int[] rows, int length, float[] out) {
            java.util.Arrays.fill(out, 0, store.dim(), 0f);
            for (int i = 0; i < length; i++) {
                store.addUnitTo(rows[i], 1f, out);
            }
            float inv = 1f / length;
            for (int d = 0; d < store.dim(); d++) {
                out[d] *= inv;
            }
        }

        @Override
        public String toString() {
            return "mean-unit";
        }
    };

    /**
     * Writes the user vector into {@code out[0..store.dim())}.
     *
     * @param rows store rows of the user's training items that have vectors, in time order
     *     ({@code length >= 1}; repeats count as often as they occur)
     */
    void userVector(EmbeddingStore store, int[] rows, int length, float[] out);
}
