package org.embrec.tune;

/**
 * HR@K, NDCG@K and coverage of one trained model on one split, for both tasks.
 *
 * @param cases test (or validation) cases
 */
public record TrialScores(int cases, double i2iHr, double i2iNdcg, double u2iHr, double u2iNdcg, double coverage) {
    /** The scores of a run that failed. */
    public static final TrialScores FAILED = new TrialScores(0, 0, 0, 0, 0, 0);
}
