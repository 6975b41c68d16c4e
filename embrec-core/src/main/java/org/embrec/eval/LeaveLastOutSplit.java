package org.embrec.eval;

import org.embrec.sequence.HoldOut;
import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's split: a sequence of length >= 3 gives one test case whose target is its last
 * item and whose training sequence is everything before it; shorter sequences go to training
 * whole. The input must already be the liked items in (time, file row) order, as
 * {@link org.embrec.sequence.SequenceBuilder} makes them.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeaveLastOutSplit {
    /** Sequences shorter than this give no test case. */
    public static final int MIN_TEST_LENGTH = 3;

    private LeaveLastOutSplit() {}

    /** Splits liked sequences into training sequences and test cases. */
    public static Split split(Sequences liked) {
        HoldOut h = HoldOut.of(liked, s -> liked.length(s) >= MIN_TEST_LENGTH);
        return new Split(h.training(), new TestCases(h.training(), h.sequences(), h.targets()));
    }

    /**
     * The validation split for tuning: the training sequences of {@code test} split again the
     * same way, so no test target is ever seen while tuning.
     */
    public static Split validation(Split test) {
        return split(test.training());
    }
}
