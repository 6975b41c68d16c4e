package org.embrec.eval;

/**
 * A model under evaluation: it scores every item of its candidate set for a query item (i2i)
 * or a user history (u2i). Candidates are dense indices {@code 0..candidateCount()-1}; the
 * {@link Evaluator} maps the split's items to them, decides misses, applies exclusions and
 * ranks.
 *
 * <p>Implementations are immutable and thread-safe; all mutable scratch state lives in a
 * {@link Worker}, one per evaluation thread.
 */
public interface ItemScorer {
    /** The model's name in reports ({@code item2vec}, {@code popularity}, ...). */
    String name();

    /** Size of the candidate set (items with a vector; for baselines, items seen in training). */
    int candidateCount();

    /** External id of candidate {@code c} (ties are broken by it). */
    String candidateId(int c);

    /** The candidate index of a dense item id of the split's item id map, or -1 if it is none. */
    int candidateOf(int item);

    /** Fresh scratch state for one thread. */
    Worker newWorker();

    /**
     * Per-thread scoring state. Not thread-safe. Scores written must be finite; entries of
     * {@code scores} beyond {@code candidateCount()} are left alone, and every candidate's
     * entry is overwritten.
     */
    interface Worker {
        /** Scores every candidate for the query candidate {@code query} into {@code scores}. */
        void scoreRelated(int query, double[] scores);

        /**
         * Scores every candidate for a user whose training items are the candidates
         * {@code history[0..length)} (in time order, length >= 1) into {@code scores}.
         */
        void scoreForUser(int[] history, int length, double[] scores);

        /**
         * As {@link #scoreForUser(int[], int, double[])} for the user of training sequence
         * {@code sequence} (an index of the split's training sequences), for scorers that keep
         * something per user (ALS's user factors); by default the history alone decides.
         */
        default void scoreForUser(int sequence, int[] history, int length, double[] scores) {
            scoreForUser(history, length, scores);
        }
    }
}
