package org.embrec.tune;

import org.embrec.Progress;

/**
 * Trains with one point of a search space and scores the result; {@link TrialEvaluator} does it
 * on a PROTOCOL.md split. Implementations must be thread-safe: the {@link Tuner} runs several
 * trials at once.
 */
@FunctionalInterface
public interface TrialRunner {
    /**
     * @throws org.embrec.EmbrecException when the trainer rejects the point (the run then counts
     *     as failed and tuning goes on)
     */
    TrialScores score(HyperParameters point, long seed, Progress progress);
}
