package org.embrec.eval;

import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's popularity baseline: every candidate scores count(j), the number of training
 * sequences containing j, whatever the query or history.
 *
 * <p>Immutable and thread-safe.
 */
public final class PopularityBaseline extends TrainingItemsScorer {
    /** The name in reports. */
    public static final String NAME = "popularity";

    private final double[] counts;

    public PopularityBaseline(Sequences training) {
        super(new TrainingItems(training));
        int[] perItem = training.sequenceCounts();
        counts = new double[items.size()];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = perItem[items.item(c)];
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Worker newWorker() {
        return new Worker() {
            @Override
            public void scoreRelated(int query, double[] scores) {
                System.arraycopy(counts, 0, scores, 0, counts.length);
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                System.arraycopy(counts, 0, scores, 0, counts.length);
            }
        };
    }
}
