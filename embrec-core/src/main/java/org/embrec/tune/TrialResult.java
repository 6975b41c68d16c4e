package org.embrec.tune;

/**
 * One training run of a tuning session: a sampled configuration at one rung of successive
 * halving.
 *
 * @param trial 1-based run number in the order runs were started
 * @param config 1-based number of the sampled configuration (shared by its runs at every rung)
 * @param rung 0-based rung (epochs grow with the rung)
 * @param point the full settings of the run, epochs included
 * @param scores validation scores
 * @param score the objective's value
 * @param seconds wall-clock seconds of training and scoring
 * @param status {@code complete} (the last rung), {@code promoted} (went on to the next rung),
 *     {@code pruned} (stopped here) or {@code failed: message} (the trainer rejected the point,
 *     say it diverged; scores are zero and the score is -infinity)
 */
public record TrialResult(int trial, int config, int rung, HyperParameters point, TrialScores scores, double score,
        double seconds, String status) {

    /** The same run with another status. */
    public TrialResult withStatus(String newStatus) {
        return new TrialResult(trial, config, rung, point, scores, score, seconds, newStatus);
    }

    /** True when the trainer rejected the point. */
    public boolean failed() {
        return status.startsWith("failed");
    }

    /** The run's epochs. */
    public int epochs() {
        Object e = point.get(SearchSpace.EPOCHS);
        return e == null ? 0 : (Integer) e;
    }
}
